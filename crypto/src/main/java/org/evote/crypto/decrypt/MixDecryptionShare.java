package org.evote.crypto.decrypt;

import java.util.List;
import org.evote.crypto.group.Element;
import org.evote.crypto.proof.MixDecryptionProof;

/**
 * Guardian ℓ's partial decryption of the final mixed lists (protocol §13.5, {@code mix_decryption.json}): for each
 * non-empty final list (manifest order), each row and each ciphertext of it, M_ℓ = s_ℓ·A with its Chaum–Pedersen
 * proof.
 */
public record MixDecryptionShare(int guardian, List<Contest> contests) {
  public MixDecryptionShare {
    if (guardian < 1) {
      throw new IllegalArgumentException("guardian index must be at least 1");
    }
    contests = List.copyOf(contests);
  }

  /** One list's partial decryptions: {@code rows.get(i).get(j)} for ciphertext j of row i. */
  public record Contest(String contestId, List<List<Partial>> rows) {
    public Contest {
      rows = rows.stream().map(List::copyOf).toList();
    }
  }

  /** M_ℓ for one ciphertext and its proof. */
  public record Partial(Element partial, MixDecryptionProof proof) {
    public Partial {
      if (partial == null || proof == null) {
        throw new IllegalArgumentException("a partial decryption needs M_ℓ and its proof");
      }
    }
  }
}
