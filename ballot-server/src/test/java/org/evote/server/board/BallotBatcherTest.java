package org.evote.server.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.evote.crypto.ballot.BallotSeed;
import org.evote.crypto.ballot.EncryptedBallot;
import org.evote.crypto.ballot.EncryptedContest;
import org.evote.crypto.ballot.EncryptedSelection;
import org.evote.crypto.group.Scalar;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.proof.RangeProof;
import org.evote.crypto.testing.TestElection;
import org.evote.crypto.verify.BallotVerifier;
import org.evote.crypto.verify.VerificationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The board's batching stage on its own, with the real verifier: ballots announced while being decoded are
 * verified in one combination; a bad one among them is named exactly as {@code verify} names it and no good one is
 * refused; its kiosk's later ballots are verified alone; a closed stage answers {@code board_unavailable}.
 */
class BallotBatcherTest {
  static final SecureRandom RANDOM = new SecureRandom();
  static TestElection election;
  static List<EncryptedBallot> ballots;

  @BeforeAll
  static void setUp() {
    election = new TestElection(TestElection.manifest("manifest-small.json"), 3, 2, RANDOM);
    ballots = new ArrayList<>();
    String style = election.manifest.ballotStyles().get(0).id();
    for (int i = 0; i < 9; i++) {
      String kiosk = "kiosk-" + i;
      ballots.add(election.encrypt(kiosk, election.randomPlaintext(kiosk + "-b", style), BallotSeed.random(RANDOM),
          Digest.ZERO));
    }
  }

  @Test
  @Timeout(60)
  void aBadBallotInABatchIsNamedAloneAndEveryGoodOneVerifies() throws Exception {
    BallotVerifier verifier = new BallotVerifier(election.config, RANDOM);
    List<EncryptedBallot> batch = new ArrayList<>(ballots.subList(0, 8));
    batch.set(5, badResponse(batch.get(5)));
    // A long wait: the worker waits for every announced ballot, so all eight are verified in one combination.
    try (BallotBatcher batcher = new BallotBatcher(verifier, 1, TimeUnit.SECONDS.toNanos(30))) {
      List<VerificationResult> verdicts = handInTogether(batcher, batch);
      assertEquals(batch.stream().map(verifier::verify).toList(), verdicts);
      for (int i = 0; i < batch.size(); i++) {
        assertEquals(i != 5, verdicts.get(i).isValid(), "ballot " + i + ": " + verdicts.get(i));
      }
      BallotBatcher.Stats s = batcher.stats();
      assertEquals(new BallotBatcher.Stats(8, 1, 8, 1, 0), s, "one combination of eight, which failed");

      // The kiosk of the bad ballot is verified alone from now on; the others are still batched.
      List<EncryptedBallot> next = List.of(ballots.get(8), batch.get(5), ballots.get(0));
      List<VerificationResult> later = handInTogether(batcher, next);
      assertEquals(next.stream().map(verifier::verify).toList(), later);
      s = batcher.stats();
      assertEquals(1, s.verifiedAlone());
      assertEquals(10, s.ballots() - s.verifiedAlone());
    }
  }

  @Test
  @Timeout(30)
  void aLoneBallotIsNotHeldBackAndAClosedStageRefusesWithBoardUnavailable() throws Exception {
    BallotVerifier verifier = new BallotVerifier(election.config, RANDOM);
    BallotBatcher batcher = new BallotBatcher(verifier, 2, TimeUnit.SECONDS.toNanos(30));
    // Nothing else being decoded: the 30 s wait never starts, the verdict comes at once (the test's timeout).
    assertTrue(batcher.announce().verify("kiosk-0", ballots.get(0)).isValid());
    BallotBatcher.Arrival withdrawn = batcher.announce();
    withdrawn.withdraw();
    assertTrue(batcher.announce().verify("kiosk-1", ballots.get(1)).isValid(), "a withdrawn arrival is not awaited");
    batcher.close();
    Refusal r = assertThrows(Refusal.class, () -> batcher.announce().verify("kiosk-2", ballots.get(2)));
    assertEquals(Refusal.Unavailable.BOARD_UNAVAILABLE.code(), r.code());
    assertFalse(r.getMessage().isEmpty());
  }

  /**
   * Hostile batches cost linear work: eight bad ballots from eight kiosks in one batch cost at most twice the work
   * of verifying them one at a time (the combination, then each alone), and the same kiosks' next bad ballots,
   * verified alone, exactly once. Work is counted in the 128-bit weights drawn: one per equation put into any
   * combination, the per-ballot ones included.
   */
  @Test
  @Timeout(60)
  void aBatchOfBadBallotsCostsAtMostOnePerBallotPassMore() throws Exception {
    List<EncryptedBallot> bad = ballots.subList(0, 8).stream().map(BallotBatcherTest::badResponse).toList();
    CountingRandom alone = new CountingRandom();
    BallotVerifier perBallot = new BallotVerifier(election.config, alone);
    List<VerificationResult> expected = bad.stream().map(perBallot::verify).toList();
    assertTrue(expected.stream().noneMatch(VerificationResult::isValid));
    CountingRandom counted = new CountingRandom();
    try (BallotBatcher batcher = new BallotBatcher(new BallotVerifier(election.config, counted), 1,
        TimeUnit.SECONDS.toNanos(30))) {
      assertEquals(expected, handInTogether(batcher, bad));
      assertEquals(1, batcher.stats().batches(), "one combination");
      long first = counted.weights();
      assertTrue(first <= 2 * alone.weights(), first + " weights against " + alone.weights() + " one at a time");
      assertEquals(expected, handInTogether(batcher, bad));
      assertEquals(alone.weights(), counted.weights() - first, "kiosks that had a ballot fail: verified alone");
    }
  }

  /** Counts the 128-bit weights drawn (16 bytes each) from the platform's SecureRandom. */
  static final class CountingRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final java.util.concurrent.atomic.AtomicLong weights = new java.util.concurrent.atomic.AtomicLong();

    @Override
    public void nextBytes(byte[] bytes) {
      weights.addAndGet(bytes.length / 16);
      RANDOM.nextBytes(bytes);
    }

    long weights() {
      return weights.get();
    }
  }

  /** Announces every ballot first (as request threads decoding them do), then hands them in from their threads. */
  private static List<VerificationResult> handInTogether(BallotBatcher batcher, List<EncryptedBallot> batch)
      throws Exception {
    List<BallotBatcher.Arrival> arrivals = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      arrivals.add(batcher.announce());
    }
    ExecutorService threads = Executors.newFixedThreadPool(batch.size());
    try {
      List<Future<VerificationResult>> verdicts = new ArrayList<>();
      for (int i = 0; i < batch.size(); i++) {
        BallotBatcher.Arrival a = arrivals.get(i);
        EncryptedBallot b = batch.get(i);
        verdicts.add(threads.submit(() -> a.verify(b.kioskId(), b)));
      }
      List<VerificationResult> out = new ArrayList<>();
      for (Future<VerificationResult> f : verdicts) {
        out.add(f.get());
      }
      return out;
    } finally {
      threads.shutdownNow();
    }
  }

  /** The ballot with one response of its first selection proof changed: its challenges still sum right. */
  static EncryptedBallot badResponse(EncryptedBallot b) {
    EncryptedContest c = b.contests().get(0);
    EncryptedSelection s = c.selections().get(0);
    List<RangeProof.Branch> br = new ArrayList<>(s.proof().branches());
    RangeProof.Branch b0 = br.get(0);
    br.set(0, new RangeProof.Branch(b0.a(), b0.b(), b0.c(), b0.v().add(Scalar.ONE)));
    List<EncryptedSelection> sels = new ArrayList<>(c.selections());
    sels.set(0, new EncryptedSelection(s.selectionId(), s.ciphertext(), new RangeProof(br)));
    List<EncryptedContest> contests = new ArrayList<>(b.contests());
    contests.set(0, new EncryptedContest(c.contestId(), sels, c.proof(), c.ranks(), c.writeIns(), c.contestHash()));
    return new EncryptedBallot(b.ballotId(), b.styleId(), b.kioskId(), b.timestamp(), b.previousCode(), contests,
        b.confirmationCode());
  }
}
