package org.evote.crypto.ballot;

import java.security.MessageDigest;
import java.security.SecureRandom;
import org.evote.crypto.group.Hex;

/**
 * The ballot seed ξ (protocol §3.2): 32 random bytes from which every nonce of one ballot is derived. Secret
 * while the ballot may still be cast (kiosks wipe it after casting); disclosed when the ballot is challenged, so
 * anyone can re-encrypt the claimed plaintext and compare. Not a record; {@link #toHex()} is the one accessor.
 */
public final class BallotSeed {
  public static final int BYTES = 32;
  private final byte[] bytes;

  private BallotSeed(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A fresh seed from the caller's SecureRandom. */
  public static BallotSeed random(SecureRandom random) {
    byte[] b = new byte[BYTES];
    random.nextBytes(b);
    return new BallotSeed(b);
  }

  /** A disclosed seed, 64 lowercase hex characters. */
  public static BallotSeed decode(String hex, String field) {
    return new BallotSeed(Hex.decode(hex, BYTES, field));
  }

  /** A copy of the seed bytes — secret until disclosed. */
  public byte[] toBytes() {
    return bytes.clone();
  }

  /** The seed's hex form — secret until disclosed. */
  public String toHex() {
    return Hex.encode(bytes);
  }

  /** Overwrites the seed in memory once the ballot is cast or abandoned. */
  public void wipe() {
    java.util.Arrays.fill(bytes, (byte) 0);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BallotSeed s && MessageDigest.isEqual(s.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "BallotSeed[redacted]";
  }
}
