package org.evote.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.record.RecordFiles;
import org.evote.crypto.verify.VerificationReport;
import org.evote.kiosk.robot.RobotVoter;
import org.evote.launcher.election.BoardAudit;
import org.evote.launcher.election.RobotKiosks;
import org.evote.server.testing.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Server killed with kill -9 during load: robot kiosks vote against a ballot server in another process,
 * which is killed with SIGKILL mid-stream and restarted. Every receipt given is on the board at the entry it names,
 * the ballots the kiosks queued meanwhile upload once, and the whole board verifies.
 */
class ServerCrashTest {
  @TempDir
  Path temp;

  static long ballotsOnBoard(URI board) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(board.resolve("/api/status"))
        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    JsonObject status = JsonText.parseObject(r.body());
    return status.getJsonNumber("cast_ballots").longValue() + status.getJsonNumber("challenged_ballots").longValue();
  }

  @Test
  void killedDuringVotingAndRestartedNothingIsLostOrCountedTwice() throws Exception {
    Site site = new Site(temp, "manifest-small.json", 4);
    site.close(); // from now on the board is served by a separate process
    int port = ServerProcess.freePort();
    URI uri = URI.create("http://127.0.0.1:" + port);
    Path log = temp.resolve("server.log");
    ServerProcess server = ServerProcess.start(site.dataDir(), site.boardPassFile, port, log);
    try (RobotKiosks robots = new RobotKiosks(site.config, uri, site.kiosks, temp.resolve("kiosks"), 0.2,
        site.random)) {
      CompletableFuture<List<RobotVoter.Entry>> voting = CompletableFuture.supplyAsync(() -> {
        try {
          return robots.vote(48);
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
      });
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (ballotsOnBoard(uri) < 10 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      server.kill9();
      long beforeCrash = robots.entries().stream().filter(e -> !e.receipt().uploadPending()).count();
      Thread.sleep(1500); // the kiosks keep voting into their outboxes
      server = ServerProcess.start(site.dataDir(), site.boardPassFile, port, log);

      List<RobotVoter.Entry> voted = voting.get(3, TimeUnit.MINUTES);
      assertEquals(48, voted.size());
      assertTrue(robots.awaitUploads(Duration.ofSeconds(90)), robots.pending() + " still queued");
      assertEquals(0, robots.refused(), "nothing is refused after the crash: retries are idempotent");
      // Each kiosk sends its next ballot only after the voter got the previous receipt: of the ≥ 10 ballots on the
      // board at the kill, all but each kiosk's last had their receipts given.
      assertTrue(beforeCrash >= 10 - site.kiosks.size(), "receipts were given before the crash: " + beforeCrash);
      assertTrue(voted.stream().anyMatch(e -> e.receipt().uploadPending()),
          "some ballots were queued while the board was down");

      Path board = temp.resolve("board.json");
      HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri.resolve("/api/board/export")).build(),
          HttpResponse.BodyHandlers.ofFile(board));
      List<String> problems = BoardAudit.problems(BoardAudit.ballots(board), voted);
      assertTrue(problems.isEmpty(), String.join("\n", problems));
      VerificationReport report = RecordFiles.verify(site.electionFile, board, null, site.random, 2, n -> { });
      assertTrue(report.isValid(), report.render());
    } finally {
      server.close();
    }
  }
}
