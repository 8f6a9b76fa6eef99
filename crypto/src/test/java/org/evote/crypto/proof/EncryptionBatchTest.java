package org.evote.crypto.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.evote.crypto.elgamal.Ciphertext;
import org.evote.crypto.elgamal.ElGamal;
import org.evote.crypto.group.Scalar;
import org.evote.crypto.group.SecretScalar;
import org.evote.crypto.hash.Hasher;
import org.junit.jupiter.api.Test;

/**
 * Encryptions and range proofs computed together give exactly what {@link ElGamal#encrypt} and
 * {@link RangeProof#prove} give one at a time with the same nonces (the affine batched path against the Jacobian
 * one), and the proofs verify.
 */
class EncryptionBatchTest {
  static NonceSource seeded(String label) {
    return NonceSource.explicit((purpose, index) -> Hasher.tagged("test nonce").string(label).string(purpose)
        .integer(index).toWideSecret());
  }

  @Test
  void aBatchEqualsTheOneAtATimeComputation() {
    EncryptionBatch batch = new EncryptionBatch(ProofTest.KEY);
    int n = 12;
    List<SecretScalar> rs = new ArrayList<>();
    List<EncryptionBatch.PendingCiphertext> cts = new ArrayList<>();
    List<RangeProof.Pending> proofs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      SecretScalar r = i == 0 ? SecretScalar.of(Scalar.ONE) : SecretScalar.random(ProofTest.RANDOM);
      rs.add(r);
      cts.add(batch.encrypt(i % 2, r));
      proofs.add(batch.rangeProof(1, i % 2, r, seeded("s" + i)));
    }
    SecretScalar sum = SecretScalar.of(Scalar.of(3));
    EncryptionBatch.PendingCiphertext contest = batch.encrypt(2, sum);
    RangeProof.Pending contestProof = batch.rangeProof(3, 2, sum, seeded("contest"));
    batch.run();
    for (int i = 0; i < n; i++) {
      Ciphertext expected = ElGamal.encrypt(i % 2, rs.get(i), ProofTest.KEY);
      assertEquals(expected, cts.get(i).get(), "ciphertext " + i);
      RangeStatement st = RangeStatement.selection(ProofTest.HE, ProofTest.KEY, "b", "c", "s" + i, expected, 1);
      RangeProof proof = proofs.get(i).finish(st);
      assertEquals(RangeProof.prove(st, i % 2, rs.get(i), seeded("s" + i)), proof, "proof " + i);
      assertTrue(ProofTest.verifies(proof, st));
    }
    Ciphertext expected = ElGamal.encrypt(2, sum, ProofTest.KEY);
    assertEquals(expected, contest.get());
    RangeStatement st = RangeStatement.contest(ProofTest.HE, ProofTest.KEY, "b", "c", expected, 3);
    RangeProof proof = contestProof.finish(st);
    assertEquals(RangeProof.prove(st, 2, sum, seeded("contest")), proof);
    assertTrue(ProofTest.verifies(proof, st));
  }

  @Test
  void aPendingProofNeedsTheRunAndItsOwnStatement() {
    EncryptionBatch batch = new EncryptionBatch(ProofTest.KEY);
    SecretScalar r = SecretScalar.random(ProofTest.RANDOM);
    EncryptionBatch.PendingCiphertext ct = batch.encrypt(1, r);
    RangeProof.Pending pending = batch.rangeProof(1, 1, r, seeded("x"));
    assertThrows(IllegalArgumentException.class, () -> batch.encrypt(-1, r));
    assertThrows(IllegalArgumentException.class, () -> batch.rangeProof(1, 2, r, seeded("x")));
    assertThrows(IllegalStateException.class, ct::get);
    batch.run();
    RangeStatement wrongBound = RangeStatement.contest(ProofTest.HE, ProofTest.KEY, "b", "c", ct.get(), 2);
    assertThrows(IllegalArgumentException.class, () -> pending.finish(wrongBound));
    RangeStatement wrongKey = RangeStatement.selection(ProofTest.HE, ProofTest.OTHER_KEY, "b", "c", "s", ct.get(), 1);
    assertThrows(IllegalArgumentException.class, () -> pending.finish(wrongKey));
    RangeStatement st = RangeStatement.selection(ProofTest.HE, ProofTest.KEY, "b", "c", "s", ct.get(), 1);
    assertTrue(ProofTest.verifies(pending.finish(st), st));
  }
}
