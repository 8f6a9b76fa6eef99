package org.evote.crypto.elgamal;

import org.bouncycastle.math.ec.ECPoint;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.Scalar;
import org.evote.crypto.group.SecretScalar;
import org.evote.crypto.group.internal.Curve;
import org.evote.crypto.group.internal.Points;

/** Exponential ElGamal on P-256 (protocol §3.1). */
public final class ElGamal {
  private ElGamal() {}

  /** Enc(m; r) = (r·G, m·G + r·K). */
  public static Ciphertext encrypt(long m, SecretScalar r, ElectionPublicKey key) {
    if (m < 0) {
      throw new IllegalArgumentException("plaintext must be non-negative");
    }
    Element alpha = Element.gPow(r);
    Element beta = Element.gPow(Scalar.of(m)).add(key.multiply(r));
    return new Ciphertext(alpha, beta);
  }

  /**
   * Encrypts many plaintexts at once, normalizing all points with one field inversion (Montgomery's trick); the
   * same results as calling {@link #encrypt} for each.
   */
  public static Ciphertext[] encryptAll(long[] m, SecretScalar[] r, ElectionPublicKey key) {
    int n = m.length;
    ECPoint[] points = new ECPoint[2 * n];
    for (int i = 0; i < n; i++) {
      if (m[i] < 0) {
        throw new IllegalArgumentException("plaintext must be non-negative");
      }
      Scalar ri = r[i].revealSecret();
      points[2 * i] = Points.gPow(ri);
      ECPoint beta = key.table().multiply(ri.toBigInteger());
      if (m[i] != 0) {
        beta = beta.add(Points.gPow(Scalar.of(m[i])));
      }
      points[2 * i + 1] = beta;
    }
    Curve.normalizeAll(points);
    Ciphertext[] out = new Ciphertext[n];
    for (int i = 0; i < n; i++) {
      out[i] = new Ciphertext(Points.element(points[2 * i]), Points.element(points[2 * i + 1]));
    }
    return out;
  }

  /** m·G = β − s·α for the full secret key s (used in tests and for single-guardian elections). */
  public static Element decryptToPower(Ciphertext c, SecretScalar secretKey) {
    return c.beta().subtract(c.alpha().multiply(secretKey));
  }
}
