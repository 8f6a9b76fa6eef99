package org.evote.crypto.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.evote.crypto.InvalidFieldException;
import org.junit.jupiter.api.Test;

/**
 * Canonical JSON in linear time (issue 12, part 2): it used to build a path string for every value, so a long member
 * name above a wide array cost name length × array length (0.5 MB took 8 s). The path of a rejected value is now
 * put together only as the error unwinds.
 */
class CanonicalJsonLinearTest {
  /** {@code {"<n characters>":[0,0,…(n zeros)]}}: both the name and the array grow with n. */
  static JsonObject longNameAboveWideArray(int n) {
    StringBuilder b = new StringBuilder(4 * n).append("{\"").append("k".repeat(n)).append("\":[");
    for (int i = 0; i < n; i++) {
      b.append(i == 0 ? "0" : ",0");
    }
    return JsonText.parseObject(b.append("]}").toString());
  }

  /** The least time of a few runs of writing {@code value}, in nanoseconds. */
  static long bestTime(JsonObject value, int runs) {
    long best = Long.MAX_VALUE;
    for (int r = 0; r < runs; r++) {
      long t0 = System.nanoTime();
      String text = CanonicalJson.write(value);
      best = Math.min(best, System.nanoTime() - t0);
      assertTrue(text.length() > 0);
    }
    return best;
  }

  @Test
  void writingGrowsLinearlyWithALongNameAboveAWideArray() {
    int n = 50_000;
    JsonObject small = longNameAboveWideArray(n);
    JsonObject large = longNameAboveWideArray(4 * n);
    bestTime(small, 5); // warm up
    bestTime(large, 5);
    long tSmall = bestTime(small, 7);
    long tLarge = bestTime(large, 7);
    // Four times the input: about four times the time when linear, sixteen when quadratic. A generous bound, for
    // a loaded machine (both measured in this run).
    double ratio = (double) tLarge / tSmall;
    System.out.printf("canonical JSON: n %.2f ms, 4n %.2f ms, ratio %.1f%n", tSmall / 1e6, tLarge / 1e6, ratio);
    assertTrue(ratio < 9, "4× the input took " + ratio + "× the time (" + tSmall / 1e6 + " ms, " + tLarge / 1e6
        + " ms)");
  }

  @Test
  void aRejectedValueIsStillNamedByItsFullPath() {
    InvalidFieldException e = assertThrows(InvalidFieldException.class,
        () -> CanonicalJson.write(JsonText.parseObject("{\"a\":[1,{\"b\":[0,1.5]}],\"c\":1}")));
    assertEquals("$.a[1].b[1]", e.field());
    assertEquals("numbers must be integers", e.reason());
    InvalidFieldException s = assertThrows(InvalidFieldException.class,
        () -> CanonicalJson.write(JsonText.parseObject("{\"x\":{\"y\":\"\\ud800\"}}")));
    assertEquals("$.x.y", s.field());
    InvalidFieldException big = assertThrows(InvalidFieldException.class,
        () -> CanonicalJson.write(JsonText.parseObject("{\"x\":[9007199254740992]}")));
    assertEquals("$.x[0]", big.field());
    // A hostile member name does not fill the error: it is shortened in the path.
    String name = "n".repeat(100_000);
    InvalidFieldException longName = assertThrows(InvalidFieldException.class,
        () -> CanonicalJson.write(JsonText.parseObject("{\"" + name + "\":0.5}")));
    assertTrue(longName.field().length() < 100, longName.field());
  }

  @Test
  void untrustedParsingIsBoundedInDepthNumbersAndSize() {
    byte[] nested = ("{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}").getBytes(StandardCharsets.UTF_8);
    assertEquals(1, JsonText.parseObject(nested).size(), "a trusted reader takes 40 levels");
    assertThrows(InvalidFieldException.class, () -> JsonText.parseUntrusted(nested, 1 << 20));
    byte[] ok = ("{\"a\":" + "[".repeat(20) + "]".repeat(20) + "}").getBytes(StandardCharsets.UTF_8);
    assertEquals(1, JsonText.parseUntrusted(ok, 1 << 20).size());
    byte[] longNumber = ("{\"a\":1" + "0".repeat(100) + ".5}").getBytes(StandardCharsets.UTF_8);
    InvalidFieldException n = assertThrows(InvalidFieldException.class, () -> CanonicalJson.write(
        JsonText.parseUntrusted(longNumber, 1 << 20)));
    assertEquals("$", n.field().substring(0, 1));
    assertThrows(InvalidFieldException.class, () -> JsonText.parseUntrusted(ok, ok.length - 1));
    assertThrows(InvalidFieldException.class, () -> JsonText.parseUntrusted(
        "{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8), 100), "duplicate member names");
  }
}
