package org.evote.crypto.mix;

import org.evote.crypto.group.SecretScalar;

/**
 * A shuffle's secret (protocol §13.2): the permutation ψ (output row i is input row ψ(i) re-encrypted) and the
 * re-encryption nonces r̃_{i,j}. Knowing it links every output row to its ballot, so it is never written anywhere,
 * never logged, and is erased with {@link #destroy()} once the proof is made.
 */
public final class ShuffleWitness {
  private final int[] permutation;
  private final SecretScalar[][] nonces;

  /** {@code permutation[i]} = ψ(i); {@code nonces[i][j]} re-encrypts ciphertext j of output row i. */
  public ShuffleWitness(int[] permutation, SecretScalar[][] nonces) {
    if (permutation.length != nonces.length) {
      throw new IllegalArgumentException("one nonce row per output row");
    }
    boolean[] seen = new boolean[permutation.length];
    for (int p : permutation) {
      if (p < 0 || p >= permutation.length || seen[p]) {
        throw new IllegalArgumentException("not a permutation");
      }
      seen[p] = true;
    }
    this.permutation = permutation.clone();
    this.nonces = nonces.clone();
  }

  /** ψ(i). */
  public int source(int i) {
    return permutation[i];
  }

  /** r̃_{i,j}. */
  public SecretScalar nonce(int i, int j) {
    return nonces[i][j];
  }

  /** N. */
  public int size() {
    return permutation.length;
  }

  /** Erases the permutation and drops the nonces. */
  public void destroy() {
    java.util.Arrays.fill(permutation, 0);
    for (SecretScalar[] row : nonces) {
      java.util.Arrays.fill(row, null);
    }
  }

  @Override
  public String toString() {
    return "ShuffleWitness[redacted]";
  }
}
