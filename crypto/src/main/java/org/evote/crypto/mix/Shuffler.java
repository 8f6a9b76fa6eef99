package org.evote.crypto.mix;

import java.security.SecureRandom;
import java.util.List;
import org.evote.crypto.elgamal.ElectionPublicKey;

/**
 * Re-encrypts and permutes a list (protocol §13.2): output row i is input row ψ(i) with every ciphertext (α, β)
 * replaced by (α + r̃·G, β + r̃·K), ψ uniformly random and every r̃ fresh from {@code random}.
 */
public final class Shuffler {
  private final ElectionPublicKey key;

  public Shuffler(ElectionPublicKey key) {
    this.key = key;
  }

  /** The shuffled list and its secret witness. */
  public record Shuffled(List<MixRow> output, ShuffleWitness witness) {
    @Override
    public String toString() {
      return "Shuffled[" + output.size() + " rows, witness redacted]";
    }
  }

  /** Shuffles {@code input} (N ≥ 1 rows of one width). */
  public Shuffled shuffle(List<MixRow> input, SecureRandom random) {
    throw new UnsupportedOperationException("shuffle15: not yet implemented");
  }
}
