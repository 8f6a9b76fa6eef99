package org.evote.crypto.ceremony;

import org.evote.crypto.group.Element;
import org.evote.crypto.group.Scalar;

/**
 * The accused guardian's public answer to a {@link ShareComplaint}: the share P_i(ℓ) in the clear. Anyone checks
 * it against the sender's commitments. A reveal makes one evaluation of the sender's polynomial public (and one
 * summand of the recipient's s_ℓ); the key stays secret while fewer than k evaluations of any guardian's
 * polynomial are public, so a ceremony with k or more complaints against one guardian restarts without it.
 */
public record ShareReveal(int sender, int recipient, Scalar share) {
  public ShareReveal {
    if (sender < 1 || recipient < 1 || sender == recipient || share == null) {
      throw new IllegalArgumentException("a reveal names two different guardians and the share");
    }
  }

  /** True when share·G = Σ_j ℓ^j·K_i,j for the sender's record. */
  public boolean matches(GuardianRecord senderRecord) {
    return senderRecord.index() == sender && Element.gPow(share).equals(senderRecord.shareImage(recipient));
  }
}
