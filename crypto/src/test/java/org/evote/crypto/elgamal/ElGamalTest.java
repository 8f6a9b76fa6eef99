package org.evote.crypto.elgamal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.security.SecureRandom;
import java.util.List;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.Scalar;
import org.evote.crypto.group.SecretScalar;
import org.junit.jupiter.api.Test;

class ElGamalTest {
  static final SecureRandom RANDOM = new SecureRandom();

  @Test
  void decryptionRecoversMTimesG() {
    SecretScalar s = SecretScalar.random(RANDOM);
    ElectionPublicKey k = new ElectionPublicKey(Element.gPow(s));
    for (long m : new long[] {0, 1, 2, 77}) {
      Ciphertext c = ElGamal.encrypt(m, SecretScalar.random(RANDOM), k);
      assertEquals(Element.gPow(Scalar.of(m)), ElGamal.decryptToPower(c, s));
    }
  }

  @Test
  void additionIsHomomorphic() {
    SecretScalar s = SecretScalar.random(RANDOM);
    ElectionPublicKey k = new ElectionPublicKey(Element.gPow(s));
    SecretScalar r1 = SecretScalar.random(RANDOM);
    SecretScalar r2 = SecretScalar.random(RANDOM);
    Ciphertext sum = ElGamal.encrypt(3, r1, k).add(ElGamal.encrypt(4, r2, k));
    assertEquals(ElGamal.encrypt(7, r1.add(r2), k), sum);
    assertEquals(sum, Ciphertext.sum(List.of(ElGamal.encrypt(3, r1, k), ElGamal.encrypt(4, r2, k))));
    assertEquals(Element.gPow(Scalar.of(7)), ElGamal.decryptToPower(sum, s));
  }

  @Test
  void batchEncryptionEqualsOneByOne() {
    ElectionPublicKey k = new ElectionPublicKey(Element.gPow(Scalar.random(RANDOM)));
    long[] m = {0, 1, 1, 0, 5};
    SecretScalar[] r = new SecretScalar[m.length];
    for (int i = 0; i < m.length; i++) {
      r[i] = SecretScalar.random(RANDOM);
    }
    Ciphertext[] all = ElGamal.encryptAll(m, r, k);
    for (int i = 0; i < m.length; i++) {
      assertEquals(ElGamal.encrypt(m[i], r[i], k), all[i]);
    }
    assertNotEquals(all[1], all[2]);
  }
}
