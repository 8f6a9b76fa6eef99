package org.evote.crypto.group.internal;

/**
 * The second half of a Pippenger step: from the bucket sums S_(w,b) of every window w, the window sums
 * T_w = Σ_b b·S_(w,b), by running sums (R_w += S_(w,b); A_w += R_w for b from the top bucket down) done for all
 * windows at once, in affine coordinates: each step is a batch of one addition per window sharing one field
 * inversion (Montgomery's trick), about half the cost of the Jacobian additions it replaces. Points are flat
 * arrays (8 limbs each) with a flag for "finite"; all special cases (an identity on either side, P + P, P + (−P))
 * are exact. Buffers belong to the instance.
 */
final class MsmWindowSums {
  private static final byte SKIP = 0;
  private static final byte COPY = 1;
  private static final byte PLAIN = 2;
  private static final byte DOUBLING = 3;
  private static final byte CANCELS = 4;

  private final MsmField f;
  private final int[] x1 = new int[8];
  private final int[] y1 = new int[8];
  private final int[] x2 = new int[8];
  private final int[] y2 = new int[8];
  private final int[] acc = new int[8];
  private final int[] inv = new int[8];
  private final int[] t = new int[8];
  private final int[] lambda = new int[8];

  private int[] den = new int[0];
  private int[] prefix = new int[0];
  private byte[] kind = new byte[0];

  /** The window sums after {@link #run}: T_w at element w, finite where {@link #finite}[w]. */
  int[] sumX = new int[0];
  int[] sumY = new int[0];
  boolean[] finite = new boolean[0];
  private int[] runX = new int[0];
  private int[] runY = new int[0];
  private boolean[] runFinite = new boolean[0];

  MsmWindowSums(MsmField f) {
    this.f = f;
  }

  /**
   * Computes T_w for w in [0, windows) from the bucket sums: bucket b (0-based, weight b + 1) of window w is element
   * w·perBucket + b of (bx, by), present where bFinite is set.
   */
  void run(int[] bx, int[] by, boolean[] bFinite, int windows, int perBucket) {
    if (finite.length < windows) {
      sumX = new int[8 * windows];
      sumY = new int[8 * windows];
      finite = new boolean[windows];
      runX = new int[8 * windows];
      runY = new int[8 * windows];
      runFinite = new boolean[windows];
      den = new int[8 * windows];
      prefix = new int[8 * windows];
      kind = new byte[windows];
    }
    java.util.Arrays.fill(finite, false);
    java.util.Arrays.fill(runFinite, false);
    for (int b = perBucket - 1; b >= 0; b--) {
      addInto(runX, runY, runFinite, bx, by, bFinite, b, perBucket, windows);
      addInto(sumX, sumY, finite, runX, runY, runFinite, 0, 1, windows);
    }
  }

  /** dst_j += src_(off + j·stride) for j in [0, count), all in one batch. */
  private void addInto(int[] dx, int[] dy, boolean[] dFinite, int[] sx, int[] sy, boolean[] sFinite, int off,
      int stride, int count) {
    MsmField.setOne(acc);
    boolean any = false;
    for (int j = 0; j < count; j++) {
      int s = off + j * stride;
      byte k;
      if (!sFinite[s]) {
        k = SKIP;
      } else if (!dFinite[j]) {
        k = COPY;
      } else {
        MsmField.load(dx, j, x1);
        MsmField.load(sx, s, x2);
        MsmField.sub(x2, x1, t);
        k = PLAIN;
        if (MsmField.isZero(t)) {
          MsmField.load(dy, j, y1);
          MsmField.load(sy, s, y2);
          if (MsmField.eq(y1, y2) && !MsmField.isZero(y1)) {
            k = DOUBLING;
            MsmField.twice(y1, t);
          } else {
            k = CANCELS;
          }
        }
        if (k != CANCELS) {
          MsmField.store(acc, prefix, j);
          MsmField.store(t, den, j);
          f.mul(acc, t, acc);
          any = true;
        }
      }
      kind[j] = k;
    }
    if (any) {
      MsmField.inv(acc, inv);
      for (int j = count - 1; j >= 0; j--) {
        if (kind[j] == PLAIN || kind[j] == DOUBLING) {
          MsmField.load(prefix, j, t);
          f.mul(inv, t, t);
          MsmField.load(den, j, lambda);
          f.mul(inv, lambda, inv);
          MsmField.store(t, den, j);
        }
      }
    }
    for (int j = 0; j < count; j++) {
      int s = off + j * stride;
      switch (kind[j]) {
        case COPY -> {
          System.arraycopy(sx, s << 3, dx, j << 3, 8);
          System.arraycopy(sy, s << 3, dy, j << 3, 8);
          dFinite[j] = true;
        }
        case CANCELS -> dFinite[j] = false;
        case PLAIN, DOUBLING -> add(dx, dy, j, sx, sy, s, kind[j] == DOUBLING);
        default -> {
        }
      }
    }
  }

  /** dst_j := dst_j + src_s with the inverse denominator in den[j]. */
  private void add(int[] dx, int[] dy, int j, int[] sx, int[] sy, int s, boolean doubling) {
    MsmField.load(dx, j, x1);
    MsmField.load(dy, j, y1);
    MsmField.load(den, j, inv);
    if (!doubling) {
      MsmField.load(sx, s, x2);
      MsmField.load(sy, s, y2);
    }
    f.chord(x1, y1, x2, y2, inv, doubling, x1, y1);
    MsmField.store(x1, dx, j);
    MsmField.store(y1, dy, j);
  }
}
