package org.evote.server.board;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.evote.crypto.ballot.EncryptedBallot;
import org.evote.crypto.verify.BallotVerifier;
import org.evote.crypto.verify.VerificationResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The board's batching stage (protocol §4.5, "Batches across ballots"; docs/architecture.md): request threads hand
 * it decoded, signature-checked ballots and wait for each one's verdict, which is exactly {@link
 * BallotVerifier#verify}'s. At most {@code workers} threads (one per core) each take what is queued — up to
 * {@link #MAX_BATCH} ballots, waiting at most {@link #MAX_WAIT_NANOS} for more only while other ballots are still
 * being decoded, so a lone submission is never held back — and verify them with {@link BallotVerifier#verifyAll}:
 * one combination of all their proofs; if it fails, each ballot alone, so a bad ballot is named with the reason
 * {@code verify} gives and never causes a good one to be refused, and a failing batch costs at most one more
 * per-ballot pass. A kiosk that had a ballot fail is verified alone from then on (until the server restarts), so
 * one bad kiosk cannot make the others' batches fall back again and again. Threads are made when there is work and
 * end after 30 s idle; {@link #close} stops the stage with the server.
 */
final class BallotBatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BallotBatcher.class);
  /** The most ballots verified in one combination. */
  static final int MAX_BATCH = 32;
  /**
   * The longest a worker waits for ballots still being decoded before verifying what it has: 5 ms, about the time
   * one ballot takes to decode, so that under load the ballots being decoded join the batch.
   */
  static final long MAX_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

  private static final long SLICE_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

  /** A ballot waiting for its verdict; {@code kioskId} is the authenticated kiosk that sent it. */
  private record Pending(String kioskId, EncryptedBallot ballot, CompletableFuture<VerificationResult> verdict) {}

  private final BallotVerifier verifier;
  private final int workers;
  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  /** Workers running or about to run; never more than {@link #workers}. */
  private final AtomicInteger active = new AtomicInteger();
  /** Ballots being decoded right now, on their way here. */
  private final AtomicInteger decoding = new AtomicInteger();
  /** Kiosks that sent a ballot that failed: theirs are verified alone. At most one entry per registered kiosk. */
  private final Set<String> verifiedAlone = ConcurrentHashMap.newKeySet();
  private final ThreadPoolExecutor pool;
  private final long maxWaitNanos;
  private final Object statsLock = new Object();
  private long ballotsSeen;
  private long batchesSeen;
  private int largest;
  private long batchesFailed;
  private long aloneSeen;
  private volatile boolean closed;

  /** A stage of {@code workers} threads, batches waiting at most {@link #MAX_WAIT_NANOS}. */
  BallotBatcher(BallotVerifier verifier, int workers) {
    this(verifier, workers, MAX_WAIT_NANOS);
  }

  /** As above, waiting at most {@code maxWaitNanos} for ballots being decoded (tests set it long). */
  BallotBatcher(BallotVerifier verifier, int workers, long maxWaitNanos) {
    if (workers < 1 || maxWaitNanos < 0) {
      throw new IllegalArgumentException("at least one worker, and no negative wait");
    }
    this.verifier = verifier;
    this.workers = workers;
    this.maxWaitNanos = maxWaitNanos;
    AtomicInteger names = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(workers, workers, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
      Thread t = new Thread(r, "ballot-verifier-" + names.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    pool.allowCoreThreadTimeOut(true);
  }

  /**
   * A ballot on its way, being decoded: a worker forming a batch may wait (at most {@link #MAX_WAIT_NANOS}) until it
   * is handed in with {@link Arrival#verify} or {@link Arrival#withdraw withdrawn}. One thread uses it.
   */
  final class Arrival {
    private boolean pending = true;

    private Arrival() {
      decoding.incrementAndGet();
    }

    /**
     * The ballot's verdict, exactly {@link BallotVerifier#verify}'s; waits for its batch.
     *
     * @throws Refusal {@code board_unavailable} if the board is shutting down (nothing was stored: retry later)
     */
    VerificationResult verify(String kioskId, EncryptedBallot ballot) {
      if (!pending) {
        throw new IllegalStateException("this arrival was already handed in or withdrawn");
      }
      Pending p = new Pending(kioskId, ballot, new CompletableFuture<>());
      try {
        if (closed) {
          throw shuttingDown();
        }
        queue.add(p); // queued before the count drops, so a waiting worker never misses it
      } finally {
        withdraw();
      }
      startWorker();
      return await(p);
    }

    /** No ballot will come from this arrival (refused before, or not to be verified); idempotent. */
    void withdraw() {
      if (pending) {
        pending = false;
        decoding.decrementAndGet();
      }
    }
  }

  /** Announces a ballot being decoded. */
  Arrival announce() {
    return new Arrival();
  }

  /** Counts since the start, for the log and tests: ballots, batches, the largest, those with a failed ballot. */
  record Stats(long ballots, long batches, int largest, long batchesWithFailure, long verifiedAlone) {}

  Stats stats() {
    synchronized (statsLock) {
      return new Stats(ballotsSeen, batchesSeen, largest, batchesFailed, aloneSeen);
    }
  }

  private VerificationResult await(Pending p) {
    if (closed) {
      failQueued();
    }
    try {
      return p.verdict().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw shuttingDown();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Starts a worker if fewer than {@link #workers} are running. */
  private void startWorker() {
    if (!claimWorker()) {
      return;
    }
    try {
      pool.execute(this::work);
    } catch (RejectedExecutionException e) { // closed meanwhile
      active.decrementAndGet();
      failQueued();
    }
  }

  private boolean claimWorker() {
    while (true) {
      int a = active.get();
      if (a >= workers) {
        return false;
      }
      if (active.compareAndSet(a, a + 1)) {
        return true;
      }
    }
  }

  /** A worker: batches until the queue is empty. */
  private void work() {
    while (true) {
      List<Pending> batch = take();
      if (batch.isEmpty()) {
        active.decrementAndGet();
        // A ballot queued after the last poll, whose thread saw every worker busy, must not be left waiting.
        if (queue.isEmpty() || !claimWorker()) {
          return;
        }
        continue;
      }
      verifyBatch(batch);
    }
  }

  /** What is queued, up to {@link #MAX_BATCH}, waiting at most {@link #MAX_WAIT_NANOS} for ballots being decoded. */
  private List<Pending> take() {
    Pending first = queue.poll();
    if (first == null) {
      return List.of();
    }
    List<Pending> batch = new ArrayList<>();
    batch.add(first);
    queue.drainTo(batch, MAX_BATCH - 1);
    long deadline = System.nanoTime() + maxWaitNanos;
    try {
      while (batch.size() < MAX_BATCH && decoding.get() > 0 && !closed) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        // In slices, so that a ballot withdrawn (or queued just before its count dropped) ends the wait at once.
        Pending next = queue.poll(Math.min(left, SLICE_NANOS), TimeUnit.NANOSECONDS);
        if (next != null) {
          batch.add(next);
          queue.drainTo(batch, MAX_BATCH - batch.size());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return batch;
  }

  private void verifyBatch(List<Pending> batch) {
    List<Pending> together = new ArrayList<>(batch.size());
    for (Pending p : batch) {
      if (verifiedAlone.contains(p.kioskId())) {
        count(1, false, true);
        complete(p, () -> verifier.verify(p.ballot()));
      } else {
        together.add(p);
      }
    }
    if (together.isEmpty()) {
      return;
    }
    List<VerificationResult> results;
    try {
      results = verifier.verifyAll(together.stream().map(Pending::ballot).toList());
    } catch (RuntimeException e) {
      // Not expected for any decoded ballot; each alone, so one ballot's failure stays its own.
      for (Pending p : together) {
        complete(p, () -> verifier.verify(p.ballot()));
      }
      return;
    }
    boolean failed = false;
    for (int i = 0; i < together.size(); i++) {
      Pending p = together.get(i);
      VerificationResult r = results.get(i);
      if (!r.isValid()) {
        verifiedAlone.add(p.kioskId());
        failed = true;
      }
      p.verdict().complete(r);
    }
    count(together.size(), failed, false);
  }

  private void count(int ballots, boolean failed, boolean alone) {
    synchronized (statsLock) {
      ballotsSeen += ballots;
      batchesSeen++;
      largest = Math.max(largest, ballots);
      batchesFailed += failed ? 1 : 0;
      aloneSeen += alone ? 1 : 0;
    }
  }

  private void complete(Pending p, java.util.function.Supplier<VerificationResult> check) {
    try {
      VerificationResult r = check.get();
      if (!r.isValid()) {
        verifiedAlone.add(p.kioskId());
      }
      p.verdict().complete(r);
    } catch (RuntimeException e) {
      p.verdict().completeExceptionally(e);
    }
  }

  private void failQueued() {
    Pending p;
    while ((p = queue.poll()) != null) {
      p.verdict().completeExceptionally(shuttingDown());
    }
  }

  private static Refusal shuttingDown() {
    return new Refusal(Refusal.Unavailable.BOARD_UNAVAILABLE, "the board is shutting down; nothing was stored, "
        + "retry the same request later");
  }

  /** Stops the stage: ballots not yet taken are answered {@code board_unavailable}; batches underway finish. */
  @Override
  public void close() {
    closed = true;
    pool.shutdown();
    failQueued();
    try {
      if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      pool.shutdownNow();
    }
    failQueued();
    Stats s = stats();
    LOG.info("verified {} ballots in {} batches (the largest {}); {} batches had a ballot that failed; {} ballots of "
        + "kiosks that had one fail were verified alone", s.ballots(), s.batches(), s.largest(),
        s.batchesWithFailure(), s.verifiedAlone());
  }
}
