package org.evote.crypto.group;

import java.util.HexFormat;
import org.evote.crypto.InvalidFieldException;

/**
 * Strict lowercase hexadecimal: the wire encoding of scalars, digests, keys and signatures (protocol §1.3). Elements
 * are written in {@link Base64Url} (§1.2).
 */
public final class Hex {
  private Hex() {}

  /** True if every character is one of 0-9a-f and the length is even. */
  public static boolean isLowercaseHex(String s) {
    if (s.length() % 2 != 0) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  /** Decodes exactly {@code length} bytes from lowercase hex, naming {@code field} on failure. */
  public static byte[] decode(String hex, int length, String field) {
    if (hex == null) {
      throw new InvalidFieldException(field, "missing value");
    }
    if (hex.length() != 2 * length) {
      throw new InvalidFieldException(field, "must be " + 2 * length + " hex characters, got " + hex.length());
    }
    if (!isLowercaseHex(hex)) {
      throw new InvalidFieldException(field, "must be lowercase hexadecimal");
    }
    return HexFormat.of().parseHex(hex);
  }

  /** A non-negative integer as exactly {@code length} big-endian bytes (it must fit). */
  public static byte[] fixedLength(java.math.BigInteger v, int length) {
    byte[] raw = v.toByteArray();
    int start = raw.length > length ? raw.length - length : 0;
    for (int i = 0; i < start; i++) {
      if (raw[i] != 0) {
        throw new IllegalArgumentException("integer does not fit in " + length + " bytes");
      }
    }
    byte[] out = new byte[length];
    System.arraycopy(raw, start, out, length - (raw.length - start), raw.length - start);
    return out;
  }

  public static String encode(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
