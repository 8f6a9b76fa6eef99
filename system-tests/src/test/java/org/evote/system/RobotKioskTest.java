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
      Path pass = temp.resolve("pass");
      Files.writeString(pass, "robot kiosk passphrase 1234\n");
      creds.write(credsFile, "robot kiosk passphrase 1234".toCharArray(), b.random);
      Path log = temp.resolve("robot.json");
      int code = KioskMain.command().execute("--server", b.uri().toString(), "--credentials",
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
      Path pass = temp.resolve("pass2");
      Files.writeString(pass, "robot kiosk passphrase 1234\n");
      creds.write(credsFile, "robot kiosk passphrase 1234".toCharArray(), b.random);
      int code = KioskMain.command().execute("--server", b.uri().toString(), "--credentials",
          credsFile.toString(), "--election-hash", "ab".repeat(32), "--passphrase-file", pass.toString(),
          "--data", temp.resolve("kiosk2").toString(), "--robot", "1");
      assertEquals(2, code, "a substituted election is refused");
    }
  }

  @Test
  void aRobotWhoseBallotsTheBoardRefused_printsEachWithItsReason_andExitsThree() throws Exception {
    try (LiveBoard b = new LiveBoard(temp, "manifest-small.json")) {
      KioskCredentials creds = b.registerKiosk("R3");
      Path credsFile = temp.resolve("r3.credentials");
      Path pass = temp.resolve("pass3");
      Files.writeString(pass, "robot kiosk passphrase 1234\n");
      creds.write(credsFile, "robot kiosk passphrase 1234".toCharArray(), b.random);
      java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
      java.io.PrintStream out = System.out;
      int code;
      System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
      try {
        // the polls were never opened: the board refuses every ballot
        code = KioskMain.command().execute("--server", b.uri().toString(), "--credentials",
            credsFile.toString(), "--election-hash", b.config.extendedHash().toHex(), "--passphrase-file",
            pass.toString(), "--data", temp.resolve("kiosk3").toString(), "--robot", "2", "--challenge-rate", "0");
      } finally {
        System.setOut(out);
      }
      String text = printed.toString(java.nio.charset.StandardCharsets.UTF_8);
      assertEquals(KioskMain.EXIT_REFUSED, code, text);
      assertTrue(text.contains("REFUSED R3-000001") && text.contains("polls_not_open"), text);
      // refused without a record, the first ballot breaks the kiosk's chain on the board: no second is started
      assertTrue(text.contains("robot: STOPPED: no new ballot can be started") && !text.contains("R3-000002"),
          text);
    }
  }

  @Test
  void aCredentialPassphraseShorterThanTwelveCharacters_isRefused() throws Exception {
    try (LiveBoard b = new LiveBoard(temp, "manifest-minimal.json")) {
      KioskCredentials creds = b.registerKiosk("R4");
      Path credsFile = temp.resolve("r4.credentials");
      creds.write(credsFile, "robot kiosk passphrase 1234".toCharArray(), b.random);
      Path pass = Files.writeString(temp.resolve("pass4"), "12345678\n");
      int code = KioskMain.command().execute("--server", b.uri().toString(), "--credentials",
          credsFile.toString(), "--election-hash", b.config.extendedHash().toHex(), "--passphrase-file",
          pass.toString(), "--data", temp.resolve("kiosk4").toString(), "--robot", "1");
      assertEquals(2, code);
    }
  }

  @Test
  void aPinOtherThanFourToEightDigits_isRefused_andAGoodOneIsKeptOnlyAsAHash() throws Exception {
    try (LiveBoard b = new LiveBoard(temp, "manifest-minimal.json")) {
      KioskCredentials creds = b.registerKiosk("R5");
      b.openPolls();
      Path credsFile = temp.resolve("r5.credentials");
      creds.write(credsFile, "robot kiosk passphrase 1234".toCharArray(), b.random);
      Path pass = Files.writeString(temp.resolve("pass5"), "robot kiosk passphrase 1234\n");
      Path badPin = Files.writeString(temp.resolve("pin5"), "12ab\n");
      String[] args = {"--server", b.uri().toString(), "--credentials", credsFile.toString(), "--election-hash",
          b.config.extendedHash().toHex(), "--passphrase-file", pass.toString(), "--pin-file", badPin.toString(),
          "--data", temp.resolve("kiosk5").toString(), "--robot", "1", "--challenge-rate", "0"};
      assertEquals(2, KioskMain.command().execute(args));
      Files.writeString(badPin, "482913\n");
      assertEquals(0, KioskMain.command().execute(args));
      String kept = Files.readString(temp.resolve("kiosk5").resolve(org.evote.kiosk.pollworker.PinGate.FILE_NAME));
      assertTrue(kept.contains("pbkdf2") && !kept.contains("482913"), kept);
    }
  }
}
