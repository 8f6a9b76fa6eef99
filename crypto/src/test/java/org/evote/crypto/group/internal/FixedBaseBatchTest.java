package org.evote.crypto.group.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.math.ec.ECPoint;
import org.evote.crypto.group.P256;
import org.junit.jupiter.api.Test;

/**
 * The batched affine fixed-base multiplication against plain Bouncy Castle ECPoint arithmetic and against
 * {@link FixedBaseTable#multiply}: special scalars, random ones, sums that cancel or double, both paths (affine and
 * Jacobian) and the wide table's entries.
 */
class FixedBaseBatchTest {
  static final SecureRandom RANDOM = new SecureRandom();
  static final BigInteger Q = P256.Q;
  static final ECPoint OTHER = Curve.G.multiply(new BigInteger(255, RANDOM)).normalize();
  static final FixedBaseTable OTHER_TABLE = new FixedBaseTable(OTHER);

  static List<BigInteger> scalars() {
    List<BigInteger> ks = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO,
        Q.subtract(BigInteger.ONE), Q.subtract(BigInteger.TWO), Q, BigInteger.ONE.shiftLeft(255),
        BigInteger.ONE.shiftLeft(252), BigInteger.ONE.shiftLeft(252).subtract(BigInteger.ONE),
        BigInteger.ONE.shiftLeft(13), BigInteger.ONE.shiftLeft(13).subtract(BigInteger.ONE),
        BigInteger.ONE.shiftLeft(14).subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE),
        new BigInteger("2000", 16).shiftLeft(14 * 7), BigInteger.ONE.shiftLeft(256).subtract(Q)));
    for (int i = 0; i < 40; i++) {
      ks.add(new BigInteger(256, RANDOM).mod(Q));
    }
    ks.add(new BigInteger(64, RANDOM));
    return ks;
  }

  static ECPoint expected(ECPoint base, BigInteger k) {
    return base.multiply(k).normalize();
  }

  @Test
  void singleMultiplicationsEqualBouncyCastleAndTheTable() {
    List<BigInteger> ks = scalars();
    FixedBaseBatch batch = new FixedBaseBatch();
    int[] g = new int[ks.size()];
    int[] o = new int[ks.size()];
    for (int i = 0; i < ks.size(); i++) {
      g[i] = batch.multiply(Curve.G_TABLE, ks.get(i));
      o[i] = batch.multiply(OTHER_TABLE, ks.get(i));
    }
    batch.run();
    for (int i = 0; i < ks.size(); i++) {
      BigInteger k = ks.get(i);
      assertEquals(expected(Curve.G, k), batch.result(g[i]), "k·G, k = " + k.toString(16));
      assertEquals(expected(OTHER, k), batch.result(o[i]), "k·B, k = " + k.toString(16));
      if (k.compareTo(Q) < 0) {
        assertEquals(Curve.G_TABLE.multiply(k).normalize(), batch.result(g[i]));
      }
    }
  }

  @Test
  void sumsEqualBouncyCastleIncludingCancellationAndDoubling() {
    List<BigInteger> ks = scalars();
    FixedBaseBatch batch = new FixedBaseBatch();
    List<int[]> jobs = new ArrayList<>();
    for (int i = 0; i < ks.size(); i++) {
      BigInteger a = ks.get(i);
      BigInteger b = ks.get((i * 7 + 3) % ks.size()).mod(Q);
      BigInteger negA = Q.subtract(a.mod(Q)).mod(Q);
      jobs.add(new int[] {batch.multiplyAdd(OTHER_TABLE, a, Curve.G_TABLE, b), // k1·B + k2·G
          batch.multiplyAdd(Curve.G_TABLE, a, Curve.G_TABLE, negA), // cancels: the identity
          batch.multiplyAdd(OTHER_TABLE, a, OTHER_TABLE, a)}); // a doubling
    }
    batch.run();
    for (int i = 0; i < ks.size(); i++) {
      BigInteger a = ks.get(i);
      BigInteger b = ks.get((i * 7 + 3) % ks.size()).mod(Q);
      int[] j = jobs.get(i);
      assertEquals(OTHER.multiply(a).add(Curve.G.multiply(b)).normalize(), batch.result(j[0]), a.toString(16));
      assertTrue(batch.result(j[1]).isInfinity(), "a·G + (q − a)·G is the identity");
      assertEquals(OTHER.multiply(a.shiftLeft(1)).normalize(), batch.result(j[2]), "a·B + a·B");
    }
  }

  @Test
  void smallBatchesTakeTheJacobianPathWithTheSameResults() {
    for (int n : new int[] {1, FixedBaseBatch.AFFINE_FROM - 1, FixedBaseBatch.AFFINE_FROM}) {
      FixedBaseBatch batch = new FixedBaseBatch();
      BigInteger[] ks = new BigInteger[n];
      for (int i = 0; i < n; i++) {
        ks[i] = i == 0 ? BigInteger.ZERO : new BigInteger(256, RANDOM).mod(Q);
        batch.multiply(i % 2 == 0 ? Curve.G_TABLE : OTHER_TABLE, ks[i]);
      }
      batch.run();
      for (int i = 0; i < n; i++) {
        assertEquals(expected(i % 2 == 0 ? Curve.G : OTHER, ks[i]), batch.result(i), "n = " + n + ", i = " + i);
      }
    }
  }

  @Test
  void theWideTableHoldsTheMultiplesOfItsBase() {
    AffineTable wide = OTHER_TABLE.affine();
    int[] x = new int[8];
    int[] y = new int[8];
    int half = 1 << (AffineTable.WINDOW - 1);
    for (int row : new int[] {0, 1, AffineTable.DIGITS - 1}) {
      for (int d : new int[] {1, 2, 3, 4, 5, 7, 8, 1000, half - 1, half}) {
        wide.entry(row, d, x, y);
        ECPoint e = expected(OTHER, BigInteger.valueOf(d).shiftLeft(AffineTable.WINDOW * row));
        assertEquals(e.getAffineXCoord().toBigInteger(), org.bouncycastle.math.raw.Nat256.toBigInteger(x));
        assertEquals(e.getAffineYCoord().toBigInteger(), org.bouncycastle.math.raw.Nat256.toBigInteger(y));
      }
    }
  }

  @Test
  void aBatchRunsOnceAndRejectsScalarsOutOfRange() {
    FixedBaseBatch batch = new FixedBaseBatch();
    assertThrows(IllegalArgumentException.class, () -> batch.multiply(Curve.G_TABLE, BigInteger.ONE.negate()));
    assertThrows(IllegalArgumentException.class, () -> batch.multiply(Curve.G_TABLE, BigInteger.ONE.shiftLeft(256)));
    int j = batch.multiply(Curve.G_TABLE, BigInteger.ONE);
    assertThrows(IllegalStateException.class, () -> batch.result(j));
    batch.run();
    assertEquals(Curve.G, batch.result(j));
    assertThrows(IllegalStateException.class, batch::run);
    assertThrows(IllegalStateException.class, () -> batch.multiply(Curve.G_TABLE, BigInteger.ONE));
  }
}
