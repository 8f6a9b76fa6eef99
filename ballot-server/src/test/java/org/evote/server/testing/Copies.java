package org.evote.server.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.evote.crypto.ballot.EncryptedBallot;
import org.evote.crypto.board.EntryFacts;
import org.evote.crypto.board.EntryKind;
import org.evote.server.board.SubmissionChecker;
import org.evote.server.board.SubmissionRequest;
import org.evote.server.board.VerifiedSubmission;

/**
 * Copied ballots that get past the checks needing no board state: a real, fully checked submission whose facts are
 * made to claim a ciphertext of another ballot, as a ballot copying it would (its proofs would fail the checker
 * under a new ballot id, so the writer is reached directly — the writer must still refuse it).
 */
public final class Copies {
  private Copies() {}

  /** {@code fresh}, checked by the board's own checker, claiming the first selection ciphertext of {@code original}. */
  public static VerifiedSubmission withCiphertextOf(TestBoard t, TestKiosk.Submission fresh, EncryptedBallot original) {
    SubmissionChecker.Checked checked = new SubmissionChecker(t.config, t.random, t.board)
        .check(new SubmissionRequest(EntryKind.BALLOT_CAST, fresh.signed().electionHash().toHex(),
            fresh.signed().kioskId(), fresh.signed().signature().hex(), fresh.body().getBytes(StandardCharsets.UTF_8)));
    VerifiedSubmission s = ((SubmissionChecker.Fresh) checked).submission();
    EntryFacts.Ballot f = s.facts();
    String copied = original.contests().get(0).selections().get(0).ciphertext().alpha().encode();
    EntryFacts.Ballot claimed = new EntryFacts.Ballot(f.kind(), f.requestId(), f.ballotId(), f.kioskId(),
        f.previousCode(), f.confirmationCode(), f.timestamp(), List.of(copied), f.signature(), f.unsignedPayload());
    return new VerifiedSubmission(s.kind(), s.requestId(), s.ballot(), s.payload(), s.submissionHash(), claimed);
  }
}
