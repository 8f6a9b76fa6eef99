package org.evote.crypto.group;

import java.util.HexFormat;
import org.evote.crypto.InvalidFieldException;

/** Strict lowercase hexadecimal, the only byte encoding of the wire format (protocol §1). */
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

  public static String encode(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
