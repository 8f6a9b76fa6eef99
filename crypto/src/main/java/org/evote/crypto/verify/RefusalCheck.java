package org.evote.crypto.verify;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.evote.crypto.ballot.EncryptedBallot;
import org.evote.crypto.board.BoardEntry;
import org.evote.crypto.board.EntryPayload;
import org.evote.crypto.election.ElectionConfig;

/**
 * V12 for the ballot-check reasons of a {@code ballot_refused} entry (§9.6, "Refusal records"), which the board's
 * rules cannot judge: the refused ballot is checked again and must fail the check its reason names — the board
 * refused no valid ballot. (A reason naming a board rule is judged by the rules, rule REFUSAL_JUSTIFIED.) Also
 * lists every refused ballot for the report, so that observers see each one and why.
 */
final class RefusalCheck {
  private final BallotVerifier verifier;
  private final ChallengedBallotCheck challengeCheck;
  private final VerificationReport.Recorder v12;
  private final List<VerificationReport.RefusedBallot> refused = new ArrayList<>();

  RefusalCheck(ElectionConfig config, SecureRandom random, VerificationReport.Recorder v12) {
    this.verifier = new BallotVerifier(config, random);
    this.challengeCheck = new ChallengedBallotCheck(config);
    this.v12 = v12;
  }

  void check(BoardEntry e, EntryPayload.BallotRefused r) {
    EncryptedBallot b = r.ballot();
    refused.add(new VerificationReport.RefusedBallot(b.kioskId(), b.ballotId(), b.trackingCode(), e.sequence(),
        r.reason().wireName()));
    if (r.reason().rule().isPresent()) {
      return;
    }
    boolean fails = switch (r.reason()) {
      case UNKNOWN_STYLE -> !verifier.knowsStyle(b.styleId());
      case INVALID_BALLOT -> verifier.verify(b) instanceof VerificationResult.Invalid;
      case CHALLENGE_MISMATCH -> r.submission() instanceof EntryPayload.BallotChallenged c
          && challengeFails(b, c);
      default -> true;
    };
    if (!fails) {
      v12.fail("entry " + e.sequence() + " (ballot_refused)", "the board refused a valid ballot: ballot "
          + b.ballotId() + " of kiosk " + b.kioskId() + " passes the check its refusal names ("
          + r.reason().wireName() + ")");
    }
  }

  private boolean challengeFails(EncryptedBallot b, EntryPayload.BallotChallenged c) {
    try {
      return challengeCheck.check(b, c.seed(), c.plaintext()) instanceof VerificationResult.Invalid;
    } catch (RuntimeException e) {
      return true;
    }
  }

  /** The refused ballots seen, in board order. */
  List<VerificationReport.RefusedBallot> refused() {
    return List.copyOf(refused);
  }
}
