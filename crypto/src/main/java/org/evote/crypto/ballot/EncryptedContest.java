package org.evote.crypto.ballot;

import java.util.List;
import org.evote.crypto.elgamal.Ciphertext;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.manifest.Ids;
import org.evote.crypto.proof.RangeProof;

/**
 * One contest of an encrypted ballot (protocol §5.2): every selection of the contest in manifest order, the range
 * proof that their sum is in 0..L, and the contest hash χ over the selection ciphertexts.
 */
public record EncryptedContest(String contestId, List<EncryptedSelection> selections, RangeProof proof,
    Digest contestHash) {
  public EncryptedContest {
    if (!Ids.isValid(contestId)) {
      throw new IllegalArgumentException("invalid contest id");
    }
    selections = List.copyOf(selections);
    if (selections.isEmpty() || proof == null || contestHash == null) {
      throw new IllegalArgumentException("contest needs selections, a proof and a hash");
    }
  }

  /** Σ of the selection ciphertexts, the statement of the contest proof. */
  public Ciphertext sum() {
    return Ciphertext.sum(selections.stream().map(EncryptedSelection::ciphertext).toList());
  }
}
