package org.evote.board.client;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.board.BoardOrigin;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.note.Checkpoint;
import org.evote.crypto.note.NoteVerification;
import org.evote.crypto.note.SignedNote;
import org.evote.crypto.note.VerifierKey;

/**
 * The rule that ties a board's C2SP checkpoint to the board's signed head of the same tree (protocol §9.7 check 5,
 * §9.8): the note verifies under the board's checkpoint key pinned by the observer, its text is a checkpoint
 * without extension lines whose origin is the key's name — a board origin of the election H_E — and its size and
 * root hash are the head's {@code size} and {@code merkle_root}. One home for the rule: the kiosk's receipt check
 * and its witnessed-history check call it.
 */
public final class BoardCheckpoint {
  private final Digest extendedHash;
  private final VerifierKey checkpointKey;

  /**
   * @throws InvalidFieldException if {@code checkpointKey} cannot be the checkpoint key of election
   *     {@code extendedHash}'s board (§9.8)
   */
  public BoardCheckpoint(Digest extendedHash, VerifierKey checkpointKey) {
    this.extendedHash = Objects.requireNonNull(extendedHash, "extendedHash");
    BoardOrigin.ofCheckpointKey(checkpointKey, extendedHash, "checkpoint_key");
    this.checkpointKey = checkpointKey;
  }

  /** The pinned checkpoint key. */
  public VerifierKey key() {
    return checkpointKey;
  }

  /**
   * The checkpoint {@code note} states, if it is signed by the pinned key and names this election's board;
   * otherwise why not (English). Linear in the note's size; never throws on hostile input.
   */
  public Result read(SignedNote note) {
    Objects.requireNonNull(note, "note");
    Checkpoint cp;
    try {
      cp = Checkpoint.parse(note.text());
    } catch (InvalidFieldException e) {
      return new Result.Refused("the checkpoint is not a checkpoint: " + e.getMessage());
    }
    if (!cp.origin().equals(checkpointKey.name())) {
      return new Result.Refused("the checkpoint's origin " + cp.origin() + " is not the board's "
          + checkpointKey.name());
    }
    try {
      if (!BoardOrigin.parse(cp.origin(), "origin").extendedHash().equals(extendedHash)) {
        return new Result.Refused("the checkpoint's origin names another election");
      }
    } catch (InvalidFieldException e) {
      return new Result.Refused("the checkpoint's origin is not a board origin");
    }
    if (!cp.extensions().isEmpty()) {
      return new Result.Refused("a board checkpoint has no extension lines");
    }
    NoteVerification v = note.verify(List.of(checkpointKey));
    if (!v.verified()) {
      return new Result.Refused("the checkpoint is not signed by the board's checkpoint key "
          + checkpointKey.encoded());
    }
    return new Result.Read(cp);
  }

  /**
   * Why {@code note} is not the board's checkpoint of the tree of {@code size} entries with root {@code root};
   * empty if it is.
   */
  public Optional<String> mismatch(SignedNote note, long size, Digest root) {
    Result r = read(note);
    if (r instanceof Result.Refused refused) {
      return Optional.of(refused.reason());
    }
    Checkpoint cp = ((Result.Read) r).checkpoint();
    if (cp.size() != size) {
      return Optional.of("the checkpoint is of " + cp.size() + " entries, the signed head of " + size);
    }
    if (!cp.rootHash().equals(root)) {
      return Optional.of("the checkpoint's root hash is not the signed head's Merkle root (" + root.toHex() + ")");
    }
    return Optional.empty();
  }

  /** The outcome of {@link #read}. */
  public sealed interface Result {
    /** Signed by the pinned key, of this election's board. */
    record Read(Checkpoint checkpoint) implements Result {}

    /** Not the board's checkpoint; {@code reason} says why. */
    record Refused(String reason) implements Result {}
  }
}
