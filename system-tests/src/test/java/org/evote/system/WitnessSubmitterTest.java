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
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.evote.board.client.BoardClient;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.note.Checkpoint;
import org.evote.crypto.note.SignedNote;
import org.evote.crypto.note.WitnessPolicy;
import org.evote.server.board.BoardBehindException;
import org.evote.server.testing.ServerProcess;
import org.evote.server.testing.TestBoard;
import org.evote.server.testing.TestKiosk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The board as a witness client (protocol §9.8; ballot-server {@code WitnessSubmitter}) against real witnesses
 * (module witness): every checkpoint cosigned and carried by receipts, the board's own record of cosignatures, a
 * witness that knows more than the board remembers (409, submitted again from its size), and a witness ahead of a
 * rolled-back board (the alarm; voting goes on; nothing of the other history is cosigned).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class WitnessSubmitterTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  @TempDir
  Path temp;

  private TestBoard board() throws Exception {
    return new TestBoard(Files.createDirectories(temp.resolve("board")), "manifest-small.json");
  }

  private LiveWitness witness(String name) throws Exception {
    return LiveWitness.init(temp.resolve(name), "witness.test/" + name, RANDOM);
  }

  @Test
  void everyCheckpointGetsCosigned_andALookedUpReceiptCarriesTheCosignedCheckpoint() throws Exception {
    try (TestBoard t = board(); LiveWitness w1 = witness("w1"); LiveWitness w2 = witness("w2")) {
      TestKiosk kiosk = t.registerKiosk("kiosk-1");
      assertEquals(200, t.adminPost("/api/admin/polls/open", "").statusCode());
      w1.serve(t.board.checkpointKey());
      w2.serve(t.board.checkpointKey());
      t.stop();
      t.start(LiveWitness.quorum(2, w1, w2));
      WitnessPolicy policy = new WitnessPolicy(t.board.checkpointKey(), List.of(w1.vkeys.get(0),
          w2.vkeys.get(0)), 2);

      JsonObject first = TestBoard.json(t.post("/api/ballots", kiosk.next(t.randomBallot("b0"), false)));
      Checkpoint ofReceipt = Checkpoint.parse(SignedNote.parse(first.getString("checkpoint")).text());
      assertEquals(first.getJsonObject("signed_head").getJsonNumber("size").longValue(), ofReceipt.size());
      long size = t.board.reads().status().entries();
      await("the quorum cosigns", () -> policy.check(checkpoint(t.base)) instanceof WitnessPolicy.Result.Satisfied s
          && s.checkpoint().size() == size);
      JsonObject status = TestBoard.json(t.get("/api/status"));
      assertTrue(status.getBoolean("quorum_covers_latest"), status.toString());
      assertEquals(size, status.getJsonArray("witnesses").getJsonObject(0).getJsonNumber("last_cosigned_size")
          .longValue());
      var lookedUp = BoardClient.create(t.base, Duration.ofSeconds(30)).receipt(first.getString("confirmation_code"))
          .orElseThrow();
      var cosigned = lookedUp.cosignedCheckpoint().orElseThrow();
      Checkpoint cp = assertInstanceOf(WitnessPolicy.Result.Satisfied.class, policy.check(cosigned.checkpoint()))
          .checkpoint();
      assertEquals(cp.size(), cosigned.inclusionProof().size());
      assertTrue(cosigned.inclusionProof().verifies(lookedUp.entryHash(), cp.rootHash()));
      assertTrue(lookedUp.checkpoint().orElseThrow().verify(List.of(t.board.checkpointKey())).verified());
      // What the board serves is what the witnesses hold.
      assertEquals(checkpoint(t.base).text(), w1.latest(t.board.checkpointKey().name()).orElseThrow().text());
    }
  }

  @Test
  void theBoardsOwnRecordOfCosignatures_catchesALostTail_whileItsWitnessIsDown() throws Exception {
    try (TestBoard t = board(); LiveWitness w = witness("w1")) {
      t.registerKiosk("kiosk-1");
      long size = t.board.reads().status().entries();
      w.serve(t.board.checkpointKey());
      t.stop();
      Path backup = WitnessedBoards.backUpRecords(t.data.dir(), temp.resolve("backup"));
      t.start(LiveWitness.quorum(1, w));
      assertEquals(200, t.adminPost("/api/admin/polls/open", "").statusCode());
      long later = t.board.reads().status().entries();
      await("the witness cosigns", () -> quorumCoversLatest(t.base));
      t.stop();
      // The database and the checkpoint file rolled back to the older backup; the cosignatures kept.
      WitnessedBoards.cutTail(t.data.database(), size);
      Files.copy(backup.resolve("checkpoint.txt"), t.data.checkpointFile(),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      w.stop();
      BoardBehindException e = assertThrows(BoardBehindException.class, () -> t.start(LiveWitness.quorum(1, w)));
      assertEquals(size, e.firstMissing());
      assertEquals(later - 1, e.lastMissing());
      assertTrue(e.getMessage().contains("cosignatures.sqlite"), e.getMessage());
    }
  }

  @Test
  void aLaneThatFailsOnTheBoardsSide_goesOnAfterAPause() throws Exception {
    try (TestBoard t = board(); LiveWitness w = witness("w1")) {
      t.registerKiosk("kiosk-1");
      String origin = t.board.checkpointKey().name();
      w.serve(t.board.checkpointKey());
      t.stop();
      t.start(LiveWitness.quorum(1, w));
      await("the witness cosigns", () -> quorumCoversLatest(t.base));
      long later;
      // Another writer holds the board's cosignature database: storing the next cosignature fails once the
      // database's busy timeout (10 s) runs out, a RuntimeException in the witness's lane.
      try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:"
          + t.data.cosignatureDatabase()); java.sql.Statement s = c.createStatement()) {
        s.execute("BEGIN EXCLUSIVE");
        assertEquals(200, t.adminPost("/api/admin/polls/open", "").statusCode());
        later = t.board.reads().status().entries();
        await("the witness cosigns", () -> w.size(origin) == later);
        Thread.sleep(12_000);
        assertFalse(quorumCoversLatest(t.base));
        s.execute("ROLLBACK");
      }
      await("the lane goes on and stores the cosignature", () -> quorumCoversLatest(t.base));
    }
  }

  @Test
  void aWitnessAheadOfWhatTheBoardRemembers_answers409_andTheBoardSubmitsAgainFromItsSize() throws Exception {
    try (TestBoard t = board(); LiveWitness w = witness("w1")) {
      t.registerKiosk("kiosk-1");
      String origin = t.board.checkpointKey().name();
      w.serve(t.board.checkpointKey());
      t.stop();
      Path backup = WitnessedBoards.backUpRecords(t.data.dir(), temp.resolve("backup"));
      t.start(LiveWitness.quorum(1, w));
      long size = t.board.reads().status().entries();
      await("the witness cosigns", () -> w.size(origin) == size);
      t.stop();
      // The board forgets what the witness cosigned (its cosignatures restored from a backup taken before), and
      // the witness is down when it starts: it cannot be asked.
      WitnessedBoards.restoreRecords(backup, t.data.dir());
      w.stop();
      t.start(LiveWitness.quorum(1, w));
      assertEquals(200, t.adminPost("/api/admin/polls/open", "").statusCode());
      long later = t.board.reads().status().entries();
      assertFalse(quorumCoversLatest(t.base));
      // Back up, the witness answers the board's request from size 0 with 409 and its size; the board goes on
      // from there (a real witness cosigns nothing else).
      w.start();
      await("the witness cosigns the newer entries", () -> w.size(origin) == later);
      await("the board has the cosignature", () -> quorumCoversLatest(t.base));
    }
  }

  @Test
  void aWitnessBeyondARolledBackBoard_stopsItsWrites_andTheOtherHistoryIsNeverCosigned() throws Exception {
    try (TestBoard t = board(); LiveWitness w = witness("w1")) {
      TestKiosk kiosk = t.registerKiosk("kiosk-1");
      assertEquals(200, t.adminPost("/api/admin/polls/open", "").statusCode());
      String origin = t.board.checkpointKey().name();
      long size = t.board.reads().status().entries();
      w.serve(t.board.checkpointKey());
      t.stop();
      Path backup = WitnessedBoards.backUpRecords(t.data.dir(), temp.resolve("backup"));
      t.start(LiveWitness.quorum(1, w));
      Digest chainBefore = kiosk.chain();
      assertEquals(200, t.post("/api/ballots", kiosk.next(t.randomBallot("b0"), false)).statusCode());
      long later = t.board.reads().status().entries();
      await("the witness cosigns", () -> w.size(origin) == later);
      String cosigned = w.latest(origin).orElseThrow().format();
      t.stop();
      // Roll the board back behind the witness and hide it from the start-up check: its own records are restored
      // from the older backup too, and the witness is down while the board starts.
      WitnessedBoards.cutTail(t.data.database(), size);
      WitnessedBoards.restoreRecords(backup, t.data.dir());
      w.stop();
      Path pass = temp.resolve("board.pass");
      Files.writeString(pass, new String(TestBoard.passphrase()) + "\n");
      Path log = temp.resolve("server.log");
      try (ServerProcess server = ServerProcess.start(t.data.dir(), pass, ServerProcess.freePort(), log,
          List.of("--witness", w.option()))) {
        w.start();
        await("the board raises the alarm", () -> Files.readString(log).contains("ALARM: witness " + w.name
            + " (" + w.uri() + ") holds a checkpoint of size " + later + " signed by this board's checkpoint key "
            + "beyond this board's " + size + " entries"));
        // Every later receipt would be on a history that can never be cosigned: writes stop, and say why.
        kiosk.setChain(chainBefore);
        var refused = WitnessedBoards.post(server.base, "/api/ballots", kiosk.next(t.randomBallot("b1"), false));
        assertEquals(503, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("\"board_forked\""), refused.body());
        JsonObject status = WitnessedBoards.status(server.base);
        assertFalse(status.getBoolean("accepting_ballots", true), status.toString());
        assertTrue(status.getString("problem").contains("rolled back or another board signs with its key"),
            status.toString());
        assertEquals(size, WitnessedBoards.status(server.base).getJsonNumber("entries").longValue());
        assertEquals(cosigned, w.latest(origin).orElseThrow().format(), "the witness never moves");
        assertFalse(quorumCoversLatest(server.base));
        assertFalse(checkpoint(server.base).signatures().stream().anyMatch(s -> w.vkeys.get(0).matches(s)));
      }
    }
  }
}
