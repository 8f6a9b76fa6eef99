package org.evote.server.board;

import java.util.List;
import org.evote.crypto.ballot.EncryptedBallot;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.hash.Digest;

/**
 * A kiosk submission that passed every check that needs no board state (format, signature, proofs, challenge
 * opening): ready for the writer, which checks order, uniqueness and chaining under its lock.
 */
public record VerifiedSubmission(EntryKind kind, String requestId, EncryptedBallot ballot, String payload,
    Digest submissionHash, List<String> alphas) {
  public VerifiedSubmission {
    alphas = List.copyOf(alphas);
  }
}
