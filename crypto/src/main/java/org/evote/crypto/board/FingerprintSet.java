package org.evote.crypto.board;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A set of strings (ballot ids, request ids, selection ciphertexts' α encodings) kept as 128-bit SHA-256
 * fingerprints in open-addressing tables: a county board holds millions of ciphertexts, so each costs 16 bytes
 * (about 21 with the tables' slack), not an object. Two different members share a fingerprint with probability about
 * n²/2¹²⁹; finding such a pair on purpose costs about 2⁶⁴ hashes. Not thread-safe.
 *
 * <p>The fingerprints are spread over {@value #SHARDS} tables by their first byte, and each table grows on its own,
 * so growing never needs more than 1/{@value #SHARDS} of the set's memory at once (one table of 4.5 million
 * fingerprints would need 192 MB during its last doubling, and a verifier with a 512 MiB heap ran out of memory).
 */
final class FingerprintSet {
  private static final int SHARDS = 256;
  private static final int INITIAL_SLOTS = 16;

  private final long[][] shards = new long[SHARDS][];
  private final int[] sizes = new int[SHARDS];
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
    int s = shard(f[0]);
    long[] table = shards[s];
    if (table == null) {
      table = new long[2 * INITIAL_SLOTS];
      shards[s] = table;
    }
    if ((sizes[s] + 1) * 4L > (table.length / 2) * 3L) { // keep the load under 3/4
      table = grow(table);
      shards[s] = table;
    }
    if (!insert(table, f[0], f[1])) {
      return false;
    }
    sizes[s]++;
    size++;
    return true;
  }

  /** True if {@code member} was added. */
  boolean contains(String member) {
    long[] f = fingerprint(member);
    long[] table = shards[shard(f[0])];
    if (table == null) {
      return false;
    }
    int mask = table.length / 2 - 1;
    int i = slot(f[1], mask);
    while (true) {
      long a = table[2 * i];
      long b = table[2 * i + 1];
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

  /** The table of a fingerprint: its first byte (independent of the slot, which comes from the low half). */
  private static int shard(long hi) {
    return (int) (hi >>> 56);
  }

  private static int slot(long lo, int mask) {
    return (int) (lo ^ (lo >>> 32)) & mask;
  }

  /** Inserts (hi, lo) into {@code table}; false if it is there already. The table has a free slot. */
  private static boolean insert(long[] table, long hi, long lo) {
    int mask = table.length / 2 - 1;
    int i = slot(lo, mask);
    while (true) {
      long a = table[2 * i];
      long b = table[2 * i + 1];
      if (a == 0 && b == 0) {
        table[2 * i] = hi;
        table[2 * i + 1] = lo;
        return true;
      }
      if (a == hi && b == lo) {
        return false;
      }
      i = (i + 1) & mask;
    }
  }

  private static long[] grow(long[] old) {
    long[] bigger = new long[old.length * 2];
    for (int i = 0; i < old.length; i += 2) {
      if (old[i] != 0 || old[i + 1] != 0) {
        insert(bigger, old[i], old[i + 1]);
      }
    }
    return bigger;
  }
}
