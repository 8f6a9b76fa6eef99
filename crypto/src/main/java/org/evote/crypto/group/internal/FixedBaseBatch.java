package org.evote.crypto.group.internal;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Many fixed-base multiplications k·B (and sums k1·B1 + k2·B2) computed together (protocol §1.5): the rows of the
 * bases' wide {@link AffineTable}s are walked once for all of them, and the additions of a row are done in affine
 * coordinates with one shared field inversion ({@link AffineLanes}); the results come out affine, with no
 * normalization left to do. Below {@link #AFFINE_FROM} multiplications, where the inversion per row would cost more
 * than it saves, each is done on its own with {@link FixedBaseTable#multiply}. Results are the same points either
 * way.
 *
 * <p>Usage: register every multiplication ({@link #multiply}, {@link #multiplyAdd}), {@link #run()} once, then read
 * {@link #result}. Not constant-time (see {@link FixedBaseTable}); one instance per computation, not thread-safe.
 */
public final class FixedBaseBatch {
  /** From this many single multiplications on, the affine path is used. */
  static final int AFFINE_FROM = 16;

  private FixedBaseTable[] tables = new FixedBaseTable[16];
  private BigInteger[] scalars = new BigInteger[16];
  private int lanes;
  private int[] first = new int[16];
  private int[] second = new int[16];
  private int jobs;
  private ECPoint[] results;

  /** Registers k·B (0 ≤ k < q) with B the base of {@code table}; returns the index of its result. */
  public int multiply(FixedBaseTable table, BigInteger k) {
    return job(lane(table, k), -1);
  }

  /** Registers k1·B1 + k2·B2 (0 ≤ k1, k2 < q); returns the index of its result. */
  public int multiplyAdd(FixedBaseTable t1, BigInteger k1, FixedBaseTable t2, BigInteger k2) {
    int a = lane(t1, k1);
    return job(a, lane(t2, k2));
  }

  private int lane(FixedBaseTable table, BigInteger k) {
    if (results != null) {
      throw new IllegalStateException("the batch has already been run");
    }
    if (k.signum() < 0 || k.bitLength() > 256) {
      throw new IllegalArgumentException("scalar out of range");
    }
    if (lanes == tables.length) {
      tables = Arrays.copyOf(tables, 2 * lanes);
      scalars = Arrays.copyOf(scalars, 2 * lanes);
    }
    tables[lanes] = table;
    scalars[lanes] = k;
    return lanes++;
  }

  private int job(int a, int b) {
    if (jobs == first.length) {
      first = Arrays.copyOf(first, 2 * jobs);
      second = Arrays.copyOf(second, 2 * jobs);
    }
    first[jobs] = a;
    second[jobs] = b;
    return jobs++;
  }

  /** Computes every registered multiplication (once). */
  public void run() {
    if (results != null) {
      throw new IllegalStateException("the batch has already been run");
    }
    results = lanes < AFFINE_FROM ? jacobian() : affine();
  }

  /** The affine result of multiplication {@code job} (the point at infinity for a zero result). */
  public ECPoint result(int job) {
    if (results == null) {
      throw new IllegalStateException("the batch has not been run");
    }
    return results[job];
  }

  private ECPoint[] jacobian() {
    ECPoint[] out = new ECPoint[jobs];
    for (int j = 0; j < jobs; j++) {
      ECPoint p = tables[first[j]].multiply(scalars[first[j]]);
      if (second[j] >= 0) {
        p = p.add(tables[second[j]].multiply(scalars[second[j]]));
      }
      out[j] = p;
    }
    Curve.normalizeAll(out);
    return out;
  }

  private ECPoint[] affine() {
    int[][] digits = new int[lanes][];
    AffineTable[] wide = new AffineTable[lanes];
    for (int l = 0; l < lanes; l++) {
      digits[l] = AffineTable.recode(scalars[l]);
      wide[l] = tables[l].affine();
    }
    AffineLanes acc = new AffineLanes(lanes);
    for (int row = 0; row < AffineTable.DIGITS; row++) {
      for (int l = 0; l < lanes; l++) {
        int d = digits[l][row];
        if (d != 0) {
          acc.stage(l, wide[l], row, d);
        }
      }
      acc.flush();
    }
    for (int j = 0; j < jobs; j++) {
      if (second[j] >= 0) {
        acc.stageLane(first[j], second[j]);
      }
    }
    acc.flush();
    ECPoint[] out = new ECPoint[jobs];
    for (int j = 0; j < jobs; j++) {
      out[j] = acc.point(first[j]);
    }
    return out;
  }
}
