package org.evote.crypto.ballot;

import org.evote.crypto.elgamal.Ciphertext;
import org.evote.crypto.manifest.Ids;
import org.evote.crypto.proof.RangeProof;

/** One selection of an encrypted ballot: Enc(m) with m ∈ {0, 1} and its range proof (protocol §5.2). */
public record EncryptedSelection(String selectionId, Ciphertext ciphertext, RangeProof proof) {
  public EncryptedSelection {
    if (!Ids.isValid(selectionId)) {
      throw new IllegalArgumentException("invalid selection id");
    }
    if (ciphertext == null || proof == null) {
      throw new IllegalArgumentException("selection needs a ciphertext and a proof");
    }
  }
}
