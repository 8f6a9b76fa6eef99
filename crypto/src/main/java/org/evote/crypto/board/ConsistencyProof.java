package org.evote.crypto.board;

import java.util.List;
import org.evote.crypto.hash.Digest;

/**
 * An RFC 9162 consistency proof (protocol §9.3): the tree of {@code first} entries is a prefix of the tree of
 * {@code second} entries. An observer holding two signed heads checks one to rule out a split view.
 */
public record ConsistencyProof(long first, long second, List<Digest> path) {
  public ConsistencyProof {
    path = List.copyOf(path);
    if (first < 0 || first > second) {
      throw new IllegalArgumentException("need 0 ≤ first ≤ second");
    }
  }

  public boolean verifies(Digest firstRoot, Digest secondRoot) {
    return MerkleTree.verifyConsistency(first, second, firstRoot, secondRoot, path);
  }
}
