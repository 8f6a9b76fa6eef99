package org.evote.crypto.note;

import org.evote.crypto.InvalidFieldException;

/** Decoding of 32-byte private key seeds kept in key files. */
final class Seeds {
  private Seeds() {}

  static byte[] decode(String hex, String field) {
    if (hex == null || !hex.matches("[0-9a-f]{64}")) {
      throw new InvalidFieldException(field, "a key seed is 64 lowercase hex characters");
    }
    return java.util.HexFormat.of().parseHex(hex);
  }
}
