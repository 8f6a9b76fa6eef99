package org.evote.crypto.ballot;

import org.evote.crypto.elgamal.Ciphertext;
import org.evote.crypto.proof.RangeProof;

/**
 * One rank of a ranked contest (protocol §5.2): Enc(m) with m ∈ {0 … n} (0 = left blank, j = the contest's j-th
 * selection) and its range proof (§4.6). The rank's number is its position in {@link EncryptedContest#ranks()}.
 */
public record EncryptedRank(Ciphertext ciphertext, RangeProof proof) {
  public EncryptedRank {
    if (ciphertext == null || proof == null) {
      throw new IllegalArgumentException("a rank needs a ciphertext and a proof");
    }
  }
}
