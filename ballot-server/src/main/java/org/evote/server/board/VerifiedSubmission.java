package org.evote.server.board;

import java.util.Optional;
import org.evote.crypto.ballot.EncryptedBallot;
import org.evote.crypto.board.EntryFacts;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.board.RefusalReason;
import org.evote.crypto.hash.Digest;

/**
 * A kiosk submission that is authenticated (kiosk and signature) and decodes fully, with the outcome of its ballot
 * checks (proofs, codes, challenge opening) that need no board state: ready for the writer, which admits it against
 * the board's rules ({@code facts}) under its lock — and, if it failed a check ({@code failedCheck}) or breaks a
 * rule whose refusal is recorded, records it as refused (protocol §9.6, "Refusal records"). {@code payload} is the
 * entry's canonical payload text, {@code submissionHash} its hash (for retries).
 */
public record VerifiedSubmission(EntryKind kind, String requestId, EncryptedBallot ballot, String payload,
    Digest submissionHash, EntryFacts.Ballot facts, Optional<CheckFailure> failedCheck) {
  public VerifiedSubmission {
    if (kind == null || requestId == null || ballot == null || payload == null || submissionHash == null
        || facts == null || failedCheck == null) {
      throw new IllegalArgumentException("a verified submission is complete");
    }
  }

  /** A submission that passed every ballot check. */
  public VerifiedSubmission(EntryKind kind, String requestId, EncryptedBallot ballot, String payload,
      Digest submissionHash, EntryFacts.Ballot facts) {
    this(kind, requestId, ballot, payload, submissionHash, facts, Optional.empty());
  }

  /** The first ballot check the submission failed: its recorded reason, a message and the field to blame. */
  public record CheckFailure(RefusalReason reason, String message, String field) {
    public CheckFailure {
      if (reason == null || reason.rule().isPresent() || message == null) {
        throw new IllegalArgumentException("a check failure is a ballot-check reason with a message");
      }
    }
  }
}
