package org.evote.crypto.ballot;

import java.util.List;
import org.evote.crypto.elgamal.Ciphertext;
import org.evote.crypto.manifest.Ids;
import org.evote.crypto.proof.WriteInProof;

/**
 * The encrypted name of one write-in line (protocol §5.6): {@link MixedContests#WRITE_IN_POINTS} ciphertexts
 * (r·G, M + r·K) of the points that embed the name (all-zero chunks when nothing is written), each with its proof
 * of knowledge of r (§4.7).
 */
public record EncryptedWriteIn(String selectionId, List<Ciphertext> ciphertexts, List<WriteInProof> proofs) {
  public EncryptedWriteIn {
    if (!Ids.isValid(selectionId)) {
      throw new IllegalArgumentException("invalid selection id");
    }
    ciphertexts = List.copyOf(ciphertexts);
    proofs = List.copyOf(proofs);
    if (ciphertexts.size() != MixedContests.WRITE_IN_POINTS || proofs.size() != MixedContests.WRITE_IN_POINTS) {
      throw new IllegalArgumentException("a write-in line has " + MixedContests.WRITE_IN_POINTS
          + " ciphertexts and as many proofs");
    }
  }
}
