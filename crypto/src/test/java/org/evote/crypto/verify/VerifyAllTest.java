package org.evote.crypto.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.evote.crypto.ballot.BallotSeed;
import org.evote.crypto.ballot.EncryptedBallot;
import org.evote.crypto.ballot.EncryptedContest;
import org.evote.crypto.ballot.EncryptedSelection;
import org.evote.crypto.group.Scalar;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.proof.RangeProof;
import org.evote.crypto.testing.DeterministicRandom;
import org.evote.crypto.testing.TestElection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link BallotVerifier#verifyAll}: one combination over many ballots' proofs gives, ballot by ballot, exactly what
 * {@link BallotVerifier#verify} gives — with bad ballots first, in the middle, last, several together, of every kind
 * of failure — and a hostile batch costs at most one more per-ballot pass (counted in the weights drawn).
 */
class VerifyAllTest {
  static final SecureRandom RANDOM = new DeterministicRandom("verify all");
  static TestElection election;
  static List<EncryptedBallot> honest;
  static List<EncryptedBallot> fourteen;

  /** The ways a ballot can be bad, each failing at a different point of {@link BallotVerifier#verify}. */
  enum Bad {
    /** V8: a contest missing. */
    STRUCTURE(b -> new EncryptedBallot(b.ballotId(), b.styleId(), b.kioskId(), b.timestamp(), b.previousCode(),
        b.contests().subList(1, b.contests().size()), b.confirmationCode())),
    /** V9, before any equation: a branch challenge changed, so they no longer sum to the Fiat–Shamir challenge. */
    SELECTION_CHALLENGE(b -> editSelection(b, 1, p -> editBranch(p, br -> new RangeProof.Branch(br.a(), br.b(),
        br.c().add(Scalar.ONE), br.v())))),
    /** V9 in the equations: a response changed (the challenges still sum right). */
    SELECTION_EQUATION(b -> editSelection(b, 1, p -> editBranch(p, br -> new RangeProof.Branch(br.a(), br.b(),
        br.c(), br.v().add(Scalar.ONE))))),
    /** V10 in the equations. */
    CONTEST_EQUATION(b -> editContest(b, c -> new EncryptedContest(c.contestId(), c.selections(),
        editBranch(c.proof(), br -> new RangeProof.Branch(br.a(), br.b(), br.c(), br.v().add(Scalar.ONE))), c.ranks(), c.writeIns(),
        c.contestHash()))),
    /** V11: proofs all hold, the contest hash does not. */
    CONTEST_HASH(b -> editContest(b, c -> new EncryptedContest(c.contestId(), c.selections(), c.proof(), c.ranks(), c.writeIns(),
        Digest.ZERO)));

    final UnaryOperator<EncryptedBallot> edit;

    Bad(UnaryOperator<EncryptedBallot> edit) {
      this.edit = edit;
    }
  }

  @BeforeAll
  static void setUp() {
    election = new TestElection(TestElection.manifest("manifest-small.json"), 3, 2, RANDOM);
    fourteen = new ArrayList<>();
    String style = election.manifest.ballotStyles().get(0).id();
    for (int i = 0; i < 14; i++) {
      fourteen.add(election.encrypt("kiosk-1", election.randomPlaintext("kiosk-1-b" + i, style),
          BallotSeed.random(RANDOM), Digest.ZERO));
    }
    honest = fourteen.subList(0, 7);
  }

  @ParameterizedTest
  @EnumSource(Bad.class)
  void aBadBallotFirstInTheMiddleOrLastIsNamedAloneAsVerifyNamesIt(Bad bad) {
    BallotVerifier verifier = new BallotVerifier(election.config, RANDOM);
    for (int position : new int[] {0, honest.size() / 2, honest.size() - 1}) {
      List<EncryptedBallot> batch = new ArrayList<>(honest);
      batch.set(position, bad.edit.apply(batch.get(position)));
      List<VerificationResult> together = verifier.verifyAll(batch);
      assertEquals(oneAtATime(verifier, batch), together, bad + " at " + position);
      for (int i = 0; i < batch.size(); i++) {
        assertEquals(i != position, together.get(i).isValid(), bad + " at " + position + ": ballot " + i);
      }
    }
  }

  @Test
  void severalBadBallotsOfEveryKindInOneBatchAreEachNamed() {
    BallotVerifier verifier = new BallotVerifier(election.config, RANDOM);
    List<EncryptedBallot> batch = new ArrayList<>(fourteen);
    Bad[] kinds = Bad.values();
    List<Integer> bad = List.of(0, 3, 4, 8, 13);
    for (int k = 0; k < bad.size(); k++) {
      batch.set(bad.get(k), kinds[k % kinds.length].edit.apply(batch.get(bad.get(k))));
    }
    List<VerificationResult> together = verifier.verifyAll(batch);
    assertEquals(oneAtATime(verifier, batch), together);
    for (int i = 0; i < batch.size(); i++) {
      assertEquals(!bad.contains(i), together.get(i).isValid(), "ballot " + i + ": " + together.get(i));
    }
    // the ballots renamed after encryption fail too (their proofs bind the ballot id): all bad, all named
    List<EncryptedBallot> renamed = honest.stream().map(b -> withId(b, b.ballotId() + "y")).toList();
    List<VerificationResult> all = verifier.verifyAll(renamed);
    assertEquals(oneAtATime(verifier, renamed), all);
    assertTrue(all.stream().noneMatch(VerificationResult::isValid));
  }

  @Test
  void anHonestBatchAndAnEmptyOneVerify() {
    BallotVerifier verifier = new BallotVerifier(election.config, RANDOM);
    assertEquals(List.of(), verifier.verifyAll(List.of()));
    assertTrue(verifier.verifyAll(honest).stream().allMatch(VerificationResult::isValid));
    assertEquals(List.of(VerificationResult.VALID), verifier.verifyAll(honest.subList(2, 3)));
  }

  /**
   * Hostile batches cost at most twice the work of verifying the same ballots one at a time: the combination, then
   * at most one per-ballot pass. Counted by the weights drawn (one 128-bit weight per equation put into any
   * combination, the per-ballot ones included); the equations checked one by one are those of the bad ballots
   * only, as with {@code verify}. An honest batch costs one pass.
   */
  @Test
  void aHostileBatchCostsAtMostOneMorePassThanBallotsOneAtATime() {
    List<List<EncryptedBallot>> hostile = new ArrayList<>();
    hostile.add(honest);
    for (Bad bad : Bad.values()) {
      hostile.add(honest.stream().map(bad.edit).toList()); // every ballot bad
      List<EncryptedBallot> alternating = new ArrayList<>(honest);
      for (int i = 0; i < alternating.size(); i += 2) {
        alternating.set(i, bad.edit.apply(alternating.get(i)));
      }
      hostile.add(alternating);
      List<EncryptedBallot> lastBad = new ArrayList<>(honest);
      lastBad.set(lastBad.size() - 1, bad.edit.apply(lastBad.get(lastBad.size() - 1)));
      hostile.add(lastBad);
    }
    for (List<EncryptedBallot> batch : hostile) {
      CountingRandom alone = new CountingRandom();
      List<VerificationResult> expected = oneAtATime(new BallotVerifier(election.config, alone), batch);
      CountingRandom together = new CountingRandom();
      assertEquals(expected, new BallotVerifier(election.config, together).verifyAll(batch));
      assertTrue(together.weights <= 2 * alone.weights, together.weights + " weights against " + alone.weights
          + " one at a time");
      if (expected.stream().allMatch(VerificationResult::isValid)) {
        // Weights are drawn 64 at a time, so each pass is counted in whole draws: one combination over all the
        // ballots never draws more than the ballots one at a time.
        assertTrue(together.weights <= alone.weights, "an honest batch: one pass, " + together.weights
            + " weights against " + alone.weights);
      }
    }
    assertFalse(hostile.isEmpty());
  }

  private static List<VerificationResult> oneAtATime(BallotVerifier verifier, List<EncryptedBallot> batch) {
    return batch.stream().map(verifier::verify).toList();
  }

  /** Counts the 128-bit weights drawn (16 bytes each), with a reproducible stream. */
  static final class CountingRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final DeterministicRandom inner = new DeterministicRandom("counting");
    long weights;

    @Override
    public synchronized void nextBytes(byte[] bytes) {
      weights += bytes.length / 16;
      inner.nextBytes(bytes);
    }
  }

  private static EncryptedBallot withId(EncryptedBallot b, String id) {
    return new EncryptedBallot(id, b.styleId(), b.kioskId(), b.timestamp(), b.previousCode(), b.contests(),
        b.confirmationCode());
  }

  private static EncryptedBallot editContest(EncryptedBallot b, UnaryOperator<EncryptedContest> edit) {
    List<EncryptedContest> contests = new ArrayList<>(b.contests());
    contests.set(0, edit.apply(contests.get(0)));
    return new EncryptedBallot(b.ballotId(), b.styleId(), b.kioskId(), b.timestamp(), b.previousCode(), contests,
        b.confirmationCode());
  }

  private static EncryptedBallot editSelection(EncryptedBallot b, int index, UnaryOperator<RangeProof> edit) {
    return editContest(b, c -> {
      List<EncryptedSelection> sels = new ArrayList<>(c.selections());
      EncryptedSelection s = sels.get(index);
      sels.set(index, new EncryptedSelection(s.selectionId(), s.ciphertext(), edit.apply(s.proof())));
      return new EncryptedContest(c.contestId(), sels, c.proof(), c.ranks(), c.writeIns(), c.contestHash());
    });
  }

  private static RangeProof editBranch(RangeProof p, UnaryOperator<RangeProof.Branch> edit) {
    List<RangeProof.Branch> branches = new ArrayList<>(p.branches());
    branches.set(0, edit.apply(branches.get(0)));
    return new RangeProof(branches);
  }
}
