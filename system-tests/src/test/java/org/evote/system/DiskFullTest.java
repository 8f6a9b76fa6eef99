package org.evote.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.evote.crypto.record.RecordFiles;
import org.evote.kiosk.robot.RobotVoter;
import org.evote.launcher.election.BoardAudit;
import org.evote.launcher.election.RobotKiosks;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Disk full under the data directory: the board lives on a small tmpfs mount that is then filled (where
 * the machine allows a mount), or its database is capped at its present size ({@code --max-database-mb}, which
 * fails writes exactly as a full disk does). The server refuses new ballots with a clear error instead of giving
 * receipts, and nothing half-written is left: after space is freed and the server restarted, the board passes its
 * start-up integrity check, holds every ballot it gave a receipt for, and the kiosks' queued ballots upload once.
 */
class DiskFullTest {
  @TempDir
  Path temp;

  static boolean mount(Path dir, String size) throws Exception {
    Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString())
        .redirectErrorStream(true).start();
    return p.waitFor() == 0;
  }

  static void unmount(Path dir) throws Exception {
    new ProcessBuilder("umount", "-l", dir.toString()).redirectErrorStream(true).start().waitFor();
  }

  /** Writes a file until the disk is full; returns it. */
  static Path fill(Path dir) throws IOException {
    Path filler = dir.resolve("filler.bin");
    byte[] block = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (true) {
        out.write(block);
      }
    } catch (IOException e) {
      if (!String.valueOf(e.getMessage()).contains("space")) {
        throw e;
      }
    }
    return filler;
  }

  enum Full { TMPFS_FILLED, DATABASE_CAPPED }

  @ParameterizedTest
  @EnumSource(Full.class)
  void aFullDiskStopsIntakeWithAClearErrorAndTheBoardStaysIntact(Full how) throws Exception {
    Path disk = Files.createDirectories(temp.resolve("disk"));
    if (how == Full.TMPFS_FILLED) {
      Assumptions.assumeTrue(mount(disk, "8m"), "this machine does not allow a tmpfs mount");
    }
    try (Site site = new Site(disk.resolve("site"), "manifest-small.json", 2);
        RobotKiosks robots = new RobotKiosks(site.config, site.board.uri(), site.kiosks, temp.resolve("kiosks"), 0.2,
            site.random)) {
      int port = site.board.port();
      List<RobotVoter.Entry> voted = new ArrayList<>(robots.vote(4));
      assertTrue(voted.stream().noneMatch(e -> e.receipt().uploadPending()));
      Path filler = null;
      if (how == Full.TMPFS_FILLED) {
        filler = fill(disk);
      } else {
        site.board.stop();
        site.board.limitDatabase(Files.size(site.dataDir().resolve("board.sqlite")));
        site.board.start("127.0.0.1", port);
      }

      List<RobotVoter.Entry> whileFull = robots.vote(4);
      voted.addAll(whileFull);
      assertTrue(whileFull.stream().allMatch(e -> e.receipt().uploadPending()),
          "no receipt is given for what is not durable");
      assertEquals(4, robots.pending(), "the ballots wait in the kiosks' outboxes");
      assertEquals(0, robots.refused(), "a full disk is not the voter's fault: nothing is refused for good");
      String problem = robots.kiosks().stream().map(k -> k.uploadStatus().lastProblem())
          .filter(p -> !p.isEmpty()).findFirst().orElse("");
      assertTrue(problem.contains("503") && problem.contains("disk is full"), problem);

      HttpResponse<String> status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(site.board.uri()
          .resolve("/api/status")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, status.statusCode(), "the board is still readable");
      assertTrue(status.body().contains("\"cast_ballots\""), status.body());

      // Space freed, server restarted: its integrity check passes, and the queued ballots upload once.
      site.board.stop();
      if (filler != null) {
        Files.delete(filler);
      }
      site.board.limitDatabase(0);
      site.board.start("127.0.0.1", port);
      assertTrue(robots.awaitUploads(Duration.ofSeconds(60)), robots.pending() + " still queued");
      Path board = site.board.export(temp.resolve("board.json"));
      List<String> problems = BoardAudit.problems(BoardAudit.ballots(board), voted);
      assertTrue(problems.isEmpty(), String.join("\n", problems));
      assertTrue(RecordFiles.verify(site.electionFile, board, null, site.random, 2, n -> { }).isValid());
    } finally {
      if (how == Full.TMPFS_FILLED) {
        unmount(disk);
      }
    }
  }
}
