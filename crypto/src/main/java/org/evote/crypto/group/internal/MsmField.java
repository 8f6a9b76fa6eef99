package org.evote.crypto.group.internal;

import org.bouncycastle.math.ec.ECFieldElement;
import org.bouncycastle.math.ec.custom.sec.SecP256R1Field;
import org.bouncycastle.math.raw.Mod;
import org.bouncycastle.math.raw.Nat256;

/**
 * The P-256 field arithmetic of the multi-scalar multiplication: Bouncy Castle's raw SecP256R1 operations on
 * {@code int[8]} little-endian limbs, with the scratch they need held by the instance (no allocation per
 * operation), plus moving elements between flat arrays (8 limbs per element, element i at offset 8·i) and
 * temporaries. All results are fully reduced. Variable time: public data only (verification).
 */
final class MsmField {
  /** The field prime p as limbs. */
  private static final int[] P = Nat256.fromBigInteger(Curve.CURVE.getField().getCharacteristic());

  private final int[] tt = Nat256.createExt();
  private final byte[] enc = new byte[32];

  void mul(int[] x, int[] y, int[] z) {
    SecP256R1Field.multiply(x, y, z, tt);
  }

  void sqr(int[] x, int[] z) {
    SecP256R1Field.square(x, z, tt);
  }

  static void add(int[] x, int[] y, int[] z) {
    SecP256R1Field.add(x, y, z);
  }

  static void sub(int[] x, int[] y, int[] z) {
    SecP256R1Field.subtract(x, y, z);
  }

  static void twice(int[] x, int[] z) {
    SecP256R1Field.twice(x, z);
  }

  static void negate(int[] x, int[] z) {
    SecP256R1Field.negate(x, z);
  }

  static boolean isZero(int[] x) {
    return Nat256.isZero(x);
  }

  static boolean eq(int[] x, int[] y) {
    return Nat256.eq(x, y);
  }

  static void setOne(int[] x) {
    java.util.Arrays.fill(x, 0, 8, 0);
    x[0] = 1;
  }

  /** z := 1/x for x ≠ 0 (variable time). */
  static void inv(int[] x, int[] z) {
    if (!Mod.modOddInverseVar(P, x, z)) {
      throw new ArithmeticException("zero has no inverse");
    }
  }

  /** dst := element {@code at} of the flat array {@code flat}. */
  static void load(int[] flat, int at, int[] dst) {
    System.arraycopy(flat, at << 3, dst, 0, 8);
  }

  /** Element {@code at} of {@code flat} := src. */
  static void store(int[] src, int[] flat, int at) {
    System.arraycopy(src, 0, flat, at << 3, 8);
  }

  /** Element {@code at} of {@code flat} := the value of a field element of the curve, without a BigInteger. */
  void store(ECFieldElement e, int[] flat, int at) {
    e.encodeTo(enc, 0);
    int base = at << 3;
    for (int i = 0; i < 8; i++) {
      int o = 28 - 4 * i;
      flat[base + i] = (enc[o] & 0xff) << 24 | (enc[o + 1] & 0xff) << 16 | (enc[o + 2] & 0xff) << 8
          | (enc[o + 3] & 0xff);
    }
  }
}
