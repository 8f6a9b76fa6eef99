package org.evote.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import org.evote.board.client.ApiPaths;
import org.evote.crypto.json.JsonText;
import org.evote.kiosk.KioskMain;
import org.evote.launcher.election.LocalBoard;
import org.evote.launcher.election.LocalWitness;
import org.evote.launcher.election.MockElection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What {@code demo --keep-serving} leaves up: the election's board answers receipt look-ups after the tally, both
 * witnesses serve the final checkpoint they cosigned, and a kiosk started with the printed credentials votes on the
 * practice board (its robot mode: the window's own path).
 */
class KeepServingTest {
  @TempDir
  Path temp;

  static HttpResponse<String> get(String url) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(java.net.URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void receiptsCanBeLookedUpAndAKioskCanVoteOnThePracticeBoard() throws Exception {
    Path out = temp.resolve("demo");
    MockElection.Settings settings = new MockElection.Settings(Optional.empty(), 3, 2, 2, 6, 0.0, out, 0);
    try (MockElection election = new MockElection(settings, new SecureRandom(),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
      assertTrue(election.run().succeeded());
      LocalBoard board = election.board();
      String code = JsonText.readObject(out.resolve("robots/K-01.json")).getJsonArray("ballots").getJsonObject(0)
          .getString("tracking_code");
      HttpResponse<String> receipt = get(board.uri() + ApiPaths.receipt(code));
      assertEquals(200, receipt.statusCode(), receipt.body());
      assertTrue(receipt.body().contains("\"ballot_cast\""), receipt.body());

      // Both witnesses are still up, and each serves the board's final checkpoint it cosigned to monitors.
      String finalCheckpoint = Files.readString(out.resolve("record/checkpoint.txt"));
      String sizeLine = finalCheckpoint.split("\n")[1];
      assertEquals(2, election.witnesses().size());
      for (LocalWitness w : election.witnesses()) {
        HttpResponse<String> seen = get(w.monitoringUri(board.checkpointKey().name()).toString());
        assertEquals(200, seen.statusCode(), seen.body());
        assertEquals(sizeLine, seen.body().split("\n")[1], "the witness saw the whole final board");
        assertTrue(seen.body().contains("\u2014 " + w.name() + " "), seen.body());
      }

      LocalBoard practice = election.openPracticeBoard();
      int exit = KioskMain.command().execute("--server", practice.uri().toString(), "--credentials",
          out.resolve("kiosks/" + MockElection.DESK_KIOSK + ".credentials").toString(), "--passphrase-file",
          out.resolve("kiosks/" + MockElection.DESK_KIOSK + ".pass").toString(), "--pin-file",
          out.resolve("kiosks/" + MockElection.DESK_KIOSK + ".pin").toString(), "--election-hash",
          board.config().extendedHash().toHex(), "--data", temp.resolve("desk").toString(), "--robot", "2",
          "--challenge-rate", "0");
      assertEquals(0, exit);
      String pinFile = Files.readString(temp.resolve("desk").resolve(org.evote.kiosk.pollworker.PinGate.FILE_NAME));
      String pin = Files.readString(out.resolve("kiosks/" + MockElection.DESK_KIOSK + ".pin")).strip();
      assertTrue(pin.matches("[0-9]{6}") && !pinFile.contains(pin), "the PIN is kept only as a hash");
      JsonObject practiceStatus = JsonText.parseObject(get(practice.uri() + ApiPaths.STATUS).body());
      assertEquals(2, practiceStatus.getJsonNumber("cast_ballots").longValue());
      assertTrue(practiceStatus.getBoolean("practice"), "the demo's practice board says it is one");
      JsonObject electionStatus = JsonText.parseObject(get(board.uri() + ApiPaths.STATUS).body());
      assertEquals(6, electionStatus.getJsonNumber("cast_ballots").longValue(), "the election's board is untouched");
      assertEquals("closed", electionStatus.getString("polls"));
      assertFalse(electionStatus.getBoolean("practice"), "the election's board is real");
    }
  }
}
