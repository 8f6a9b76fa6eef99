package org.evote.crypto.ceremony;

import org.evote.crypto.group.Element;
import org.evote.crypto.group.Scalar;

/**
 * The accused guardian's public answer to a {@link ShareComplaint}: the share P_i(ℓ) in the clear. Anyone checks
 * it against the sender's commitments; it is public afterwards, which costs nothing while fewer than k shares of a
 * recipient are revealed.
 */
public record ShareReveal(int sender, int recipient, Scalar share) {
  /** True when share·G = Σ_j ℓ^j·K_i,j for the sender's record. */
  public boolean matches(GuardianRecord senderRecord) {
    return senderRecord.index() == sender && Element.gPow(share).equals(senderRecord.shareImage(recipient));
  }
}
