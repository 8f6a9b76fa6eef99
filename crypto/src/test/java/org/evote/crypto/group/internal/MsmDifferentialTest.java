package org.evote.crypto.group.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

/**
 * The Java multi-scalar multiplication ({@link FastMsm} and {@link Msm#sum}) against Bouncy Castle's own point
 * arithmetic, Σ k_i·P_i computed one multiplication at a time: special points and scalars, buckets that double or
 * cancel, and random sums of every size class with a fixed seed. Results must be exactly equal.
 */
class MsmDifferentialTest {
  static final BigInteger Q = Curve.ORDER;
  static final BigInteger[] SPECIAL = {BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO, Q.subtract(BigInteger.ONE),
      Q.subtract(BigInteger.TWO), Q.shiftRight(1), Q.shiftRight(1).add(BigInteger.ONE), BigInteger.ONE.shiftLeft(128),
      BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(255),
      BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE), Q, Q.add(BigInteger.ONE)};

  static final int[] WIDTHS = {2, 3, 4, 5, 6, 7, 8, 10, 12};

  static ECPoint naive(ECPoint[] ps, BigInteger[] ks, int n) {
    ECPoint sum = Curve.infinity();
    for (int i = 0; i < n; i++) {
      sum = sum.add(ps[i].multiply(ks[i]));
    }
    return sum.normalize();
  }

  static ECPoint randomPoint(Random r) {
    return Curve.G.multiply(new BigInteger(256, r).mod(Q).add(BigInteger.ONE)).normalize();
  }

  static BigInteger randomScalar(Random r, int i) {
    return switch (i % 4) {
      case 0 -> new BigInteger(128, r);
      case 1 -> new BigInteger(256, r).mod(Q);
      case 2 -> new BigInteger(256, r);
      default -> new BigInteger(1 + r.nextInt(256), r);
    };
  }

  /** FastMsm with its own window choice and with every fixed width, and Msm.sum, all equal to the naive sum. */
  static void assertAllAgree(ECPoint[] ps, BigInteger[] ks, int n, String what) {
    ECPoint expected = naive(ps, ks, n);
    assertEquals(expected, Msm.sum(ps, ks, n).normalize(), what + " (Msm.sum)");
    assertEquals(expected, FastMsm.sum(ps, ks, n).normalize(), what + " (FastMsm)");
    for (int c : WIDTHS) {
      assertEquals(expected, FastMsm.sum(ps, ks, n, c).normalize(), what + " (FastMsm, c = " + c + ")");
    }
  }

  @Test
  void theEmptySumAndIdentityPointsAreTheIdentity() {
    assertTrue(Msm.sum(new ECPoint[0], new BigInteger[0], 0).isInfinity());
    assertTrue(FastMsm.sum(new ECPoint[0], new BigInteger[0], 0).isInfinity());
    ECPoint[] ps = new ECPoint[40];
    BigInteger[] ks = new BigInteger[40];
    Arrays.fill(ps, Curve.infinity());
    Random r = new Random(1);
    for (int i = 0; i < ks.length; i++) {
      ks[i] = randomScalar(r, i);
    }
    assertTrue(FastMsm.sum(ps, ks, 40).isInfinity());
    assertTrue(Msm.sum(ps, ks, 40).isInfinity());
    for (int i = 0; i < 40; i += 3) {
      ps[i] = randomPoint(r);
    }
    assertAllAgree(ps, ks, 40, "identity points among others");
  }

  @Test
  void specialScalarsOnEachPoint() {
    Random r = new Random(2);
    int n = SPECIAL.length * 3;
    ECPoint[] ps = new ECPoint[n];
    BigInteger[] ks = new BigInteger[n];
    for (int i = 0; i < n; i++) {
      ps[i] = randomPoint(r);
      ks[i] = SPECIAL[i % SPECIAL.length];
    }
    assertAllAgree(ps, ks, n, "special scalars");
    for (BigInteger k : SPECIAL) {
      ECPoint[] one = {Curve.G};
      BigInteger[] ko = {k};
      assertAllAgree(one, ko, 1, "G·" + k.toString(16));
      Arrays.fill(ks, k);
      assertAllAgree(ps, ks, n, "all scalars " + k.toString(16));
    }
  }

  @Test
  void zeroScalarsEverywhereGiveTheIdentity() {
    Random r = new Random(3);
    ECPoint[] ps = new ECPoint[50];
    BigInteger[] ks = new BigInteger[50];
    for (int i = 0; i < 50; i++) {
      ps[i] = randomPoint(r);
      ks[i] = BigInteger.ZERO;
    }
    assertTrue(Msm.sum(ps, ks, 50).isInfinity());
    assertTrue(FastMsm.sum(ps, ks, 50).isInfinity());
  }

  @Test
  void pointsThatDoubleInABucket() {
    Random r = new Random(4);
    for (int n : new int[] {2, 3, 8, 30, 64, 200}) {
      ECPoint[] ps = new ECPoint[n];
      BigInteger[] ks = new BigInteger[n];
      for (int i = 0; i < n; i += 2) {
        ps[i] = randomPoint(r);
        ks[i] = randomScalar(r, i);
        if (i + 1 < n) {
          ps[i + 1] = ps[i]; // P + P in every bucket P goes to
          ks[i + 1] = ks[i];
        }
      }
      assertAllAgree(ps, ks, n, "pairs of equal terms, n = " + n);
    }
  }

  @Test
  void pointsThatCancel() {
    Random r = new Random(5);
    for (int n : new int[] {2, 4, 10, 50, 201}) {
      ECPoint[] ps = new ECPoint[n];
      BigInteger[] ks = new BigInteger[n];
      for (int i = 0; i < n; i += 2) {
        ps[i] = randomPoint(r);
        ks[i] = randomScalar(r, i);
        if (i + 1 < n) {
          ps[i + 1] = ps[i].negate(); // P + (−P) in every bucket
          ks[i + 1] = ks[i];
        }
      }
      assertAllAgree(ps, ks, n, "cancelling pairs, n = " + n);
      if (n % 2 == 0) {
        assertTrue(FastMsm.sum(ps, ks, n).isInfinity(), "everything cancels, n = " + n);
      }
    }
    // k·P + (q − k)·P = O, and P + P + (−P) + (−P) in one bucket.
    ECPoint p = randomPoint(r);
    BigInteger k = new BigInteger(200, r);
    assertAllAgree(new ECPoint[] {p, p}, new BigInteger[] {k, Q.subtract(k)}, 2, "k + (q − k)");
    ECPoint[] four = {p, p, p.negate(), p.negate(), p, p.negate()};
    BigInteger[] same = new BigInteger[6];
    Arrays.fill(same, k);
    assertAllAgree(four, same, 6, "P, P, −P, −P, P, −P");
  }

  @Test
  void theSamePointRepeatedManyTimes() {
    Random r = new Random(6);
    ECPoint p = randomPoint(r);
    for (int n : new int[] {1, 5, 24, 100, 700}) {
      ECPoint[] ps = new ECPoint[n];
      BigInteger[] ks = new BigInteger[n];
      Arrays.fill(ps, p);
      for (int i = 0; i < n; i++) {
        ks[i] = randomScalar(r, i);
      }
      assertAllAgree(ps, ks, n, "one point, random scalars, n = " + n);
      Arrays.fill(ks, BigInteger.valueOf(0x5a5a5a5aL));
      assertAllAgree(ps, ks, n, "one point, one scalar, n = " + n);
      Arrays.fill(ks, Q.subtract(BigInteger.ONE));
      assertAllAgree(ps, ks, n, "one point, q − 1, n = " + n);
    }
    // The generator with scalar 1, many times: digits 1 in window 0 only.
    ECPoint[] gs = new ECPoint[300];
    BigInteger[] ones = new BigInteger[300];
    Arrays.fill(gs, Curve.G);
    Arrays.fill(ones, BigInteger.ONE);
    assertAllAgree(gs, ones, 300, "300·G");
  }

  @Test
  void nonNormalizedPointsAreAccepted() {
    Random r = new Random(7);
    ECPoint[] ps = new ECPoint[40];
    BigInteger[] ks = new BigInteger[40];
    for (int i = 0; i < 40; i++) {
      ps[i] = randomPoint(r).add(Curve.G).twice(); // Jacobian, not normalized
      ks[i] = randomScalar(r, i);
    }
    assertAllAgree(ps, ks, 40, "Jacobian inputs");
  }

  @Test
  void theWidestWindows() {
    Random r = new Random(8);
    ECPoint[] ps = new ECPoint[30];
    BigInteger[] ks = new BigInteger[30];
    for (int i = 0; i < 30; i++) {
      ps[i] = randomPoint(r);
      ks[i] = randomScalar(r, i);
    }
    ps[7] = ps[3];
    ks[7] = ks[3];
    ECPoint expected = naive(ps, ks, 30);
    for (int c = 13; c <= 15; c++) {
      assertEquals(expected, FastMsm.sum(ps, ks, 30, c).normalize(), "c = " + c);
    }
  }

  @Test
  void scalarsOutsideTheRangeAreRefused() {
    ECPoint[] ps = {Curve.G};
    assertThrows(IllegalArgumentException.class, () -> FastMsm.sum(ps, new BigInteger[] {BigInteger.ONE.negate()}, 1));
    assertThrows(IllegalArgumentException.class, () -> FastMsm.sum(ps, new BigInteger[] {BigInteger.ONE.shiftLeft(256)},
        1));
  }

  @Test
  void randomSumsOfManySizes() {
    Random r = new Random(20261201);
    int max = 5000;
    ECPoint[] ps = new ECPoint[max];
    BigInteger[] ks = new BigInteger[max];
    // Points as a chain P_(i+1) = P_i + H (cheap), normalized together; scalars of mixed lengths.
    ECPoint h = randomPoint(r);
    ps[0] = randomPoint(r);
    for (int i = 1; i < max; i++) {
      ps[i] = ps[i - 1].add(h);
    }
    Curve.normalizeAll(ps);
    for (int i = 0; i < max; i++) {
      ks[i] = randomScalar(r, i);
    }
    ECPoint[] prefix = new ECPoint[max + 1];
    prefix[0] = Curve.infinity();
    for (int i = 0; i < max; i++) {
      prefix[i + 1] = prefix[i].add(ps[i].multiply(ks[i])).normalize();
    }
    for (int n = 1; n <= 40; n++) {
      assertEquals(prefix[n], Msm.sum(ps, ks, n).normalize(), "n = " + n);
      assertEquals(prefix[n], FastMsm.sum(ps, ks, n).normalize(), "FastMsm n = " + n);
    }
    for (int n : new int[] {63, 64, 65, 255, 256, 400, 1000, 1023, 2500, 4096, 5000}) {
      assertEquals(prefix[n], Msm.sum(ps, ks, n).normalize(), "n = " + n);
    }
  }
}
