package org.evote.crypto.verify;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.evote.crypto.group.Element;

/**
 * The set of selection ciphertexts seen on a board, for the copied-ballot check of V8: a county board holds millions
 * of them, so each α is kept as a 128-bit SHA-256 fingerprint of its encoding in an open-addressing table (16 bytes
 * per ciphertext, not a point object). Two different points share a fingerprint with probability about n²/2¹²⁹.
 * Not thread-safe.
 */
final class CiphertextSet {
  private long[] slots = new long[2 * 1024];
  private int size;
  private final MessageDigest sha256;

  CiphertextSet() {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required", e);
    }
  }

  /** Adds α; false if it was already present. */
  boolean add(Element alpha) {
    ByteBuffer h = ByteBuffer.wrap(sha256.digest(alpha.toBytes()));
    long hi = h.getLong();
    long lo = h.getLong();
    if (hi == 0 && lo == 0) {
      lo = 1; // (0, 0) marks an empty slot
    }
    if ((size + 1) * 4L > (slots.length / 2) * 3L) { // keep the load under 3/4
      grow();
    }
    return insert(slots, hi, lo);
  }

  int size() {
    return size;
  }

  private boolean insert(long[] table, long hi, long lo) {
    int mask = table.length / 2 - 1;
    int i = (int) (lo ^ (lo >>> 32)) & mask;
    while (true) {
      long a = table[2 * i];
      long b = table[2 * i + 1];
      if (a == 0 && b == 0) {
        table[2 * i] = hi;
        table[2 * i + 1] = lo;
        if (table == slots) {
          size++;
        }
        return true;
      }
      if (a == hi && b == lo) {
        return false;
      }
      i = (i + 1) & mask;
    }
  }

  private void grow() {
    long[] old = slots;
    long[] bigger = new long[old.length * 2];
    for (int i = 0; i < old.length; i += 2) {
      if (old[i] != 0 || old[i + 1] != 0) {
        insert(bigger, old[i], old[i + 1]);
      }
    }
    slots = bigger;
  }
}
