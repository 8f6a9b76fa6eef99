package org.evote.crypto.group.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.math.ec.ECPoint;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.P256;
import org.evote.crypto.group.Scalar;
import org.junit.jupiter.api.Test;

/** The internal arithmetic against plain Bouncy Castle: fixed-base tables, multi-scalar multiplication, recoding. */
class ArithmeticTest {
  static final SecureRandom RANDOM = new SecureRandom();

  @Test
  void fixedBaseTableAgreesWithBouncyCastle() {
    BigInteger[] special = {BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO, P256.Q.subtract(BigInteger.ONE),
        P256.Q.subtract(BigInteger.TWO), BigInteger.ONE.shiftLeft(255), BigInteger.ONE.shiftLeft(252).subtract(
        BigInteger.ONE), new BigInteger("800", 16), new BigInteger("7ff", 16), new BigInteger("fff", 16)};
    for (BigInteger k : special) {
      assertEquals(Curve.G.multiply(k).normalize(), Curve.G_TABLE.multiply(k).normalize(), k.toString(16));
    }
    for (int i = 0; i < 100; i++) {
      Scalar k = Scalar.random(RANDOM);
      assertEquals(Points.element(Curve.G.multiply(k.toBigInteger())), Element.gPow(k));
    }
  }

  @Test
  void multiScalarMultiplicationAgreesWithTheNaiveSum() {
    for (int n : new int[] {0, 1, 5, 23, 24, 70, 300}) {
      ECPoint[] ps = new ECPoint[n];
      BigInteger[] ks = new BigInteger[n];
      ECPoint expected = Curve.infinity();
      for (int i = 0; i < n; i++) {
        ps[i] = Points.raw(Element.gPow(Scalar.random(RANDOM)));
        ks[i] = i % 3 == 0 ? new BigInteger(128, RANDOM) : Scalar.random(RANDOM).toBigInteger();
        if (i == 2) {
          ks[i] = BigInteger.ZERO;
        }
        expected = expected.add(ps[i].multiply(ks[i]));
      }
      assertEquals(expected.normalize(), Msm.sum(ps, ks, n).normalize(), "n = " + n);
    }
  }

  @Test
  void signedDigitsRecomposeTheScalar() {
    for (int w : new int[] {4, 5, 6, 7, 8, 12}) {
      for (int i = 0; i < 50; i++) {
        BigInteger k = new BigInteger(255, RANDOM);
        int count = (k.bitLength() + 2 + w - 1) / w;
        int[] d = SignedDigits.recode(k, w, count);
        BigInteger back = BigInteger.ZERO;
        for (int j = d.length - 1; j >= 0; j--) {
          back = back.shiftLeft(w).add(BigInteger.valueOf(d[j]));
        }
        assertEquals(k, back);
      }
    }
  }
}
