package org.evote.crypto.elgamal;

import org.evote.crypto.group.Element;
import org.evote.crypto.group.Scalar;
import org.evote.crypto.group.SecretScalar;
import org.evote.crypto.group.internal.FixedBaseTable;
import org.evote.crypto.group.internal.Points;

/**
 * The joint election public key K = Σ K_i,0 (protocol §7.4) with its fixed-base table, so that r·K costs the same
 * as r·G. Build one per election and share it; it is immutable and thread-safe.
 */
public final class ElectionPublicKey {
  private final Element key;
  private final FixedBaseTable table;

  public ElectionPublicKey(Element key) {
    if (key.isIdentity()) {
      throw new IllegalArgumentException("the election public key must not be the identity");
    }
    this.key = key;
    this.table = Points.table(key);
  }

  /** K. */
  public Element element() {
    return key;
  }

  /** s·K. */
  public Element multiply(Scalar s) {
    return Points.element(table.multiply(s.toBigInteger()));
  }

  /** s·K for a secret s (an encryption nonce). */
  public Element multiply(SecretScalar s) {
    return multiply(s.revealSecret());
  }

  /** The fixed-base table for K (package-private: the module's raw arithmetic goes through {@link Points}). */
  FixedBaseTable table() {
    return table;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ElectionPublicKey k && k.key.equals(key);
  }

  @Override
  public int hashCode() {
    return key.hashCode();
  }

  @Override
  public String toString() {
    return "K=" + key.encode();
  }
}
