package org.evote.server.board;

import org.evote.crypto.ballot.EncryptedBallot;
import org.evote.crypto.board.EntryFacts;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.hash.Digest;

/**
 * A kiosk submission that passed every check that needs no board state (format, kiosk and signature, proofs,
 * challenge opening): ready for the writer, which admits it against the board's rules ({@code facts}) under its
 * lock. {@code payload} is the entry's canonical payload text, {@code submissionHash} its hash (for retries).
 */
public record VerifiedSubmission(EntryKind kind, String requestId, EncryptedBallot ballot, String payload,
    Digest submissionHash, EntryFacts.Ballot facts) {
  public VerifiedSubmission {
    if (kind == null || requestId == null || ballot == null || payload == null || submissionHash == null
        || facts == null) {
      throw new IllegalArgumentException("a verified submission is complete");
    }
  }
}
