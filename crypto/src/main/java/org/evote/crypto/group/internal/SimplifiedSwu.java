package org.evote.crypto.group.internal;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECFieldElement;
import org.bouncycastle.math.ec.ECPoint;

/**
 * RFC 9380 §6.6.2 map_to_curve_simple_swu for P-256 (Z = −10) in the curve's own field arithmetic, for the
 * shuffle's generators (protocol §13.1, {@code mix/Generators}). Public inputs only: not constant-time.
 */
public final class SimplifiedSwu {
  private static final ECFieldElement A = Curve.CURVE.getA();
  private static final ECFieldElement B = Curve.CURVE.getB();
  private static final ECFieldElement Z = Curve.CURVE.fromBigInteger(Curve.CURVE.getField().getCharacteristic()
      .subtract(BigInteger.TEN));
  private static final ECFieldElement ONE = Curve.CURVE.fromBigInteger(BigInteger.ONE);
  private static final ECFieldElement MINUS_B_OVER_A = B.negate().multiply(A.invert());
  private static final ECFieldElement B_OVER_ZA = B.multiply(Z.multiply(A).invert());

  private SimplifiedSwu() {}

  /** The affine point map_to_curve_simple_swu(u) for a field element 0 ≤ u &lt; p. */
  public static ECPoint map(BigInteger u) {
    ECFieldElement fu = Curve.CURVE.fromBigInteger(u);
    ECFieldElement zu2 = Z.multiply(fu.square());
    ECFieldElement den = zu2.square().add(zu2); // Z²·u⁴ + Z·u²
    ECFieldElement x = den.isZero() ? B_OVER_ZA : MINUS_B_OVER_A.multiply(ONE.add(den.invert()));
    ECFieldElement y = g(x).sqrt();
    if (y == null) { // gx1 is not a square, so gx2 = Z³·u⁶·gx1 is
      x = zu2.multiply(x);
      y = g(x).sqrt();
    }
    if (u.testBit(0) != y.testBitZero()) { // sgn0 (m = 1) is the parity
      y = y.negate();
    }
    ECPoint p = Curve.onCurve(x.toBigInteger(), y.toBigInteger());
    if (p == null) {
      throw new IllegalStateException("simplified SWU left the curve");
    }
    return p;
  }

  private static ECFieldElement g(ECFieldElement x) {
    return x.square().add(A).multiply(x).add(B);
  }
}
