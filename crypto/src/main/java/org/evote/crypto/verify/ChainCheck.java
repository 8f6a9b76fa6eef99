package org.evote.crypto.verify;

import java.util.ArrayList;
import java.util.List;
import org.evote.crypto.board.BoardEntry;
import org.evote.crypto.board.MerkleTree;
import org.evote.crypto.hash.Digest;

/**
 * V5, the board's hash chain, per entry: sequence numbers, previous hashes and entry hashes. Also recomputes each
 * entry's hash ê_s from its contents alone and builds the Merkle tree over them, against which V6 checks the
 * signed heads: an entry edited without fixing its stored hash then breaks every signed head covering it too.
 */
final class ChainCheck {
  private final Digest extendedHash;
  private final VerificationReport.Recorder v5;
  private final MerkleTree tree = new MerkleTree();
  private final List<Digest> recomputed = new ArrayList<>();
  private BoardEntry previous;
  private Digest recomputedPrevious = Digest.ZERO;

  ChainCheck(Digest extendedHash, VerificationReport.Recorder v5) {
    this.extendedHash = extendedHash;
    this.v5 = v5;
  }

  /** An entry that does not decode: fails V5, contributes ê_s = 0 and restarts the recomputation. */
  void undecodable(long position, String reason) {
    v5.fail("entry " + position, reason);
    previous = null;
    recomputedPrevious = Digest.ZERO;
    add(Digest.ZERO);
  }

  /** Entry {@code position} of the file. */
  void check(BoardEntry e, long position) {
    v5.checked(1);
    String object = "entry " + position;
    if (e.sequence() != position) {
      v5.fail(object, "sequence number is " + e.sequence() + ", expected " + position
          + " (an entry is missing, duplicated or out of order)");
    }
    Digest expectedPrevious = position == 0 ? Digest.ZERO : previous == null ? null : previous.entryHash();
    if (expectedPrevious != null && !e.previousHash().equals(expectedPrevious)) {
      v5.fail(object, "previous_hash does not match the hash of entry " + (position - 1));
    }
    if (!e.hashMatches(extendedHash)) {
      v5.fail(object, "entry_hash does not match the entry's contents (the entry was altered)");
    }
    previous = e;
    Digest hash = BoardEntry.hash(extendedHash, recomputedPrevious, position, e.kind(), e.timestamp(), e.payload());
    recomputedPrevious = hash;
    add(hash);
  }

  private void add(Digest hash) {
    recomputed.add(hash);
    tree.append(hash);
  }

  /** The number of entries read. */
  long size() {
    return tree.size();
  }

  /** ê_{s}, recomputed from the contents. */
  Digest recomputedHash(long s) {
    return recomputed.get((int) s);
  }

  /** MTH(ê_0 … ê_{size−1}). */
  Digest root(long size) {
    return tree.root(size);
  }
}
