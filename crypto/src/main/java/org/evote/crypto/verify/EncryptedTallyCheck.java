package org.evote.crypto.verify;

import jakarta.json.JsonObject;
import java.util.Optional;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.board.BoardState;
import org.evote.crypto.json.Fields;
import org.evote.crypto.json.TallyJson;
import org.evote.crypto.tally.EncryptedTally;

/**
 * V14: the encrypted tally decodes, follows a closed board, counts the board's cast ballots, has the manifest's
 * contests and selections, and each of its ciphertexts is the sum of the cast ballots that passed V8–V11.
 */
final class EncryptedTallyCheck {
  private static final Step[] LATER = {Step.V15_DECRYPTION_SHARES, Step.V16_RESULT, Step.V17_TALLY_PUBLISHED};

  private EncryptedTallyCheck() {}

  /**
   * The tally if the later steps can use it (it decodes and has the manifest's shape); otherwise V15–V17 are
   * marked not run in {@code log}.
   */
  static Optional<EncryptedTally> run(JsonObject json, BoardState board, EncryptedTally castSum, StepLog log) {
    VerificationReport.Recorder v14 = log.step(Step.V14_ENCRYPTED_TALLY);
    v14.checked(1);
    if (board.polls() != BoardState.Polls.CLOSED) {
      v14.fail("encrypted_tally.json", "the board has no polls_closed entry: a tally before the polls close "
          + "cannot be checked against the final board");
    }
    EncryptedTally tally;
    try {
      tally = TallyJson.decodeTally(Fields.of(json, "encrypted_tally"));
    } catch (InvalidFieldException e) {
      v14.fail("encrypted_tally.json", e.getMessage());
      log.notRun("the encrypted tally cannot be read", LATER);
      return Optional.empty();
    }
    if (tally.castBallots() != board.cast()) {
      v14.fail("encrypted_tally.json", "counts " + tally.castBallots() + " cast ballots, the board has "
          + board.cast());
    }
    if (!sameShape(tally, castSum)) {
      v14.fail("encrypted_tally.json", "contests or selections differ from the manifest");
      log.notRun("the encrypted tally does not match the manifest", LATER);
      return Optional.empty();
    }
    for (int c = 0; c < castSum.contests().size(); c++) {
      EncryptedTally.Contest expected = castSum.contests().get(c);
      for (int s = 0; s < expected.selections().size(); s++) {
        if (!tally.contests().get(c).selections().get(s).ciphertext()
            .equals(expected.selections().get(s).ciphertext())) {
          v14.fail("encrypted tally " + expected.contestId() + "/" + expected.selections().get(s).selectionId(),
              "is not the sum of the cast ballots' ciphertexts");
        }
      }
    }
    return Optional.of(tally);
  }

  private static boolean sameShape(EncryptedTally a, EncryptedTally b) {
    if (a.contests().size() != b.contests().size()) {
      return false;
    }
    for (int c = 0; c < a.contests().size(); c++) {
      var ca = a.contests().get(c);
      var cb = b.contests().get(c);
      if (!ca.contestId().equals(cb.contestId()) || ca.selections().size() != cb.selections().size()) {
        return false;
      }
      for (int s = 0; s < ca.selections().size(); s++) {
        if (!ca.selections().get(s).selectionId().equals(cb.selections().get(s).selectionId())) {
          return false;
        }
      }
    }
    return true;
  }
}
