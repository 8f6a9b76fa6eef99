package org.evote.crypto.elgamal;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECPoint;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.FixedBaseTable;
import org.evote.crypto.group.Scalar;
import org.evote.crypto.group.SecretScalar;

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
    this.table = new FixedBaseTable(key);
  }

  /** K. */
  public Element element() {
    return key;
  }

  /** s·K. */
  public Element multiply(Scalar s) {
    return table.multiply(s);
  }

  /** s·K for a secret s (an encryption nonce). */
  public Element multiply(SecretScalar s) {
    return table.multiply(s.revealSecret());
  }

  /** s·K in Jacobian form, for batch normalization. */
  public ECPoint multiplyRaw(BigInteger s) {
    return table.multiply(s);
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
    return "K=" + key.toHex();
  }
}
