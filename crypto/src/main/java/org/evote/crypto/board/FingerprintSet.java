package org.evote.crypto.board;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A set of strings (ballot ids, request ids, selection ciphertexts' α encodings) kept as 128-bit SHA-256
 * fingerprints in an open-addressing table: a county board holds millions of ciphertexts, so each costs 16 bytes
 * (about 21 with the table's slack), not an object. Two different members share a fingerprint with probability about
 * n²/2¹²⁹; finding such a pair on purpose costs about 2⁶⁴ hashes. Not thread-safe.
 */
final class FingerprintSet {
  private long[] slots = new long[2 * 1024];
  private int size;
  private final MessageDigest sha256;

  FingerprintSet() {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required", e);
    }
  }

  /** Adds {@code member}; false if it was already present. */
  boolean add(String member) {
    long[] f = fingerprint(member);
    if ((size + 1) * 4L > (slots.length / 2) * 3L) { // keep the load under 3/4
      grow();
    }
    return insert(slots, f[0], f[1]);
  }

  /** True if {@code member} was added. */
  boolean contains(String member) {
    long[] f = fingerprint(member);
    int mask = slots.length / 2 - 1;
    int i = slot(f[1], mask);
    while (true) {
      long a = slots[2 * i];
      long b = slots[2 * i + 1];
      if (a == 0 && b == 0) {
        return false;
      }
      if (a == f[0] && b == f[1]) {
        return true;
      }
      i = (i + 1) & mask;
    }
  }

  int size() {
    return size;
  }

  private long[] fingerprint(String member) {
    ByteBuffer h = ByteBuffer.wrap(sha256.digest(member.getBytes(StandardCharsets.UTF_8)));
    long hi = h.getLong();
    long lo = h.getLong();
    if (hi == 0 && lo == 0) {
      lo = 1; // (0, 0) marks an empty slot
    }
    return new long[] {hi, lo};
  }

  private static int slot(long lo, int mask) {
    return (int) (lo ^ (lo >>> 32)) & mask;
  }

  private boolean insert(long[] table, long hi, long lo) {
    int mask = table.length / 2 - 1;
    int i = slot(lo, mask);
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
