package org.evote.crypto.note;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.evote.crypto.InvalidFieldException;

/** The lexical rules shared by notes, checkpoints and witness requests (c2sp.org/signed-note, "Format"). */
final class NoteText {
  private NoteText() {}

  /** Decodes strict UTF-8, naming {@code field} when the bytes are not valid UTF-8. */
  static String utf8(byte[] bytes, String field) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new InvalidFieldException(field, "is not valid UTF-8");
    }
  }

  /** Refuses ASCII control characters other than newline. */
  static void requireNoControlCharacters(String s, String field) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 && c != '\n') {
        throw new InvalidFieldException(field, "contains the control character U+" + String.format("%04X", (int) c));
      }
    }
  }

  /** A key name: non-empty, without Unicode spaces or '+' (and, being note text, without control characters). */
  static String requireKeyName(String name, String field) {
    if (name == null || name.isEmpty()) {
      throw new InvalidFieldException(field, "a key name must not be empty");
    }
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      if (cp == '+' || Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp < 0x20) {
        throw new InvalidFieldException(field, "a key name must not contain spaces, control characters or '+'");
      }
      i += Character.charCount(cp);
    }
    return name;
  }

  /** Standard base64 (RFC 4648 §4), strictly: padding required, no line breaks or other characters. */
  static byte[] base64(String s, String field) {
    if (s.isEmpty() || s.length() % 4 != 0) {
      throw new InvalidFieldException(field, "is not standard padded base64");
    }
    try {
      byte[] out = Base64.getDecoder().decode(s);
      if (!Base64.getEncoder().encodeToString(out).equals(s)) {
        throw new InvalidFieldException(field, "is not canonical base64");
      }
      return out;
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException(field, "is not standard padded base64");
    }
  }

  static String base64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }

  /** A non-negative decimal without leading zeroes ("0" for zero), at most 2^63 − 1. */
  static long decimal(String s, String field) {
    if (s.isEmpty() || s.length() > 19 || (s.length() > 1 && s.charAt(0) == '0')) {
      throw new InvalidFieldException(field, "must be a decimal number without leading zeroes");
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        throw new InvalidFieldException(field, "must be a decimal number without leading zeroes");
      }
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new InvalidFieldException(field, "is larger than 2^63 - 1");
    }
  }

  static byte[] sha256(byte[]... parts) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (byte[] p : parts) {
        md.update(p);
      }
      return md.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
    }
  }
}
