package org.evote.crypto.group;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.testing.HostilePoints;
import org.junit.jupiter.api.Test;

class GroupTest {
  static final SecureRandom RANDOM = new SecureRandom();

  /** The rejection of {@code text} by the decoder, asserting it names the field. */
  static String rejected(String text) {
    InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> Element.decode(text, "ballot.alpha"));
    assertEquals("ballot.alpha", e.field());
    return e.reason();
  }

  @Test
  void elementsRoundTripThroughTheirCanonicalText() {
    for (int i = 0; i < 50; i++) {
      Element e = Element.gPow(Scalar.random(RANDOM));
      String text = e.encode();
      assertEquals(87, text.length());
      assertTrue(text.matches("[A-Za-z0-9_-]{87}"), text);
      assertEquals(e, Element.decode(text, "x"));
      assertEquals(text, Element.decode(text, "x").encode());
      assertEquals(e.negate(), Element.decode(e.negate().encode(), "x"));
      assertNotEquals(text, e.negate().encode());
    }
  }

  @Test
  void theTextIsBase64urlOfTheUncompressedBytesAndHashInputsKeepTheCompressedForm() {
    byte[] u = Element.G.toUncompressedBytes();
    assertEquals(65, u.length);
    assertEquals(4, u[0]);
    assertEquals(HostilePoints.gx(), new BigInteger(1, Arrays.copyOfRange(u, 1, 33)));
    assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(u), Element.G.encode());
    assertEquals("036b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296", Hex.encode(Element.G.toBytes()));
    assertEquals("BGsX0fLhLEJH-Lzm5WOkQPJ3A32BLeszoPShOUXYmMKWT-NC4v4af5uO5-tKfA-eFivOM1drMV7Oy7ZAaDe_UfU",
        Element.G.encode());
  }

  @Test
  void rule1_aMissingValueIsRejected() {
    assertTrue(rejected(null).contains("missing point"));
  }

  @Test
  void rule2_aLengthOtherThan87IsRejected() {
    String g = Element.G.encode();
    for (String text : new String[] {"", "AA", g.substring(1), g + "A", g + "=", HostilePoints.compressedHex()}) {
      String reason = rejected(text);
      assertTrue(reason.contains("must be 87 base64url characters") && reason.contains("got " + text.length()),
          reason);
    }
  }

  @Test
  void rule3_aCharacterOutsideTheAlphabetIsRejectedWithItsPosition() {
    String g = Element.G.encode();
    for (char c : new char[] {'+', '/', '=', ' ', '.', 'é', '\0', '\u0141'}) {
      for (int at : new int[] {0, 40, 86}) {
        String text = g.substring(0, at) + c + g.substring(at + 1);
        String reason = rejected(text);
        assertTrue(reason.contains("outside the base64url alphabet") && reason.endsWith("position " + at), reason);
      }
    }
    assertTrue(rejected(HostilePoints.badCharacter()).contains("position 40"));
  }

  @Test
  void rule4_aLastCharacterWithUnusedBitsSetIsRejected() {
    String g = Element.G.encode();
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    int v = alphabet.indexOf(g.charAt(86));
    for (int low = 1; low < 4; low++) {
      String text = g.substring(0, 86) + alphabet.charAt((v & ~3) | low);
      assertTrue(rejected(text).contains("not canonical"), text);
      // Java's own decoder would have read it as G: the rule is what makes the text unique.
      assertArrayEquals(Element.G.toUncompressedBytes(), Base64.getUrlDecoder().decode(text));
    }
    assertTrue(rejected(HostilePoints.nonCanonical()).contains("not canonical"));
  }

  @Test
  void rule5_aPrefixOtherThan04IsRejectedIncludingCompressedPrefixes() {
    for (int prefix : new int[] {0x00, 0x01, 0x02, 0x03, 0x05, 0x06, 0x07, 0xff}) {
      String reason = rejected(HostilePoints.prefix(prefix));
      assertTrue(reason.contains("prefix must be 04") && reason.endsWith(String.format("got %02x", prefix)),
          reason);
    }
    assertTrue(rejected(Base64Url.encode(new byte[65])).contains("prefix"), "65 zero bytes are not the identity");
  }

  @Test
  void rule6_xNotBelowPIsRejected() {
    assertTrue(rejected(HostilePoints.xNotBelowP()).contains("x-coordinate is not less than the field prime"));
    BigInteger max = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    assertTrue(rejected(HostilePoints.text(4, max, HostilePoints.gy())).contains("x-coordinate"));
    // x + p is G.x modulo p: a decoder that reduced would accept it.
    BigInteger wrapped = HostilePoints.gx().add(P256.P);
    if (wrapped.bitLength() <= 256) {
      assertTrue(rejected(HostilePoints.text(4, wrapped, HostilePoints.gy())).contains("x-coordinate"));
    }
  }

  @Test
  void rule7_yNotBelowPIsRejected() {
    assertTrue(rejected(HostilePoints.yNotBelowP()).contains("y-coordinate is not less than the field prime"));
    // p − G.y ≡ −G.y; p + (p − G.y)... any y ≥ p is refused before the curve equation is looked at.
    BigInteger max = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    assertTrue(rejected(HostilePoints.text(4, HostilePoints.gx(), max)).contains("y-coordinate"));
  }

  @Test
  void rule8_aPointNotOnTheCurveIsRejected() {
    assertTrue(rejected(HostilePoints.offCurve()).contains("not on the curve"));
    assertTrue(rejected(HostilePoints.text(4, BigInteger.ZERO, BigInteger.ZERO)).contains("not on the curve"));
    // (x, y) with x of another point: a decoder that took y from x would accept these.
    Element two = Element.G.add(Element.G);
    BigInteger twoY = new BigInteger(1, Arrays.copyOfRange(two.toUncompressedBytes(), 33, 65));
    assertTrue(rejected(HostilePoints.text(4, HostilePoints.gx(), twoY)).contains("not on the curve"));
    int rejected = 0;
    for (int x = 1; x < 40; x++) {
      try {
        Element.decode(HostilePoints.text(4, BigInteger.valueOf(x), BigInteger.valueOf(x)), "p");
      } catch (InvalidFieldException e) {
        assertTrue(e.reason().contains("not on the curve"), e.reason());
        rejected++;
      }
    }
    assertEquals(39, rejected);
  }

  @Test
  void theRulesApplyInTheirOrder() {
    String g = Element.G.encode();
    // length before alphabet
    assertTrue(rejected("+" + g).contains("87 base64url"));
    // alphabet before canonical last character
    String bothBad = "+" + HostilePoints.nonCanonical().substring(1);
    assertTrue(rejected(bothBad).contains("alphabet"));
    // canonical text before prefix: a non-canonical text of a 02-prefixed point
    String p02 = HostilePoints.prefix(2);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    String p02NonCanonical = p02.substring(0, 86) + alphabet.charAt(alphabet.indexOf(p02.charAt(86)) | 1);
    assertTrue(rejected(p02NonCanonical).contains("not canonical"));
    // prefix before x
    assertTrue(rejected(HostilePoints.text(2, P256.P, P256.P)).contains("prefix"));
    // x before y
    assertTrue(rejected(HostilePoints.text(4, P256.P, P256.P)).contains("x-coordinate"));
    // y before the curve equation
    assertTrue(rejected(HostilePoints.text(4, BigInteger.ZERO, P256.P)).contains("y-coordinate"));
  }

  @Test
  void theIdentityIsAAOnlyWhereAFieldAllowsIt() {
    assertEquals("AA", Element.IDENTITY.encode());
    assertEquals(Element.IDENTITY, Element.decodeAllowingIdentity("AA", "tally.alpha"));
    assertTrue(rejected("AA").contains("must be 87"), "the identity is refused outside tally fields");
    assertTrue(rejected("00").contains("must be 87"), "evote/1's identity is refused");
    for (String other : new String[] {"00", "AB", "AQ", "A", "AAA", "aa"}) {
      InvalidFieldException e = assertThrows(InvalidFieldException.class,
          () -> Element.decodeAllowingIdentity(other, "tally.alpha"), other);
      assertEquals("tally.alpha", e.field());
    }
    assertEquals(Element.G, Element.decodeAllowingIdentity(Element.G.encode(), "tally.alpha"));
    assertTrue(assertThrows(InvalidFieldException.class, () -> Element.decodeAllowingIdentity(
        HostilePoints.offCurve(), "tally.alpha")).reason().contains("not on the curve"));
  }

  @Test
  void checkTextAppliesTheTextRulesOnly() {
    Element.checkText(Element.G.encode(), "x");
    Element.checkText(HostilePoints.offCurve(), "x");
    for (String bad : new String[] {null, "AA", HostilePoints.badCharacter(), HostilePoints.nonCanonical()}) {
      assertEquals("x", assertThrows(InvalidFieldException.class, () -> Element.checkText(bad, "x")).field());
    }
  }

  @Test
  void base64UrlIsCanonicalForEveryLength() {
    for (int n = 0; n < 70; n++) {
      byte[] b = new byte[n];
      RANDOM.nextBytes(b);
      String t = Base64Url.encode(b);
      assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(b), t);
      assertEquals(Base64Url.length(n), t.length());
      assertArrayEquals(b, Base64Url.decode(t, n, "f", "value"));
    }
  }

  @Test
  void scalarDecode_rejectsValuesNotBelowQ() {
    String q = String.format("%064x", P256.Q);
    assertThrows(InvalidFieldException.class, () -> Scalar.decode(q, "v"));
    String qMinus1 = String.format("%064x", P256.Q.subtract(BigInteger.ONE));
    assertEquals(P256.Q.subtract(BigInteger.ONE), Scalar.decode(qMinus1, "v").toBigInteger());
    assertThrows(InvalidFieldException.class, () -> Scalar.decode("00", "v"));
    assertThrows(InvalidFieldException.class, () -> Scalar.decode(qMinus1.toUpperCase(), "v"));
  }

  @Test
  void scalarsNeverPrintTheirValue() {
    Scalar s = Scalar.random(RANDOM);
    assertTrue(!s.toString().contains(s.toHex()));
  }
}
