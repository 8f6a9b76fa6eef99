package org.evote.crypto.note;

import java.util.List;

/** The outcome of checking a signed note against trusted keys (c2sp.org/signed-note, "Signatures"). */
public sealed interface NoteVerification {
  /** At least one trusted key signed the note, and no line of a trusted key failed. */
  record Verified(List<VerifierKey> keys) implements NoteVerification {
    public Verified {
      keys = List.copyOf(keys);
    }
  }

  /** No line names a trusted key: the note must be rejected. */
  record NoKnownSignature() implements NoteVerification {}

  /** A line names a trusted key but does not verify: the note is malformed and rejected. */
  record BadSignature(VerifierKey key) implements NoteVerification {}

  default boolean verified() {
    return this instanceof Verified;
  }
}
