package org.evote.crypto.group;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Multi-scalar multiplication Σ k_i·P_i, the core of batch verification (protocol §4.5). Small sums use Bouncy
 * Castle's interleaved wNAF; larger ones Pippenger's bucket method, whose cost per point falls as the sum grows.
 */
public final class Msm {
  private static final int PIPPENGER_THRESHOLD = 24;

  private Msm() {}

  /** Σ ks[i]·ps[i]; scalars must be in [0, 2^256). Points are best passed normalized (affine). */
  public static ECPoint sum(ECPoint[] ps, BigInteger[] ks, int n) {
    if (n == 0) {
      return P256.CURVE.getInfinity();
    }
    if (n < PIPPENGER_THRESHOLD) {
      ECPoint[] p = new ECPoint[n];
      BigInteger[] k = new BigInteger[n];
      System.arraycopy(ps, 0, p, 0, n);
      System.arraycopy(ks, 0, k, 0, n);
      return ECAlgorithms.sumOfMultiplies(p, k);
    }
    return pippenger(ps, ks, n);
  }

  static ECPoint pippenger(ECPoint[] ps, BigInteger[] ks, int n) {
    int c = windowFor(n);
    int maxBits = 0;
    for (int i = 0; i < n; i++) {
      maxBits = Math.max(maxBits, ks[i].bitLength());
    }
    int windows = (maxBits + 2 + c - 1) / c;
    int[][] digits = new int[n][];
    ECPoint[] negated = new ECPoint[n];
    for (int i = 0; i < n; i++) {
      digits[i] = SignedDigits.recode(ks[i], c, windows);
    }
    ECPoint infinity = P256.CURVE.getInfinity();
    ECPoint result = infinity;
    ECPoint[] buckets = new ECPoint[(1 << (c - 1)) + 1];
    for (int w = windows - 1; w >= 0; w--) {
      for (int j = 0; j < c; j++) {
        result = result.twice();
      }
      java.util.Arrays.fill(buckets, null);
      for (int i = 0; i < n; i++) {
        int d = digits[i][w];
        if (d == 0) {
          continue;
        }
        ECPoint p;
        if (d > 0) {
          p = ps[i];
        } else {
          if (negated[i] == null) {
            negated[i] = ps[i].negate();
          }
          p = negated[i];
          d = -d;
        }
        ECPoint b = buckets[d];
        buckets[d] = b == null ? p : b.add(p);
      }
      ECPoint running = infinity;
      ECPoint windowSum = infinity;
      for (int d = buckets.length - 1; d >= 1; d--) {
        if (buckets[d] != null) {
          running = running.add(buckets[d]);
        }
        windowSum = windowSum.add(running);
      }
      result = result.add(windowSum);
    }
    return result;
  }

  private static int windowFor(int n) {
    if (n < 64) {
      return 4;
    }
    if (n < 256) {
      return 5;
    }
    if (n < 1024) {
      return 6;
    }
    if (n < 4096) {
      return 8;
    }
    return 10;
  }
}
