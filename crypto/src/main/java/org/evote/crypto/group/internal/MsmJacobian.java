package org.evote.crypto.group.internal;

import java.util.Arrays;

/**
 * A mutable P-256 point in Jacobian coordinates (X, Y, Z) for the multi-scalar multiplication's final Horner
 * steps, Z = 0 for the point at infinity, with doubling (dbl-2001-b, a = −3) and mixed addition (madd-2007-bl) done
 * in place on preallocated temporaries: no allocation per operation. The special cases (doubling through addition,
 * P + (−P), the identity) are handled exactly.
 */
final class MsmJacobian {
  final int[] x = new int[8];
  final int[] y = new int[8];
  final int[] z = new int[8];

  private final MsmField f;
  private final int[] t1 = new int[8];
  private final int[] t2 = new int[8];
  private final int[] t3 = new int[8];
  private final int[] t4 = new int[8];
  private final int[] t5 = new int[8];
  private final int[] t6 = new int[8];
  private final int[] t7 = new int[8];

  MsmJacobian(MsmField f) {
    this.f = f;
  }

  boolean infinite() {
    return MsmField.isZero(z);
  }

  void setInfinity() {
    Arrays.fill(x, 0);
    Arrays.fill(y, 0);
    Arrays.fill(z, 0);
  }

  void setAffine(int[] ax, int[] ay) {
    System.arraycopy(ax, 0, x, 0, 8);
    System.arraycopy(ay, 0, y, 0, 8);
    MsmField.setOne(z);
  }

  /** this := 2·this. */
  void dbl() {
    if (infinite()) {
      return;
    }
    int[] delta = t1;
    int[] gamma = t2;
    int[] beta = t3;
    int[] alpha = t4;
    f.sqr(z, delta);
    f.sqr(y, gamma);
    f.mul(x, gamma, beta);
    MsmField.sub(x, delta, t5);
    MsmField.add(x, delta, t6);
    f.mul(t5, t6, alpha);
    MsmField.twice(alpha, t5);
    MsmField.add(t5, alpha, alpha);
    // Z3 = (Y1 + Z1)^2 − gamma − delta
    MsmField.add(y, z, t5);
    f.sqr(t5, t5);
    MsmField.sub(t5, gamma, t5);
    MsmField.sub(t5, delta, z);
    // X3 = alpha^2 − 8 beta
    f.sqr(alpha, t5);
    MsmField.twice(beta, t6);
    MsmField.twice(t6, t6);
    MsmField.twice(t6, t7);
    MsmField.sub(t5, t7, x);
    // Y3 = alpha (4 beta − X3) − 8 gamma^2
    MsmField.sub(t6, x, t6);
    f.mul(alpha, t6, t6);
    f.sqr(gamma, t5);
    MsmField.twice(t5, t5);
    MsmField.twice(t5, t5);
    MsmField.twice(t5, t5);
    MsmField.sub(t6, t5, y);
  }

  /** this := this + (ax, ay), an affine point (finite). */
  void addAffine(int[] ax, int[] ay) {
    if (infinite()) {
      setAffine(ax, ay);
      return;
    }
    int[] z1z1 = t1;
    int[] u2 = t2;
    int[] s2 = t3;
    f.sqr(z, z1z1);
    f.mul(ax, z1z1, u2);
    f.mul(ay, z, s2);
    f.mul(s2, z1z1, s2);
    int[] h = t4;
    MsmField.sub(u2, x, h);
    int[] r = t5;
    MsmField.sub(s2, y, r);
    if (MsmField.isZero(h)) {
      if (MsmField.isZero(r)) {
        setAffine(ax, ay);
        dbl();
      } else {
        setInfinity();
      }
      return;
    }
    MsmField.twice(r, r);
    int[] hh = t6;
    f.sqr(h, hh);
    int[] i = t7;
    MsmField.twice(hh, i);
    MsmField.twice(i, i);
    int[] j = t2;
    f.mul(h, i, j);
    int[] v = t3;
    f.mul(x, i, v);
    // Z3 = (Z1 + H)^2 − Z1Z1 − HH
    MsmField.add(z, h, t7);
    f.sqr(t7, t7);
    MsmField.sub(t7, z1z1, t7);
    MsmField.sub(t7, hh, z);
    // X3 = r^2 − J − 2V
    f.sqr(r, t1);
    MsmField.sub(t1, j, t1);
    MsmField.sub(t1, v, t1);
    MsmField.sub(t1, v, t1);
    // Y3 = r (V − X3) − 2 Y1 J
    MsmField.sub(v, t1, t6);
    f.mul(r, t6, t6);
    f.mul(y, j, t4);
    MsmField.twice(t4, t4);
    MsmField.sub(t6, t4, y);
    System.arraycopy(t1, 0, x, 0, 8);
  }

  /** The affine coordinates into (ax, ay); the point must be finite. */
  void toAffine(int[] ax, int[] ay) {
    MsmField.inv(z, t1);
    f.sqr(t1, t2);
    f.mul(x, t2, ax);
    f.mul(t2, t1, t2);
    f.mul(y, t2, ay);
  }
}
