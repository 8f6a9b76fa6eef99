package org.evote.crypto.decrypt;

import java.util.List;
import org.evote.crypto.group.Element;
import org.evote.crypto.proof.DecryptionProof;

/**
 * Guardian ℓ's partial decryption of a whole encrypted tally (protocol §8.2): for every selection, M_ℓ = s_ℓ·A with
 * a Chaum–Pedersen proof against its verification key V_ℓ.
 */
public record DecryptionShare(int guardian, List<Contest> contests) {
  public DecryptionShare {
    if (guardian < 1) {
      throw new IllegalArgumentException("guardian index must be at least 1");
    }
    contests = List.copyOf(contests);
  }

  /** One contest's partial decryptions, in manifest order. */
  public record Contest(String contestId, List<Selection> selections) {
    public Contest {
      selections = List.copyOf(selections);
    }
  }

  /** M_ℓ for one selection and its proof. */
  public record Selection(String selectionId, Element partial, DecryptionProof proof) {}
}
