package org.evote.crypto.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.group.internal.Points;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.testing.TestData;
import org.junit.jupiter.api.Test;

/**
 * Wycheproof's P-256 ECDH point vectors: every valid (and "acceptable" compressed) public point decodes and its
 * product with the private scalar has the given shared x-coordinate; every invalid one is rejected by the decoder.
 */
class WycheproofTest {

  /** SEC1 decoding as the protocol does it, plus uncompressed points for these vectors (curve check included). */
  static Element decodeSec1(byte[] enc) {
    if (enc.length == 65 && enc[0] == 0x04) {
      BigInteger x = new BigInteger(1, Arrays.copyOfRange(enc, 1, 33));
      BigInteger y = new BigInteger(1, Arrays.copyOfRange(enc, 33, 65));
      byte[] compressed = new byte[33];
      compressed[0] = (byte) (y.testBit(0) ? 3 : 2);
      System.arraycopy(enc, 1, compressed, 1, 32);
      if (x.compareTo(P256.P) >= 0 || y.compareTo(P256.P) >= 0) {
        throw new InvalidFieldException("public", "coordinate not below p");
      }
      Element e = Element.fromBytes(compressed, "public");
      if (!Points.raw(e).getAffineYCoord().toBigInteger().equals(y)) {
        throw new InvalidFieldException("public", "point is not on the curve");
      }
      return e;
    }
    return Element.fromBytes(enc, "public");
  }

  @Test
  void everyVectorBehavesAsWycheproofSays() throws IOException {
    JsonObject file = JsonText.readObject(TestData.path("wycheproof/ecdh_secp256r1_ecpoint_test.json"));
    int valid = 0;
    int invalid = 0;
    for (JsonValue g : file.getJsonArray("testGroups")) {
      for (JsonValue tv : g.asJsonObject().getJsonArray("tests")) {
        JsonObject t = tv.asJsonObject();
        String id = "tcId " + t.getInt("tcId");
        byte[] pub = HexFormat.of().parseHex(t.getString("public"));
        String result = t.getString("result");
        if (result.equals("invalid")) {
          assertThrows(InvalidFieldException.class, () -> decodeSec1(pub), id);
          invalid++;
        } else {
          Element p = decodeSec1(pub);
          Scalar k = Scalar.reduce(new BigInteger(1, HexFormat.of().parseHex(t.getString("private"))));
          BigInteger shared = Points.raw(p.multiply(k)).getAffineXCoord().toBigInteger();
          assertEquals(new BigInteger(1, HexFormat.of().parseHex(t.getString("shared"))), shared, id);
          valid++;
        }
      }
    }
    assertTrue(valid >= 330, "valid vectors: " + valid);
    assertEquals(24, invalid);
  }
}
