package org.evote.crypto.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.evote.crypto.elgamal.Ciphertext;
import org.evote.crypto.elgamal.ElGamal;
import org.evote.crypto.elgamal.ElectionPublicKey;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.Scalar;
import org.evote.crypto.group.SecretScalar;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.hash.Hasher;
import org.junit.jupiter.api.Test;

/** Every proof kind: honest proofs verify (directly and in batches); changing any single field makes them fail. */
class ProofTest {
  static final SecureRandom RANDOM = new SecureRandom();
  static final SecretScalar SECRET = SecretScalar.random(RANDOM);
  static final ElectionPublicKey KEY = new ElectionPublicKey(Element.gPow(SECRET));
  static final ElectionPublicKey OTHER_KEY = new ElectionPublicKey(Element.gPow(SecretScalar.random(RANDOM)));
  static final Digest HE = Hasher.tagged("test").string("election").digest();
  static final Digest OTHER_HE = Hasher.tagged("test").string("other election").digest();

  /** Direct and batch verification, which must agree (also on the reason). */
  static boolean verifies(RangeProof proof, RangeStatement st) {
    ProofCheck direct = proof.verify(st);
    List<BatchVerifier.Failure<String>> batch = new BatchVerifier<String>(RANDOM).add("p", proof, st).verify();
    List<BatchVerifier.Failure<String>> expected = direct instanceof ProofCheck.Invalid invalid
        ? List.of(new BatchVerifier.Failure<>("p", invalid.reason())) : List.of();
    assertEquals(expected, batch, "direct and batch verification disagree");
    return direct.isValid();
  }

  static Scalar other(Scalar s) {
    return s.add(Scalar.ONE);
  }

  static Element other(Element e) {
    return e.add(Element.G);
  }

  @Test
  void selectionRangeProofVerifiesForBothValues() {
    for (int m = 0; m <= 1; m++) {
      SecretScalar r = SecretScalar.random(RANDOM);
      Ciphertext ct = ElGamal.encrypt(m, r, KEY);
      RangeStatement st = RangeStatement.selection(HE, KEY, "b1", "c1", "s1", ct, 1);
      assertTrue(verifies(RangeProof.prove(st, m, r, NonceSource.random(RANDOM)), st));
    }
  }

  @Test
  void contestRangeProofVerifiesForEveryValueUpToTheBound() {
    for (int m = 0; m <= 3; m++) {
      SecretScalar r = SecretScalar.random(RANDOM);
      Ciphertext ct = ElGamal.encrypt(m, r, KEY);
      RangeStatement st = RangeStatement.contest(HE, KEY, "b1", "c1", ct, 3);
      assertTrue(verifies(RangeProof.prove(st, m, r, NonceSource.random(RANDOM)), st), "m = " + m);
    }
  }

  @Test
  void aValueAboveTheBoundCannotBeProven() {
    SecretScalar r = SecretScalar.random(RANDOM);
    Ciphertext two = ElGamal.encrypt(2, r, KEY);
    RangeStatement st = RangeStatement.selection(HE, KEY, "b1", "c1", "s1", two, 1);
    assertThrows(IllegalArgumentException.class, () -> RangeProof.prove(st, 2, r, NonceSource.random(RANDOM)));
    // A prover who claims m = 1 for an encryption of 2 produces a proof that fails.
    assertFalse(verifies(RangeProof.prove(st, 1, r, NonceSource.random(RANDOM)), st));
  }

  @Test
  void changingAnySingleFieldOfARangeProofMakesItFail() {
    SecretScalar r = SecretScalar.random(RANDOM);
    Ciphertext ct = ElGamal.encrypt(1, r, KEY);
    RangeStatement st = RangeStatement.selection(HE, KEY, "b1", "c1", "s1", ct, 1);
    RangeProof proof = RangeProof.prove(st, 1, r, NonceSource.random(RANDOM));
    assertTrue(verifies(proof, st));
    List<Function<RangeProof.Branch, RangeProof.Branch>> edits = List.of(
        b -> new RangeProof.Branch(other(b.a()), b.b(), b.c(), b.v()),
        b -> new RangeProof.Branch(b.a(), other(b.b()), b.c(), b.v()),
        b -> new RangeProof.Branch(b.a(), b.b(), other(b.c()), b.v()),
        b -> new RangeProof.Branch(b.a(), b.b(), b.c(), other(b.v())));
    for (int j = 0; j < proof.branches().size(); j++) {
      for (int f = 0; f < edits.size(); f++) {
        List<RangeProof.Branch> branches = new ArrayList<>(proof.branches());
        branches.set(j, edits.get(f).apply(branches.get(j)));
        assertFalse(verifies(new RangeProof(branches), st), "branch " + j + " field " + f);
      }
    }
    // Dropping or adding a branch.
    assertFalse(verifies(new RangeProof(proof.branches().subList(0, 1)), st));
    List<RangeProof.Branch> extra = new ArrayList<>(proof.branches());
    extra.add(proof.branches().get(0));
    assertFalse(verifies(new RangeProof(extra), st));
  }

  @Test
  void aRangeProofReplayedIntoAnotherStatementFails() {
    SecretScalar r = SecretScalar.random(RANDOM);
    Ciphertext ct = ElGamal.encrypt(0, r, KEY);
    RangeStatement st = RangeStatement.selection(HE, KEY, "b1", "c1", "s1", ct, 1);
    RangeProof proof = RangeProof.prove(st, 0, r, NonceSource.random(RANDOM));
    assertTrue(verifies(proof, st));
    assertFalse(verifies(proof, RangeStatement.selection(OTHER_HE, KEY, "b1", "c1", "s1", ct, 1)), "election");
    assertFalse(verifies(proof, RangeStatement.selection(HE, KEY, "b2", "c1", "s1", ct, 1)), "ballot");
    assertFalse(verifies(proof, RangeStatement.selection(HE, KEY, "b1", "c2", "s1", ct, 1)), "contest");
    assertFalse(verifies(proof, RangeStatement.selection(HE, KEY, "b1", "c1", "s2", ct, 1)), "selection");
    assertFalse(verifies(proof, RangeStatement.selection(HE, OTHER_KEY, "b1", "c1", "s1", ct, 1)), "key");
    assertFalse(verifies(proof, RangeStatement.contest(HE, KEY, "b1", "c1", ct, 1)), "proof kind");
    Ciphertext otherCt = new Ciphertext(other(ct.alpha()), ct.beta());
    assertFalse(verifies(proof, RangeStatement.selection(HE, KEY, "b1", "c1", "s1", otherCt, 1)), "alpha");
    Ciphertext otherBeta = new Ciphertext(ct.alpha(), other(ct.beta()));
    assertFalse(verifies(proof, RangeStatement.selection(HE, KEY, "b1", "c1", "s1", otherBeta, 1)), "beta");
  }

  @Test
  void schnorrProofVerifiesAndAnyChangeFails() {
    Digest hb = Hasher.tagged("test").string("base").digest();
    SecretScalar a = SecretScalar.random(RANDOM);
    Element k = Element.gPow(a);
    SchnorrProof p = SchnorrProof.prove(hb, 2, 1, a, RANDOM);
    assertTrue(schnorr(p, hb, 2, 1, k));
    assertFalse(schnorr(new SchnorrProof(other(p.commitment()), p.response()), hb, 2, 1, k));
    assertFalse(schnorr(new SchnorrProof(p.commitment(), other(p.response())), hb, 2, 1, k));
    assertFalse(schnorr(p, Hasher.tagged("test").string("other").digest(), 2, 1, k), "election");
    assertFalse(schnorr(p, hb, 3, 1, k), "guardian");
    assertFalse(schnorr(p, hb, 2, 0, k), "coefficient");
    assertFalse(schnorr(p, hb, 2, 1, other(k)), "commitment");
  }

  static boolean schnorr(SchnorrProof p, Digest hb, int i, int j, Element k) {
    return p.verify(new SchnorrProof.Statement(hb, i, j, k)).isValid();
  }

  @Test
  void decryptionProofVerifiesAndAnyChangeFails() {
    SecretScalar s = SecretScalar.random(RANDOM);
    Element vk = Element.gPow(s);
    Ciphertext ct = ElGamal.encrypt(3, SecretScalar.random(RANDOM), KEY);
    Element m = ct.alpha().multiply(s);
    DecryptionProof.Statement st = new DecryptionProof.Statement(HE, KEY.element(), 1, vk, "c", "s", ct, m);
    DecryptionProof p = DecryptionProof.prove(st, s, RANDOM);
    assertTrue(decryption(p, st));
    assertFalse(decryption(new DecryptionProof(other(p.a()), p.b(), p.response()), st));
    assertFalse(decryption(new DecryptionProof(p.a(), other(p.b()), p.response()), st));
    assertFalse(decryption(new DecryptionProof(p.a(), p.b(), other(p.response())), st));
    List<DecryptionProof.Statement> others = List.of(
        new DecryptionProof.Statement(OTHER_HE, KEY.element(), 1, vk, "c", "s", ct, m),
        new DecryptionProof.Statement(HE, OTHER_KEY.element(), 1, vk, "c", "s", ct, m),
        new DecryptionProof.Statement(HE, KEY.element(), 2, vk, "c", "s", ct, m),
        new DecryptionProof.Statement(HE, KEY.element(), 1, other(vk), "c", "s", ct, m),
        new DecryptionProof.Statement(HE, KEY.element(), 1, vk, "c2", "s", ct, m),
        new DecryptionProof.Statement(HE, KEY.element(), 1, vk, "c", "s2", ct, m),
        new DecryptionProof.Statement(HE, KEY.element(), 1, vk, "c", "s", new Ciphertext(ct.alpha(),
            other(ct.beta())), m),
        new DecryptionProof.Statement(HE, KEY.element(), 1, vk, "c", "s", ct, other(m)));
    for (int i = 0; i < others.size(); i++) {
      assertFalse(decryption(p, others.get(i)), "statement change " + i);
    }
  }

  static boolean decryption(DecryptionProof p, DecryptionProof.Statement st) {
    ProofCheck direct = p.verify(st);
    boolean batch = new BatchVerifier<String>(RANDOM).add("p", p, st).verify().isEmpty();
    assertEquals(direct.isValid(), batch, "direct and batch verification disagree");
    return direct.isValid();
  }

  static RangeProof withBadResponse(RangeProof proof) {
    List<RangeProof.Branch> br = new ArrayList<>(proof.branches());
    RangeProof.Branch b = br.get(0);
    br.set(0, new RangeProof.Branch(b.a(), b.b(), b.c(), other(b.v())));
    return new RangeProof(br);
  }

  @Test
  void aBatchNamesExactlyTheProofsWhoseEquationsFail() {
    BatchVerifier<String> batch = new BatchVerifier<>(RANDOM);
    for (int i = 0; i < 20; i++) {
      SecretScalar r = SecretScalar.random(RANDOM);
      Ciphertext ct = ElGamal.encrypt(i % 2, r, KEY);
      RangeStatement st = RangeStatement.selection(HE, KEY, "b", "c", "s" + i, ct, 1);
      RangeProof proof = RangeProof.prove(st, i % 2, r, RANDOM);
      batch.add("s" + i, i == 13 || i == 4 ? withBadResponse(proof) : proof, st);
    }
    assertFalse(batch.hasRejected());
    assertEquals(List.of(new BatchVerifier.Failure<>("s4", "range proof equations do not hold"),
        new BatchVerifier.Failure<>("s13", "range proof equations do not hold")), batch.verify());
    assertThrows(IllegalStateException.class, batch::verify, "a batch verifies once");
  }

  @Test
  void aBatchOfMixedProofKindsHolds() {
    Digest hb = Hasher.tagged("test").string("base").digest();
    SecretScalar a = SecretScalar.random(RANDOM);
    SecretScalar s = SecretScalar.random(RANDOM);
    SecretScalar r = SecretScalar.random(RANDOM);
    Ciphertext ct = ElGamal.encrypt(1, r, KEY);
    RangeStatement range = RangeStatement.selection(HE, KEY, "b", "c", "s", ct, 1);
    DecryptionProof.Statement dst = new DecryptionProof.Statement(HE, KEY.element(), 1, Element.gPow(s), "c", "s",
        ct, ct.alpha().multiply(s));
    BatchVerifier<Integer> batch = new BatchVerifier<Integer>(RANDOM)
        .add(1, RangeProof.prove(range, 1, r, RANDOM), range)
        .add(2, RangeProof.prove(range, 1, r, RANDOM), RangeStatement.selection(HE, OTHER_KEY, "b", "c", "s", ct,
            1))
        .add(3, SchnorrProof.prove(hb, 1, 0, a, RANDOM), new SchnorrProof.Statement(hb, 1, 0, Element.gPow(a)))
        .add(4, DecryptionProof.prove(dst, s, RANDOM), dst);
    // Proof 2 is for another key: its challenge no longer matches, so it is rejected before any equation.
    assertTrue(batch.hasRejected());
    assertEquals(List.of(2), batch.verify().stream().map(BatchVerifier.Failure::label).toList());
    BatchVerifier<Integer> honest = new BatchVerifier<Integer>(RANDOM)
        .add(1, RangeProof.prove(range, 1, r, RANDOM), range)
        .add(3, SchnorrProof.prove(hb, 1, 0, a, RANDOM), new SchnorrProof.Statement(hb, 1, 0, Element.gPow(a)))
        .add(4, DecryptionProof.prove(dst, s, RANDOM), dst);
    assertEquals(List.of(), honest.verify());
  }

  @Test
  void knownAnswerProversAreNotPublic() throws Exception {
    for (Class<?> c : List.of(SchnorrProof.class, DecryptionProof.class)) {
      for (var m : c.getDeclaredMethods()) {
        if (m.getName().equals("prove") && java.lang.reflect.Modifier.isPublic(m.getModifiers())) {
          assertEquals(SecureRandom.class, m.getParameterTypes()[m.getParameterCount() - 1], m.toString());
        }
      }
    }
  }
}
