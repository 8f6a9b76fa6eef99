package org.evote.crypto.mix;

import java.util.List;
import org.evote.crypto.elgamal.Ciphertext;

/**
 * One row of a list being mixed (protocol §13.2): one ballot's mixable part of one contest, its ciphertexts in the
 * layout of {@link org.evote.crypto.ballot.MixedContests} (the rankings, then the write-in names). A shuffle
 * re-encrypts every ciphertext of a row and moves the row as one unit.
 */
public record MixRow(List<Ciphertext> ciphertexts) {
  public MixRow {
    ciphertexts = List.copyOf(ciphertexts);
    if (ciphertexts.isEmpty()) {
      throw new IllegalArgumentException("a mix row needs at least one ciphertext");
    }
  }

  /** The number of ciphertexts (w). */
  public int width() {
    return ciphertexts.size();
  }
}
