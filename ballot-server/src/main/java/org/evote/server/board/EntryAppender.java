package org.evote.server.board;

import java.time.Clock;
import java.util.Optional;
import org.evote.crypto.ballot.EncryptedBallot;
import org.evote.crypto.board.Admission;
import org.evote.crypto.board.BoardEntry;
import org.evote.crypto.board.BoardState;
import org.evote.crypto.board.EntryFacts;
import org.evote.crypto.board.EntryPayload;
import org.evote.crypto.board.RefusalReason;
import org.evote.crypto.board.SignedHead;
import org.evote.crypto.board.Violation;
import org.evote.crypto.json.BoardJson;
import org.evote.server.store.BallotRow;
import org.evote.server.store.BoardStore;
import org.evote.server.store.KioskRow;
import org.evote.server.store.RefusedRow;
import org.evote.server.store.WriteTransaction;

/**
 * Performs one {@link WriteCommand} inside the writer's open transaction: admits its entry with the board's rules
 * ({@link BoardState#admit}, refusing with the first broken rule), writes the entry and its index rows, and only
 * then moves the in-memory tree and rules' state ({@link BoardState#apply}), so a refusal by the database rolls
 * back to the task's savepoint with nothing else to undo. Writer thread only.
 */
final class EntryAppender {
  private final BoardView view;
  private final WriteTransaction tx;
  private final Clock clock;
  private final RefusalRecorder refusals;

  /** What a performed command gives its caller once the batch's head is committed. */
  interface Completion<R> {
    R complete(SignedHead head, long sizeBefore, BoardReads reads);
  }

  EntryAppender(BoardView view, WriteTransaction tx, Clock clock) {
    this.view = view;
    this.tx = tx;
    this.clock = clock;
    this.refusals = new RefusalRecorder(view, tx);
  }

  /** Performs the command; throws {@link Refusal} (nothing written) if the board refuses it. */
  @SuppressWarnings("unchecked") // each branch's result type is the one its command type declares
  <R> Completion<R> perform(WriteCommand<R> command) {
    if (command instanceof WriteCommand.AppendBallot b) {
      return (Completion<R>) ballot(b.submission());
    }
    BoardEntry e = control((WriteCommand.AdminCommand) command);
    return (head, sizeBefore, reads) -> (R) e;
  }

  private Completion<Receipt> ballot(VerifiedSubmission s) {
    EncryptedBallot b = s.ballot();
    Optional<BallotRow> previous = tx.ballotByRequest(b.kioskId(), s.requestId());
    if (previous.isPresent() && previous.get().submissionHash().equals(s.submissionHash().toHex())) {
      // An exact retry, possibly of a ballot stored earlier in this very batch: its original receipt.
      BallotRow row = previous.get();
      return (head, sizeBefore, reads) -> reads.receiptFirstCovering(row, head, sizeBefore, null);
    }
    Optional<RefusedRow> refusedBefore = tx.refusalByRequest(b.kioskId(), s.requestId());
    if (refusedBefore.isPresent() && refusedBefore.get().submissionHash().equals(s.submissionHash().toHex())) {
      // An exact retry of a refusal recorded earlier in this very batch: the same refusal, its original receipt.
      RefusedRow row = refusedBefore.get();
      return (head, sizeBefore, reads) -> {
        throw new Refusal(RefusalRecorder.reason(RefusalReason.fromWire(row.reason()).orElseThrow()), "ballot "
            + row.ballotId() + " was refused (" + row.reason() + ") and recorded at sequence " + row.sequence())
            .recordedAs(reads.refusalReceiptFirstCovering(row, head, sizeBefore, null));
      };
    }
    // Board time never follows a kiosk's: the entry is dated by the board's clock; a ballot dated after it breaks
    // BALLOT_NOT_AFTER_ENTRY and is recorded as refused (future_ballot).
    long timestamp = now();
    long sequence = view.last() == null ? 0 : view.last().sequence() + 1;
    Optional<RefusalRecorder.Decision> refuse = RefusalRecorder.decide(
        view.state().admit(s.facts(), sequence, timestamp, BoardState.Signature.VERIFIED_BY_CALLER), s.failedCheck());
    if (refuse.isPresent()) {
      return refusals.record(s, refuse.get(), timestamp);
    }
    BoardEntry e = BoardEntry.append(view.config().extendedHash(), view.last(), s.kind(), timestamp, s.payload());
    String code = b.confirmationCode().toHex();
    BallotRow row = new BallotRow(b.ballotId(), e.sequence(), b.kioskId(), s.requestId(), s.kind().wireName(), code,
        b.trackingCode(), s.submissionHash().toHex(), BoardStore.PENDING_HEAD, e.timestamp());
    BoardState.Kiosk k = view.state().kiosk(b.kioskId()).orElseThrow();
    tx.insertEntry(e);
    tx.insertBallot(row);
    tx.upsertKiosk(new KioskRow(k.kioskId(), k.publicKey().hex(), k.revoked(), Optional.of(code), b.timestamp(),
        view.state().chain(k.kioskId()).ballots() + 1));
    applied(e, s.facts());
    return (head, sizeBefore, reads) -> reads.receiptFirstCovering(row, head, sizeBefore, e);
  }

  private BoardEntry control(WriteCommand.AdminCommand command) {
    EntryPayload payload;
    if (command instanceof WriteCommand.OpenPolls) {
      payload = new EntryPayload.PollsOpened();
    } else if (command instanceof WriteCommand.ClosePolls) {
      payload = new EntryPayload.PollsClosed(view.state().closing());
    } else if (command instanceof WriteCommand.RegisterKiosk r) {
      payload = new EntryPayload.KioskRegistered(r.kioskId(), r.publicKey());
    } else if (command instanceof WriteCommand.RevokeKiosk r) {
      if (view.state().kiosk(r.kioskId()).map(BoardState.Kiosk::revoked).orElse(false)) {
        throw new Refusal(Refusal.Policy.KIOSK_ALREADY_REVOKED, "kiosk " + r.kioskId() + " is already revoked");
      }
      payload = new EntryPayload.KioskRevoked(r.kioskId(), r.reason());
    } else {
      payload = ((WriteCommand.PublishTally) command).tally();
    }
    EntryFacts facts = new EntryFacts.Control(payload);
    long timestamp = now();
    admit(facts, timestamp, BoardState.Signature.VERIFY);
    BoardEntry e = BoardEntry.append(view.config().extendedHash(), view.last(), payload.kind(), timestamp,
        BoardJson.payloadText(payload));
    tx.insertEntry(e);
    if (payload instanceof EntryPayload.KioskRegistered k) {
      tx.upsertKiosk(new KioskRow(k.kioskId(), k.publicKey().hex(), false, Optional.empty(), 0, 0));
    } else if (payload instanceof EntryPayload.KioskRevoked r) {
      BoardState.Kiosk k = view.state().kiosk(r.kioskId()).orElseThrow();
      BoardState.Chain c = view.state().chain(r.kioskId());
      tx.upsertKiosk(new KioskRow(k.kioskId(), k.publicKey().hex(), true,
          c.ballots() > 0 ? Optional.of(c.head().toHex()) : Optional.empty(), c.lastTime(), c.ballots()));
    }
    applied(e, facts);
    return e;
  }

  /** Refuses with the first rule the entry breaks; a ballot's signature was verified by the SubmissionChecker. */
  private void admit(EntryFacts facts, long timestamp, BoardState.Signature signature) {
    long sequence = view.last() == null ? 0 : view.last().sequence() + 1;
    if (view.state().admit(facts, sequence, timestamp, signature) instanceof Admission.Refused refused) {
      Violation first = refused.first();
      throw new Refusal(new Refusal.BrokenRule(first.rule()), first.reason());
    }
  }

  private void applied(BoardEntry e, EntryFacts facts) {
    view.appended(e);
    view.state().apply(facts, e.timestamp());
  }

  /** The board's clock in seconds, never before the last entry's time. */
  long now() {
    long t = clock.millis() / 1000;
    BoardEntry last = view.last();
    return last == null ? t : Math.max(t, last.timestamp());
  }
}
