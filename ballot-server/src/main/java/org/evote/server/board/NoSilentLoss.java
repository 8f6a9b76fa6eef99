package org.evote.server.board;

import java.util.List;
import org.evote.crypto.board.MerkleTree;
import org.evote.crypto.hash.Digest;

/**
 * The start-up check of protocol §9.8: the stored board must contain every checkpoint the board has vouched for —
 * its own checkpoint file and what its witnesses have cosigned — entry for entry (the Merkle root of its first
 * {@code size} entries is the checkpoint's root).
 */
final class NoSilentLoss {
  private NoSilentLoss() {}

  /** A checkpoint the stored board must contain; {@code source} says whose it is. */
  record Claim(String source, long size, Digest root) {}

  /** Throws unless every claim is a prefix of {@code tree}; a board behind several claims names the largest gap. */
  static void check(MerkleTree tree, List<Claim> claims) throws TamperedBoardException {
    Claim furthest = null;
    for (Claim c : claims) {
      if (c.size() > tree.size()) {
        if (furthest == null || c.size() > furthest.size()) {
          furthest = c;
        }
      } else if (!tree.root(c.size()).equals(c.root())) {
        throw new TamperedBoardException(0, "the first " + c.size() + " entries do not match " + c.source()
            + " (its Merkle root differs): the board's history was rewritten or forked");
      }
    }
    if (furthest != null) {
      throw new BoardBehindException(tree.size(), furthest.size() - 1, furthest.source());
    }
  }
}
