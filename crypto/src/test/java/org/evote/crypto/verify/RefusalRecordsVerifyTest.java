package org.evote.crypto.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.evote.crypto.ballot.BallotEncryptor;
import org.evote.crypto.ballot.BallotSeed;
import org.evote.crypto.ballot.EncryptedBallot;
import org.evote.crypto.ballot.EncryptedContest;
import org.evote.crypto.ballot.PlaintextBallot;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.board.EntryPayload;
import org.evote.crypto.board.RefusalReason;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.Submissions;
import org.evote.crypto.record.RecordFiles;
import org.evote.crypto.testing.TestElection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A board with {@code ballot_refused} entries (protocol §9.6, "Refusal records"): an honest one passes every step,
 * lists its refusals and counts only the accepted ballots; a refusal of a valid ballot fails V12.
 */
class RefusalRecordsVerifyTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  @TempDir
  Path temp;

  private static TestElection open() {
    TestElection e = new TestElection(TestElection.manifest("manifest-small.json"), 3, 2, RANDOM);
    e.registerKiosk("kiosk-1");
    e.registerKiosk("kiosk-2");
    e.openPolls();
    e.signHead();
    return e;
  }

  private static PlaintextBallot plaintext(TestElection e, String id) {
    return e.randomPlaintext(id, e.manifest.ballotStyles().get(0).id());
  }

  /** Records kiosk-1's signed cast submission of {@code b} as refused for {@code reason}. */
  private static void refuse(TestElection e, EncryptedBallot b, RefusalReason reason) {
    EntryPayload.BallotCast cast = Submissions.cast(e.config.extendedHash(), "refused-" + b.ballotId(), b,
        e.kioskKey(b.kioskId()));
    e.post(new EntryPayload.BallotRefused(EntryKind.BALLOT_CAST, cast, reason));
  }

  private static EncryptedBallot next(TestElection e, String kiosk, PlaintextBallot p, long timestamp) {
    return new BallotEncryptor(e.config).encrypt(p, BallotSeed.random(e.random()), kiosk, timestamp,
        e.state.chain(kiosk).head());
  }

  private VerificationReport verify(TestElection e) throws Exception {
    Path dir = temp.resolve("record");
    e.write(dir);
    return RecordFiles.verify(dir, RANDOM, 2, n -> { });
  }

  @Test
  void anHonestBoardWithRefusalsPassesListsThemAndCountsOnlyAcceptedBallots() throws Exception {
    TestElection e = open();
    e.vote("kiosk-1", plaintext(e, "kiosk-1-000001"), false);
    e.vote("kiosk-2", plaintext(e, "kiosk-2-000001"), false);
    // kiosk-1 takes kiosk-2's next id; a ballot dated 400 s ahead; a ballot with a wrong contest hash.
    refuse(e, next(e, "kiosk-1", plaintext(e, "kiosk-2-000002"), e.polling.time()),
        RefusalReason.BALLOT_ID_NAMESPACE);
    refuse(e, next(e, "kiosk-1", plaintext(e, "kiosk-1-000002"), e.polling.time() + 400),
        RefusalReason.FUTURE_BALLOT);
    EncryptedBallot good = next(e, "kiosk-1", plaintext(e, "kiosk-1-000003"), e.polling.time());
    List<EncryptedContest> contests = new ArrayList<>(good.contests());
    EncryptedContest c = contests.get(0);
    contests.set(0, new EncryptedContest(c.contestId(), c.selections(), c.proof(), c.ranks(), c.writeIns(), Digest.ZERO));
    refuse(e, new EncryptedBallot(good.ballotId(), good.styleId(), good.kioskId(), good.timestamp(),
        good.previousCode(), contests, good.confirmationCode()), RefusalReason.INVALID_BALLOT);
    // Both kiosks go on: kiosk-2's own next id is still free, and kiosk-1 continues after its refusals.
    e.vote("kiosk-2", plaintext(e, "kiosk-2-000002"), false);
    e.vote("kiosk-1", plaintext(e, "kiosk-1-000002"), false);
    e.closePolls();
    assertEquals(5, e.state.closing().get(0).ballots(), "kiosk-1's chain close counts its 3 refused links");
    e.tally(1, 2);
    VerificationReport report = verify(e);
    assertTrue(report.isValid(), report.render());
    assertEquals(List.of("ballot_id_namespace", "future_ballot", "invalid_ballot"),
        report.refusedBallots().stream().map(VerificationReport.RefusedBallot::reason).toList());
    assertEquals(List.of("kiosk-2-000002", "kiosk-1-000002", "kiosk-1-000003"),
        report.refusedBallots().stream().map(VerificationReport.RefusedBallot::ballotId).toList());
    assertTrue(report.render().contains("REFUSED BALLOTS"), report.render());
    assertTrue(report.render().contains("kiosk kiosk-1: ballot kiosk-1-000002"), report.render());
  }

  @Test
  void aRefusalOfAValidBallotFailsV12() throws Exception {
    TestElection e = open();
    e.vote("kiosk-1", plaintext(e, "kiosk-1-000001"), false);
    // Dated 30 s ahead of the board: within BALLOT_NOT_AFTER_ENTRY's 60 s tolerance, so not a future ballot.
    refuse(e, next(e, "kiosk-1", plaintext(e, "kiosk-1-000002"), e.polling.time() + 30),
        RefusalReason.FUTURE_BALLOT);
    e.vote("kiosk-1", plaintext(e, "kiosk-1-000003"), false);
    e.closePolls();
    VerificationReport report = verify(e);
    assertFalse(report.isValid());
    VerificationReport.StepOutcome v12 = report.outcome(Step.V12_KIOSK_CHAINS);
    assertEquals(VerificationReport.Status.FAIL, v12.status(), report.render());
    assertTrue(v12.failures().get(0).reason().contains("refused a valid ballot"), report.render());
    assertEquals(List.of(Step.V12_KIOSK_CHAINS), report.steps().stream()
        .filter(s -> s.status() == VerificationReport.Status.FAIL).map(VerificationReport.StepOutcome::step)
        .toList(), report.render());
  }

  @Test
  void aValidBallotRefusedAsInvalidFailsV12() throws Exception {
    TestElection e = open();
    refuse(e, next(e, "kiosk-1", plaintext(e, "kiosk-1-000001"), e.polling.time()), RefusalReason.INVALID_BALLOT);
    refuse(e, next(e, "kiosk-1", plaintext(e, "kiosk-1-000002"), e.polling.time()), RefusalReason.UNKNOWN_STYLE);
    e.closePolls();
    VerificationReport report = verify(e);
    VerificationReport.StepOutcome v12 = report.outcome(Step.V12_KIOSK_CHAINS);
    assertEquals(VerificationReport.Status.FAIL, v12.status(), report.render());
    assertEquals(2, v12.failures().size(), report.render());
    assertTrue(v12.failures().get(0).reason().contains("passes the check its refusal names (invalid_ballot)"),
        report.render());
  }
}
