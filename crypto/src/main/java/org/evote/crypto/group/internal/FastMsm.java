package org.evote.crypto.group.internal;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.custom.sec.SecP256R1Field;
import org.bouncycastle.math.raw.Nat256;

/**
 * Pippenger's bucket method on P-256 over Bouncy Castle's raw field arithmetic (int[8] limbs, no objects per
 * operation). Each window's buckets are summed by a tree of affine additions done in batches that share one field
 * inversion (Montgomery's trick), which costs about half of a Jacobian mixed addition; bucket sums are then
 * combined in Jacobian coordinates. Results equal {@link ECPoint} arithmetic exactly; tests compare the two.
 */
final class FastMsm {
  private final int[] tt = Nat256.createExt();

  private FastMsm() {}

  /** Σ ks[i]·ps[i] for finite points (any coordinates) and scalars in [0, 2^256). */
  static ECPoint sum(ECPoint[] ps, BigInteger[] ks, int n, int c) {
    return new FastMsm().run(ps, ks, n, c);
  }

  // ---- field helpers on int[8], all results fully reduced ----

  private void mul(int[] x, int[] y, int[] z) {
    SecP256R1Field.multiply(x, y, z, tt);
  }

  private void sqr(int[] x, int[] z) {
    SecP256R1Field.square(x, z, tt);
  }

  private static void add(int[] x, int[] y, int[] z) {
    SecP256R1Field.add(x, y, z);
  }

  private static void sub(int[] x, int[] y, int[] z) {
    SecP256R1Field.subtract(x, y, z);
  }

  private static boolean isZero(int[] x) {
    return Nat256.isZero(x);
  }

  private static int[] copy(int[] x) {
    return x.clone();
  }

  // ---- Jacobian points (X, Y, Z), Z = 0 for the point at infinity ----

  private static final class Jac {
    final int[] x = Nat256.create();
    final int[] y = Nat256.create();
    final int[] z = Nat256.create();

    boolean infinite() {
      return Nat256.isZero(z);
    }

    void set(Jac o) {
      System.arraycopy(o.x, 0, x, 0, 8);
      System.arraycopy(o.y, 0, y, 0, 8);
      System.arraycopy(o.z, 0, z, 0, 8);
    }

    void setAffine(int[] ax, int[] ay) {
      System.arraycopy(ax, 0, x, 0, 8);
      System.arraycopy(ay, 0, y, 0, 8);
      java.util.Arrays.fill(z, 0);
      z[0] = 1;
    }
  }

  private final int[] t1 = Nat256.create();
  private final int[] t2 = Nat256.create();
  private final int[] t3 = Nat256.create();
  private final int[] t4 = Nat256.create();
  private final int[] t5 = Nat256.create();
  private final int[] t6 = Nat256.create();
  private final int[] t7 = Nat256.create();

  /** p := 2p (dbl-2001-b, a = −3). */
  private void dbl(Jac p) {
    if (p.infinite()) {
      return;
    }
    int[] delta = t1;
    int[] gamma = t2;
    int[] beta = t3;
    int[] alpha = t4;
    sqr(p.z, delta);
    sqr(p.y, gamma);
    mul(p.x, gamma, beta);
    sub(p.x, delta, t5);
    add(p.x, delta, t6);
    mul(t5, t6, alpha);
    add(alpha, alpha, t5);
    add(t5, alpha, alpha);
    // Z3 = (Y1 + Z1)^2 − gamma − delta
    add(p.y, p.z, t5);
    sqr(t5, t5);
    sub(t5, gamma, t5);
    sub(t5, delta, p.z);
    // X3 = alpha^2 − 8 beta
    sqr(alpha, t5);
    add(beta, beta, t6);
    add(t6, t6, t6);
    add(t6, t6, t7);
    sub(t5, t7, p.x);
    // Y3 = alpha (4 beta − X3) − 8 gamma^2
    sub(t6, p.x, t6);
    mul(alpha, t6, t6);
    sqr(gamma, t5);
    add(t5, t5, t5);
    add(t5, t5, t5);
    add(t5, t5, t5);
    sub(t6, t5, p.y);
  }

  /** p := p + (ax, ay) (madd-2007-bl). */
  private void addAffine(Jac p, int[] ax, int[] ay) {
    if (p.infinite()) {
      p.setAffine(ax, ay);
      return;
    }
    int[] z1z1 = t1;
    int[] u2 = t2;
    int[] s2 = t3;
    sqr(p.z, z1z1);
    mul(ax, z1z1, u2);
    mul(ay, p.z, s2);
    mul(s2, z1z1, s2);
    int[] h = t4;
    sub(u2, p.x, h);
    int[] r = t5;
    sub(s2, p.y, r);
    if (isZero(h)) {
      if (isZero(r)) {
        p.setAffine(ax, ay);
        dbl(p);
      } else {
        java.util.Arrays.fill(p.z, 0);
      }
      return;
    }
    add(r, r, r);
    int[] hh = t6;
    sqr(h, hh);
    int[] i = t7;
    add(hh, hh, i);
    add(i, i, i);
    int[] j = t2;
    mul(h, i, j);
    int[] v = t3;
    mul(p.x, i, v);
    // Z3 = (Z1 + H)^2 − Z1Z1 − HH
    add(p.z, h, t7);
    sqr(t7, t7);
    sub(t7, z1z1, t7);
    sub(t7, hh, p.z);
    // X3 = r^2 − J − 2V
    sqr(r, t1);
    sub(t1, j, t1);
    sub(t1, v, t1);
    sub(t1, v, t1);
    // Y3 = r (V − X3) − 2 Y1 J
    sub(v, t1, t6);
    mul(r, t6, t6);
    mul(p.y, j, t4);
    add(t4, t4, t4);
    sub(t6, t4, p.y);
    System.arraycopy(t1, 0, p.x, 0, 8);
  }

  /** p := p + q (add-2007-bl). */
  private void addJac(Jac p, Jac q) {
    if (q.infinite()) {
      return;
    }
    if (p.infinite()) {
      p.set(q);
      return;
    }
    int[] z1z1 = Nat256.create();
    int[] z2z2 = Nat256.create();
    int[] u1 = Nat256.create();
    int[] u2 = Nat256.create();
    int[] s1 = Nat256.create();
    int[] s2 = Nat256.create();
    sqr(p.z, z1z1);
    sqr(q.z, z2z2);
    mul(p.x, z2z2, u1);
    mul(q.x, z1z1, u2);
    mul(p.y, q.z, s1);
    mul(s1, z2z2, s1);
    mul(q.y, p.z, s2);
    mul(s2, z1z1, s2);
    int[] h = Nat256.create();
    sub(u2, u1, h);
    int[] r = Nat256.create();
    sub(s2, s1, r);
    if (isZero(h)) {
      if (isZero(r)) {
        dbl(p);
      } else {
        java.util.Arrays.fill(p.z, 0);
      }
      return;
    }
    add(r, r, r);
    int[] i = Nat256.create();
    add(h, h, i);
    sqr(i, i);
    int[] j = Nat256.create();
    mul(h, i, j);
    int[] v = Nat256.create();
    mul(u1, i, v);
    // Z3 = ((Z1 + Z2)^2 − Z1Z1 − Z2Z2) H
    add(p.z, q.z, t1);
    sqr(t1, t1);
    sub(t1, z1z1, t1);
    sub(t1, z2z2, t1);
    mul(t1, h, p.z);
    // X3 = r^2 − J − 2V
    sqr(r, t2);
    sub(t2, j, t2);
    sub(t2, v, t2);
    sub(t2, v, t2);
    // Y3 = r (V − X3) − 2 S1 J
    sub(v, t2, t3);
    mul(r, t3, t3);
    mul(s1, j, t4);
    add(t4, t4, t4);
    sub(t3, t4, p.y);
    System.arraycopy(t2, 0, p.x, 0, 8);
  }

  // ---- the multi-scalar multiplication ----

  private ECPoint run(ECPoint[] ps, BigInteger[] ks, int n, int c) {
    int[][] px = new int[n][];
    int[][] py = new int[n][];
    int[][] nyArr = new int[n][];
    int maxBits = 0;
    for (int i = 0; i < n; i++) {
      ECPoint p = ps[i].normalize();
      px[i] = SecP256R1Field.fromBigInteger(p.getAffineXCoord().toBigInteger());
      py[i] = SecP256R1Field.fromBigInteger(p.getAffineYCoord().toBigInteger());
      maxBits = Math.max(maxBits, ks[i].bitLength());
    }
    int windows = (maxBits + 2 + c - 1) / c;
    int[][] digits = new int[n][];
    for (int i = 0; i < n; i++) {
      digits[i] = SignedDigits.recode(ks[i], c, windows);
    }
    int buckets = 1 << (c - 1);
    Jac result = new Jac();
    Jac running = new Jac();
    Jac windowSum = new Jac();
    // Per window: the points in each bucket, as affine coordinates, reduced pairwise in batches.
    int[][] bx = new int[n][];
    int[][] by = new int[n][];
    int[] bucketOf = new int[n];
    int[][] sumX = new int[buckets + 1][];
    int[][] sumY = new int[buckets + 1][];
    for (int w = windows - 1; w >= 0; w--) {
      for (int j = 0; j < c; j++) {
        dbl(result);
      }
      // Gather (bucket, point) items sorted by bucket.
      int[] count = new int[buckets + 2];
      for (int i = 0; i < n; i++) {
        int d = digits[i][w];
        if (d != 0) {
          count[Math.abs(d) + 1]++;
        }
      }
      for (int b = 1; b <= buckets + 1; b++) {
        count[b] += count[b - 1];
      }
      int items = count[buckets + 1];
      int[] start = count.clone();
      for (int i = 0; i < n; i++) {
        int d = digits[i][w];
        if (d == 0) {
          continue;
        }
        int b = Math.abs(d);
        int at = start[b]++;
        bx[at] = px[i];
        if (d > 0) {
          by[at] = py[i];
        } else {
          if (nyArr[i] == null) {
            nyArr[i] = Nat256.create();
            SecP256R1Field.negate(py[i], nyArr[i]);
          }
          by[at] = nyArr[i];
        }
        bucketOf[at] = b;
      }
      reduceBuckets(bx, by, bucketOf, items, sumX, sumY);
      java.util.Arrays.fill(running.z, 0);
      java.util.Arrays.fill(windowSum.z, 0);
      for (int b = buckets; b >= 1; b--) {
        if (sumX[b] != null) {
          addAffine(running, sumX[b], sumY[b]);
        }
        addJac(windowSum, running);
      }
      addJac(result, windowSum);
    }
    if (result.infinite()) {
      return Curve.CURVE.getInfinity();
    }
    int[] zi = Nat256.create();
    SecP256R1Field.inv(result.z, zi);
    int[] zi2 = Nat256.create();
    sqr(zi, zi2);
    int[] x = Nat256.create();
    mul(result.x, zi2, x);
    mul(zi2, zi, zi2);
    int[] y = Nat256.create();
    mul(result.y, zi2, y);
    return Curve.CURVE.createPoint(Nat256.toBigInteger(x), Nat256.toBigInteger(y));
  }

  /**
   * Sums the items of each bucket (items sorted by bucket) by rounds of pairwise affine additions; each round's
   * additions share one inversion. Leaves bucket b's sum in sumX[b], sumY[b] (null if empty or infinity).
   */
  private void reduceBuckets(int[][] x, int[][] y, int[] bucket, int items, int[][] sumX, int[][] sumY) {
    java.util.Arrays.fill(sumX, null);
    java.util.Arrays.fill(sumY, null);
    int m = items;
    int[][] denominators = new int[m / 2 + 1][];
    int[][] prefix = new int[m / 2 + 1][];
    int[] pairA = new int[m / 2 + 1];
    while (true) {
      // Pair neighbouring items of the same bucket.
      int pairs = 0;
      boolean[] paired = new boolean[m];
      for (int i = 0; i + 1 < m; i++) {
        if (!paired[i] && bucket[i] == bucket[i + 1]) {
          paired[i] = true;
          paired[i + 1] = true;
          pairA[pairs++] = i;
          i++;
        }
      }
      if (pairs == 0) {
        break;
      }
      // Special pairs (equal x) are resolved apart; the rest share one inversion of Π (x_b − x_a).
      boolean[] special = new boolean[pairs];
      int[] acc = Nat256.create();
      acc[0] = 1;
      for (int k = 0; k < pairs; k++) {
        int a = pairA[k];
        int[] dx = denominators[k] == null ? (denominators[k] = Nat256.create()) : denominators[k];
        sub(x[a + 1], x[a], dx);
        if (isZero(dx)) {
          special[k] = true;
          if (!Nat256.eq(y[a], y[a + 1])) {
            continue; // P + (−P) = O
          }
          add(y[a], y[a], dx); // doubling: the denominator is 2y
        }
        prefix[k] = prefix[k] == null ? Nat256.create() : prefix[k];
        System.arraycopy(acc, 0, prefix[k], 0, 8);
        mul(acc, dx, acc);
      }
      int[] inv = Nat256.create();
      SecP256R1Field.inv(acc, inv);
      int[][] outX = new int[m][];
      int[][] outY = new int[m][];
      int[] outBucket = new int[m];
      int out = 0;
      int[] lambda = Nat256.create();
      int[] dInv = Nat256.create();
      for (int k = pairs - 1; k >= 0; k--) {
        int a = pairA[k];
        int[] dx = denominators[k];
        int[] nx = null;
        int[] ny = null;
        if (special[k] && isZero(dx)) {
          // P + (−P) = O: the pair vanishes.
        } else {
          mul(inv, prefix[k], dInv);
          mul(inv, dx, inv);
          if (special[k]) {
            // Doubling: λ = 3(x² − 1) / (2y).
            sqr(x[a], lambda);
            int[] one = Nat256.create();
            one[0] = 1;
            sub(lambda, one, lambda);
            int[] three = copy(lambda);
            add(lambda, lambda, lambda);
            add(lambda, three, lambda);
            mul(lambda, dInv, lambda);
          } else {
            sub(y[a + 1], y[a], lambda);
            mul(lambda, dInv, lambda);
          }
          nx = Nat256.create();
          sqr(lambda, nx);
          sub(nx, x[a], nx);
          sub(nx, x[a + 1], nx);
          ny = Nat256.create();
          sub(x[a], nx, ny);
          mul(lambda, ny, ny);
          sub(ny, y[a], ny);
        }
        // Keep order within the bucket irrelevant: collect results, then unpaired items.
        outX[out] = nx;
        outY[out] = ny;
        outBucket[out] = bucket[a];
        out++;
      }
      for (int i = 0; i < m; i++) {
        if (!paired[i]) {
          outX[out] = x[i];
          outY[out] = y[i];
          outBucket[out] = bucket[i];
          out++;
        }
      }
      // Drop vanished pairs and sort by bucket (counting sort keeps it linear).
      int next = 0;
      int maxBucket = 0;
      for (int i = 0; i < out; i++) {
        maxBucket = Math.max(maxBucket, outBucket[i]);
      }
      int[] cnt = new int[maxBucket + 2];
      for (int i = 0; i < out; i++) {
        if (outX[i] != null) {
          cnt[outBucket[i] + 1]++;
        }
      }
      for (int b = 1; b < cnt.length; b++) {
        cnt[b] += cnt[b - 1];
      }
      for (int i = 0; i < out; i++) {
        if (outX[i] != null) {
          int at = cnt[outBucket[i]]++;
          x[at] = outX[i];
          y[at] = outY[i];
          bucket[at] = outBucket[i];
          next++;
        }
      }
      m = next;
    }
    for (int i = 0; i < m; i++) {
      sumX[bucket[i]] = x[i];
      sumY[bucket[i]] = y[i];
    }
  }
}
