package org.evote.crypto.group;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.evote.crypto.InvalidFieldException;

/**
 * An integer modulo the group order q (protocol §1), encoded as 32 bytes big-endian, lowercase hex.
 *
 * <p>Scalars are nonces, secret keys and shares as well as public responses, so {@link #toString()} never prints
 * the value; {@link #toHex()} is the one explicit accessor for the encoding.
 */
public final class Scalar implements Comparable<Scalar> {
  public static final Scalar ZERO = new Scalar(BigInteger.ZERO);
  public static final Scalar ONE = new Scalar(BigInteger.ONE);

  private final BigInteger value;

  private Scalar(BigInteger value) {
    this.value = value;
  }

  /** The scalar v; throws {@link IllegalArgumentException} unless 0 ≤ v < q (use {@link #reduce} for mod q). */
  public static Scalar of(BigInteger v) {
    if (v.signum() < 0 || v.compareTo(P256.Q) >= 0) {
      throw new IllegalArgumentException("scalar out of range [0, q)");
    }
    return new Scalar(v);
  }

  /** v mod q, for any integer v. */
  public static Scalar reduce(BigInteger v) {
    return new Scalar(v.mod(P256.Q));
  }

  /** The scalar v mod q for a machine integer (negative values wrap). */
  public static Scalar of(long v) {
    return reduce(BigInteger.valueOf(v));
  }

  /** A uniformly random non-zero scalar. The only way randomness enters: callers pass their one SecureRandom. */
  public static Scalar random(SecureRandom random) {
    while (true) {
      BigInteger v = new BigInteger(256, random);
      if (v.signum() > 0 && v.compareTo(P256.Q) < 0) {
        return new Scalar(v);
      }
    }
  }

  /** Interprets 32 big-endian bytes as an integer and reduces it mod q (used for hash outputs, protocol §2). */
  public static Scalar reduceBytes(byte[] bigEndian) {
    return reduce(new BigInteger(1, bigEndian));
  }

  /** Decodes 64 lowercase hex characters; rejects other lengths, characters and values ≥ q, naming {@code field}. */
  public static Scalar decode(String hex, String field) {
    if (hex == null) {
      throw new InvalidFieldException(field, "missing scalar");
    }
    if (hex.length() != 2 * P256.SCALAR_BYTES) {
      throw new InvalidFieldException(field, "scalar must be 64 hex characters, got " + hex.length());
    }
    if (!Hex.isLowercaseHex(hex)) {
      throw new InvalidFieldException(field, "scalar must be lowercase hexadecimal");
    }
    BigInteger v = new BigInteger(hex, 16);
    if (v.compareTo(P256.Q) >= 0) {
      throw new InvalidFieldException(field, "scalar is not less than the group order q");
    }
    return new Scalar(v);
  }

  public Scalar add(Scalar o) {
    return reduce(value.add(o.value));
  }

  public Scalar subtract(Scalar o) {
    return reduce(value.subtract(o.value));
  }

  public Scalar multiply(Scalar o) {
    return reduce(value.multiply(o.value));
  }

  public Scalar negate() {
    return reduce(value.negate());
  }

  /** The multiplicative inverse; throws for zero. */
  public Scalar inverse() {
    if (value.signum() == 0) {
      throw new ArithmeticException("zero has no inverse mod q");
    }
    return new Scalar(value.modInverse(P256.Q));
  }

  public boolean isZero() {
    return value.signum() == 0;
  }

  /** The value as a non-negative integer below q. */
  public BigInteger toBigInteger() {
    return value;
  }

  /** The 32-byte big-endian encoding. */
  public byte[] toBytes() {
    return Hex.fixedLength(value, P256.SCALAR_BYTES);
  }

  /** The wire encoding: 64 lowercase hex characters. */
  public String toHex() {
    return HexFormat.of().formatHex(toBytes());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Scalar s && s.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public int compareTo(Scalar o) {
    return value.compareTo(o.value);
  }

  /** Never prints the value: scalars may be secrets. */
  @Override
  public String toString() {
    return "Scalar[redacted]";
  }
}
