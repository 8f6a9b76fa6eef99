package org.evote.kiosk.service;

import java.time.Duration;
import java.util.Optional;
import org.evote.board.client.BoardClient;
import org.evote.board.client.BoardRefusedException;
import org.evote.board.client.BoardUnavailableException;
import org.evote.board.client.ReceiptCheck;
import org.evote.crypto.keystore.KioskCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox to the board in chain order, in the background (store-and-forward). A submission the board
 * could not be reached for is retried — the very same signed body, so the board either stores it once or returns
 * its original receipt — with exponential backoff from 1 s to 30 s; a new ballot wakes it at once. A refusal
 * ({@link BoardRefusedException}: the board answered 4xx) is recorded and reported to the poll workers; it is
 * never retried. Only {@link BoardUnavailableException} (no answer, a 5xx, an unreadable answer) is retried.
 *
 * <p>A 200 answer is believed only if it passes {@link ReceiptCheck} (protocol §9.7) under the board key pinned in
 * the kiosk's credentials. One that fails leaves the ballot queued (never marked uploaded, so never shown as on the
 * board), raises a {@link ReceiptAlarm} for the poll workers, is logged, and is retried with the same backoff as
 * an unreachable board.
 */
public final class Uploader implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Uploader.class);
  static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private final KioskStore store;
  private final BoardClient board;
  private final Thread thread;
  private final Object signal = new Object();
  private volatile boolean running = true;
  private volatile boolean reachable = true;
  private volatile String lastProblem = "";
  /**
   * How many attempts found the board unreachable or answered with a receipt that failed its check; a waiter
   * stops waiting when it grows.
   */
  private final java.util.concurrent.atomic.AtomicLong unreachableAttempts = new java.util.concurrent.atomic.AtomicLong();
  private boolean kicked;

  /**
   * What the poll workers see: how many ballots wait, whether the board answers, the last problem (English, for
   * logs), and the alarm of the last receipt that failed its check, until a receipt passes again.
   */
  public record Status(long pending, boolean boardReachable, String lastProblem,
      Optional<ReceiptAlarm> receiptAlarm) {}

  /** The board answered ballot {@code ballotId} with a receipt that failed check {@code failure}. */
  public record ReceiptAlarm(String ballotId, ReceiptCheck.Failure failure, String reason) {}

  private final ReceiptCheck check;
  private volatile Optional<ReceiptAlarm> alarm = Optional.empty();

  /** Uploads {@code store}'s outbox to {@code board}, believing only receipts that check under the credentials. */
  public Uploader(KioskStore store, BoardClient board, KioskCredentials credentials) {
    this.store = store;
    this.board = board;
    this.check = new ReceiptCheck(credentials.electionHash(), credentials.boardKey());
    this.thread = new Thread(this::run, "kiosk-uploader");
    thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  /** Wakes the uploader (a ballot was queued, or a poll worker asked to retry now). */
  public void kick() {
    synchronized (signal) {
      kicked = true;
      signal.notifyAll();
    }
  }

  /**
   * Waits until every one of {@code uploaders}' outboxes is empty (true) or {@code timeout} has passed (false),
   * asking them all to retry now every {@code poll} (robots and the demo at the end of voting).
   */
  public static boolean awaitEmpty(java.util.Collection<Uploader> uploaders, Duration timeout, Duration poll)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (uploaders.stream().anyMatch(u -> u.store.pendingCount() > 0)) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      uploaders.forEach(Uploader::kick);
      Thread.sleep(poll.toMillis());
    }
    return true;
  }

  public Status status() {
    return new Status(store.pendingCount(), reachable, lastProblem, alarm);
  }

  /**
   * Waits up to {@code timeout} for outbox item {@code id} to leave the PENDING state; returns empty at once if an
   * attempt to send it found the board unreachable or its receipt failed the check (the voter then gets an
   * "upload pending" receipt).
   */
  public Optional<KioskStore.Outgoing> awaitResult(long id, Duration timeout) throws InterruptedException {
    long failuresBefore = unreachableAttempts.get();
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (signal) {
      while (true) {
        Optional<KioskStore.Outgoing> o = store.byId(id);
        if (o.isPresent() && o.get().status() != KioskStore.Status.PENDING) {
          return o;
        }
        if (unreachableAttempts.get() > failuresBefore) {
          return Optional.empty();
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return Optional.empty();
        }
        signal.wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  private void run() {
    Duration backoff = FIRST_BACKOFF;
    while (running) {
      Optional<KioskStore.Outgoing> next = store.nextPending();
      if (next.isEmpty()) {
        pause(Duration.ofSeconds(5));
        continue;
      }
      KioskStore.Outgoing o = next.get();
      String unreachable;
      try {
        ReceiptCheck.Result result = check.check(o.kind(), o.body(), board.submitForReceipt(o.kind(), o.body()));
        reachable = true;
        if (result instanceof ReceiptCheck.Valid valid) {
          store.markUploaded(o.id(), valid);
          lastProblem = "";
          alarm = Optional.empty();
          backoff = FIRST_BACKOFF;
          LOG.info("ballot {} is on the board at sequence {}", o.ballotId(), valid.receipt().sequence());
          notifyWaiters();
          continue;
        }
        ReceiptCheck.Invalid invalid = (ReceiptCheck.Invalid) result;
        alarm = Optional.of(new ReceiptAlarm(o.ballotId(), invalid.failure(), invalid.reason()));
        lastProblem = "the board's receipt for ballot " + o.ballotId() + " failed its check ("
            + invalid.failure() + "): " + invalid.reason();
        LOG.error("ALARM: the board's receipt for ballot {} failed its check ({}): {}; the ballot stays queued, "
            + "retrying in {} s", o.ballotId(), invalid.failure(), invalid.reason(), backoff.toSeconds());
        unreachableAttempts.incrementAndGet();
        notifyWaiters();
        pause(backoff);
        backoff = next(backoff);
        continue;
      } catch (BoardRefusedException f) {
        store.markRefused(o.id(), f.code() + ": " + f.error().message());
        reachable = true;
        lastProblem = "ballot " + o.ballotId() + " refused by the board: " + f.code();
        LOG.error("ballot {} refused by the board ({} {}): {}", o.ballotId(), f.status(), f.code(),
            f.error().message());
        notifyWaiters();
        continue;
      } catch (BoardUnavailableException u) {
        unreachable = u.getMessage();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        unreachable = "interrupted";
      }
      reachable = false;
      unreachableAttempts.incrementAndGet();
      lastProblem = "board unreachable: " + unreachable;
      LOG.warn("board unreachable ({}); {} ballot(s) waiting, retrying in {} s", unreachable, store.pendingCount(),
          backoff.toSeconds());
      notifyWaiters();
      pause(backoff);
      backoff = next(backoff);
    }
  }

  private static Duration next(Duration backoff) {
    return backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
  }

  private void notifyWaiters() {
    synchronized (signal) {
      signal.notifyAll();
    }
  }

  private void pause(Duration d) {
    synchronized (signal) {
      if (kicked) {
        kicked = false;
        return;
      }
      try {
        signal.wait(d.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      }
      kicked = false;
    }
  }

  /**
   * Stops the uploader; an upload in flight is abandoned (its ballot stays queued and is sent again, the same
   * request, next time), so that the outbox can be closed safely after this returns.
   */
  @Override
  public void close() {
    running = false;
    kick();
    thread.interrupt();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
