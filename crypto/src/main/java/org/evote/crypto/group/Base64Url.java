package org.evote.crypto.group;

import org.evote.crypto.InvalidFieldException;

/**
 * Strict, canonical base64url without padding (RFC 4648 §5), the text form of points on the wire (protocol §1.2).
 * A byte string of n bytes is exactly {@link #length(int) ⌈4n/3⌉} characters of {@code A-Z a-z 0-9 - _}; no
 * padding, no white space, and the unused low bits of the last character are zero, so each byte string has exactly
 * one text and re-encoding a decoded text gives the same text. Decoding is one pass over the characters.
 */
public final class Base64Url {
  private static final char[] ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();
  private static final byte[] VALUE = new byte[128];

  static {
    java.util.Arrays.fill(VALUE, (byte) -1);
    for (int i = 0; i < ALPHABET.length; i++) {
      VALUE[ALPHABET[i]] = (byte) i;
    }
  }

  private Base64Url() {}

  /** The number of characters that encode {@code bytes} bytes: ⌈4·bytes/3⌉. */
  public static int length(int bytes) {
    return (4 * bytes + 2) / 3;
  }

  public static String encode(byte[] bytes) {
    char[] out = new char[length(bytes.length)];
    int o = 0;
    int i = 0;
    for (; i + 3 <= bytes.length; i += 3) {
      int v = (bytes[i] & 0xff) << 16 | (bytes[i + 1] & 0xff) << 8 | (bytes[i + 2] & 0xff);
      out[o++] = ALPHABET[v >>> 18];
      out[o++] = ALPHABET[(v >>> 12) & 63];
      out[o++] = ALPHABET[(v >>> 6) & 63];
      out[o++] = ALPHABET[v & 63];
    }
    int rest = bytes.length - i;
    if (rest == 1) {
      int v = (bytes[i] & 0xff) << 16;
      out[o++] = ALPHABET[v >>> 18];
      out[o] = ALPHABET[(v >>> 12) & 63];
    } else if (rest == 2) {
      int v = (bytes[i] & 0xff) << 16 | (bytes[i + 1] & 0xff) << 8;
      out[o++] = ALPHABET[v >>> 18];
      out[o++] = ALPHABET[(v >>> 12) & 63];
      out[o] = ALPHABET[(v >>> 6) & 63];
    }
    return new String(out);
  }

  /**
   * Checks that {@code text} is the canonical base64url text of {@code bytes} bytes without decoding it, rejecting —
   * in this order, naming {@code field} — a missing value, a length other than {@link #length(int) length(bytes)}, a
   * character outside the alphabet (the first one, by position) and a last character whose unused low bits are not
   * zero (a non-canonical text).
   *
   * @param what what the value is, for the messages ("point")
   */
  public static void check(String text, int bytes, String field, String what) {
    if (text == null) {
      throw new InvalidFieldException(field, "missing " + what);
    }
    int chars = length(bytes);
    if (text.length() != chars) {
      throw new InvalidFieldException(field, what + " must be " + chars + " base64url characters (" + bytes
          + " bytes), got " + text.length());
    }
    for (int i = 0; i < chars; i++) {
      char c = text.charAt(i);
      if (c >= 128 || VALUE[c] < 0) {
        throw new InvalidFieldException(field, what + " has a character outside the base64url alphabet "
            + "(A-Z a-z 0-9 - _, no padding) at position " + i);
      }
    }
    int unusedBits = 6 * chars - 8 * bytes; // 0, 2 or 4
    if (chars > 0 && (VALUE[text.charAt(chars - 1)] & ((1 << unusedBits) - 1)) != 0) {
      throw new InvalidFieldException(field, what + " is not canonical base64url: the unused low bits of its last "
          + "character must be zero");
    }
  }

  /** Decodes exactly {@code bytes} bytes after {@link #check checking} the text, with the same rejections. */
  public static byte[] decode(String text, int bytes, String field, String what) {
    check(text, bytes, field, what);
    int chars = text.length();
    byte[] out = new byte[bytes];
    int o = 0;
    int i = 0;
    for (; i + 4 <= chars; i += 4) {
      int v = VALUE[text.charAt(i)] << 18 | VALUE[text.charAt(i + 1)] << 12 | VALUE[text.charAt(i + 2)] << 6
          | VALUE[text.charAt(i + 3)];
      out[o++] = (byte) (v >>> 16);
      out[o++] = (byte) (v >>> 8);
      out[o++] = (byte) v;
    }
    int rest = chars - i; // 0, 2 or 3
    if (rest >= 2) {
      int v = VALUE[text.charAt(i)] << 18 | VALUE[text.charAt(i + 1)] << 12
          | (rest == 3 ? VALUE[text.charAt(i + 2)] << 6 : 0);
      out[o++] = (byte) (v >>> 16);
      if (rest == 3) {
        out[o] = (byte) (v >>> 8);
      }
    }
    return out;
  }
}
