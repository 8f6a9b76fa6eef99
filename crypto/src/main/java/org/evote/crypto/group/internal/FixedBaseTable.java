package org.evote.crypto.group.internal;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Precomputed multiples of one base point B for fast fixed-base multiplication (protocol §1.5). Row i holds
 * d·2^(w·i)·B for d = 1 .. 2^(w−1) as affine points; with k recoded into signed w-bit digits, k·B costs one mixed
 * addition per digit and no doublings (22 additions for w = 12, against about 300 point operations for a
 * variable-base multiplication). Many multiplications at once use the wider {@link AffineTable} of the same base
 * instead ({@link FixedBaseBatch}), built on first use.
 *
 * <p>Security note: the table index depends on the scalar, so memory access is not constant-time. Kiosks and
 * guardians run no untrusted code beside the crypto; docs/protocol.md §1.5 records this trade-off. Internal: the
 * library's public types wrap it ({@link Points#table}).
 */
public final class FixedBaseTable {
  static final int WINDOW = 12;
  private static final int DIGITS = (256 + WINDOW - 1) / WINDOW;

  private final ECPoint base;
  private final ECPoint[][] rows;
  private volatile AffineTable affine;

  /** Builds the table for {@code base} (about 45,000 additions, some 50 ms: build once per key and reuse). */
  public FixedBaseTable(ECPoint base) {
    int size = 1 << (WINDOW - 1);
    rows = new ECPoint[DIGITS][];
    ECPoint rowBase = base.normalize();
    this.base = rowBase;
    for (int i = 0; i < DIGITS; i++) {
      ECPoint[] row = new ECPoint[size + 1];
      row[1] = rowBase;
      for (int d = 2; d <= size; d++) {
        row[d] = d % 2 == 0 ? row[d / 2].twice() : row[d - 1].add(rowBase);
      }
      ECPoint[] finite = new ECPoint[size];
      System.arraycopy(row, 1, finite, 0, size);
      Curve.CURVE.normalizeAll(finite);
      System.arraycopy(finite, 0, row, 1, size);
      rows[i] = row;
      rowBase = row[size].twice().normalize();
    }
  }

  /** k·B for 0 ≤ k < q, in Jacobian form (not normalized), for callers that normalize in batches. */
  public ECPoint multiply(BigInteger k) {
    int[] digits = SignedDigits.recode(k, WINDOW, DIGITS);
    ECPoint acc = Curve.CURVE.getInfinity();
    for (int i = 0; i < DIGITS; i++) {
      int d = digits[i];
      if (d > 0) {
        acc = acc.add(rows[i][d]);
      } else if (d < 0) {
        acc = acc.subtract(rows[i][-d]);
      }
    }
    return acc;
  }

  /**
   * The wide affine table of the same base for {@link FixedBaseBatch}, built on first use (about 1.5 times the cost of
   * this table) and kept: a cache of a pure function of the base, so sharing it between threads is safe.
   */
  AffineTable affine() {
    AffineTable t = affine;
    if (t == null) {
      synchronized (this) {
        t = affine;
        if (t == null) {
          t = new AffineTable(base);
          affine = t;
        }
      }
    }
    return t;
  }
}
