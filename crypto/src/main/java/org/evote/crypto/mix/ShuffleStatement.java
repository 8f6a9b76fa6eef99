package org.evote.crypto.mix;

import java.util.List;
import org.evote.crypto.elgamal.ElectionPublicKey;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.manifest.Ids;

/**
 * The public statement of one shuffle (protocol §13.3): the election (H_E, K), the list (the contest id), the
 * mixer's position p in the cascade (1, 2, …) and guardian index ℓ, and the input and output lists. It is proven
 * that {@code output} is a re-encryption and permutation of {@code input} under K. Every row of both lists has the
 * same width; both lists have the same length N ≥ 1.
 */
public record ShuffleStatement(Digest extendedHash, ElectionPublicKey jointKey, String contestId, int position,
    int mixer, List<MixRow> input, List<MixRow> output) {
  public ShuffleStatement {
    if (!Ids.isValid(contestId)) {
      throw new IllegalArgumentException("invalid contest id");
    }
    if (extendedHash == null || jointKey == null) {
      throw new IllegalArgumentException("a shuffle statement needs H_E and K");
    }
    if (position < 1 || mixer < 1) {
      throw new IllegalArgumentException("cascade position and mixer index start at 1");
    }
    input = List.copyOf(input);
    output = List.copyOf(output);
    if (input.isEmpty() || input.size() != output.size()) {
      throw new IllegalArgumentException("a shuffle maps N ≥ 1 rows to N rows; got " + input.size() + " and "
          + output.size());
    }
    int w = input.get(0).width();
    for (List<MixRow> list : List.of(input, output)) {
      for (MixRow r : list) {
        if (r.width() != w) {
          throw new IllegalArgumentException("every row of a shuffle has width " + w);
        }
      }
    }
  }

  /** N, the number of rows. */
  public int size() {
    return input.size();
  }

  /** w, the number of ciphertexts per row. */
  public int width() {
    return input.get(0).width();
  }
}
