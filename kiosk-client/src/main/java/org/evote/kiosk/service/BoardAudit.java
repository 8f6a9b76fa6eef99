package org.evote.kiosk.service;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.evote.board.client.BoardClient;
import org.evote.board.client.BoardReceipt;
import org.evote.board.client.BoardRefusedException;
import org.evote.board.client.BoardStatus;
import org.evote.board.client.BoardUnavailableException;
import org.evote.board.client.HeadCheck;
import org.evote.board.client.ReceiptCheck;
import org.evote.board.client.WitnessedHistory;
import org.evote.crypto.board.SignedHead;
import org.evote.crypto.json.BoardJson;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.keystore.KioskCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's watch on the board (protocol §9.7): every head it is shown is checked with {@link HeadCheck} against
 * the head kept in the {@link KioskStore}, and believed (kept) only if consistent; and the audit asks the board,
 * for every uploaded ballot by its full confirmation code, whether it still has it — one it no longer has is put
 * back in the queue to be posted again. With an election notice ({@link WitnessedHistory}), every audit also checks
 * the board's quorum-cosigned checkpoint against the kept head, and once the polls are closed the audit goes on
 * until every uploaded ballot is covered by a quorum-cosigned checkpoint — or, after {@link #COVERAGE_ROUNDS} more
 * audits, alarms naming the ballots not covered. A failure raises an {@link Alarm}, is logged and recorded in the
 * store with its evidence. Not thread-safe: the uploader's thread runs it.
 */
final class BoardAudit {
  private static final Logger LOG = LoggerFactory.getLogger(BoardAudit.class);
  private final KioskStore store;
  private final BoardClient board;
  private final ReceiptCheck receipts;
  private final HeadCheck heads;
  private final Consumer<Alarm> alarm;
  private final Clock clock;
  /** The failed heads already alarmed about (failure, size, root), so that each is recorded and logged once. */
  private final java.util.Set<String> alarmed = new java.util.HashSet<>();
  private static final int MAX_REMEMBERED = 10_000;
  /** How many audits after the one that found the polls closed wait for cosigning before alarming. */
  static final int COVERAGE_ROUNDS = 5;
  private final Optional<WitnessedHistory> witnessed;
  private final BoardClock boardClock;
  private int roundsSinceClose = -1;
  private volatile Optional<Boolean> covered = Optional.empty();

  /**
   * What an audit found of the polls: still open; closed, with every uploaded ballot covered by a quorum-cosigned
   * checkpoint (or no notice); closed, still waiting for cosignatures (audit again).
   */
  enum Outcome { POLLS_OPEN, POLLS_CLOSED, AWAITING_COSIGNATURES }

  BoardAudit(KioskStore store, BoardClient board, KioskCredentials credentials, Consumer<Alarm> alarm, Clock clock) {
    this(store, board, credentials, Optional.empty(), alarm, clock, new BoardClock(clock));
  }

  /** An audit that also checks the board's witnessed history against {@code witnessed}, if given (a notice). */
  BoardAudit(KioskStore store, BoardClient board, KioskCredentials credentials, Optional<WitnessedHistory> witnessed,
      Consumer<Alarm> alarm, Clock clock, BoardClock boardClock) {
    this.boardClock = Objects.requireNonNull(boardClock, "boardClock");
    this.witnessed = Objects.requireNonNull(witnessed, "witnessed");
    this.store = Objects.requireNonNull(store, "store");
    this.board = Objects.requireNonNull(board, "board");
    this.receipts = new ReceiptCheck(credentials.electionHash(), credentials.boardKey(),
        credentials.checkpointKey());
    this.heads = new HeadCheck(credentials.electionHash(), credentials.boardKey());
    this.alarm = Objects.requireNonNull(alarm, "alarm");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * With a notice, after the polls closed: true once every uploaded ballot was found covered by a quorum-cosigned
   * checkpoint, false once the kiosk alarmed about ballots not covered; empty before (or without a notice).
   */
  Optional<Boolean> covered() {
    return covered;
  }

  ReceiptCheck receiptCheck() {
    return receipts;
  }

  /**
   * Checks {@code shown} against the kept head; keeps it if it advanced. Returns the consistent result, or empty
   * after raising the alarm (the kept head stays).
   */
  Optional<HeadCheck.Consistent> believe(SignedHead shown, HeadCheck.Shown claim)
      throws BoardUnavailableException, InterruptedException {
    Optional<SignedHead> kept = store.keptHead();
    HeadCheck.Result r = heads.check(kept, shown, claim, board);
    if (r instanceof HeadCheck.Consistent c) {
      return Optional.of(c);
    }
    HeadCheck.Invalid invalid = (HeadCheck.Invalid) r;
    String key = invalid.failure() + ":" + shown.size() + ":" + shown.merkleRoot().toHex() + ":"
        + shown.signature().hex();
    if (alarmed.size() < MAX_REMEMBERED && !alarmed.add(key)) {
      return Optional.empty(); // already alarmed, recorded and logged
    }
    JsonObject evidence = JsonText.object().add("kept", kept.<JsonValue>map(BoardJson::encode)
        .orElse(JsonValue.NULL)).add("shown", BoardJson.encode(shown)).build();
    store.recordAlarm(now(), "head", Optional.empty(), invalid.failure().name(), invalid.reason(),
        evidence.toString());
    LOG.error("ALARM: the board's head failed its check ({}): {}; the kiosk keeps the head of size {}",
        invalid.failure(), invalid.reason(), kept.map(SignedHead::size).orElse(0L));
    alarm.accept(new Alarm.HeadFailed(invalid.failure(), invalid.reason()));
    return Optional.empty();
  }

  /** Polls the board's latest head and checks it (keeping it if consistent and newer). */
  void pollHead() throws BoardRefusedException, BoardUnavailableException, InterruptedException {
    Optional<SignedHead> latest = board.head();
    if (latest.isPresent()) {
      believe(latest.get(), HeadCheck.Shown.LATEST).ifPresent(store::keepHead);
    }
  }

  /**
   * The audit: the board's status (its time measures the kiosk's {@link BoardClock}) and latest head, then each uploaded ballot looked up by its full confirmation
   * code (and each refusal the board recorded, which is never posted again). Returns how many ballots were put back
   * in the queue through {@code requeued}; {@link Outcome#POLLS_CLOSED}
   * once the board reports the polls closed (no more audits are needed: no ballot can be added).
   */
  Outcome audit(Consumer<Integer> requeued)
      throws BoardRefusedException, BoardUnavailableException, InterruptedException {
    long sent = boardClock.localMillis();
    BoardStatus status = board.status();
    long received = boardClock.localMillis();
    boardTime(status).ifPresent(t -> boardClock.measured(t, sent, received));
    if (status.signedHead().isPresent()) {
      believe(status.signedHead().get(), HeadCheck.Shown.LATEST).ifPresent(store::keepHead);
    }
    if (witnessed.isPresent() && store.keptHead().isPresent()) {
      checkWitnessed(witnessed.get(), store.keptHead().get());
    }
    boolean closed = status.polls() == BoardStatus.Polls.CLOSED;
    java.util.List<String> notCovered = new java.util.ArrayList<>();
    String whyNot = "";
    int lost = 0;
    for (KioskStore.Outgoing o : store.uploaded()) {
      Optional<BoardReceipt> found;
      try {
        found = board.receipt(o.confirmationCode());
      } catch (BoardUnavailableException e) {
        if (e.status().isPresent() && e.status().getAsInt() == 200) {
          receiptFailed(o, ReceiptCheck.Failure.MALFORMED, "the board's look-up answer is not a receipt");
          notCovered.add(o.ballotId());
          continue;
        }
        throw e;
      }
      if (found.isEmpty()) {
        String why = "the board no longer has ballot " + o.ballotId() + " (its receipt was checked at upload)";
        store.requeue(o.id(), "BALLOT_LOST", why, now());
        LOG.error("ALARM: {}; it is queued to be posted again", why);
        alarm.accept(new Alarm.BallotLost(o.ballotId(), why));
        lost++;
        continue;
      }
      ReceiptCheck.Result r = receipts.check(o.kind(), o.body(), found.get());
      if (r instanceof ReceiptCheck.Invalid invalid) {
        receiptFailed(o, invalid.failure(), invalid.reason());
        notCovered.add(o.ballotId());
        continue;
      }
      believe(found.get().signedHead(), HeadCheck.Shown.ANY).ifPresent(store::keepHead);
      if (closed && witnessed.isPresent()
          && witnessed.get().covers(found.get()) instanceof WitnessedHistory.Coverage.NotCovered n) {
        notCovered.add(o.ballotId());
        whyNot = n.reason();
      }
    }
    auditRefused();
    requeued.accept(lost);
    if (!closed) {
      return Outcome.POLLS_OPEN;
    }
    return coverage(notCovered, whyNot, lost);
  }

  /**
   * Each refusal the board recorded is looked up by its code and its receipt checked again with the refusal check:
   * found, it is present — a refused ballot is never posted again; the board no longer having the record raises the
   * alarm (it dropped a link of the kiosk's chain), as does a record that fails its check.
   */
  private void auditRefused() throws BoardUnavailableException, InterruptedException {
    for (KioskStore.Outgoing o : store.recordedRefusals()) {
      Optional<BoardReceipt> found;
      try {
        found = board.receipt(o.confirmationCode());
      } catch (BoardRefusedException e) {
        LOG.warn("the board refused the look-up of refused ballot {}: {}", o.ballotId(), e.code());
        continue;
      } catch (BoardUnavailableException e) {
        if (e.status().isPresent() && e.status().getAsInt() == 200) {
          receiptFailed(o, ReceiptCheck.Failure.MALFORMED, "the board's look-up answer is not a receipt");
          continue;
        }
        throw e;
      }
      if (found.isEmpty()) {
        String why = "the board no longer has the record of refused ballot " + o.ballotId();
        if (alarmed.size() < MAX_REMEMBERED && alarmed.add("refusal-lost:" + o.ballotId())) {
          store.recordAlarm(now(), "audit", Optional.of(o.ballotId()), "REFUSAL_LOST", why, o.receipt().orElse("{}"));
          LOG.error("ALARM: {}", why);
          alarm.accept(new Alarm.BallotLost(o.ballotId(), why));
        }
        continue;
      }
      ReceiptCheck.Result r = receipts.checkRefusal(o.kind(), o.body(), o.refusal().orElse(""), found.get());
      if (r instanceof ReceiptCheck.Invalid invalid) {
        receiptFailed(o, invalid.failure(), invalid.reason());
        continue;
      }
      believe(found.get().signedHead(), HeadCheck.Shown.ANY).ifPresent(store::keepHead);
    }
  }

  /**
   * The board refused {@code o} for good: a refusal the board recorded (its receipt passes the refusal check, its
   * head checks 6–8) marks the ballot refused with that receipt, and the kiosk's chain on the board continues
   * through it; a refusal without a record (or whose record fails its check) marks it refused without one — the
   * kiosk's chain on the board stops there, and no new ballot is started ({@link KioskStore#chainBreak}). Either
   * way the alarm is raised and recorded, and the ballot stays listed for the poll workers.
   *
   * @throws BoardUnavailableException if the head's consistency could not be asked (the ballot stays queued: the
   *     board answers the same request with the same refusal)
   */
  Alarm.BallotRefused refused(KioskStore.Outgoing o, BoardRefusedException f)
      throws BoardUnavailableException, InterruptedException {
    Optional<String> record = Optional.empty();
    Optional<HeadCheck.Consistent> head = Optional.empty();
    String why = "the board refused it without a record";
    if (f.recordedReceipt().isPresent()) {
      ReceiptCheck.Result r = receipts.checkRefusal(o.kind(), o.body(), f.code(), f.recordedReceipt().get());
      if (r instanceof ReceiptCheck.Valid valid) {
        head = believe(valid.receipt().signedHead(), HeadCheck.Shown.ANY);
        if (head.isPresent()) {
          record = Optional.of(valid.receipt().json().toString());
          why = "the refusal is recorded on the board at sequence " + valid.receipt().sequence();
        } else {
          why = "the board's record of the refusal is under a head that failed its check";
        }
      } else {
        ReceiptCheck.Invalid invalid = (ReceiptCheck.Invalid) r;
        why = "the board's record of the refusal failed its check (" + invalid.failure() + "): " + invalid.reason();
      }
    }
    store.markRefused(o.id(), f.code(), f.error().message(), record);
    head.ifPresent(store::keepHead);
    String reason = "ballot " + o.ballotId() + " refused by the board (" + f.code() + "): " + why;
    store.recordAlarm(now(), "refusal", Optional.of(o.ballotId()), f.code(), reason, record.orElse("{}"));
    LOG.error("ALARM: ballot {} refused by the board ({} {}): {}; {}{}", o.ballotId(), f.status(), f.code(),
        f.error().message(), why, record.isPresent() ? "" : "; the kiosk's chain on the board stops before it, so "
        + "no new ballot is started on this kiosk");
    Alarm.BallotRefused a = new Alarm.BallotRefused(o.ballotId(), f.code(), record.isPresent(), reason);
    alarm.accept(a);
    return a;
  }

  /** The coverage check after the polls closed: done, or wait for cosigning, or (after the bound) alarm. */
  private Outcome coverage(java.util.List<String> notCovered, String whyNot, int lost) {
    if (witnessed.isEmpty() || (notCovered.isEmpty() && lost == 0)) {
      if (witnessed.isPresent()) {
        covered = Optional.of(true);
        LOG.info("every uploaded ballot of this kiosk is covered by a checkpoint the witness quorum cosigned");
      }
      return Outcome.POLLS_CLOSED;
    }
    roundsSinceClose++;
    if (roundsSinceClose < COVERAGE_ROUNDS) {
      LOG.info("{} uploaded ballot(s) not yet covered by a quorum-cosigned checkpoint ({}); asking again at the next "
          + "audit", notCovered.size(), whyNot);
      return Outcome.AWAITING_COSIGNATURES;
    }
    String reason = notCovered.size() + " uploaded ballot(s) not covered by a quorum-cosigned checkpoint after the "
        + "polls closed (" + whyNot + "): " + String.join(", ", notCovered);
    jakarta.json.JsonArrayBuilder ballots = JsonText.array();
    notCovered.forEach(ballots::add);
    store.recordAlarm(now(), "witness", Optional.empty(), "NOT_COVERED", reason,
        JsonText.object().add("ballots", ballots).build().toString());
    LOG.error("ALARM: {}", reason);
    covered = Optional.of(false);
    alarm.accept(new Alarm.NotCovered(notCovered, reason));
    return Outcome.POLLS_CLOSED;
  }

  /** The board's cosigned checkpoint against the kept head; an alarm (once per checkpoint) if it differs. */
  private void checkWitnessed(WitnessedHistory rule, SignedHead kept)
      throws BoardRefusedException, BoardUnavailableException, InterruptedException {
    WitnessedHistory.Result r = rule.check(kept, board);
    if (r instanceof WitnessedHistory.Result.NotWitnessed n) {
      LOG.info("the board's checkpoint is not witnessed yet: {}", n.reason());
      return;
    }
    if (!(r instanceof WitnessedHistory.Result.Invalid invalid)) {
      return;
    }
    String key = "witness:" + invalid.failure() + ":" + kept.size() + ":" + invalid.reason();
    if (alarmed.size() < MAX_REMEMBERED && !alarmed.add(key)) {
      return;
    }
    jakarta.json.JsonObjectBuilder evidence = JsonText.object().add("kept", BoardJson.encode(kept));
    invalid.checkpoint().ifPresent(n -> evidence.add("checkpoint", n.format()));
    store.recordAlarm(now(), "witness", Optional.empty(), invalid.failure().name(), invalid.reason(),
        evidence.build().toString());
    LOG.error("ALARM: the board's witnessed history failed its check ({}): {}", invalid.failure(), invalid.reason());
    alarm.accept(new Alarm.WitnessFailed(invalid.failure(), invalid.reason()));
  }

  private void receiptFailed(KioskStore.Outgoing o, ReceiptCheck.Failure failure, String reason) {
    store.recordAlarm(now(), "receipt", Optional.of(o.ballotId()), failure.name(), reason, "{}");
    LOG.error("ALARM: the board's look-up receipt for ballot {} failed its check ({}): {}", o.ballotId(), failure,
        reason);
    alarm.accept(new Alarm.ReceiptFailed(o.ballotId(), failure, reason));
  }

  /** The board's time in its status answer. */
  static java.util.OptionalLong boardTime(BoardStatus status) {
    return java.util.OptionalLong.of(status.time());
  }

  private long now() {
    return clock.millis() / 1000;
  }
}
