package org.evote.crypto.board;

import org.evote.crypto.hash.Digest;
import org.evote.crypto.hash.DomainTags;
import org.evote.crypto.hash.Hasher;

/**
 * A signed board head (protocol §9.4): the number of entries, the hash of the last one, the Merkle root over all
 * of them and the time, signed by the board key over H(BOARD_SIGNED_HEAD; H_E, size, head hash, root, time).
 * Observers keep the heads they are shown; two heads that no consistency proof connects prove a split view.
 */
public record SignedHead(long size, Digest headHash, Digest merkleRoot, long timestamp,
    Ed25519.Signature signature) {
  public SignedHead {
    if (size < 1 || timestamp < 0) {
      throw new IllegalArgumentException("a head covers at least one entry and has a non-negative time");
    }
  }

  /** The message the board key signs. */
  public static Digest message(Digest extendedHash, long size, Digest headHash, Digest merkleRoot, long timestamp) {
    return Hasher.tagged(DomainTags.BOARD_SIGNED_HEAD).digest(extendedHash).integer(size).digest(headHash)
        .digest(merkleRoot).integer(timestamp).digest();
  }

  /** Signs the head of a board of {@code size} entries. */
  public static SignedHead sign(Digest extendedHash, long size, Digest headHash, Digest merkleRoot, long timestamp,
      Ed25519.PrivateKey boardKey) {
    return new SignedHead(size, headHash, merkleRoot, timestamp,
        boardKey.sign(message(extendedHash, size, headHash, merkleRoot, timestamp)));
  }

  /** True if the board key signed this head. */
  public boolean signatureValid(Digest extendedHash, Ed25519.PublicKey boardKey) {
    return boardKey.verifies(message(extendedHash, size, headHash, merkleRoot, timestamp), signature);
  }
}
