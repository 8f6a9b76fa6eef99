package org.evote.crypto.hash;

import java.security.MessageDigest;
import java.util.Arrays;
import org.evote.crypto.group.Hex;

/** A 32-byte output of H (protocol §2), immutable; encoded as 64 lowercase hex characters. */
public final class Digest {
  public static final int BYTES = 32;
  /** 32 zero bytes: the previous hash of board entry 0 (protocol §9.2). */
  public static final Digest ZERO = new Digest(new byte[BYTES]);

  private final byte[] bytes;

  private Digest(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Wraps a copy of exactly 32 bytes. */
  public static Digest of(byte[] bytes) {
    if (bytes.length != BYTES) {
      throw new IllegalArgumentException("digest must be 32 bytes");
    }
    return new Digest(bytes.clone());
  }

  /** Decodes 64 lowercase hex characters, naming {@code field} on failure. */
  public static Digest decode(String hex, String field) {
    return new Digest(Hex.decode(hex, BYTES, field));
  }

  /** A copy of the 32 bytes. */
  public byte[] toBytes() {
    return bytes.clone();
  }

  byte[] raw() {
    return bytes;
  }

  public String toHex() {
    return Hex.encode(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Digest d && MessageDigest.isEqual(d.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
