package org.evote.crypto.verify;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.evote.crypto.ballot.EncryptedBallot;
import org.evote.crypto.board.EntryPayload;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.tally.EncryptedTally;
import org.evote.crypto.tally.TallyAccumulator;

/**
 * The per-ballot steps — V8 (structure), V9, V10, V11 and, for challenged ballots, V13 — on worker threads, in
 * batches: while one batch is verified the next is read and decoded, with at most one batch in flight. Each
 * worker's chunk is verified {@link #COMBINED} ballots at a time with one combination of their proofs (§4.5,
 * batches across ballots), with the same results as one ballot at a time. Sums the
 * cast ballots that pass for V14. Not thread-safe: one thread adds ballots.
 */
final class BallotBatches implements AutoCloseable {
  private static final int BATCH = 128;
  /**
   * Ballots whose proofs are checked in one combination ({@link BallotVerifier#verifyAll}): the cost per ballot
   * falls as the multi-scalar multiplication grows, little beyond a few tens of ballots; a combination of county
   * ballots (about 300 points each) stays a few MiB, and a bad ballot makes only its own combination's ballots be
   * verified again one by one.
   */
  static final int COMBINED = 64;

  /** A ballot to verify: board position, the ballot, and its disclosure if it was challenged. */
  private record Pending(long sequence, EncryptedBallot ballot, EntryPayload.BallotChallenged challenge) {}

  private final ElectionConfig config;
  private final SecureRandom random;
  private final int threads;
  private final StepLog log;
  private final TallyAccumulator sum;
  private final List<Pending> pending = new ArrayList<>();
  private final List<Future<TallyAccumulator>> inFlight = new ArrayList<>();
  private ExecutorService pool;

  BallotBatches(ElectionConfig config, SecureRandom random, int threads, StepLog log) {
    this.config = config;
    this.random = random;
    this.threads = threads;
    this.log = log;
    this.sum = new TallyAccumulator(config.manifest());
  }

  /** Queues the ballot of entry {@code sequence}; {@code challenge} is null for a cast ballot. */
  void add(long sequence, EncryptedBallot ballot, EntryPayload.BallotChallenged challenge) {
    pending.add(new Pending(sequence, ballot, challenge));
    if (pending.size() >= BATCH * threads) {
      flush();
    }
  }

  /** Verifies what is queued and waits for every batch; then {@link #castSum} is final. */
  void finish() {
    flush();
    drain();
  }

  /** The homomorphic sum of the cast ballots verified so far that passed. */
  EncryptedTally castSum() {
    return sum.result();
  }

  private void flush() {
    drain();
    if (pending.isEmpty()) {
      return;
    }
    List<Pending> work = new ArrayList<>(pending);
    pending.clear();
    if (threads == 1) {
      sum.merge(verify(work));
      return;
    }
    if (pool == null) {
      pool = Executors.newFixedThreadPool(threads, r -> {
        Thread t = new Thread(r, "record-verifier");
        t.setDaemon(true);
        return t;
      });
    }
    int chunks = Math.min(threads, work.size());
    for (int t = 0; t < chunks; t++) {
      List<Pending> mine = work.subList(t * work.size() / chunks, (t + 1) * work.size() / chunks);
      inFlight.add(pool.submit(() -> verify(mine)));
    }
  }

  private void drain() {
    try {
      for (Future<TallyAccumulator> f : inFlight) {
        sum.merge(f.get());
      }
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("verification interrupted", ex);
    } catch (Exception ex) {
      throw new IllegalStateException("ballot verification failed unexpectedly", ex);
    } finally {
      inFlight.clear();
    }
  }

  private TallyAccumulator verify(List<Pending> chunk) {
    BallotVerifier verifier = new BallotVerifier(config, random);
    ChallengedBallotCheck challenges = new ChallengedBallotCheck(config);
    TallyAccumulator partial = new TallyAccumulator(config.manifest());
    List<VerificationResult> results = new ArrayList<>(chunk.size());
    for (int from = 0; from < chunk.size(); from += COMBINED) {
      List<Pending> part = chunk.subList(from, Math.min(chunk.size(), from + COMBINED));
      results.addAll(verifier.verifyAll(part.stream().map(Pending::ballot).toList()));
    }
    for (int i = 0; i < chunk.size(); i++) {
      Pending p = chunk.get(i);
      String object = "entry " + p.sequence();
      VerificationResult r = results.get(i);
      log.step(Step.V9_SELECTION_PROOFS).checked(1);
      log.step(Step.V10_CONTEST_PROOFS).checked(1);
      log.step(Step.V11_CONFIRMATION_CODES).checked(1);
      if (r instanceof VerificationResult.Invalid inv) {
        log.step(inv.step()).fail(object + " " + inv.object(), inv.reason());
        continue;
      }
      if (p.challenge() != null) {
        log.step(Step.V13_CHALLENGED_BALLOTS).checked(1);
        VerificationResult c = challenges.check(p.ballot(), p.challenge().seed(), p.challenge().plaintext());
        if (c instanceof VerificationResult.Invalid inv) {
          log.step(Step.V13_CHALLENGED_BALLOTS).fail(object + " " + inv.object(), inv.reason());
        }
      } else {
        partial.add(p.ballot());
      }
    }
    return partial;
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
      pool = null;
    }
  }
}
