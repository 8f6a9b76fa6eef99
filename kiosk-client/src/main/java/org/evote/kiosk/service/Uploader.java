package org.evote.kiosk.service;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.evote.board.client.BoardClient;
import org.evote.board.client.BoardRefusedException;
import org.evote.board.client.BoardUnavailableException;
import org.evote.board.client.ErrorCodes;
import org.evote.board.client.HeadCheck;
import org.evote.board.client.ReceiptCheck;
import org.evote.board.client.WitnessedHistory;
import org.evote.crypto.json.SignedSubmission;
import org.evote.crypto.keystore.KioskCredentials;
import org.evote.crypto.notice.ElectionNotice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox to the board in chain order, in the background (store-and-forward). A submission the board
 * could not be reached for is retried — the very same signed body and signature ({@link SignedSubmission}, read
 * back from the store), so the board either stores it once or returns its original receipt — with exponential
 * backoff from 1 s to 30 s; a new ballot wakes it at once. A refusal ({@link BoardRefusedException}: the board
 * answered 4xx about the request itself) is never retried: the ballot is marked refused with its reason — with the
 * board's record of the refusal if its receipt passes the refusal check, so that the kiosk's chain continues
 * through it — the poll workers' alarm is raised, and the uploader goes on to the next ballot. A refusal without a
 * record breaks the kiosk's chain on the board: the alarm then blocks new ballots ({@link Status#chainBreak},
 * {@link ChainBrokenException}). Only {@link BoardUnavailableException} (no answer, a 5xx, an answer about the
 * transport — a body cut off as too slow or incomplete, 429 — or an unreadable answer) is retried.
 *
 * <p>A 200 answer is believed only if it passes {@link ReceiptCheck} (protocol §9.7) under the board key pinned in
 * the kiosk's credentials, and its signed head passes {@link HeadCheck} against the head the kiosk kept (a
 * consistency proof from it). A receipt that fails leaves the ballot queued (never marked uploaded, so never shown as
 * on the board), raises an {@link Alarm} for the poll workers, is logged, and is retried with the same backoff as an
 * unreachable board. A receipt that checks under a head that does not (a rolled-back or forked board) marks the
 * ballot {@link KioskStore.Status#DISPUTED disputed} — kept with its receipt as evidence, never shown as on the
 * board — raises the alarm and goes on to the next ballot, so that every ballot still reaches the board.
 *
 * <p>At start-up, then every audit interval until the board reports the polls closed, the same thread runs the
 * {@link BoardAudit}: the board's latest head is checked against the kept one, and every uploaded ballot is looked
 * up on the board; one the board no longer has is queued again and posted again. The board's latest head is also
 * checked at the end of every round that uploaded a ballot. With an election notice the audit also holds the
 * board's witness-cosigned checkpoint to the kept head, and goes on after the polls close until every uploaded
 * ballot is covered by a cosigned checkpoint (or a bounded number of audits has passed, and it alarms).
 */
public final class Uploader implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Uploader.class);
  static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
  /** How often the kiosk audits the board while the polls are open, unless told otherwise. */
  public static final Duration AUDIT_INTERVAL = Duration.ofMinutes(2);

  private final KioskStore store;
  private final BoardClient board;
  private final Thread thread;
  private final Object signal = new Object();
  private volatile boolean running = true;
  private volatile boolean reachable = true;
  private volatile String lastProblem = "";
  /**
   * How many attempts found the board unreachable or answered with a receipt (or head) that failed its check; a waiter
   * stops waiting when it grows.
   */
  private final java.util.concurrent.atomic.AtomicLong unreachableAttempts = new java.util.concurrent.atomic.AtomicLong();
  private boolean kicked;

  /**
   * What the poll workers see: how many ballots wait, whether the board answers, the last problem (English, for
   * logs), and the alarm: a board alarm (a head that failed its check, a ballot the board lost) stays until the
   * kiosk restarts; a receipt alarm stays until a receipt passes again. A board alarm is shown before a receipt one.
   * {@code refused} counts the ballots the board refused (each listed, with its reason, by
   * {@link KioskStore#refused()}); {@code chainBreak}, the first of them refused without a record — while present
   * no new ballot is started, and the alarm names it (also after a restart).
   */
  public record Status(long pending, boolean boardReachable, String lastProblem, Optional<Alarm> alarm,
      long refused, Optional<RefusedBallot> chainBreak) {}

  private final ReceiptCheck check;
  private final BoardAudit audit;
  private final Duration auditInterval;
  private final BoardClock boardClock;
  private volatile Optional<Alarm> receiptAlarm = Optional.empty();
  private volatile Optional<Alarm> boardAlarm = Optional.empty();
  private boolean auditing = true;
  private long nextAudit = System.nanoTime();
  private boolean uploadedSinceHeadPoll;

  /** Uploads {@code store}'s outbox to {@code board}, auditing the board every {@link #AUDIT_INTERVAL}. */
  public Uploader(KioskStore store, BoardClient board, KioskCredentials credentials) {
    this(store, board, credentials, AUDIT_INTERVAL);
  }

  /**
   * Uploads {@code store}'s outbox to {@code board}, believing only receipts and heads that check under the
   * credentials, and auditing the board every {@code auditInterval} while the polls are open.
   */
  public Uploader(KioskStore store, BoardClient board, KioskCredentials credentials, Duration auditInterval) {
    this(store, board, credentials, auditInterval, Optional.empty());
  }

  /**
   * As {@link #Uploader(KioskStore, BoardClient, KioskCredentials, Duration)}; with an election {@code notice}
   * (which must name the credentials' election, board key and checkpoint key), the audit also holds the board's
   * witness-cosigned checkpoints to the kept head and, after the polls close, checks that every uploaded ballot is
   * covered by one (protocol §9.7).
   *
   * @throws IllegalArgumentException if the notice is of another election or names other board keys
   */
  public Uploader(KioskStore store, BoardClient board, KioskCredentials credentials, Duration auditInterval,
      Optional<ElectionNotice> notice) {
    this(store, board, credentials, auditInterval, notice, new BoardClock(Clock.systemUTC()));
  }

  /**
   * As {@link #Uploader(KioskStore, BoardClient, KioskCredentials, Duration, Optional)}, measuring the kiosk's
   * {@code boardClock} against the board's time with every status poll (the kiosk dates its ballots by it).
   */
  public Uploader(KioskStore store, BoardClient board, KioskCredentials credentials, Duration auditInterval,
      Optional<ElectionNotice> notice, BoardClock boardClock) {
    notice.ifPresent(n -> requireSameBoard(n, credentials));
    if (auditInterval.isNegative() || auditInterval.isZero()) {
      throw new IllegalArgumentException("the audit interval must be positive");
    }
    this.store = store;
    this.board = board;
    this.auditInterval = auditInterval;
    this.audit = new BoardAudit(store, board, credentials, notice.map(n -> new WitnessedHistory(n.witnessPolicy())),
        this::raise, Clock.systemUTC(), boardClock);
    this.boardClock = boardClock;
    this.check = audit.receiptCheck();
    this.thread = new Thread(this::run, "kiosk-uploader");
    thread.setDaemon(true);
  }

  private static void requireSameBoard(ElectionNotice n, KioskCredentials c) {
    if (!n.extendedHash().equals(c.electionHash())) {
      throw new IllegalArgumentException("the notice is for election " + n.extendedHash().toHex() + ", not "
          + c.electionHash().toHex());
    }
    if (!n.boardKey().equals(c.boardKey()) || !n.checkpointKey().equals(c.checkpointKey())) {
      throw new IllegalArgumentException("the notice names other board keys than those pinned in the kiosk's "
          + "credentials");
    }
  }

  private void raise(Alarm a) {
    if (a instanceof Alarm.ReceiptFailed) {
      receiptAlarm = Optional.of(a);
    } else {
      boardAlarm = Optional.of(a);
    }
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

  /**
   * With an election notice, after the polls closed: true once the audit found every uploaded ballot covered by a
   * checkpoint the notice's witness quorum cosigned, false once it alarmed about ballots not covered; empty before.
   */
  public Optional<Boolean> witnessedCoverage() {
    return audit.covered();
  }

  /** The kiosk's reckoning of the board's time, measured with every status poll. */
  public BoardClock boardClock() {
    return boardClock;
  }

  public Status status() {
    Optional<RefusedBallot> chainBreak = store.chainBreak();
    Optional<Alarm> alarm = boardAlarm.or(() -> receiptAlarm).or(() -> chainBreak.map(r -> new Alarm.BallotRefused(
        r.ballotId(), r.reason(), false, "ballot " + r.ballotId() + " refused by the board (" + r.reason()
        + ") without a record: no new ballot is started")));
    return new Status(store.pendingCount(), reachable, lastProblem, alarm, store.refusedCount(), chainBreak);
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
      if (auditing && System.nanoTime() - nextAudit >= 0) {
        runAudit();
        continue;
      }
      Optional<KioskStore.Outgoing> next = store.nextPending();
      if (next.isEmpty()) {
        if (uploadedSinceHeadPoll) {
          pollHead();
          continue;
        }
        pause(auditing ? min(Duration.ofSeconds(5), Duration.ofNanos(Math.max(1, nextAudit - System.nanoTime())))
            : Duration.ofSeconds(5));
        continue;
      }
      KioskStore.Outgoing o = next.get();
      SignedSubmission sent;
      try {
        sent = SignedSubmission.fromStored(o.kind(), o.body());
      } catch (RuntimeException e) {
        // Only a damaged store gets here: the kiosk wrote the submission itself. Never sent; shown as refused.
        store.markRefused(o.id(), "unreadable_submission", "unreadable stored submission: " + e.getMessage(),
            Optional.empty());
        lastProblem = "ballot " + o.ballotId() + ": its stored submission is unreadable";
        LOG.error("ballot {}: its stored submission is unreadable ({}); it is not sent", o.ballotId(),
            e.getMessage());
        notifyWaiters();
        continue;
      }
      String unreachable;
      try {
        ReceiptCheck.Result result = check.check(sent, board.submitForReceipt(sent));
        reachable = true;
        if (result instanceof ReceiptCheck.Valid valid) {
          Optional<HeadCheck.Consistent> head = audit.believe(valid.receipt().signedHead(), HeadCheck.Shown.ANY);
          if (head.isPresent()) {
            store.markUploaded(o.id(), valid, head.get());
            lastProblem = "";
            receiptAlarm = Optional.empty();
            backoff = FIRST_BACKOFF;
            uploadedSinceHeadPoll = true;
            LOG.info("ballot {} is on the board at sequence {}", o.ballotId(), valid.receipt().sequence());
            notifyWaiters();
            continue;
          }
          String why = "the head of the board's receipt failed its check: " + boardAlarm.map(Alarm::reason)
              .orElse("");
          store.markDisputed(o.id(), valid, why);
          lastProblem = "ballot " + o.ballotId() + " is disputed: " + why;
          LOG.error("ballot {} is not believed to be on the board ({}); its receipt is kept as evidence and the "
              + "kiosk goes on to the next ballot", o.ballotId(), why);
          unreachableAttempts.incrementAndGet();
          notifyWaiters();
          continue;
        } else {
          ReceiptCheck.Invalid invalid = (ReceiptCheck.Invalid) result;
          raise(new Alarm.ReceiptFailed(o.ballotId(), invalid.failure(), invalid.reason()));
          lastProblem = "the board's receipt for ballot " + o.ballotId() + " failed its check ("
              + invalid.failure() + "): " + invalid.reason();
          LOG.error("ALARM: the board's receipt for ballot {} failed its check ({}): {}; the ballot stays queued, "
              + "retrying in {} s", o.ballotId(), invalid.failure(), invalid.reason(), backoff.toSeconds());
        }
        unreachableAttempts.incrementAndGet();
        notifyWaiters();
        pause(backoff);
        backoff = next(backoff);
        continue;
      } catch (BoardRefusedException f) {
        if (f.error().is(ErrorCodes.CHAIN_BROKEN) && auditing && runAudit() > 0) {
          // the board lost earlier ballots of this chain: they are queued again and go first
          LOG.warn("ballot {} does not continue the board's copy of the kiosk's chain: the board lost earlier "
              + "ballots, which are posted again first", o.ballotId());
          continue;
        }
        reachable = true;
        try {
          refused(o, f);
          notifyWaiters();
          continue;
        } catch (BoardUnavailableException u) {
          // the refusal's head could not be checked: the ballot stays queued, and the board answers the same
          // request with the same refusal and its original receipt
          unreachable = u.getMessage();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          unreachable = "interrupted";
        }
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

  /** The board refused {@code o} for good ({@link BoardAudit#refused}); the uploader goes on to the next ballot. */
  private void refused(KioskStore.Outgoing o, BoardRefusedException f) throws BoardUnavailableException,
      InterruptedException {
    lastProblem = audit.refused(o, f).reason();
  }

  /**
   * The audit ({@link BoardAudit#audit}); an unreachable board is asked again at the next interval. Returns how
   * many uploaded ballots were found lost and queued again.
   */
  private int runAudit() {
    nextAudit = System.nanoTime() + auditInterval.toNanos();
    int[] requeued = {0};
    try {
      BoardAudit.Outcome outcome = audit.audit(lost -> {
        requeued[0] = lost;
        if (lost > 0) {
          lastProblem = lost + " uploaded ballot(s) no longer on the board: posting them again";
        }
      });
      reachable = true;
      uploadedSinceHeadPoll = false;
      if (outcome == BoardAudit.Outcome.POLLS_CLOSED) {
        auditing = false;
        LOG.info("the board reports the polls closed: the kiosk stops auditing it");
      } else if (outcome == BoardAudit.Outcome.AWAITING_COSIGNATURES) {
        LOG.info("the polls are closed; the kiosk audits again for the witnesses' cosignatures");
      }
    } catch (BoardRefusedException e) {
      LOG.warn("the board refused the audit's request: {}", e.code());
    } catch (BoardUnavailableException e) {
      reachable = false;
      LOG.warn("the audit could not reach the board ({}); trying again in {} ms", e.getMessage(),
          auditInterval.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
    notifyWaiters();
    return requeued[0];
  }

  /** The board's latest head at the end of an upload round. */
  private void pollHead() {
    uploadedSinceHeadPoll = false;
    try {
      audit.pollHead();
    } catch (BoardRefusedException | BoardUnavailableException e) {
      LOG.warn("the board's latest head could not be read: {}", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
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
        signal.wait(Math.max(1, d.toMillis()));
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
