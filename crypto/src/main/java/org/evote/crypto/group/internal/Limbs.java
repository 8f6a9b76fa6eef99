package org.evote.crypto.group.internal;

/** Conversions between 32-byte big-endian field elements and Bouncy Castle's int[8] little-endian limbs. */
final class Limbs {
  private Limbs() {}

  /** Writes the 32 big-endian bytes {@code be} as 8 little-endian 32-bit limbs into out[at .. at + 8). */
  static void fromBytes(byte[] be, int[] out, int at) {
    if (be.length != 32) {
      throw new IllegalArgumentException("a field element has 32 bytes");
    }
    for (int i = 0; i < 8; i++) {
      int b = 28 - 4 * i;
      out[at + i] = (be[b] & 0xff) << 24 | (be[b + 1] & 0xff) << 16 | (be[b + 2] & 0xff) << 8 | (be[b + 3] & 0xff);
    }
  }
}
