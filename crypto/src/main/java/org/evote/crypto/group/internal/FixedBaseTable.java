package org.evote.crypto.group.internal;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Precomputed multiples of one base point B for fast fixed-base multiplication (protocol §1.5). Row i holds
 * d·2^(w·i)·B for d = 1 .. 2^(w−1) as affine points; with k recoded into signed w-bit digits, k·B costs one mixed
 * addition per digit and no doublings (22 additions for w = 12, against about 300 point operations for a
 * variable-base multiplication). The same entries are also kept as raw affine coordinates (int[8] limbs) for
 * {@link FixedBaseBatch}, which computes many multiplications together in affine coordinates.
 *
 * <p>Security note: the table index depends on the scalar, so memory access is not constant-time. Kiosks and
 * guardians run no untrusted code beside the crypto; docs/protocol.md §1.5 records this trade-off. Internal: the
 * library's public types wrap it ({@link Points#table}).
 */
public final class FixedBaseTable {
  static final int WINDOW = 12;
  static final int DIGITS = (256 + WINDOW - 1) / WINDOW;
  private static final int SIZE = 1 << (WINDOW - 1);

  private final ECPoint[][] rows;
  /** Entry (i, d) at offset 16·(i·SIZE + d − 1): x as 8 little-endian 32-bit limbs, then y. */
  private final int[] affine;

  /** Builds the table for {@code base} (about 45,000 additions, some 50 ms: build once per key and reuse). */
  public FixedBaseTable(ECPoint base) {
    rows = new ECPoint[DIGITS][];
    affine = new int[DIGITS * SIZE * 16];
    ECPoint rowBase = base.normalize();
    for (int i = 0; i < DIGITS; i++) {
      ECPoint[] row = new ECPoint[SIZE + 1];
      row[1] = rowBase;
      for (int d = 2; d <= SIZE; d++) {
        row[d] = d % 2 == 0 ? row[d / 2].twice() : row[d - 1].add(rowBase);
      }
      ECPoint[] finite = new ECPoint[SIZE];
      System.arraycopy(row, 1, finite, 0, SIZE);
      Curve.CURVE.normalizeAll(finite);
      System.arraycopy(finite, 0, row, 1, SIZE);
      for (int d = 1; d <= SIZE; d++) {
        int at = 16 * (i * SIZE + d - 1);
        Limbs.fromBytes(row[d].getAffineXCoord().getEncoded(), affine, at);
        Limbs.fromBytes(row[d].getAffineYCoord().getEncoded(), affine, at + 8);
      }
      rows[i] = row;
      rowBase = row[SIZE].twice().normalize();
    }
  }

  /** k·B for 0 ≤ k < q, in Jacobian form (not normalized), for callers that normalize in batches. */
  public ECPoint multiply(BigInteger k) {
    int[] digits = recode(k);
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

  /** The {@link #DIGITS} signed digits of 0 ≤ k < 2^256, each in [−2^(w−1), 2^(w−1)). */
  static int[] recode(BigInteger k) {
    return SignedDigits.recode(k, WINDOW, DIGITS);
  }

  /** Copies the affine coordinates of |d|·2^(w·i)·B (1 ≤ |d| ≤ 2^(w−1)) into x and y (y not negated). */
  void entry(int i, int d, int[] x, int[] y) {
    int at = 16 * (i * SIZE + Math.abs(d) - 1);
    System.arraycopy(affine, at, x, 0, 8);
    System.arraycopy(affine, at + 8, y, 0, 8);
  }
}
