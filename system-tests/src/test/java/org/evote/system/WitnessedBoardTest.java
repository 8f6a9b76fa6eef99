package org.evote.system;

import static org.evote.system.WitnessedBoards.await;
import static org.evote.system.WitnessedBoards.checkpoint;
import static org.evote.system.WitnessedBoards.quorumCoversLatest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.evote.board.client.BoardClient;
import org.evote.board.client.BoardDownload;
import org.evote.crypto.board.SignedHead;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.note.AddCheckpointRequest;
import org.evote.crypto.note.SignedNote;
import org.evote.crypto.note.VerifierKey;
import org.evote.crypto.note.WitnessPolicy;
import org.evote.server.BallotServer;
import org.evote.server.BoardHost;
import org.evote.server.board.BoardBehindException;
import org.evote.server.store.DataDir;
import org.evote.server.testing.Console;
import org.evote.server.testing.TestBoard;
import org.evote.server.testing.TestKiosk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real boards and real witnesses (module witness) on loopback (protocol §9.8, §9.9; c2sp.org/tlog-witness): a
 * split view refused with the specification's status, a witness killed (SIGKILL) during voting, and a board behind
 * what its witnesses cosigned.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class WitnessedBoardTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  @TempDir
  Path temp;

  private Path dir(String name) throws java.io.IOException {
    return Files.createDirectories(temp.resolve(name));
  }

  /** A board with a kiosk and open polls, served with {@code witnesses} following its checkpoint key. */
  private static TestKiosk openWith(TestBoard t, LiveWitness... witnesses) throws Exception {
    TestKiosk kiosk = t.registerKiosk("kiosk-1");
    assertEquals(200, t.adminPost("/api/admin/polls/open", "").statusCode());
    for (LiveWitness w : witnesses) {
      w.serve(t.board.checkpointKey());
    }
    t.stop();
    t.start(LiveWitness.quorum(witnesses.length, witnesses));
    return kiosk;
  }

  private static JsonObject vote(URI base, TestBoard t, TestKiosk kiosk, String id) throws Exception {
    HttpResponse<String> r = WitnessedBoards.post(base, "/api/ballots", kiosk.next(t.randomBallot(id), false));
    assertEquals(200, r.statusCode(), r.body());
    return JsonText.parseObject(r.body());
  }

  private static boolean cosignedBy(SignedNote note, LiveWitness w) {
    return note.signatures().stream().anyMatch(s -> w.vkeys.get(0).matches(s));
  }

  @Test
  void aSecondBoardWithTheSameKeysShowingAnotherHistory_isRefusedByTheWitness_whichKeepsTheEvidence()
      throws Exception {
    try (TestBoard a = new TestBoard(dir("a"), "manifest-small.json");
        LiveWitness w = LiveWitness.init(temp.resolve("w"), "witness.test/w1", RANDOM);
        BlockingProxy cable = new BlockingProxy(w.uri().getPort())) {
      TestKiosk kiosk = a.registerKiosk("kiosk-1");
      assertEquals(200, a.adminPost("/api/admin/polls/open", "").statusCode());
      VerifierKey key = a.board.checkpointKey();
      String origin = key.name();
      w.serve(key);
      a.stop();
      // The second board: a copy of the first one's data directory, same keys, made before any ballot.
      Path copy = temp.resolve("b-data");
      WitnessedBoards.copyTree(a.data.dir(), copy);
      a.start(LiveWitness.quorum(1, w));
      long forkedAt = a.board.reads().size();
      await("the witness cosigns the first board", () -> w.size(origin) == forkedAt);
      WitnessPolicy policy = new WitnessPolicy(key, List.of(w.vkeys.get(0)), 1);
      // The second board reaches the witness through a cable that is pulled while it takes its ballots.
      cable.cut();
      try (BoardHost b = BoardHost.start(new DataDir(copy), TestBoard::passphrase, "127.0.0.1", 0, 0,
          new BoardHost.Witnesses(List.of(new org.evote.crypto.notice.ElectionNotice.Witness(
              URI.create("http://127.0.0.1:" + cable.port()), w.vkeys.get(0))), 1, Duration.ofSeconds(5)), RANDOM)) {
        URI bUri = b.loopbackUri();
        Digest chainAtFork = kiosk.chain();
        vote(a.base, a, kiosk, "a1");
        vote(a.base, a, kiosk, "a2");
        long size = a.board.reads().size();
        await("the first board's checkpoint is cosigned", () -> policy.check(checkpoint(a.base))
            instanceof WitnessPolicy.Result.Satisfied s && s.checkpoint().size() == size);

        // The second board takes other ballots from the same kiosk: the same sizes, other roots.
        kiosk.setChain(chainAtFork);
        vote(bUri, a, kiosk, "b1");
        vote(bUri, a, kiosk, "b2");
        assertEquals(size, b.board().reads().size());
        await("the second board checkpoints its ballots", () -> checkpoint(bUri).text().contains("\n" + size + "\n"));
        cable.restore();
        // The second board submits its history itself; the witness refuses it and keeps the evidence.
        await("the witness keeps the second history as evidence", () -> w.evidence(origin) >= 1);
        // The second board learnt from the witness that its history can never be cosigned: its writes stop.
        await("the second board stops its writes", () -> b.board().brokenReason().isPresent());
        HttpResponse<String> refused = WitnessedBoards.post(bUri, "/api/ballots", kiosk.next(a.randomBallot("b3"),
            false));
        assertEquals(503, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("board_forked"), refused.body());

        // As c2sp.org/tlog-witness says: 409 with the witness's size from any other old size, 422 at its size.
        SignedHead head = b.board().checkpoints().latestHead();
        assertEquals(size, head.size());
        SignedNote other = b.board().checkpoints().of(head);
        assertTrue(other.verify(List.of(key)).verified(), "validly signed by the same board key");
        HttpResponse<String> stale = w.addCheckpoint(new AddCheckpointRequest(forkedAt,
            b.board().reads().consistency(forkedAt, size).path(), other));
        assertEquals(409, stale.statusCode(), stale.body());
        assertEquals(size + "\n", stale.body());
        assertEquals("text/x.tlog.size", stale.headers().firstValue("Content-Type").orElse(""));
        HttpResponse<String> sameSize = w.addCheckpoint(new AddCheckpointRequest(size, List.of(), other));
        assertEquals(422, sameSize.statusCode(), sameSize.body());

        // The second board gets no cosignature; the first board's checkpoints are cosigned.
        SignedNote served = checkpoint(bUri);
        assertFalse(cosignedBy(served, w), served.format());
        assertFalse(quorumCoversLatest(bUri));
        assertInstanceOf(WitnessPolicy.Result.BelowQuorum.class, policy.check(served));
        assertTrue(cosignedBy(checkpoint(a.base), w));
        assertTrue(quorumCoversLatest(a.base));
        assertEquals(checkpoint(a.base).text(), w.latest(origin).orElseThrow().text(),
            "the witness holds the first history");
        assertTrue(w.evidence(origin) >= 1);
      }
    }
  }

  @Test
  void aWitnessDownDuringVoting_delaysOnlyCosigning_andCosigningCatchesUp() throws Exception {
    try (TestBoard t = new TestBoard(dir("board"), "manifest-small.json");
        LiveWitness w1 = LiveWitness.init(temp.resolve("w1"), "witness.test/w1", RANDOM);
        LiveWitness w2 = LiveWitness.init(temp.resolve("w2"), "witness.test/w2", RANDOM)) {
      TestKiosk kiosk = t.registerKiosk("kiosk-1");
      assertEquals(200, t.adminPost("/api/admin/polls/open", "").statusCode());
      VerifierKey key = t.board.checkpointKey();
      String origin = key.name();
      w1.serve(key);
      // The second witness runs as its own process, killed with SIGKILL while the kiosk votes.
      Path w2log = temp.resolve("w2.log");
      w2.follow(key).startProcess(w2log);
      t.stop();
      t.start(LiveWitness.quorum(2, w1, w2));
      WitnessPolicy policy = new WitnessPolicy(key, List.of(w1.vkeys.get(0), w2.vkeys.get(0)), 2);
      vote(t.base, t, kiosk, "b0");
      await("both witnesses cosign", () -> quorumCoversLatest(t.base));

      w2.kill9();
      for (int i = 1; i <= 4; i++) {
        JsonObject receipt = vote(t.base, t, kiosk, "b" + i);
        assertTrue(receipt.containsKey("confirmation_code"), receipt.toString());
        assertTrue(SignedNote.parse(receipt.getString("checkpoint")).verify(List.of(key)).verified());
      }
      long later = t.board.reads().size();
      await("the witness that is up cosigns", () -> w1.size(origin) == later);
      assertFalse(quorumCoversLatest(t.base));
      assertInstanceOf(WitnessPolicy.Result.BelowQuorum.class, policy.check(checkpoint(t.base)));

      w2.startProcess(w2log);
      BoardDownload.Downloaded d = new BoardDownload(BoardClient.create(t.base, Duration.ofSeconds(10)),
          Duration.ofSeconds(90), Duration.ofMillis(100)).into(temp.resolve("record"), Optional.of(policy));
      assertEquals(later, d.entries());
      WitnessPolicy.Result.Satisfied s = assertInstanceOf(WitnessPolicy.Result.Satisfied.class, policy.check(d.note()));
      assertEquals(later, s.checkpoint().size());
      assertEquals(2, s.cosignedBy().size());
      assertEquals(later, w2.size(origin));
      assertTrue(quorumCoversLatest(t.base));
    }
  }

  @Test
  void aBoardRestoredFromAnOlderCopy_refusesToStartWithItsWitnesses_namingTheMissingEntries() throws Exception {
    try (TestBoard t = new TestBoard(dir("board"), "manifest-small.json");
        LiveWitness w1 = LiveWitness.init(temp.resolve("w1"), "witness.test/w1", RANDOM);
        LiveWitness w2 = LiveWitness.init(temp.resolve("w2"), "witness.test/w2", RANDOM)) {
      TestKiosk kiosk = openWith(t, w1, w2);
      vote(t.base, t, kiosk, "b0");
      await("both witnesses cosign", () -> quorumCoversLatest(t.base));
      long size = t.board.reads().size();
      t.stop();
      // A backup of the whole data directory: database, checkpoint file and cosignatures all rolled back together.
      Path backup = temp.resolve("backup");
      WitnessedBoards.copyTree(t.data.dir(), backup);
      t.start(LiveWitness.quorum(2, w1, w2));
      for (int i = 1; i <= 3; i++) {
        vote(t.base, t, kiosk, "b" + i);
      }
      long later = t.board.reads().size();
      String origin = t.board.checkpointKey().name();
      await("both witnesses cosign the newer entries", () -> w1.size(origin) == later && w2.size(origin) == later);
      t.stop();
      WitnessedBoards.deleteTree(t.data.dir());
      WitnessedBoards.copyTree(backup, t.data.dir());

      BoardBehindException e = assertThrows(BoardBehindException.class, () -> t.start(LiveWitness.quorum(2, w1,
          w2)));
      assertEquals(size, e.firstMissing());
      assertEquals(later - 1, e.lastMissing());
      assertTrue(e.getMessage().contains("entries " + size + " to " + (later - 1) + " are missing"), e.getMessage());
      assertTrue(e.getMessage().contains("witness.test/w1") || e.getMessage().contains("witness.test/w2"),
          e.getMessage());

      // ballot-server serve says so too, with exit status 4; export still writes the stored board.
      Path pass = temp.resolve("board.pass");
      Files.writeString(pass, new String(TestBoard.passphrase()) + "\n");
      Console serve = Console.run(BallotServer::run, "serve", "--data", t.data.dir().toString(), "--port", "0",
          "--board-passphrase-file", pass.toString(), "--witness", w1.option(), "--witness", w2.option());
      assertEquals(4, serve.code(), serve.printed());
      assertTrue(serve.err().contains("entries " + size + " to " + (later - 1) + " are missing"), serve.printed());
      assertEquals(0, Console.run(BallotServer::run, "export", "--data", t.data.dir().toString(), "--out",
          temp.resolve("stored.json").toString()).code());
    }
  }
}
