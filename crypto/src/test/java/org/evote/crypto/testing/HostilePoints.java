package org.evote.crypto.testing;

import java.math.BigInteger;
import org.evote.crypto.group.Base64Url;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.Hex;
import org.evote.crypto.group.P256;

/**
 * Point texts that break exactly one rule of protocol §1.2 each (for hostile-input tests in every module). Each is
 * 87 characters unless the rule broken is the length, so a decoder that checks the rules in the wrong order is
 * caught. The rule numbers are those of §1.2.
 */
public final class HostilePoints {
  private HostilePoints() {}

  /** The text of the 65 bytes {@code prefix ‖ be32(x) ‖ be32(y)} (any values below 2^256). */
  public static String text(int prefix, BigInteger x, BigInteger y) {
    byte[] b = new byte[P256.UNCOMPRESSED_BYTES];
    b[0] = (byte) prefix;
    System.arraycopy(Hex.fixedLength(x, 32), 0, b, 1, 32);
    System.arraycopy(Hex.fixedLength(y, 32), 0, b, 33, 32);
    return Base64Url.encode(b);
  }

  /** G's affine coordinates. */
  public static BigInteger gx() {
    return new BigInteger(1, java.util.Arrays.copyOfRange(Element.G.toUncompressedBytes(), 1, 33));
  }

  public static BigInteger gy() {
    return new BigInteger(1, java.util.Arrays.copyOfRange(Element.G.toUncompressedBytes(), 33, 65));
  }

  /** Rule 2: one character short. */
  public static String tooShort() {
    return Element.G.encode().substring(1);
  }

  /** Rule 2: evote/1's form of G, 66 lowercase hex characters (33 compressed bytes). */
  public static String compressedHex() {
    return Hex.encode(Element.G.toBytes());
  }

  /** Rule 3: G's text with a standard-base64 '+' in the middle. */
  public static String badCharacter() {
    String g = Element.G.encode();
    return g.substring(0, 40) + "+" + g.substring(41);
  }

  /** Rule 4: G's text with the lowest (unused) bit of the last character set. */
  public static String nonCanonical() {
    String g = Element.G.encode();
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    int v = alphabet.indexOf(g.charAt(g.length() - 1));
    return g.substring(0, g.length() - 1) + alphabet.charAt(v | 1);
  }

  /** Rule 5: G's coordinates behind another prefix (02, 03, 00, ...). */
  public static String prefix(int prefix) {
    return text(prefix, gx(), gy());
  }

  /** Rule 6: x = p. */
  public static String xNotBelowP() {
    return text(4, P256.P, gy());
  }

  /** Rule 7: G.x with y = p. */
  public static String yNotBelowP() {
    return text(4, gx(), P256.P);
  }

  /** Rule 8: G.x with G.y + 1, not on the curve. */
  public static String offCurve() {
    return text(4, gx(), gy().add(BigInteger.ONE));
  }
}
