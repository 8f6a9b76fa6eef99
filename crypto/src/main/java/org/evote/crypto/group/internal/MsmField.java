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
  private final int[] lambda = new int[8];
  private final int[] u = new int[8];
  private final int[] w = new int[8];

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

  /**
   * (x3, y3) := (x1, y1) + (x2, y2) in affine coordinates, given {@code invDen} = 1/(x2 − x1); for a doubling
   * ({@code doubling}, then x2 and y2 are not read) {@code invDen} = 1/(2·y1) and λ = 3(x1² − 1)/(2·y1), as a = −3.
   * The outputs may be any of the inputs.
   */
  void chord(int[] x1, int[] y1, int[] x2, int[] y2, int[] invDen, boolean doubling, int[] x3, int[] y3) {
    if (doubling) {
      sqr(x1, lambda);
      setOne(u);
      sub(lambda, u, lambda);
      twice(lambda, u);
      add(lambda, u, lambda);
    } else {
      sub(y2, y1, lambda);
    }
    mul(lambda, invDen, lambda);
    // x3 = λ² − x1 − x2, y3 = λ(x1 − x3) − y1
    sqr(lambda, u);
    sub(u, x1, u);
    sub(u, doubling ? x1 : x2, u);
    sub(x1, u, w);
    mul(lambda, w, w);
    sub(w, y1, w);
    System.arraycopy(u, 0, x3, 0, 8);
    System.arraycopy(w, 0, y3, 0, 8);
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
