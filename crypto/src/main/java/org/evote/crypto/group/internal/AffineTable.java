package org.evote.crypto.group.internal;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A wide fixed-base table of one base point B in raw affine coordinates (int[8] limbs) for {@link FixedBaseBatch}
 * (protocol §1.5): row i holds d·2^(w·i)·B for d = 1 .. 2^(w−1), w = {@value #WINDOW}, so k·B costs one affine
 * addition per signed digit, {@value #DIGITS} in all (against 22 with {@link FixedBaseTable}'s 12-bit window).
 * About 10 MB per base. Built with batched affine additions ({@link AffineLanes}): each row in doubling layers,
 * entries (s, 2s] = entries (0, s] + s·B, one shared inversion per layer.
 *
 * <p>Security note: the entry read depends on the (secret) scalar: not constant-time, as recorded in §1.5.
 */
final class AffineTable {
  static final int WINDOW = 14;
  /** Enough signed digits for any k < 2^256 (the final carry included). */
  static final int DIGITS = (256 + WINDOW) / WINDOW;
  private static final int SIZE = 1 << (WINDOW - 1);

  /** Entry (i, d) at offset 16·(i·SIZE + d − 1): x as 8 little-endian 32-bit limbs, then y. */
  private final int[] coords = new int[DIGITS * SIZE * 16];

  /** Builds the table of the finite point {@code base}. */
  AffineTable(ECPoint base) {
    ECPoint rowBase = base.normalize();
    AffineLanes lanes = new AffineLanes(SIZE);
    int[] bx = new int[8];
    int[] by = new int[8];
    for (int i = 0; i < DIGITS; i++) {
      Limbs.fromBytes(rowBase.getAffineXCoord().getEncoded(), bx, 0);
      Limbs.fromBytes(rowBase.getAffineYCoord().getEncoded(), by, 0);
      lanes.reset();
      lanes.set(0, bx, by);
      for (int s = 1; s < SIZE; s *= 2) {
        for (int d = s + 1; d <= 2 * s; d++) {
          lanes.stageLane(d - 1, d - 1 - s); // lane d−1 is the identity: a copy of (d − s)·B
        }
        lanes.flush();
        for (int d = s + 1; d <= 2 * s; d++) {
          lanes.stageLane(d - 1, s - 1); // + s·B (a doubling for d = 2s)
        }
        lanes.flush();
      }
      for (int d = 1; d <= SIZE; d++) {
        lanes.copyOut(d - 1, coords, 16 * (i * SIZE + d - 1));
      }
      if (i + 1 < DIGITS) {
        rowBase = rowBase.timesPow2(WINDOW).normalize();
      }
    }
  }

  /** The {@link #DIGITS} signed digits of 0 ≤ k < 2^256, each in [−2^(w−1), 2^(w−1)). */
  static int[] recode(BigInteger k) {
    return SignedDigits.recode(k, WINDOW, DIGITS);
  }

  /** Copies the affine coordinates of |d|·2^(w·i)·B (1 ≤ |d| ≤ 2^(w−1)) into x and y (y not negated). */
  void entry(int i, int d, int[] x, int[] y) {
    int at = 16 * (i * SIZE + Math.abs(d) - 1);
    System.arraycopy(coords, at, x, 0, 8);
    System.arraycopy(coords, at + 8, y, 0, 8);
  }
}
