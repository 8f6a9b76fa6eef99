package org.evote.crypto.ceremony;

import java.math.BigInteger;
import java.util.List;
import org.bouncycastle.math.ec.ECPoint;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.Scalar;
import org.evote.crypto.group.SecretScalar;
import org.evote.crypto.group.internal.Msm;
import org.evote.crypto.group.internal.Points;

/** Polynomial evaluation in the scalars and "in the exponent" over commitments (protocol §7). */
public final class Polynomials {
  private Polynomials() {}

  /** Σ_j x^j·C_j. */
  public static Element evaluateInExponent(List<Element> commitments, int x) {
    int k = commitments.size();
    ECPoint[] ps = new ECPoint[k];
    BigInteger[] ks = new BigInteger[k];
    Scalar power = Scalar.ONE;
    Scalar sx = Scalar.of(x);
    for (int j = 0; j < k; j++) {
      ps[j] = Points.raw(commitments.get(j));
      ks[j] = power.toBigInteger();
      power = power.multiply(sx);
    }
    return Points.element(Msm.sum(ps, ks, k));
  }

  /** Σ_j x^j·a_j by Horner's rule. */
  static SecretScalar evaluate(SecretScalar[] coefficients, int x) {
    Scalar sx = Scalar.of(x);
    SecretScalar acc = SecretScalar.of(Scalar.ZERO);
    for (int j = coefficients.length - 1; j >= 0; j--) {
      acc = acc.multiply(sx).add(coefficients[j]);
    }
    return acc;
  }
}
