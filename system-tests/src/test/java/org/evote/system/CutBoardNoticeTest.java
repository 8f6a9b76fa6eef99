package org.evote.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.evote.crypto.record.RecordFiles;
import org.evote.crypto.verify.Step;
import org.evote.crypto.verify.VerificationReport;
import org.evote.server.BallotServer;
import org.evote.server.testing.Console;
import org.evote.server.testing.TestBoard;
import org.evote.server.testing.TestKiosk;
import org.evote.tally.TallyTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verification with the election notice (§10.3, V19, V20) against real witnesses: the notice made with {@code tally
 * notice} names two witnesses and quorum 2; the honest board's record, fetched with {@code tally fetch --notice},
 * passes V1–V20; the same board with its tail cut fails — published with its final checkpoint it fails V19, and
 * re-signed by the board at its cut size it fails V20 (its witnesses never cosigned that history).
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class CutBoardNoticeTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  @TempDir
  Path temp;

  /** A record directory with the election and the ceremony's transcript of {@code t}. */
  private Path record(TestBoard t, String name) throws Exception {
    Path dir = Files.createDirectories(temp.resolve(name));
    Files.copy(t.dir.resolve(RecordFiles.ELECTION), dir.resolve(RecordFiles.ELECTION));
    Files.copy(t.dir.resolve(RecordFiles.TRANSCRIPT), dir.resolve(RecordFiles.TRANSCRIPT));
    return dir;
  }

  private static VerificationReport verify(Path record, Path notice) throws Exception {
    return RecordFiles.verify(record, notice, RANDOM, 2, n -> { });
  }

  @Test
  void theHonestBoardPassesV1ToV20_andTheCutBoardFailsV19OrV20() throws Exception {
    try (TestBoard t = new TestBoard(Files.createDirectories(temp.resolve("board")), "manifest-small.json");
        LiveWitness w1 = LiveWitness.init(temp.resolve("w1"), "witness.test/w1", RANDOM);
        LiveWitness w2 = LiveWitness.init(temp.resolve("w2"), "witness.test/w2", RANDOM)) {
      TestKiosk kiosk = t.registerKiosk("kiosk-1");
      w1.serve(t.board.checkpointKey());
      w2.serve(t.board.checkpointKey());
      t.stop();
      t.start(LiveWitness.quorum(2, w1, w2));
      Path notice = temp.resolve("notice.json");
      Console made = Console.run(TallyTool::run, "notice", "--server", t.base.toString(), "--witness",
          w1.option(), "--witness", w2.option(), "--witness-quorum", "2", "--out", notice.toString());
      assertEquals(0, made.code(), made.printed());

      assertEquals(200, t.adminPost("/api/admin/polls/open", "").statusCode());
      for (int i = 0; i < 4; i++) {
        if (i == 2) {
          // A backup of the board's records, taken while it held what the cut below keeps.
          t.stop();
          WitnessedBoards.backUpRecords(t.data.dir(), temp.resolve("backup"));
          t.start(LiveWitness.quorum(2, w1, w2));
        }
        assertEquals(200, t.post("/api/ballots", kiosk.next(t.randomBallot("b" + i), false)).statusCode());
      }
      long kept = t.board.reads().size() - 2;
      assertEquals(200, t.adminPost("/api/admin/polls/close", "").statusCode());
      long total = t.board.reads().size();

      Path honest = record(t, "honest");
      Console fetched = Console.run(TallyTool::run, "fetch", "--server", t.base.toString(), "--out",
          honest.toString(), "--notice", notice.toString(), "--wait", "60");
      assertEquals(0, fetched.code(), fetched.printed());
      VerificationReport ok = verify(honest, notice);
      assertTrue(ok.isValid(), ok.render());
      for (Step s : Step.values()) {
        assertFalse(ok.outcome(s).status() == VerificationReport.Status.NOT_CHECKED, s + ": " + ok.render());
      }
      assertEquals(VerificationReport.Status.PASS, ok.outcome(Step.V19_BOARD_CHECKPOINT).status(), ok.render());
      assertEquals(VerificationReport.Status.PASS, ok.outcome(Step.V20_ELECTION_NOTICE).status(), ok.render());
      Console cli = Console.run(TallyTool::run, "verify", "--record", honest.toString(), "--notice",
          notice.toString());
      assertEquals(0, cli.code(), cli.printed());
      t.stop();

      // The last two ballots and the poll closing cut from the database.
      WitnessedBoards.cutTail(t.data.database(), kept);

      // Published as stored, with the final checkpoint the board had written: V19 fails.
      Path cut = record(t, "cut");
      assertEquals(0, Console.run(BallotServer::run, "export", "--data", t.data.dir().toString(), "--out",
          cut.resolve(RecordFiles.BOARD).toString()).code());
      Files.copy(t.data.checkpointFile(), cut.resolve(RecordFiles.CHECKPOINT));
      VerificationReport stale = verify(cut, notice);
      assertFalse(stale.isValid(), stale.render());
      assertEquals(VerificationReport.Status.FAIL, stale.outcome(Step.V19_BOARD_CHECKPOINT).status(),
          stale.render());
      Console cliCut = Console.run(TallyTool::run, "verify", "--record", cut.toString(), "--notice",
          notice.toString());
      assertEquals(1, cliCut.code(), cliCut.printed());
      assertTrue(cliCut.printed().contains("V19  FAIL"), cliCut.printed());

      // The operator hides the cut: the board's own records of what it signed are rolled back to the older copy
      // of the backup, and it is served without its witnesses, so it signs a checkpoint of the cut board. Fetched,
      // it fails V20: no witness cosigned it.
      WitnessedBoards.restoreRecords(temp.resolve("backup"), t.data.dir());
      t.start();
      assertEquals(kept, t.board.reads().size());
      Path resigned = record(t, "re-signed");
      Console again = Console.run(TallyTool::run, "fetch", "--server", t.base.toString(), "--out",
          resigned.toString(), "--wait", "30");
      assertEquals(0, again.code(), again.printed());
      VerificationReport hidden = verify(resigned, notice);
      assertFalse(hidden.isValid(), hidden.render());
      assertEquals(VerificationReport.Status.FAIL, hidden.outcome(Step.V20_ELECTION_NOTICE).status(),
          hidden.render());
      assertTrue(total > kept);
      // And the witnesses still hold the full board's final checkpoint.
      assertEquals(total, w1.size(t.board.checkpointKey().name()));
      assertEquals(total, w2.size(t.board.checkpointKey().name()));
    }
  }
}
