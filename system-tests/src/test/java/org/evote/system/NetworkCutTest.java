package org.evote.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.evote.crypto.record.RecordFiles;
import org.evote.kiosk.robot.RobotVoter;
import org.evote.launcher.election.BoardAudit;
import org.evote.launcher.election.RobotKiosks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Network cut between kiosk and server: kiosks reach the board through a proxy whose cable is pulled
 * while voters keep voting. Their receipts say "upload pending"; once the network is back every queued ballot is
 * uploaded once, each kiosk's in the order of its chain. The harder case is a network that loses only the board's
 * answers: the ballots are on the board but the kiosks do not know it, and their retries must not store them again;
 * and a network that swallows everything silently, found out only by the kiosks' timeouts.
 */
class NetworkCutTest {
  @TempDir
  Path temp;

  @Test
  void queuedBallotsUploadOnceInChainOrderWhenTheNetworkComesBack() throws Exception {
    try (Site site = new Site(temp, "manifest-small.json", 2);
        BlockingProxy proxy = new BlockingProxy(site.board.port())) {
      URI viaProxy = URI.create("http://127.0.0.1:" + proxy.port());
      try (RobotKiosks robots = new RobotKiosks(site.config, viaProxy, site.kiosks, temp.resolve("kiosks"), 0.25,
          site.random, Duration.ofSeconds(3))) {
        List<RobotVoter.Entry> voted = new ArrayList<>(robots.vote(4));
        assertTrue(voted.stream().noneMatch(e -> e.receipt().uploadPending()));
        long before = ServerCrashTest.ballotsOnBoard(site.board.uri());
        assertEquals(4, before);

        proxy.cut();
        List<RobotVoter.Entry> duringCut = robots.vote(6);
        voted.addAll(duringCut);
        assertTrue(duringCut.stream().allMatch(e -> e.receipt().uploadPending()),
            "with the network cut, voters get upload-pending receipts");
        assertEquals(6, robots.pending());
        assertEquals(before, ServerCrashTest.ballotsOnBoard(site.board.uri()), "nothing reached the board");

        proxy.restore();
        assertTrue(robots.awaitUploads(Duration.ofSeconds(60)), robots.pending() + " still queued");
        assertEquals(0, robots.refused());
        assertEquals(10, ServerCrashTest.ballotsOnBoard(site.board.uri()));

        // Answers lost: the board stores each ballot, the kiosk hears nothing and retries the same signed request.
        proxy.dropAnswers();
        List<RobotVoter.Entry> answersLost = robots.vote(4);
        voted.addAll(answersLost);
        assertTrue(answersLost.stream().allMatch(e -> e.receipt().uploadPending()), "no answer, no receipt");
        // Each kiosk's first request got through; the rest wait behind it, as uploads keep chain order.
        assertEquals(12, ServerCrashTest.ballotsOnBoard(site.board.uri()), "the requests themselves got through");
        assertEquals(4, robots.pending());
        Thread.sleep(1500); // at least one retry each, answers lost again
        proxy.restore();
        assertTrue(robots.awaitUploads(Duration.ofSeconds(60)), robots.pending() + " still queued");
        assertEquals(0, robots.refused());
        assertEquals(14, ServerCrashTest.ballotsOnBoard(site.board.uri()), "the retries stored nothing twice");

        // Silence: the network swallows requests; the kiosks give up on each after their timeout and queue.
        proxy.blackHole();
        List<RobotVoter.Entry> swallowed = robots.vote(2);
        voted.addAll(swallowed);
        assertTrue(swallowed.stream().allMatch(e -> e.receipt().uploadPending()), "no answer, no receipt");
        assertEquals(14, ServerCrashTest.ballotsOnBoard(site.board.uri()), "nothing reached the board");
        proxy.restore();
        assertTrue(robots.awaitUploads(Duration.ofSeconds(60)), robots.pending() + " still queued");
        assertEquals(16, ServerCrashTest.ballotsOnBoard(site.board.uri()));

        Path board = site.board.export(temp.resolve("board.json"));
        List<String> problems = BoardAudit.problems(BoardAudit.ballots(board), voted);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(RecordFiles.verify(site.electionFile, board, null, site.random, 2, n -> { }).isValid());
      }
    }
  }
}
