package org.evote.crypto.group.internal;

import java.math.BigInteger;

/** Signed base-2^w recoding of scalars, shared by the fixed-base tables and the multi-scalar multiplication. */
final class SignedDigits {
  private SignedDigits() {}

  /**
   * Digits d_i ∈ [−2^(w−1), 2^(w−1)) with k = Σ d_i·2^(w·i), for 0 ≤ k < 2^256; {@code count} digits (enough that
   * the final carry fits: ⌈257 / w⌉ always suffices).
   */
  static int[] recode(BigInteger k, int w, int count) {
    int[] limbs = toLimbs(k);
    int[] digits = new int[count];
    int half = 1 << (w - 1);
    int full = 1 << w;
    int carry = 0;
    for (int i = 0; i < count; i++) {
      int d = bits(limbs, i * w, w) + carry;
      if (d >= half) {
        d -= full;
        carry = 1;
      } else {
        carry = 0;
      }
      digits[i] = d;
    }
    if (carry != 0) {
      throw new IllegalArgumentException("scalar too large for " + count + " digits of " + w + " bits");
    }
    return digits;
  }

  static int[] toLimbs(BigInteger k) {
    int[] out = new int[10];
    byte[] b = k.toByteArray();
    for (int i = 0; i < b.length && i < 36; i++) {
      int v = b[b.length - 1 - i] & 0xff;
      out[i >>> 2] |= v << ((i & 3) * 8);
    }
    return out;
  }

  static int bits(int[] limbs, int from, int count) {
    int word = from >>> 5;
    if (word >= limbs.length) {
      return 0;
    }
    int shift = from & 31;
    long v = (limbs[word] & 0xffffffffL) >>> shift;
    if (shift + count > 32 && word + 1 < limbs.length) {
      v |= (limbs[word + 1] & 0xffffffffL) << (32 - shift);
    }
    return (int) (v & ((1L << count) - 1));
  }
}
