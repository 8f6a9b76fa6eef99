package org.evote.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.keystore.KioskCredentials;
import org.evote.kiosk.KioskMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `kiosk-client --robot N` against a real board: N ballots through the kiosk's own path, logged with the truth. */
class RobotKioskTest {
  @TempDir
  Path temp;

  @Test
  void theRobotCastsAndChallengesAndLogsEveryBallot() throws Exception {
    try (LiveBoard b = new LiveBoard(temp, "manifest-small.json")) {
      KioskCredentials creds = b.registerKiosk("R1");
      b.openPolls();
      Path credsFile = temp.resolve("r1.credentials");
      Path pass = temp.resolve("pin");
      Files.writeString(pass, "robot kiosk pin 1234\n");
      creds.write(credsFile, "robot kiosk pin 1234".toCharArray(), b.random);
      Path log = temp.resolve("robot.json");
      int code = new CommandLine(new KioskMain()).execute("--server", b.uri().toString(), "--credentials",
          credsFile.toString(), "--election-hash", b.config.extendedHash().toHex(), "--passphrase-file",
          pass.toString(), "--data", temp.resolve("kiosk").toString(), "--robot", "12", "--challenge-rate", "0.3",
          "--robot-log", log.toString());
      assertEquals(0, code);
      JsonObject written = JsonText.readObject(log);
      assertEquals(12, written.getJsonArray("ballots").size());
      long challenged = written.getJsonArray("ballots").stream().map(JsonValue::asJsonObject)
          .filter(o -> o.getString("kind").equals("challenged")).count();
      JsonObject status = JsonText.parseObject(java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(b.uri().resolve("/api/status")).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString()).body());
      assertEquals(12 - challenged, status.getJsonNumber("cast_ballots").longValue());
      assertEquals(challenged, status.getJsonNumber("challenged_ballots").longValue());
      assertTrue(written.getJsonArray("ballots").getJsonObject(0).containsKey("choices"));
      // The robot keeps the same receipt PDFs as the kiosk's screens, one per ballot, with the whole code on it.
      Path receipts = temp.resolve("kiosk").resolve("receipts");
      for (JsonObject ballot : written.getJsonArray("ballots").getValuesAs(JsonObject.class)) {
        Path pdf = receipts.resolve(ballot.getString("ballot_id") + ".pdf");
        assertTrue(Files.isRegularFile(pdf), pdf.toString());
        String text;
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
          text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        }
        List<String> lines = text.lines().map(String::strip).toList();
        assertTrue(lines.contains(ballot.getString("tracking_code")), text);
        String full = ballot.getString("confirmation_code");
        assertTrue(lines.contains(full.substring(0, 32)) && lines.contains(full.substring(32)), text);
      }
      try (var files = Files.list(receipts)) {
        assertEquals(12, files.count());
      }
    }
  }

  @Test
  void aKioskPinnedToAnotherElectionRefusesTheBoard() throws Exception {
    try (LiveBoard b = new LiveBoard(temp, "manifest-minimal.json")) {
      KioskCredentials creds = b.registerKiosk("R2");
      Path credsFile = temp.resolve("r2.credentials");
      Path pass = temp.resolve("pin2");
      Files.writeString(pass, "robot kiosk pin 1234\n");
      creds.write(credsFile, "robot kiosk pin 1234".toCharArray(), b.random);
      int code = new CommandLine(new KioskMain()).execute("--server", b.uri().toString(), "--credentials",
          credsFile.toString(), "--election-hash", "ab".repeat(32), "--passphrase-file", pass.toString(),
          "--data", temp.resolve("kiosk2").toString(), "--robot", "1");
      assertEquals(2, code, "a substituted election is refused");
    }
  }
}
