package org.evote.crypto.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.math.BigInteger;
import java.util.HexFormat;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.group.internal.Points;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.testing.TestData;
import org.junit.jupiter.api.Test;

/**
 * Wycheproof's P-256 ECDH point vectors through the protocol's decoder (§1.2: the base64url text of the SEC1 bytes):
 * every valid uncompressed point decodes and its product with the private scalar has the given shared
 * x-coordinate; every invalid one is rejected, naming the field; and every compressed one (Wycheproof's "acceptable"
 * and "invalid" alike) is rejected for its prefix, since evote/2 reads uncompressed points only.
 */
class WycheproofTest {

  /** The decoder of the wire, on the canonical text of {@code enc}. */
  static Element decodeWire(byte[] enc) {
    return Element.decode(Base64Url.encode(enc), "public");
  }

  @Test
  void everyVectorBehavesAsWycheproofSays() throws IOException {
    JsonObject file = JsonText.readObject(TestData.path("wycheproof/ecdh_secp256r1_ecpoint_test.json"));
    int valid = 0;
    int invalid = 0;
    int compressed = 0;
    for (JsonValue g : file.getJsonArray("testGroups")) {
      for (JsonValue tv : g.asJsonObject().getJsonArray("tests")) {
        JsonObject t = tv.asJsonObject();
        String id = "tcId " + t.getInt("tcId");
        byte[] pub = HexFormat.of().parseHex(t.getString("public"));
        String result = t.getString("result");
        if (pub.length == 33) {
          InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> decodeWire(pub), id);
          assertEquals("public", e.field(), id);
          assertTrue(e.reason().contains("must be 87 base64url characters"), id + ": " + e.reason());
          InvalidFieldException b = assertThrows(InvalidFieldException.class,
              () -> Element.fromUncompressed(java.util.Arrays.copyOf(pub, 65), "public"), id);
          assertTrue(b.reason().contains("prefix must be 04"), id + ": " + b.reason());
          compressed++;
        } else if (result.equals("invalid")) {
          InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> decodeWire(pub), id);
          assertEquals("public", e.field(), id);
          invalid++;
        } else {
          Element p = decodeWire(pub);
          assertEquals(Base64Url.encode(pub), p.encode(), id);
          Scalar k = Scalar.reduce(new BigInteger(1, HexFormat.of().parseHex(t.getString("private"))));
          BigInteger shared = Points.raw(p.multiply(k)).getAffineXCoord().toBigInteger();
          assertEquals(new BigInteger(1, HexFormat.of().parseHex(t.getString("shared"))), shared, id);
          valid++;
        }
      }
    }
    assertTrue(valid >= 330, "valid vectors: " + valid);
    assertEquals(17, invalid);
    assertEquals(8, compressed);
  }
}
