package org.evote.crypto.hash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.Scalar;
import org.evote.crypto.group.SecretScalar;

/**
 * The hash function H of protocol §2: SHA-256 over a sequence of typed, length-prefixed items, the first of which
 * is always a domain tag from {@link DomainTags}. Each item is {@code type (1 byte) ‖ length (4 bytes, big-endian)
 * ‖ content}, so no two different item sequences share an encoding.
 */
public final class Hasher {
  static final byte TAG = 0x00;
  static final byte STRING = 0x01;
  static final byte INTEGER = 0x02;
  static final byte ELEMENT = 0x03;
  static final byte SCALAR = 0x04;
  static final byte DIGEST = 0x05;
  static final byte BYTES = 0x06;

  private final MessageDigest sha256;

  private Hasher(String tag) {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
    item(TAG, tag.getBytes(StandardCharsets.US_ASCII));
  }

  /** Starts H with a domain tag; use only the constants in {@link DomainTags}. */
  public static Hasher tagged(String tag) {
    return new Hasher(tag);
  }

  private Hasher item(byte type, byte[] content) {
    sha256.update(type);
    int n = content.length;
    sha256.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
    sha256.update(content);
    return this;
  }

  /** A UTF-8 string (identifiers, kinds). */
  public Hasher string(String s) {
    return item(STRING, s.getBytes(StandardCharsets.UTF_8));
  }

  /** A signed 64-bit integer, 8 bytes big-endian (counts, indices, bounds, times). */
  public Hasher integer(long v) {
    byte[] b = new byte[8];
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (v >>> (56 - 8 * i));
    }
    return item(INTEGER, b);
  }

  /** A group element in its compressed encoding. */
  public Hasher element(Element e) {
    return item(ELEMENT, e.toBytes());
  }

  /** Every element of a list, preceded by the list's length as an integer item. */
  public Hasher elements(Collection<Element> es) {
    integer(es.size());
    for (Element e : es) {
      element(e);
    }
    return this;
  }

  /** A scalar as 32 bytes big-endian. */
  public Hasher scalar(Scalar s) {
    return item(SCALAR, s.toBytes());
  }

  /** A previous hash value. */
  public Hasher digest(Digest d) {
    return item(DIGEST, d.raw());
  }

  /** Opaque bytes (seeds, canonical JSON, public keys). */
  public Hasher bytes(byte[] b) {
    return item(BYTES, b);
  }

  /**
   * An independent copy of this hash in its current state (the items so far), so that many hashes sharing a long
   * prefix of items cost the prefix once (the challenges u_1 … u_N of a proof of shuffle, §13.3).
   */
  public Hasher copy() {
    try {
      return new Hasher((MessageDigest) sha256.clone());
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("SHA-256 state cannot be copied", e);
    }
  }

  /** Finishes: the 32-byte hash. */
  public Digest digest() {
    return Digest.of(sha256.digest());
  }

  /** Finishes as a Fiat–Shamir challenge: the hash as a big-endian integer, mod q (§2.2). */
  public Scalar toScalar() {
    return Scalar.reduceBytes(sha256.digest());
  }

  /**
   * Finishes as a secret nonce with negligible bias (§2.2): the same items followed by the integer item 0, and
   * separately by the integer item 1, give two hashes whose 64-byte concatenation, as a big-endian integer, is
   * reduced mod q.
   */
  public SecretScalar toWideSecret() {
    MessageDigest second;
    try {
      second = (MessageDigest) sha256.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("SHA-256 state cannot be copied", e);
    }
    integer(0);
    byte[] wide = new byte[64];
    System.arraycopy(sha256.digest(), 0, wide, 0, 32);
    Hasher other = new Hasher(second);
    other.integer(1);
    System.arraycopy(other.sha256.digest(), 0, wide, 32, 32);
    return SecretScalar.of(Scalar.reduce(new java.math.BigInteger(1, wide)));
  }

  private Hasher(MessageDigest state) {
    this.sha256 = state;
  }
}
