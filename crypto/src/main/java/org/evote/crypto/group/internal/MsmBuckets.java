package org.evote.crypto.group.internal;

/**
 * Sums the points of each bucket of a Pippenger step in affine coordinates: a list of items sorted by bucket key
 * is reduced by rounds in which neighbouring items of the same bucket are added pairwise, and all additions of a
 * round share one field inversion (Montgomery's trick), so an addition costs about six multiplications. Items are
 * references: a negative reference {@code ~(i << 1 | negated)} names input point i (or −point i), a non-negative
 * one names a slot of this object's result buffer; the invariant is that an item at position j that refers to the
 * buffer refers to slot j, so results are written in place and the list stays sorted. All buffers belong to the
 * instance and grow on demand: no allocation per addition or per round.
 */
final class MsmBuckets {
  private static final byte PLAIN = 0;
  private static final byte DOUBLING = 1;
  private static final byte CANCELS = 2;

  private final MsmField f;
  private final int[] xa = new int[8];
  private final int[] ya = new int[8];
  private final int[] xb = new int[8];
  private final int[] yb = new int[8];
  private final int[] acc = new int[8];
  private final int[] inv = new int[8];
  private final int[] t = new int[8];
  private final int[] d = new int[8];

  /** The input points: x, y and −y, flat (point i at offset 8·i). */
  private int[] px;
  private int[] py;
  private int[] pny;
  /** Result slots, flat. */
  private int[] sx = new int[0];
  private int[] sy = new int[0];
  /** Per pair of a round: the denominator, then its inverse; the prefix product; the kind. */
  private int[] den = new int[0];
  private int[] prefix = new int[0];
  private byte[] kind = new byte[0];

  MsmBuckets(MsmField f) {
    this.f = f;
  }

  /** Sets the input points (flat x, y and −y). */
  void points(int[] px, int[] py, int[] pny) {
    this.px = px;
    this.py = py;
    this.pny = pny;
  }

  /**
   * Reduces the {@code m} items {@code ref[0..m)} with keys {@code key[0..m)} (non-decreasing, fewer than
   * {@code keys} distinct values) until every key has
   * at most one item, which stay in ref/key in key order; returns their number. Items that cancel (P + (−P))
   * disappear.
   */
  int reduce(int[] ref, int[] key, int m, int keys) {
    ensureSlots(m, keys);
    while (true) {
      int pairs = prepare(ref, key, m);
      if (pairs == 0) {
        return m;
      }
      invertAll(pairs);
      m = combine(ref, key, m);
    }
  }

  /** Coordinates of item reference r into (x, y). */
  void load(int r, int[] x, int[] y) {
    if (r >= 0) {
      MsmField.load(sx, r, x);
      MsmField.load(sy, r, y);
    } else {
      int code = ~r;
      int i = code >>> 1;
      MsmField.load(px, i, x);
      MsmField.load((code & 1) == 0 ? py : pny, i, y);
    }
  }

  private void ensureSlots(int m, int keys) {
    // Results are written at positions below the length after the first round: at most (m + keys) / 2.
    int slots = Math.min(m, (m + keys) / 2 + 1);
    if (sx.length < 8 * slots) {
      sx = new int[8 * slots];
      sy = new int[8 * slots];
    }
    int pairs = m / 2 + 1;
    if (kind.length < pairs) {
      den = new int[8 * pairs];
      prefix = new int[8 * pairs];
      kind = new byte[pairs];
    }
  }

  /** Pairs neighbours of equal key; stores each pair's denominator and the running product. */
  private int prepare(int[] ref, int[] key, int m) {
    int pairs = 0;
    MsmField.setOne(acc);
    for (int i = 0; i + 1 < m; ) {
      if (key[i] != key[i + 1]) {
        i++;
        continue;
      }
      load(ref[i], xa, ya);
      load(ref[i + 1], xb, yb);
      MsmField.sub(xb, xa, t);
      byte k = PLAIN;
      if (MsmField.isZero(t)) {
        if (MsmField.eq(ya, yb) && !MsmField.isZero(ya)) {
          k = DOUBLING;
          MsmField.twice(ya, t); // the tangent's denominator 2y
        } else {
          k = CANCELS; // P + (−P) = O (y = 0 would be a point of order 2, which P-256 does not have)
        }
      }
      kind[pairs] = k;
      if (k != CANCELS) {
        MsmField.store(acc, prefix, pairs);
        MsmField.store(t, den, pairs);
        f.mul(acc, t, acc);
      }
      pairs++;
      i += 2;
    }
    return pairs;
  }

  /** Replaces each pair's denominator by its inverse, with one field inversion. */
  private void invertAll(int pairs) {
    MsmField.inv(acc, inv);
    for (int k = pairs - 1; k >= 0; k--) {
      if (kind[k] == CANCELS) {
        continue;
      }
      MsmField.load(prefix, k, t);
      f.mul(inv, t, t);
      MsmField.load(den, k, d);
      f.mul(inv, d, inv);
      MsmField.store(t, den, k);
    }
  }

  /** Adds each pair (its inverse denominator ready), compacting the list in place; returns the new length. */
  private int combine(int[] ref, int[] key, int m) {
    int out = 0;
    int pair = 0;
    for (int i = 0; i < m; ) {
      if (i + 1 < m && key[i] == key[i + 1]) {
        byte k = kind[pair];
        if (k != CANCELS) {
          load(ref[i], xa, ya);
          MsmField.load(den, pair, inv);
          if (k != DOUBLING) {
            load(ref[i + 1], xb, yb);
          }
          f.chord(xa, ya, xb, yb, inv, k == DOUBLING, xa, ya);
          MsmField.store(xa, sx, out);
          MsmField.store(ya, sy, out);
          ref[out] = out;
          key[out] = key[i];
          out++;
        }
        pair++;
        i += 2;
      } else {
        int r = ref[i];
        if (r >= 0 && r != out) {
          System.arraycopy(sx, r << 3, sx, out << 3, 8);
          System.arraycopy(sy, r << 3, sy, out << 3, 8);
          r = out;
        }
        ref[out] = r;
        key[out] = key[i];
        out++;
        i++;
      }
    }
    return out;
  }
}
