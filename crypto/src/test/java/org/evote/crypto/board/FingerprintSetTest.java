package org.evote.crypto.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.Scalar;
import org.junit.jupiter.api.Test;

class FingerprintSetTest {
  @Test
  void remembersEveryMemberAcrossGrowthAndRefusesRepeats() {
    FingerprintSet set = new FingerprintSet();
    List<String> points = new ArrayList<>();
    for (int i = 1; i <= 5000; i++) {
      points.add(Element.gPow(Scalar.of(BigInteger.valueOf(i))).encode());
    }
    for (String p : points) {
      assertFalse(set.contains(p));
      assertTrue(set.add(p));
    }
    assertEquals(5000, set.size());
    for (String p : points) {
      assertTrue(set.contains(p));
      assertFalse(set.add(p), "a repeated ciphertext is caught");
    }
    assertEquals(5000, set.size());
    // -P has the same x coordinate as P but is a different ciphertext.
    assertTrue(set.add(Element.gPow(Scalar.of(BigInteger.ONE).negate()).encode()));
  }
}
