package org.evote.crypto.board;

import java.util.List;
import org.evote.crypto.hash.Digest;

/** An RFC 9162 inclusion proof (protocol §9.3): the entry at {@code index} is in the tree of {@code size} entries. */
public record InclusionProof(long index, long size, List<Digest> path) {
  public InclusionProof {
    path = List.copyOf(path);
    if (index < 0 || size < 1 || index >= size) {
      throw new IllegalArgumentException("need 0 ≤ index < size");
    }
  }

  /** True if the entry with hash {@code entryHash} is at {@code index} under {@code root}. */
  public boolean verifies(Digest entryHash, Digest root) {
    return MerkleTree.verifyInclusion(index, size, entryHash, path, root);
  }
}
