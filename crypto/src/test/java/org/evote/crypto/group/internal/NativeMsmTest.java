package org.evote.crypto.group.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Differential tests of the native MSM against the Java path ({@link FastMsm}) and Bouncy Castle's own point
 * arithmetic, on the hard cases (identity, doubling, cancellation, extreme scalars, repeated points) and on random
 * sums of every size 1…300 and some thousands (fixed seed). Skipped where the library is not loaded;
 * {@link NativeMsmLoadTest} fails in that case wherever it was built.
 */
class NativeMsmTest {
  private static final BigInteger Q = Curve.ORDER;
  private static final BigInteger MAX = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
  private static final ECPoint G = Curve.G;

  @BeforeAll
  static void requireLibrary() {
    assumeTrue(NativeMsm.loaded(), () -> "native MSM not loaded: " + NativeMsm.unavailableReason().orElse(""));
  }

  /** Σ k_i·P_i by Bouncy Castle, one multiplication per term (k reduced mod q: every point has order q). */
  private static ECPoint reference(ECPoint[] ps, BigInteger[] ks, int n) {
    ECPoint sum = Curve.CURVE.getInfinity();
    for (int i = 0; i < n; i++) {
      sum = sum.add(ps[i].multiply(ks[i].mod(Q)));
    }
    return sum.normalize();
  }

  private static ECPoint java(ECPoint[] ps, BigInteger[] ks, int n) {
    return FastMsm.sum(ps, ks, n, n < 64 ? 4 : n < 1024 ? 6 : 8).normalize();
  }

  private static ECPoint nat(ECPoint[] ps, BigInteger[] ks, int n) {
    return NativeMsm.sum(ps, ks, n).normalize();
  }

  /** Native, Java and Bouncy Castle agree, and equal {@code expected} when it is given. */
  private static void agree(ECPoint[] ps, BigInteger[] ks, ECPoint expected) {
    int n = ps.length;
    ECPoint ref = expected != null ? expected.normalize() : reference(ps, ks, n);
    assertEquals(ref, nat(ps, ks, n), "native, n = " + n);
    assertEquals(ref, java(ps, ks, n), "java, n = " + n);
  }

  private static ECPoint[] points(Random rnd, int n) {
    ECPoint[] ps = new ECPoint[n];
    ECPoint step = G.multiply(new BigInteger(256, rnd)).normalize();
    ECPoint p = G.multiply(new BigInteger(256, rnd));
    for (int i = 0; i < n; i++) {
      ps[i] = p;
      p = p.add(step);
    }
    Curve.normalizeAll(ps);
    return ps;
  }

  private static BigInteger[] scalars(Random rnd, int n) {
    BigInteger[] ks = new BigInteger[n];
    for (int i = 0; i < n; i++) {
      ks[i] = new BigInteger(256, rnd);
    }
    return ks;
  }

  private static BigInteger[] all(int n, BigInteger k) {
    BigInteger[] ks = new BigInteger[n];
    java.util.Arrays.fill(ks, k);
    return ks;
  }

  @Test
  void theIdentityComesBackAsInfinity() {
    ECPoint p = G.multiply(BigInteger.valueOf(12345)).normalize();
    assertTrue(nat(new ECPoint[] {p, p.negate()}, all(2, BigInteger.ONE), 2).isInfinity());
    BigInteger k = new BigInteger("1234567890123456789012345678901234567890");
    assertTrue(nat(new ECPoint[] {p, p}, new BigInteger[] {k, Q.subtract(k)}, 2).isInfinity());
    assertTrue(nat(new ECPoint[] {p}, new BigInteger[] {Q}, 1).isInfinity());
    assertTrue(nat(new ECPoint[] {p, G}, all(2, BigInteger.ZERO), 2).isInfinity());
    assertTrue(nat(new ECPoint[] {Curve.infinity()}, all(1, BigInteger.ONE), 1).isInfinity());
  }

  @Test
  void equalPointsInABucketDouble() {
    ECPoint p = G.multiply(BigInteger.valueOf(777)).normalize();
    agree(new ECPoint[] {p, p}, all(2, BigInteger.ONE), p.twice());
    agree(new ECPoint[] {p, p, p, p}, all(4, BigInteger.ONE), p.multiply(BigInteger.valueOf(4)));
    agree(new ECPoint[] {G}, new BigInteger[] {BigInteger.TWO}, G.twice());
  }

  @Test
  void cancellationInsideLargerSums() {
    Random rnd = new Random(14);
    ECPoint[] base = points(rnd, 40);
    ECPoint[] ps = new ECPoint[80];
    BigInteger[] ks = new BigInteger[80];
    for (int i = 0; i < 40; i++) {
      BigInteger k = new BigInteger(256, rnd);
      ps[2 * i] = base[i];
      ks[2 * i] = k;
      ps[2 * i + 1] = base[i].negate();
      ks[2 * i + 1] = k; // same digits on −P: every bucket pair cancels
    }
    agree(ps, ks, Curve.infinity());
    ks[79] = ks[79].add(BigInteger.ONE);
    agree(ps, ks, base[39].negate());
  }

  @Test
  void extremeScalars() {
    Random rnd = new Random(1);
    ECPoint[] ps = points(rnd, 7);
    BigInteger[] ks = {
      BigInteger.ZERO, BigInteger.ONE, Q.subtract(BigInteger.ONE), MAX, Q, Q.add(BigInteger.ONE), BigInteger.ONE.shiftLeft(255)
    };
    agree(ps, ks, null);
    for (BigInteger k : ks) {
      agree(ps, all(7, k), null);
      agree(new ECPoint[] {ps[3]}, new BigInteger[] {k}, ps[3].multiply(k.mod(Q)));
    }
    agree(new ECPoint[] {G, G}, new BigInteger[] {Q.subtract(BigInteger.ONE), BigInteger.ONE}, Curve.infinity());
  }

  @Test
  void theSamePointRepeated() {
    Random rnd = new Random(2);
    ECPoint p = points(rnd, 1)[0];
    for (int n : new int[] {2, 3, 17, 64, 300, 2000}) {
      BigInteger[] ks = scalars(rnd, n);
      ECPoint[] ps = new ECPoint[n];
      java.util.Arrays.fill(ps, p);
      BigInteger total = BigInteger.ZERO;
      for (BigInteger k : ks) {
        total = total.add(k);
      }
      agree(ps, ks, p.multiply(total.mod(Q)));
      agree(ps, all(n, BigInteger.ONE), p.multiply(BigInteger.valueOf(n)));
      agree(ps, all(n, MAX), p.multiply(MAX.multiply(BigInteger.valueOf(n)).mod(Q)));
    }
  }

  @Test
  void everySizeFromOneTo300() {
    Random rnd = new Random(300);
    int max = 300;
    ECPoint[] ps = points(rnd, max);
    BigInteger[] ks = scalars(rnd, max);
    ks[5] = BigInteger.ZERO;
    ks[6] = MAX;
    ks[7] = Q.subtract(BigInteger.ONE);
    ps[9] = ps[8]; // a doubling in every bucket the two share
    ps[11] = ps[10].negate();
    ks[11] = ks[10]; // and a cancellation
    ECPoint prefix = Curve.CURVE.getInfinity();
    for (int n = 1; n <= max; n++) {
      prefix = prefix.add(ps[n - 1].multiply(ks[n - 1].mod(Q))).normalize();
      ECPoint[] p = java.util.Arrays.copyOf(ps, n);
      BigInteger[] k = java.util.Arrays.copyOf(ks, n);
      assertEquals(prefix, nat(p, k, n), "native, n = " + n);
      assertEquals(prefix, java(p, k, n), "java, n = " + n);
      assertEquals(prefix, NativeMsm.sum(ps, ks, n).normalize(), "native on longer arrays, n = " + n);
    }
  }

  @Test
  void sizesInTheThousands() {
    Random rnd = new Random(5000);
    for (int n : new int[] {1000, 4000}) {
      ECPoint[] ps = points(rnd, n);
      BigInteger[] ks = scalars(rnd, n);
      for (int i = 0; i < n; i += 97) {
        ps[i + 1] = ps[i]; // repeated points and a cancelling pair, spread through the sum
        ps[i + 2] = ps[i].negate();
        ks[i + 2] = ks[i];
      }
      ECPoint expected = ECAlgorithms.sumOfMultiplies(ps, ks).normalize();
      assertEquals(expected, nat(ps, ks, n), "native, n = " + n);
      assertEquals(expected, java(ps, ks, n), "java, n = " + n);
    }
  }

  @Test
  void msmSumDispatchesAndAgrees() {
    Random rnd = new Random(7);
    for (int n : new int[] {1, NativeMsm.THRESHOLD - 1, NativeMsm.THRESHOLD, 400}) {
      ECPoint[] ps = points(rnd, n);
      BigInteger[] ks = scalars(rnd, n);
      assertEquals(reference(ps, ks, n), Msm.sum(ps, ks, n).normalize(), "Msm.sum, n = " + n);
    }
    assertTrue(Msm.sum(new ECPoint[0], new BigInteger[0], 0).isInfinity());
  }

  @Test
  void concurrentCallsDoNotInterfere() throws Exception {
    Random rnd = new Random(8);
    List<ECPoint[]> ps = new ArrayList<>();
    List<BigInteger[]> ks = new ArrayList<>();
    List<ECPoint> expected = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      ECPoint[] p = points(rnd, 150 + t);
      BigInteger[] k = scalars(rnd, 150 + t);
      ps.add(p);
      ks.add(k);
      expected.add(ECAlgorithms.sumOfMultiplies(p, k).normalize());
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int round = 0; round < 5; round++) {
        for (int t = 0; t < 8; t++) {
          int i = t;
          results.add(pool.submit(() -> nat(ps.get(i), ks.get(i), ps.get(i).length).equals(expected.get(i))));
        }
      }
      for (Future<Boolean> f : results) {
        assertTrue(f.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void inputsAreCheckedBeforeTheCall() {
    ECPoint[] ps = {G, G};
    assertThrows(IllegalArgumentException.class, () -> NativeMsm.sum(ps, all(2, BigInteger.ONE), 3));
    assertThrows(IllegalArgumentException.class, () -> NativeMsm.sum(ps, all(1, BigInteger.ONE), 2));
    assertThrows(IllegalArgumentException.class, () -> NativeMsm.sum(ps, all(2, BigInteger.ONE), -1));
    assertThrows(
        IllegalArgumentException.class, () -> NativeMsm.sum(ps, new BigInteger[] {BigInteger.ONE, MAX.add(BigInteger.ONE)}, 2));
    assertThrows(
        IllegalArgumentException.class, () -> NativeMsm.sum(ps, new BigInteger[] {BigInteger.ONE, BigInteger.ONE.negate()}, 2));
  }

  @Test
  void aPointOffTheCurveIsRefusedByTheNativeCode() {
    // Never reaches it in the system (Elements are validated when decoded); the native code checks again.
    ECPoint off = Curve.CURVE.createPoint(G.getAffineXCoord().toBigInteger(), G.getAffineYCoord().toBigInteger().add(BigInteger.ONE));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> NativeMsm.sum(new ECPoint[] {G, off}, all(2, BigInteger.ONE), 2));
    assertTrue(e.getMessage().contains("not on the curve"), e.getMessage());
  }

  @Test
  void theModeIsReadFromTheProperty() {
    assertEquals(NativeMsm.Mode.AUTO, NativeMsm.readMode(null));
    assertEquals(NativeMsm.Mode.JAVA, NativeMsm.readMode("java"));
    assertEquals(NativeMsm.Mode.NATIVE, NativeMsm.readMode(" Native "));
    assertEquals(NativeMsm.Mode.AUTO, NativeMsm.readMode("auto"));
    assertEquals(NativeMsm.Mode.AUTO, NativeMsm.readMode("fast"));
  }
}
