package org.evote.crypto.group.internal;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.raw.Nat256;

/**
 * Pippenger's bucket method on P-256 over Bouncy Castle's raw field arithmetic. Scalars are recoded once, from their
 * int limbs, into signed base-2^c digits (a digit d ≠ 0 puts ±P_i into bucket |d| of its window); the items of
 * many windows at once are counting-sorted by (window, bucket) into flat index arrays and each bucket is summed by
 * {@link MsmBuckets} (affine additions sharing one inversion per round, across all those windows); the window sums
 * Σ b·S_b are formed by {@link MsmWindowSums} (running sums, affine, one inversion per step across all windows) and
 * the windows combined by Horner's rule in Jacobian coordinates ({@link MsmJacobian}). The window width c minimises
 * a cost model over the scalars' actual bit lengths. Coordinates are read from Bouncy Castle's field elements
 * without BigInteger round trips; buffers are allocated once per call, none per point operation. Results equal
 * {@link ECPoint} arithmetic exactly; tests compare the two. Variable time: public data only (verification).
 */
final class FastMsm {
  /**
   * Costs in field multiplications: an item's batched affine addition, a bucket's two running-sum additions (per
   * window), and the inversion each batch of running-sum additions shares.
   */
  private static final int ITEM_COST = 7;
  private static final int BUCKET_COST = 14;
  private static final int INVERSION_COST = 25;
  /** At most this many (point, window) items are reduced together (bounds the buffers for large sums). */
  private static final int GROUP_ITEMS = 1 << 16;
  private static final int MAX_WINDOW = 15;

  private final MsmField f = new MsmField();
  private final MsmBuckets buckets = new MsmBuckets(f);
  private final MsmJacobian result = new MsmJacobian(f);
  private final MsmWindowSums windowSums = new MsmWindowSums(f);
  private final int[] ax = new int[8];
  private final int[] ay = new int[8];

  private int n;
  private int[] px;
  private int[] py;
  private int[] pny;
  /** Scalar limbs, 8 per point, little-endian 32-bit words. */
  private int[] limbs;
  /** Scalar bit lengths. */
  private int[] bits;
  private final int[] bitHistogram = new int[257];
  private int maxBits;

  private FastMsm() {}

  /** Σ ks[i]·ps[i] for scalars in [0, 2^256); identity points and zero scalars contribute nothing. */
  static ECPoint sum(ECPoint[] ps, BigInteger[] ks, int n) {
    FastMsm m = new FastMsm();
    m.unpack(ps, ks, n);
    return m.run(m.chooseWindow());
  }

  /** As {@link #sum(ECPoint[], BigInteger[], int)} with the window width c given (tests). */
  static ECPoint sum(ECPoint[] ps, BigInteger[] ks, int n, int c) {
    if (c < 2 || c > MAX_WINDOW) {
      throw new IllegalArgumentException("window width out of range");
    }
    FastMsm m = new FastMsm();
    m.unpack(ps, ks, n);
    return m.run(c);
  }

  private void unpack(ECPoint[] ps, BigInteger[] ks, int count) {
    px = new int[8 * count];
    py = new int[8 * count];
    pny = new int[8 * count];
    limbs = new int[8 * count];
    bits = new int[count];
    int m = 0;
    int[] y = ax;
    for (int i = 0; i < count; i++) {
      BigInteger k = ks[i];
      if (k.signum() < 0 || k.bitLength() > 256) {
        throw new IllegalArgumentException("scalar out of range [0, 2^256)");
      }
      ECPoint p = ps[i];
      if (k.signum() == 0 || p.isInfinity()) {
        continue;
      }
      p = p.normalize();
      f.store(p.getAffineXCoord(), px, m);
      f.store(p.getAffineYCoord(), py, m);
      MsmField.load(py, m, y);
      MsmField.negate(y, y);
      MsmField.store(y, pny, m);
      storeLimbs(k, m);
      int b = k.bitLength();
      bits[m] = b;
      bitHistogram[b]++;
      maxBits = Math.max(maxBits, b);
      m++;
    }
    n = m;
    buckets.points(px, py, pny);
  }

  private void storeLimbs(BigInteger k, int at) {
    byte[] b = k.toByteArray();
    int base = at << 3;
    for (int j = 0; j < b.length && j < 32; j++) {
      limbs[base + (j >>> 2)] |= (b[b.length - 1 - j] & 0xff) << ((j & 3) << 3);
    }
  }

  /** The window width with the least estimated cost for these scalars. */
  private int chooseWindow() {
    long best = Long.MAX_VALUE;
    int bestC = 2;
    for (int c = 2; c <= MAX_WINDOW; c++) {
      long items = 0;
      for (int bits = 1; bits <= 256; bits++) {
        items += (long) bitHistogram[bits] * ((bits + 1 + c) / c);
      }
      long windows = (maxBits + 1 + c) / c;
      long cost = items * ITEM_COST + windows * (1L << (c - 1)) * BUCKET_COST + (1L << c) * INVERSION_COST;
      if (cost < best) {
        best = cost;
        bestC = c;
      }
    }
    return bestC;
  }

  /** Signed digits d ∈ [−2^(c−1), 2^(c−1)) of every scalar, digit w of point i at w·n + i. */
  private int[] recode(int c, int windows) {
    int[] digits = new int[windows * n];
    int half = 1 << (c - 1);
    int mask = (1 << c) - 1;
    for (int i = 0; i < n; i++) {
      int base = i << 3;
      int carry = 0;
      int own = (bits[i] + 1 + c) / c; // the digits above are zero
      for (int w = 0; w < own; w++) {
        int from = w * c;
        int word = from >>> 5;
        int d = carry;
        if (word < 8) {
          int shift = from & 31;
          long v = (limbs[base + word] & 0xffffffffL) >>> shift;
          if (shift + c > 32 && word < 7) {
            v |= (limbs[base + word + 1] & 0xffffffffL) << (32 - shift);
          }
          d += (int) v & mask;
        }
        if (d >= half) {
          d -= 1 << c;
          carry = 1;
        } else {
          carry = 0;
        }
        digits[w * n + i] = d;
      }
      if (carry != 0) {
        throw new IllegalStateException("too few windows for the scalar");
      }
    }
    return digits;
  }

  private ECPoint run(int c) {
    if (n == 0) {
      return Curve.CURVE.getInfinity();
    }
    int windows = (maxBits + 1 + c) / c;
    int[] digits = recode(c, windows);
    int perBucket = 1 << (c - 1);
    // Bucket sums of every window: bucket b of window w at w·perBucket + b.
    int keys = windows * perBucket;
    int[] bx = new int[8 * keys];
    int[] by = new int[8 * keys];
    boolean[] present = new boolean[keys];
    int group = Math.max(1, Math.min(windows, GROUP_ITEMS / n));
    int[] count = new int[group * perBucket];
    int[] ref = new int[group * n];
    int[] key = new int[group * n];
    for (int low = 0; low < windows; low += group) {
      int top = Math.min(windows, low + group);
      int m = sortItems(digits, low, top, perBucket, count, ref, key);
      m = buckets.reduce(ref, key, m, count.length);
      for (int j = 0; j < m; j++) {
        int k = low * perBucket + key[j];
        buckets.load(ref[j], ax, ay);
        MsmField.store(ax, bx, k);
        MsmField.store(ay, by, k);
        present[k] = true;
      }
    }
    windowSums.run(bx, by, present, windows, perBucket);
    // Horner's rule over the windows, from the top.
    result.setInfinity();
    for (int w = windows - 1; w >= 0; w--) {
      for (int j = 0; j < c; j++) {
        result.dbl();
      }
      if (windowSums.finite[w]) {
        MsmField.load(windowSums.sumX, w, ax);
        MsmField.load(windowSums.sumY, w, ay);
        result.addAffine(ax, ay);
      }
    }
    if (result.infinite()) {
      return Curve.CURVE.getInfinity();
    }
    result.toAffine(ax, ay);
    return Curve.CURVE.createPoint(Nat256.toBigInteger(ax), Nat256.toBigInteger(ay));
  }

  /** Counting-sorts the non-zero digits of windows [low, top) into (ref, key) by key; returns their number. */
  private int sortItems(int[] digits, int low, int top, int perBucket, int[] count, int[] ref, int[] key) {
    java.util.Arrays.fill(count, 0);
    for (int w = low; w < top; w++) {
      int first = (w - low) * perBucket - 1;
      for (int i = 0, at = w * n; i < n; i++, at++) {
        int d = digits[at];
        if (d != 0) {
          count[first + Math.abs(d)]++;
        }
      }
    }
    int total = 0;
    for (int k = 0; k < count.length; k++) {
      int c = count[k];
      count[k] = total;
      total += c;
    }
    for (int w = low; w < top; w++) {
      int first = (w - low) * perBucket - 1;
      for (int i = 0, at = w * n; i < n; i++, at++) {
        int d = digits[at];
        if (d != 0) {
          int k = first + Math.abs(d);
          int pos = count[k]++;
          key[pos] = k;
          ref[pos] = d > 0 ? ~(i << 1) : ~(i << 1 | 1);
        }
      }
    }
    return total;
  }
}
