package org.evote.crypto.group.internal;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECFieldElement;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The raw curve of protocol §1 in Bouncy Castle's constant-coefficient SecP256R1 implementation: the curve, G, the
 * fixed-base table for G and the on-curve check of a decoded point. Internal to the crypto module; the public
 * face is {@link org.evote.crypto.group.P256} and {@link org.evote.crypto.group.Element}.
 */
public final class Curve {
  private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256r1");

  /** The curve. */
  public static final ECCurve CURVE = PARAMS.getCurve();
  /** The coefficient a (= p − 3). */
  public static final BigInteger A = CURVE.getA().toBigInteger();
  /** The coefficient b. */
  public static final BigInteger B = CURVE.getB().toBigInteger();
  /** The group order q. */
  public static final BigInteger ORDER = PARAMS.getN();
  /** The standard generator G, affine. */
  public static final ECPoint G = PARAMS.getG().normalize();
  /** The fixed-base table for G, which every encryption and proof uses. */
  public static final FixedBaseTable G_TABLE = new FixedBaseTable(G);

  private Curve() {}

  /** The point at infinity. */
  public static ECPoint infinity() {
    return CURVE.getInfinity();
  }

  /** Normalizes every point to affine form with one field inversion (Montgomery's trick). */
  public static void normalizeAll(ECPoint[] points) {
    CURVE.normalizeAll(points);
  }

  /**
   * The point (x, y) for 0 ≤ x, y &lt; p, or null if y² ≠ x³ + a·x + b (§1.2 rule 8): a few field multiplications,
   * no square root.
   */
  public static ECPoint onCurve(BigInteger x, BigInteger y) {
    ECFieldElement fx = CURVE.fromBigInteger(x);
    ECFieldElement fy = CURVE.fromBigInteger(y);
    ECFieldElement rhs = fx.square().add(CURVE.getA()).multiply(fx).add(CURVE.getB());
    if (!fy.square().equals(rhs)) {
      return null;
    }
    return CURVE.createPoint(x, y);
  }

  /**
   * The point (x, y) with y even for 0 ≤ x &lt; p, or null if x³ + a·x + b is not a square mod p (one square root):
   * how a write-in name's chunk becomes a point (protocol §5.6).
   */
  public static ECPoint withEvenY(BigInteger x) {
    ECFieldElement fx = CURVE.fromBigInteger(x);
    ECFieldElement y = fx.square().add(CURVE.getA()).multiply(fx).add(CURVE.getB()).sqrt();
    if (y == null) {
      return null;
    }
    BigInteger yi = y.toBigInteger();
    return CURVE.createPoint(x, yi.testBit(0) ? CURVE.getField().getCharacteristic().subtract(yi) : yi);
  }
}
