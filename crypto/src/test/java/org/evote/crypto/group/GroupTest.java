package org.evote.crypto.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.evote.crypto.InvalidFieldException;
import org.junit.jupiter.api.Test;

class GroupTest {
  static final SecureRandom RANDOM = new SecureRandom();

  @Test
  void elementsRoundTripThroughTheirCompressedEncoding() {
    for (int i = 0; i < 50; i++) {
      Element e = Element.gPow(Scalar.random(RANDOM));
      assertEquals(e, Element.decode(e.toHex(), "x"));
      assertEquals(66, e.toHex().length());
    }
  }

  @Test
  void decode_rejectsWrongLength() {
    String g = Element.G.toHex();
    InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> Element.decode(g + "00", "alpha"));
    assertEquals("alpha", e.field());
    assertThrows(InvalidFieldException.class, () -> Element.decode(g.substring(2), "alpha"));
  }

  @Test
  void decode_rejectsUncompressedAndBadPrefixes() {
    String x = Element.G.toHex().substring(2);
    for (String prefix : new String[] {"00", "01", "04", "05", "ff"}) {
      InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> Element.decode(prefix + x, "p"));
      assertTrue(e.reason().contains("prefix"), e.reason());
    }
  }

  @Test
  void decode_rejectsXNotBelowP() {
    String pHex = String.format("%064x", P256.P);
    InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> Element.decode("02" + pHex, "p"));
    assertTrue(e.reason().contains("field prime"), e.reason());
    String ffHex = "ff".repeat(32);
    assertThrows(InvalidFieldException.class, () -> Element.decode("03" + ffHex, "p"));
  }

  @Test
  void decode_rejectsXWithNoSquareRoot() {
    int rejected = 0;
    for (int x = 1; x < 40; x++) {
      String hex = "02" + String.format("%064x", x);
      try {
        Element.decode(hex, "p");
      } catch (InvalidFieldException e) {
        assertTrue(e.reason().contains("not on the curve"), e.reason());
        rejected++;
      }
    }
    assertTrue(rejected > 5, "about half of all x have no point");
  }

  @Test
  void decode_rejectsTheIdentityAndUppercaseAndNonHex() {
    assertThrows(InvalidFieldException.class, () -> Element.decode("00", "p"));
    assertThrows(InvalidFieldException.class, () -> Element.decode(Element.G.toHex().toUpperCase(), "p"));
    assertThrows(InvalidFieldException.class, () -> Element.decode("zz" + Element.G.toHex().substring(2), "p"));
    assertThrows(InvalidFieldException.class, () -> Element.decode(null, "p"));
    assertEquals(Element.IDENTITY, Element.decodeAllowingIdentity("00", "p"));
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
