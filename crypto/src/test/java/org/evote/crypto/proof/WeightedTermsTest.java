package org.evote.crypto.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.P256;
import org.evote.crypto.group.Scalar;
import org.junit.jupiter.api.Test;

/** The batch's term table against a plain IdentityHashMap of BigInteger sums, across its growth. */
class WeightedTermsTest {
  @Test
  void sumsEqualAnIdentityMapOfProducts() {
    Random r = new Random(14);
    List<Element> elements = new ArrayList<>();
    for (int i = 0; i < 700; i++) {
      elements.add(Element.gPow(Scalar.of(1 + r.nextInt(1_000_000))));
    }
    // An equal point in a different object is a different term (merging is by identity).
    elements.add(Element.gPow(Scalar.ONE));
    elements.add(Element.gPow(Scalar.ONE));
    WeightedTerms terms = new WeightedTerms();
    Map<Element, BigInteger> expected = new IdentityHashMap<>();
    List<Element> order = new ArrayList<>();
    for (int k = 0; k < 5000; k++) {
      Element p = elements.get(r.nextInt(elements.size()));
      BigInteger weight = new BigInteger(128, r).add(BigInteger.ONE);
      Scalar s = switch (k % 3) {
        case 0 -> Equation.MINUS_ONE;
        case 1 -> Scalar.of(P256.Q.subtract(BigInteger.ONE)); // −1, not the constant: the multiplying path
        default -> Scalar.reduce(new BigInteger(256, r));
      };
      terms.add(p, weight, s);
      if (!expected.containsKey(p)) {
        order.add(p);
      }
      expected.merge(p, weight.multiply(s.toBigInteger()), BigInteger::add);
    }
    assertEquals(order.size(), terms.size());
    for (int i = 0; i < order.size(); i++) {
      assertSame(order.get(i), terms.point(i));
      assertEquals(expected.get(order.get(i)).mod(P256.Q), terms.reducedScalar(i, P256.Q));
    }
  }
}
