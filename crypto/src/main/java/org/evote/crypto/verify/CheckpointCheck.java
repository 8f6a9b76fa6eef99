package org.evote.crypto.verify;

import java.util.List;
import java.util.Optional;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.board.BoardOrigin;
import org.evote.crypto.board.BoardState;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.note.Checkpoint;
import org.evote.crypto.note.NoteVerification;
import org.evote.crypto.note.SignedNote;
import org.evote.crypto.note.VerifierKey;

/**
 * V19, after the pass over the entries: the record's final checkpoint (§9.8, {@code checkpoint.txt}) is a C2SP
 * checkpoint whose origin is the board origin of this election and the name of the checkpoint key of entry 0,
 * signed by that key, and covering exactly the board file: its size is the number of entries and its root the
 * Merkle root recomputed from their contents ({@link ChainCheck}). A board whose polls are closed must end in one.
 */
final class CheckpointCheck {
  /** What the object of a V19 failure is called. */
  static final String OBJECT = "checkpoint";

  private CheckpointCheck() {}

  /**
   * Runs V19; returns the checkpoint note if it parsed as a signed checkpoint (whatever else failed), for the
   * witness check of V20.
   */
  static Optional<SignedNote> run(Optional<byte[]> file, BoardState state, Digest extendedHash,
      ChainCheck chain, VerificationReport.Recorder v19, StepLog log) {
    if (file.isEmpty()) {
      if (state.polls() == BoardState.Polls.CLOSED) {
        v19.fail(OBJECT, "missing: a board whose polls are closed is published with its final checkpoint");
      } else {
        log.notApplicable("no checkpoint with this board, whose polls are not closed", Step.V19_BOARD_CHECKPOINT);
      }
      return Optional.empty();
    }
    v19.checked(1);
    SignedNote note;
    Checkpoint cp;
    try {
      note = SignedNote.parse(file.get());
      cp = Checkpoint.parse(note.text());
    } catch (InvalidFieldException e) {
      v19.fail(OBJECT, "not a signed checkpoint: " + e.getMessage());
      return Optional.empty();
    }
    try {
      BoardOrigin origin = BoardOrigin.parse(cp.origin(), "origin");
      if (!origin.extendedHash().equals(extendedHash)) {
        v19.fail(OBJECT, "origin " + cp.origin() + " names another election");
      }
    } catch (InvalidFieldException e) {
      v19.fail(OBJECT, "origin " + cp.origin() + " is not a board origin <board name>/<hex H_E>");
    }
    if (!cp.extensions().isEmpty()) {
      v19.fail(OBJECT, "a board checkpoint has no extension lines");
    }
    Optional<VerifierKey> key = state.checkpointKey();
    if (key.isEmpty()) {
      v19.fail(OBJECT, "no checkpoint key: entry 0 does not publish the election");
    } else if (!key.get().name().equals(cp.origin())) {
      v19.fail(OBJECT, "origin " + cp.origin() + " is not the name of the board's checkpoint key "
          + key.get().name());
    } else {
      NoteVerification v = note.verify(List.of(key.get()));
      if (v instanceof NoteVerification.BadSignature) {
        v19.fail(OBJECT, "the signature of the board's checkpoint key does not verify");
      } else if (v instanceof NoteVerification.NoKnownSignature) {
        v19.fail(OBJECT, "not signed by the board's checkpoint key of entry 0");
      }
    }
    if (cp.size() != chain.size()) {
      v19.fail(OBJECT, "covers " + cp.size() + " entries but the board has " + chain.size());
    } else if (!cp.rootHash().equals(chain.root(cp.size()))) {
      v19.fail(OBJECT, "root hash is not the Merkle root of the board's " + cp.size() + " entries");
    }
    return Optional.of(note);
  }
}
