package org.evote.crypto.group.internal;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.custom.sec.SecP256R1Field;
import org.bouncycastle.math.raw.Nat256;

/**
 * Many P-256 accumulators in affine coordinates (int[8] limbs, Bouncy Castle's raw field arithmetic), to which
 * points are added in rounds: every addition staged for a round shares one field inversion (Montgomery's trick), so
 * an addition costs 5 multiplications and 1 squaring against 7 and 3 (and a few objects) for a Jacobian mixed
 * addition. The rare cases (an accumulator at the identity, equal x-coordinates: doubling or cancellation) are
 * handled exactly, so results equal {@link ECPoint} arithmetic; tests compare the two.
 *
 * <p>Not constant-time (branches on the data, protocol §1.5). One instance per computation; not thread-safe.
 */
final class AffineLanes {
  private final int[][] x;
  private final int[][] y;
  private final boolean[] infinite;

  // The staged additions of the current round, entry e adds (px[e], py[e]) to lane[e].
  private final int[][] px;
  private final int[][] py;
  private final int[][] dx;
  private final int[][] prefix;
  private final boolean[] negated;
  private final int[] lane;
  private final int[] order;
  private int staged;

  private final int[] tt = Nat256.createExt();
  private final int[] inv = Nat256.create();
  private final int[] invE = Nat256.create();
  private final int[] lambda = Nat256.create();
  private final int[] t1 = Nat256.create();
  private final int[] t2 = Nat256.create();

  /** {@code n} accumulators, all at the identity. */
  AffineLanes(int n) {
    x = new int[n][8];
    y = new int[n][8];
    infinite = new boolean[n];
    java.util.Arrays.fill(infinite, true);
    px = new int[n][8];
    py = new int[n][8];
    dx = new int[n][8];
    prefix = new int[n][8];
    negated = new boolean[n];
    lane = new int[n];
    order = new int[n];
  }

  /** Puts every lane back at the identity. */
  void reset() {
    java.util.Arrays.fill(infinite, true);
    staged = 0;
  }

  /** Sets lane l to the finite point (ax, ay). */
  void set(int l, int[] ax, int[] ay) {
    System.arraycopy(ax, 0, x[l], 0, 8);
    System.arraycopy(ay, 0, y[l], 0, 8);
    infinite[l] = false;
  }

  /** Copies the finite lane l to out[at .. at + 16) (x limbs, then y limbs). */
  void copyOut(int l, int[] out, int at) {
    if (infinite[l]) {
      throw new IllegalStateException("lane is the identity");
    }
    System.arraycopy(x[l], 0, out, at, 8);
    System.arraycopy(y[l], 0, out, at + 8, 8);
  }

  /**
   * Stages lane l += ±(entry (row, |digit|) of {@code table}), negated when digit < 0 (the negation is folded into
   * the addition formula); digit ≠ 0.
   */
  void stage(int l, AffineTable table, int row, int digit) {
    int e = staged++;
    lane[e] = l;
    table.entry(row, digit, px[e], py[e]);
    negated[e] = digit < 0;
  }

  /** Stages lane l += lane o (nothing if lane o is the identity); l ≠ o. */
  void stageLane(int l, int o) {
    if (infinite[o]) {
      return;
    }
    int e = staged++;
    lane[e] = l;
    negated[e] = false;
    System.arraycopy(x[o], 0, px[e], 0, 8);
    System.arraycopy(y[o], 0, py[e], 0, 8);
  }

  /** Performs every staged addition (each lane at most once per round) with one shared inversion. */
  void flush() {
    int m = 0;
    for (int e = 0; e < staged; e++) {
      int l = lane[e];
      if (infinite[l] || Nat256.eq(px[e], x[l])) {
        if (negated[e]) {
          SecP256R1Field.negate(py[e], py[e]);
        }
        if (infinite[l]) {
          set(l, px[e], py[e]);
        } else {
          sameX(l, e);
        }
        continue;
      }
      SecP256R1Field.subtract(px[e], x[l], dx[e]);
      if (m == 0) {
        System.arraycopy(dx[e], 0, prefix[e], 0, 8);
      } else {
        SecP256R1Field.multiply(prefix[order[m - 1]], dx[e], prefix[e], tt);
      }
      order[m++] = e;
    }
    staged = 0;
    if (m == 0) {
      return;
    }
    SecP256R1Field.inv(prefix[order[m - 1]], inv);
    for (int k = m - 1; k >= 0; k--) {
      int e = order[k];
      int[] inverse = inv;
      if (k > 0) {
        SecP256R1Field.multiply(inv, prefix[order[k - 1]], invE, tt);
        SecP256R1Field.multiply(inv, dx[e], inv, tt);
        inverse = invE;
      }
      int l = lane[e];
      int[] ax = x[l];
      int[] ay = y[l];
      // λ = (y2 − y1)/(x2 − x1); for a negated entry y2 = −py, and μ = (py + y1)/(x2 − x1) = −λ is used instead.
      boolean neg = negated[e];
      if (neg) {
        SecP256R1Field.add(py[e], ay, t1);
      } else {
        SecP256R1Field.subtract(py[e], ay, t1);
      }
      SecP256R1Field.multiply(t1, inverse, lambda, tt);
      SecP256R1Field.square(lambda, t1, tt);
      SecP256R1Field.subtract(t1, ax, t1);
      SecP256R1Field.subtract(t1, px[e], t1); // x3 = λ² − x1 − x2
      if (neg) {
        SecP256R1Field.subtract(t1, ax, t2); // y3 = μ·(x3 − x1) − y1
      } else {
        SecP256R1Field.subtract(ax, t1, t2); // y3 = λ·(x1 − x3) − y1
      }
      SecP256R1Field.multiply(lambda, t2, t2, tt);
      SecP256R1Field.subtract(t2, ay, ay);
      System.arraycopy(t1, 0, ax, 0, 8);
    }
  }

  /** Lane l += (px[e], py[e]) with equal x: the identity if the y differ, else a doubling (rare; exact). */
  private void sameX(int l, int e) {
    if (!Nat256.eq(py[e], y[l])) {
      infinite[l] = true;
      return;
    }
    ECPoint doubled = toPoint(x[l], y[l]).twice().normalize();
    Limbs.fromBytes(doubled.getAffineXCoord().getEncoded(), x[l], 0);
    Limbs.fromBytes(doubled.getAffineYCoord().getEncoded(), y[l], 0);
  }

  /** Lane l as an affine Bouncy Castle point (or the point at infinity). */
  ECPoint point(int l) {
    return infinite[l] ? Curve.infinity() : toPoint(x[l], y[l]);
  }

  private static ECPoint toPoint(int[] ax, int[] ay) {
    BigInteger bx = Nat256.toBigInteger(ax);
    BigInteger by = Nat256.toBigInteger(ay);
    return Curve.CURVE.createPoint(bx, by);
  }
}
