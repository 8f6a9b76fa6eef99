package org.evote.crypto.mix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.evote.crypto.elgamal.Ciphertext;
import org.evote.crypto.elgamal.ElectionPublicKey;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.Scalar;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.proof.ProofCheck;
import org.evote.crypto.testing.DeterministicRandom;
import org.junit.jupiter.api.Test;

/** Completeness and soundness checks of the proof of shuffle (§13.2–§13.4), batched and direct. */
class ShuffleProofTest {
  private static final int N = 7;
  private static final int W = 3;

  private final ShuffleFixture f = new ShuffleFixture(new DeterministicRandom("shuffle-proof-test"));
  private final SecureRandom weights = new DeterministicRandom("weights");
  private final List<MixRow> input = f.rows(N, W);
  private final Shuffler.Shuffled shuffled = new Shuffler(f.key).shuffle(input, f.random);
  private final ShuffleStatement statement = f.statement(input, shuffled.output());
  private final ShuffleProof proof = ShuffleProver.prove(statement, shuffled.witness(), f.random, 2);

  private void assertValid(ShuffleStatement st, ShuffleProof p) {
    assertEquals(ProofCheck.VALID, ShuffleVerifier.verify(st, p));
    assertEquals(ProofCheck.VALID, ShuffleVerifier.verify(st, p, weights, 2));
  }

  private String assertInvalid(ShuffleStatement st, ShuffleProof p) {
    ProofCheck direct = ShuffleVerifier.verify(st, p);
    ProofCheck batched = ShuffleVerifier.verify(st, p, weights, 2);
    assertInstanceOf(ProofCheck.Invalid.class, direct);
    assertEquals(direct, batched, "the batched check names the same failure as the direct one");
    return ((ProofCheck.Invalid) direct).reason();
  }

  @Test
  void anHonestShuffleIsAPermutationOfReEncryptionsAndItsProofHolds() {
    assertValid(statement, proof);
    Set<List<Element>> before = new HashSet<>();
    Set<List<Element>> after = new HashSet<>();
    for (int i = 0; i < N; i++) {
      before.add(input.get(i).ciphertexts().stream().map(f::decrypt).toList());
      after.add(shuffled.output().get(i).ciphertexts().stream().map(f::decrypt).toList());
      assertNotEquals(input.get(i), shuffled.output().get(i), "every ciphertext is re-encrypted");
    }
    assertEquals(before, after, "the same plaintext rows, rows kept together");
    for (int i = 0; i < N; i++) {
      assertEquals(input.get(shuffled.witness().source(i)).ciphertexts().stream().map(f::decrypt).toList(),
          shuffled.output().get(i).ciphertexts().stream().map(f::decrypt).toList());
    }
  }

  @Test
  void oneRowAndOneColumnWork() {
    List<MixRow> in = f.rows(1, 1);
    Shuffler.Shuffled s = new Shuffler(f.key).shuffle(in, f.random);
    ShuffleStatement st = f.statement(in, s.output());
    assertValid(st, ShuffleProver.prove(st, s.witness(), f.random));
  }

  @Test
  void manyThreadsGiveTheSameResultAsOne() {
    List<MixRow> again = Shuffler.apply(f.key, input, shuffled.witness(), 3);
    assertEquals(shuffled.output(), again);
  }

  private List<MixRow> replaceRow(List<MixRow> rows, int i, MixRow row) {
    List<MixRow> out = new ArrayList<>(rows);
    out.set(i, row);
    return out;
  }

  private MixRow replaceCiphertext(MixRow row, int j, Ciphertext c) {
    List<Ciphertext> cs = new ArrayList<>(row.ciphertexts());
    cs.set(j, c);
    return new MixRow(cs);
  }

  /** A cheating mixer: proves the honest shuffle, then publishes a changed output list under that proof. */
  private void outputChangedFails(List<MixRow> changed) {
    assertInvalid(f.statement(input, changed), proof);
  }

  /** A cheating mixer who proves the changed output with a witness that fits it everywhere else. */
  private void provedChangeFails(List<MixRow> changed) {
    ShuffleStatement st = f.statement(input, changed);
    ShuffleProof p = ShuffleProver.prove(st, shuffled.witness(), f.random);
    assertInvalid(st, p);
  }

  @Test
  void aDroppedRowReplacedByADuplicateFails() {
    List<MixRow> dup = replaceRow(shuffled.output(), 2, shuffled.output().get(3));
    outputChangedFails(dup);
    provedChangeFails(dup);
  }

  @Test
  void anAlteredCiphertextFails() {
    MixRow row = shuffled.output().get(4);
    Ciphertext c = row.ciphertexts().get(1);
    Ciphertext altered = new Ciphertext(c.alpha(), c.beta().add(Element.G)); // the plaintext + 1
    List<MixRow> changed = replaceRow(shuffled.output(), 4, replaceCiphertext(row, 1, altered));
    outputChangedFails(changed);
    provedChangeFails(changed);
  }

  @Test
  void aSubstitutedCiphertextFails() {
    MixRow row = shuffled.output().get(0);
    List<MixRow> changed = replaceRow(shuffled.output(), 0, replaceCiphertext(row, 2, f.encrypt(99)));
    outputChangedFails(changed);
    provedChangeFails(changed);
  }

  @Test
  void aDroppedRowChangesTheStatementsSizeAndFails() {
    List<MixRow> shorterIn = input.subList(0, N - 1);
    List<MixRow> shorterOut = shuffled.output().subList(0, N - 1);
    String reason = assertInvalid(f.statement(shorterIn, shorterOut), proof);
    assertTrue(reason.contains("rows"), reason);
  }

  @Test
  void swappedColumnsInsideARowFail() {
    MixRow row = shuffled.output().get(5);
    List<Ciphertext> cs = new ArrayList<>(row.ciphertexts());
    java.util.Collections.swap(cs, 0, 1);
    outputChangedFails(replaceRow(shuffled.output(), 5, new MixRow(cs)));
  }

  @Test
  void aProofReplayedIntoAnotherElectionPositionMixerOrContestFails() {
    Digest otherElection = Digest.of(new byte[32]);
    ElectionPublicKey otherKey = new ElectionPublicKey(f.key.element().add(Element.G));
    List<ShuffleStatement> replays = List.of(
        new ShuffleStatement(otherElection, f.key, "mayor", 1, 2, input, shuffled.output()),
        new ShuffleStatement(f.extendedHash, otherKey, "mayor", 1, 2, input, shuffled.output()),
        new ShuffleStatement(f.extendedHash, f.key, "council", 1, 2, input, shuffled.output()),
        new ShuffleStatement(f.extendedHash, f.key, "mayor", 2, 2, input, shuffled.output()),
        new ShuffleStatement(f.extendedHash, f.key, "mayor", 1, 3, input, shuffled.output()));
    for (ShuffleStatement st : replays) {
      assertInvalid(st, proof);
    }
  }

  @Test
  void swappingInputAndOutputFails() {
    assertInvalid(f.statement(shuffled.output(), input), proof);
  }

  private ShuffleProof tamper(Function<Parts, Parts> change) {
    return change.apply(new Parts(proof)).build();
  }

  @Test
  void everyTamperedProofFieldFails() {
    Element x = Element.gPow(Scalar.of(12345));
    Scalar one = Scalar.ONE;
    List<ShuffleProof> tampered = List.of(
        tamper(p -> p.withCommitment(3, x)),
        tamper(p -> p.withChain(0, x)),
        tamper(p -> p.withChain(N - 1, x)),
        tamper(p -> { p.t1 = p.t1.add(Element.G); return p; }),
        tamper(p -> { p.t2 = p.t2.add(Element.G); return p; }),
        tamper(p -> { p.t3 = p.t3.add(Element.G); return p; }),
        tamper(p -> p.withT4(1, true, x)),
        tamper(p -> p.withT4(2, false, x)),
        tamper(p -> p.withTHat(4, x)),
        tamper(p -> { p.s1 = p.s1.add(one); return p; }),
        tamper(p -> { p.s2 = p.s2.add(one); return p; }),
        tamper(p -> { p.s3 = p.s3.add(one); return p; }),
        tamper(p -> p.withS4(0, p.s4.get(0).add(one))),
        tamper(p -> p.withSHat(6, p.sHat.get(6).add(one))),
        tamper(p -> p.withSPrime(2, p.sPrime.get(2).add(one))));
    Set<String> reasons = new HashSet<>();
    for (ShuffleProof t : tampered) {
      reasons.add(assertInvalid(statement, t));
    }
    assertTrue(reasons.size() > 3, "the failures name different equations: " + reasons);
  }

  @Test
  void theVerifierRejectsAProofOfAnotherWidth() {
    List<MixRow> in = f.rows(N, W + 1);
    Shuffler.Shuffled s = new Shuffler(f.key).shuffle(in, f.random);
    String reason = assertInvalid(f.statement(in, s.output()), proof);
    assertTrue(reason.contains("width"), reason);
  }

  @Test
  void generatorsSharedByACascadeWorkAndThoseOfAnotherElectionAreRefused() {
    Generators.ShuffleGenerators longer = Generators.forShuffle(f.extendedHash, N + 5, 2);
    ShuffleProof p = ShuffleProver.prove(statement, shuffled.witness(), f.random, 1, longer);
    assertEquals(ProofCheck.VALID, ShuffleVerifier.verify(statement, p, weights, 1, longer));
    assertValid(statement, p);
    Generators.ShuffleGenerators other = Generators.forShuffle(Digest.of(new byte[32]), N);
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> ShuffleVerifier.verify(statement, p, weights, 1, other));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> ShuffleVerifier.verify(statement, p, weights, 1, Generators.forShuffle(f.extendedHash, N - 1)));
    // A proof made with another election's generators does not verify in this one.
    assertInvalid(statement, ShuffleProver.prove(statement, shuffled.witness(), f.random, 1, other));
  }

  @Test
  void theProofDoesNotDependOnTheNumberOfThreads() {
    ShuffleNonces nonces = ShuffleNonces.random(N, W, new DeterministicRandom("nonces"));
    ShuffleProof one = ShuffleProver.prove(statement, shuffled.witness(), nonces, 1);
    assertEquals(one, ShuffleProver.prove(statement, shuffled.witness(), nonces, 3));
    assertValid(statement, one);
  }

  @Test
  void twoOutputRowsSwappedAfterTheProofFail() {
    List<MixRow> swapped = new ArrayList<>(shuffled.output());
    java.util.Collections.swap(swapped, 1, 6);
    outputChangedFails(swapped);
  }

  @Test
  void aWitnessThatIsNotTheShufflesFails() {
    int[] other = new int[N];
    for (int i = 0; i < N; i++) {
      other[i] = shuffled.witness().source((i + 1) % N);
    }
    org.evote.crypto.group.SecretScalar[][] nonces = new org.evote.crypto.group.SecretScalar[N][W];
    for (int i = 0; i < N; i++) {
      for (int j = 0; j < W; j++) {
        nonces[i][j] = shuffled.witness().nonce((i + 1) % N, j);
      }
    }
    assertInvalid(statement, ShuffleProver.prove(statement, new ShuffleWitness(other, nonces), f.random));
  }

  @Test
  void aListOfMoreThanOneChunkVerifiesAndAnAlteredRowInTheSecondChunkFails() {
    List<MixRow> in = f.rows(1100, 1);
    Shuffler.Shuffled s = new Shuffler(f.key).shuffle(in, f.random, 2);
    ShuffleStatement st = f.statement(in, s.output());
    ShuffleProof p = ShuffleProver.prove(st, s.witness(), f.random, 2);
    assertEquals(ProofCheck.VALID, ShuffleVerifier.verify(st, p, weights, 2));
    Ciphertext c = s.output().get(1050).ciphertexts().get(0);
    List<MixRow> altered = replaceRow(s.output(), 1050,
        new MixRow(List.of(new Ciphertext(c.alpha().add(Element.G), c.beta()))));
    assertInstanceOf(ProofCheck.Invalid.class, ShuffleVerifier.verify(f.statement(in, altered), p, weights, 2));
  }

  @Test
  void theWitnessNeverPrints() {
    assertEquals("Shuffled[" + N + " rows, witness redacted]", shuffled.toString());
    assertEquals("ShuffleWitness[redacted]", shuffled.witness().toString());
  }

  /** Mutable copy of a proof's fields for tampering. */
  static final class Parts {
    List<Element> commitments;
    List<Element> chain;
    Element t1;
    Element t2;
    Element t3;
    List<Element> t4a;
    List<Element> t4b;
    List<Element> tHat;
    Scalar s1;
    Scalar s2;
    Scalar s3;
    List<Scalar> s4;
    List<Scalar> sHat;
    List<Scalar> sPrime;

    Parts(ShuffleProof p) {
      commitments = new ArrayList<>(p.permutationCommitments());
      chain = new ArrayList<>(p.chain());
      t1 = p.t1();
      t2 = p.t2();
      t3 = p.t3();
      t4a = new ArrayList<>(p.t4Alpha());
      t4b = new ArrayList<>(p.t4Beta());
      tHat = new ArrayList<>(p.tHat());
      s1 = p.s1();
      s2 = p.s2();
      s3 = p.s3();
      s4 = new ArrayList<>(p.s4());
      sHat = new ArrayList<>(p.sHat());
      sPrime = new ArrayList<>(p.sPrime());
    }

    Parts withCommitment(int i, Element e) {
      commitments.set(i, e);
      return this;
    }

    Parts withChain(int i, Element e) {
      chain.set(i, e);
      return this;
    }

    Parts withT4(int j, boolean alpha, Element e) {
      (alpha ? t4a : t4b).set(j, e);
      return this;
    }

    Parts withTHat(int i, Element e) {
      tHat.set(i, e);
      return this;
    }

    Parts withS4(int j, Scalar s) {
      s4.set(j, s);
      return this;
    }

    Parts withSHat(int i, Scalar s) {
      sHat.set(i, s);
      return this;
    }

    Parts withSPrime(int i, Scalar s) {
      sPrime.set(i, s);
      return this;
    }

    ShuffleProof build() {
      return new ShuffleProof(commitments, chain, t1, t2, t3, t4a, t4b, tHat, s1, s2, s3, s4, sHat, sPrime);
    }
  }
}
