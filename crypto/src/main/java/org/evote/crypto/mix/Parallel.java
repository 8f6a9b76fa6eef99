package org.evote.crypto.mix;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Splits index ranges over a few threads for the shuffle's independent work (§13.2–§13.4). The result of every
 * caller is the same for any number of threads; only the time differs.
 */
final class Parallel {
  /** The work on indices [from, to). */
  interface Range {
    void run(int from, int to);
  }

  private Parallel() {}

  /** Runs {@code work} over [0, n) in {@code threads} contiguous chunks (at most n); 1 runs it on the caller. */
  static void run(int threads, int n, Range work) {
    int t = Math.max(1, Math.min(threads, n));
    if (t == 1) {
      work.run(0, n);
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(t - 1, r -> {
      Thread th = new Thread(r, "shuffle-worker");
      th.setDaemon(true);
      return th;
    });
    try {
      List<CompletableFuture<Void>> parts = new ArrayList<>();
      for (int k = 1; k < t; k++) {
        int from = (int) ((long) n * k / t);
        int to = (int) ((long) n * (k + 1) / t);
        parts.add(CompletableFuture.runAsync(() -> work.run(from, to), pool));
      }
      work.run(0, (int) ((long) n / t));
      for (CompletableFuture<Void> f : parts) {
        f.join();
      }
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw e;
    } finally {
      pool.shutdown();
    }
  }

  /** Runs independent tasks on up to {@code threads} threads. */
  static void tasks(int threads, List<Runnable> tasks) {
    run(threads, tasks.size(), (from, to) -> {
      for (int i = from; i < to; i++) {
        tasks.get(i).run();
      }
    });
  }
}
