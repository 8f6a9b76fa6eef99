package org.evote.crypto.ceremony;

import org.evote.crypto.group.Element;
import org.evote.crypto.group.SecretScalar;

/**
 * Guardian ℓ's secret share of the election key after the ceremony, s_ℓ = Σ_i P_i(ℓ) (protocol §7.4), with which
 * it decrypts. A secret: not a record; {@link #share()} is the one accessor.
 */
public final class GuardianKey {
  private final int index;
  private final SecretScalar share;

  public GuardianKey(int index, SecretScalar share) {
    if (index < 1) {
      throw new IllegalArgumentException("guardian index must be at least 1");
    }
    if (share.isZero()) {
      throw new IllegalArgumentException("a guardian share must not be zero");
    }
    this.index = index;
    this.share = share;
  }

  public int index() {
    return index;
  }

  /** s_ℓ — secret. */
  public SecretScalar share() {
    return share;
  }

  /** V_ℓ = s_ℓ·G, public. */
  public Element verificationKey() {
    return Element.gPow(share);
  }

  @Override
  public String toString() {
    return "GuardianKey[guardian " + index + ", secret]";
  }
}
