package org.evote.kiosk.service;

import java.util.Objects;
import java.util.Optional;
import org.evote.crypto.board.EntryKind;

/**
 * A ballot of this kiosk the board refused, as the poll workers see it: {@code reason} is the board's refusal code
 * (e.g. {@code future_ballot}); {@code recorded} says the board recorded the refusal as a {@code ballot_refused}
 * entry whose receipt the kiosk checked (protocol §9.7) — then the kiosk's chain continues through it and
 * {@code sequence} is the entry's — or refused it without a record (the ballot is not on the board).
 */
public record RefusedBallot(String ballotId, String trackingCode, EntryKind kind, String reason, String message,
    boolean recorded, Optional<Long> sequence) {
  public RefusedBallot {
    Objects.requireNonNull(ballotId, "ballotId");
    Objects.requireNonNull(trackingCode, "trackingCode");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(sequence, "sequence");
    if (recorded != sequence.isPresent()) {
      throw new IllegalArgumentException("a recorded refusal has a sequence, an unrecorded one none");
    }
  }
}
