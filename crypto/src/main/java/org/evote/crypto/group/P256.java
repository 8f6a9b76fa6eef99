package org.evote.crypto.group;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The group of docs/protocol.md §1: NIST P-256 (SEC 2 secp256r1), its generator G and prime order q.
 * Holds the fixed-base table for G, which every encryption and proof uses.
 */
public final class P256 {
  private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256r1");

  /** The curve, in Bouncy Castle's constant-coefficient SecP256R1 implementation. */
  public static final ECCurve CURVE = PARAMS.getCurve();
  /** The field prime p. */
  public static final BigInteger P = CURVE.getField().getCharacteristic();
  /** The group order q (the curve has cofactor 1, so every point other than the identity generates the group). */
  public static final BigInteger Q = PARAMS.getN();
  /** The standard generator G, affine. */
  static final ECPoint G_POINT = PARAMS.getG().normalize();
  /** Length of a compressed point encoding in bytes. */
  public static final int ELEMENT_BYTES = 33;
  /** Length of a scalar encoding in bytes. */
  public static final int SCALAR_BYTES = 32;

  static final FixedBaseTable G_TABLE = new FixedBaseTable(G_POINT);

  private P256() {}

  /** The curve coefficient b, published in the parameters. */
  public static BigInteger b() {
    return CURVE.getB().toBigInteger();
  }

  /** The curve coefficient a (= p − 3), published in the parameters. */
  public static BigInteger a() {
    return CURVE.getA().toBigInteger();
  }
}
