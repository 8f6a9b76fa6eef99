package org.evote.server.witness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.evote.crypto.note.Checkpoint;
import org.evote.crypto.note.SignedNote;
import org.evote.crypto.note.WitnessPolicy;
import org.evote.server.board.BoardBehindException;
import org.evote.server.testing.LoopbackWitness;
import org.evote.server.testing.TestBoard;
import org.evote.server.testing.TestKiosk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The board as a witness client (protocol §9.8) against a loopback witness speaking c2sp.org/tlog-witness. */
class WitnessSubmitterTest {
  @TempDir
  Path temp;

  @Test
  void everyCheckpointGetsCosigned_aDownWitnessDelaysOnlyCosigning_andABoardBehindItsWitnessIsRefused()
      throws Exception {
    try (TestBoard t = new TestBoard(temp, "manifest-small.json");
        LoopbackWitness w1 = new LoopbackWitness("w1.example", t.board.checkpointKey(), t.random);
        LoopbackWitness w2 = new LoopbackWitness("w2.example", t.board.checkpointKey(), t.random)) {
      TestKiosk kiosk = t.registerKiosk("kiosk-1");
      assertEquals(200, t.adminPost("/api/admin/polls/open", "").statusCode());
      t.stop();
      t.start(LoopbackWitness.all(w1, w2));
      WitnessPolicy policy = new WitnessPolicy(t.board.checkpointKey(),
          List.of(w1.key.verifierKey(), w2.key.verifierKey()), 2);

      JsonObject first = TestBoard.json(t.post("/api/ballots", kiosk.next(t.randomBallot("b0"), false).body()));
      Checkpoint ofReceipt = Checkpoint.parse(SignedNote.parse(first.getString("checkpoint")).text());
      assertEquals(first.getJsonObject("signed_head").getJsonNumber("size").longValue(), ofReceipt.size());
      long size = t.board.reads().status().entries();
      await(() -> policy.check(checkpoint(t)) instanceof WitnessPolicy.Result.Satisfied s
          && s.checkpoint().size() == size);
      JsonObject status = TestBoard.json(t.get("/api/status"));
      assertTrue(status.getBoolean("quorum_covers_latest"), status.toString());
      assertEquals(size, status.getJsonArray("witnesses").getJsonObject(0).getJsonNumber("last_cosigned_size")
          .longValue());
      var lookedUp = org.evote.board.client.BoardClient.create(t.base, Duration.ofSeconds(30))
          .receipt(first.getString("confirmation_code")).orElseThrow();
      var cosigned = lookedUp.cosignedCheckpoint().orElseThrow();
      WitnessPolicy.Result quorum = policy.check(cosigned.checkpoint());
      assertInstanceOf(WitnessPolicy.Result.Satisfied.class, quorum);
      Checkpoint cp = ((WitnessPolicy.Result.Satisfied) quorum).checkpoint();
      assertEquals(cp.size(), cosigned.inclusionProof().size());
      assertTrue(cosigned.inclusionProof().verifies(lookedUp.entryHash(), cp.rootHash()));
      assertTrue(lookedUp.checkpoint().orElseThrow().verify(List.of(t.board.checkpointKey())).verified());

      // A witness that is down delays cosigning, never voting; it catches up from the size it last cosigned.
      w2.down(true);
      for (int i = 1; i <= 3; i++) {
        assertEquals(200, t.post("/api/ballots", kiosk.next(t.randomBallot("b" + i), false).body()).statusCode());
      }
      long later = t.board.reads().status().entries();
      await(() -> w1.size() == later);
      assertFalse(TestBoard.json(t.get("/api/status")).getBoolean("quorum_covers_latest"));
      w2.down(false);
      await(() -> w2.size() == later);
      await(() -> TestBoard.json(t.get("/api/status")).getBoolean("quorum_covers_latest"));

      // The witnesses vouch for `later` entries: a board cut back behind that refuses to start.
      t.stop();
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + t.data.database());
          Statement s = c.createStatement()) {
        s.executeUpdate("DELETE FROM ballots WHERE seq >= " + size);
        s.executeUpdate("DELETE FROM entries WHERE seq >= " + size);
        s.executeUpdate("DELETE FROM heads WHERE size > " + size);
      }
      // With the board's own records of it gone too, the witnesses still tell.
      Files.delete(t.data.checkpointFile());
      Files.delete(t.data.cosignatureDatabase());
      BoardBehindException e = assertThrows(BoardBehindException.class, () -> t.start(LoopbackWitness.all(w1, w2)));
      assertEquals(size, e.firstMissing());
      assertEquals(later - 1, e.lastMissing());
      assertTrue(e.getMessage().contains("witness w1.example") || e.getMessage().contains("witness w2.example"),
          e.getMessage());
    }
  }

  @Test
  void theBoardsOwnRecordOfCosignatures_alsoCatchesALostTail() throws Exception {
    try (TestBoard t = new TestBoard(temp, "manifest-small.json");
        LoopbackWitness w = new LoopbackWitness("w.example", t.board.checkpointKey(), t.random)) {
      TestKiosk kiosk = t.registerKiosk("kiosk-1");
      long size = t.board.reads().status().entries();
      t.stop();
      t.start(LoopbackWitness.all(w));
      assertEquals(200, t.adminPost("/api/admin/polls/open", "").statusCode());
      long later = t.board.reads().status().entries();
      await(() -> TestBoard.json(t.get("/api/status")).getBoolean("quorum_covers_latest"));
      t.stop();
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + t.data.database());
          Statement s = c.createStatement()) {
        s.executeUpdate("DELETE FROM entries WHERE seq >= " + size);
        s.executeUpdate("DELETE FROM heads WHERE size > " + size);
      }
      Files.delete(t.data.checkpointFile());
      w.down(true);
      BoardBehindException e = assertThrows(BoardBehindException.class, () -> t.start(LoopbackWitness.all(w)));
      assertEquals(size, e.firstMissing());
      assertEquals(later - 1, e.lastMissing());
      assertTrue(e.getMessage().contains("cosignatures.sqlite"), e.getMessage());
    }
  }

  @Test
  void aWitnessAheadOfWhatTheBoardKnows_answers409_andTheBoardResubmitsFromItsSize() throws Exception {
    try (TestBoard t = new TestBoard(temp, "manifest-small.json");
        LoopbackWitness w = new LoopbackWitness("w.example", t.board.checkpointKey(), t.random)) {
      TestKiosk kiosk = t.registerKiosk("kiosk-1");
      t.stop();
      t.start(LoopbackWitness.all(w));
      long size = t.board.reads().status().entries();
      await(() -> w.size() == size);
      t.stop();
      // The board forgets what the witness cosigned (and the witness does not tell it at start).
      Files.delete(t.data.cosignatureDatabase());
      w.silent(true);
      t.start(LoopbackWitness.all(w));
      assertEquals(200, t.adminPost("/api/admin/polls/open", "").statusCode());
      long later = t.board.reads().status().entries();
      await(() -> w.size() == later);
      await(() -> TestBoard.json(t.get("/api/status")).getBoolean("quorum_covers_latest"));
    }
  }

  @Test
  void aWitnessBeyondTheBoard_isARollbackAlarm_andNeverStopsVoting() throws Exception {
    try (TestBoard t = new TestBoard(temp, "manifest-small.json");
        LoopbackWitness w = new LoopbackWitness("w.example", t.board.checkpointKey(), t.random)) {
      TestKiosk kiosk = t.registerKiosk("kiosk-1");
      assertEquals(200, t.adminPost("/api/admin/polls/open", "").statusCode());
      long size = t.board.reads().status().entries();
      t.stop();
      t.start(LoopbackWitness.all(w));
      org.evote.crypto.hash.Digest chainBefore = kiosk.chain();
      assertEquals(200, t.post("/api/ballots", kiosk.next(t.randomBallot("b0"), false).body()).statusCode());
      long later = t.board.reads().status().entries();
      await(() -> w.size() == later);
      t.stop();
      // Roll the board back behind the witness, and hide that from the start-up check.
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + t.data.database());
          Statement s = c.createStatement()) {
        s.executeUpdate("DELETE FROM ballots WHERE seq >= " + size);
        s.executeUpdate("DELETE FROM entries WHERE seq >= " + size);
        s.executeUpdate("DELETE FROM heads WHERE size > " + size);
      }
      Files.delete(t.data.checkpointFile());
      Files.delete(t.data.cosignatureDatabase());
      w.silent(true);
      t.start(LoopbackWitness.all(w));
      kiosk.setChain(chainBefore);
      int before = w.requests();
      assertEquals(200, t.post("/api/ballots", kiosk.next(t.randomBallot("b1"), false).body()).statusCode(),
          "voting goes on");
      await(() -> w.requests() > before + 1);
      assertEquals(later, w.size(), "the witness never cosigns the other history");
      assertFalse(TestBoard.json(t.get("/api/status")).getBoolean("quorum_covers_latest"));
    }
  }

  private static SignedNote checkpoint(TestBoard t) throws Exception {
    return SignedNote.parse(t.get("/checkpoint").body());
  }

  private static void await(Check c) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!c.ok()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not reached within 30 s");
      }
      Thread.sleep(50);
    }
  }

  @FunctionalInterface
  private interface Check {
    boolean ok() throws Exception;
  }
}
