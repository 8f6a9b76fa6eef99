package org.evote.server.board;

import java.util.Optional;
import org.evote.crypto.ballot.ConfirmationCodes;
import org.evote.crypto.board.Admission;
import org.evote.crypto.board.BoardEntry;
import org.evote.crypto.board.BoardState;
import org.evote.crypto.board.EntryFacts;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.board.RefusalReason;
import org.evote.crypto.board.Rule;
import org.evote.crypto.board.Violation;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.BoardJson;
import org.evote.crypto.json.CanonicalJson;
import org.evote.crypto.json.JsonText;
import org.evote.server.store.BoardStore;
import org.evote.server.store.KioskRow;
import org.evote.server.store.RefusedRow;
import org.evote.server.store.WriteTransaction;

/**
 * Refusal records (protocol §9.6): which refusals of an authenticated, decoded submission are recorded as a
 * {@code ballot_refused} entry ({@link #decide}), the writing of that entry and its index rows ({@link #record},
 * writer thread only), and the answer to an exact retry of a recorded refusal ({@link #answerRetry}): the same
 * refusal with the original receipt. A recorded refusal is answered with its receipt only once the entry is durable.
 */
final class RefusalRecorder {
  private final BoardView view;
  private final WriteTransaction tx;

  RefusalRecorder(BoardView view, WriteTransaction tx) {
    this.view = view;
    this.tx = tx;
  }

  /** A refusal to record: its reason, the message for the kiosk and the field to blame. */
  record Decision(RefusalReason reason, String message, String field) {}

  /**
   * What to do with a submission the rules admitted as {@code admission} and the checker found {@code failed}:
   * nothing (it is accepted), record a refusal (the first recordable rule it breaks, in the order of §9.6, else
   * the ballot check it failed), or — for a breach that is never recorded (polls, kiosk, request id, a broken
   * chain) — refuse it without an entry, by throwing.
   *
   * @throws Refusal for a refusal that is not recorded
   */
  static Optional<Decision> decide(Admission admission, Optional<VerifiedSubmission.CheckFailure> failed) {
    if (admission instanceof Admission.Refused refused) {
      for (Violation v : refused.violations()) {
        if (RefusalReason.of(v.rule()).isEmpty()) {
          throw new Refusal(new Refusal.BrokenRule(v.rule()), v.reason());
        }
      }
      Violation first = refused.first();
      return Optional.of(new Decision(RefusalReason.of(first.rule()).orElseThrow(), first.reason(),
          field(first.rule())));
    }
    return failed.map(f -> new Decision(f.reason(), f.message(), f.field()));
  }

  private static String field(Rule rule) {
    return switch (rule) {
      case BALLOT_ID_OF_KIOSK, BALLOT_ID_UNIQUE -> "payload.ballot.ballot_id";
      case CHAIN_TIME_NOT_BACKWARDS, BALLOT_NOT_AFTER_ENTRY -> "payload.ballot.timestamp";
      default -> "payload.ballot";
    };
  }

  /**
   * Appends the {@code ballot_refused} entry recording {@code s}, refused as {@code d}, at board time
   * {@code timestamp}, with its index rows, and moves the rules' state; the completion throws the refusal with the
   * entry's receipt once the batch is committed.
   */
  EntryAppender.Completion<Receipt> record(VerifiedSubmission s, Decision d, long timestamp) {
    EntryFacts.Refused facts = new EntryFacts.Refused(s.facts(), d.reason());
    long sequence = view.last() == null ? 0 : view.last().sequence() + 1;
    if (view.state().admit(facts, sequence, timestamp, BoardState.Signature.VERIFIED_BY_CALLER)
        instanceof Admission.Refused refused) { // cannot happen after decide(); never append a bad entry
      throw new Refusal(new Refusal.BrokenRule(refused.first().rule()), refused.first().reason());
    }
    String payload = BoardJson.refusedPayloadText(s.kind(), s.payload(), d.reason());
    BoardEntry e = BoardEntry.append(view.config().extendedHash(), view.last(), EntryKind.BALLOT_REFUSED, timestamp,
        payload);
    RefusedRow row = row(e, facts, s.submissionHash().toHex());
    BoardState.Kiosk k = view.state().kiosk(row.kioskId()).orElseThrow();
    BoardState.Chain chain = view.state().chain(row.kioskId());
    tx.insertEntry(e);
    tx.insertRefusal(row);
    tx.upsertKiosk(new KioskRow(k.kioskId(), k.publicKey().hex(), k.revoked(), Optional.of(row.confirmationCode()),
        chain.lastTime(), chain.ballots() + 1));
    view.appended(e);
    view.state().apply(facts, e.timestamp());
    Refusal refusal = new Refusal(reason(d.reason()), d.message() + " (recorded as refused at sequence "
        + e.sequence() + ")", d.field());
    return (head, sizeBefore, reads) -> {
      throw refusal.recordedAs(reads.refusalReceiptFirstCovering(row, head, sizeBefore, e));
    };
  }

  /**
   * Answers an exact retry of a recorded refusal ({@code earlier}, the refusal recorded under the submission's
   * kiosk and request id, if any) with the same refusal and its original receipt. Returns if there is none or it
   * was another submission (which the caller refuses {@code request_id_reused}, after the revoked-kiosk check).
   *
   * @throws Refusal for an exact retry
   */
  static void answerRetry(BoardReads reads, Optional<RefusedRow> earlier, Digest submissionHash) {
    if (earlier.isEmpty() || !earlier.get().submissionHash().equals(submissionHash.toHex())) {
      return;
    }
    RefusedRow row = earlier.get();
    RefusalReason reason = RefusalReason.fromWire(row.reason()).orElseThrow();
    throw new Refusal(reason(reason), "ballot " + row.ballotId() + " was refused (" + row.reason()
        + ") and recorded at sequence " + row.sequence()).recordedAs(reads.originalRefusalReceipt(row));
  }

  /** The typed refusal reason the HTTP layer answers for a recorded reason. */
  static Refusal.Reason reason(RefusalReason r) {
    if (r.rule().isPresent()) {
      return new Refusal.BrokenRule(r.rule().get());
    }
    return switch (r) {
      case UNKNOWN_STYLE -> Refusal.Invalid.UNKNOWN_STYLE;
      case CHALLENGE_MISMATCH -> Refusal.Invalid.CHALLENGE_MISMATCH;
      default -> Refusal.Invalid.INVALID_BALLOT;
    };
  }

  /** The index row of a {@code ballot_refused} entry (its head not yet known). */
  static RefusedRow row(BoardEntry e, EntryFacts.Refused r, String submissionHash) {
    EntryFacts.Ballot b = r.submission();
    return new RefusedRow(e.sequence(), b.kioskId(), b.requestId(), b.ballotId(), b.kind().wireName(),
        b.confirmationCode().toHex(), ConfirmationCodes.shortForm(b.confirmationCode()), r.reason().wireName(),
        submissionHash, BoardStore.PENDING_HEAD, e.timestamp());
  }

  /** The canonical text of the submission a {@code ballot_refused} entry records. */
  static String submissionText(BoardEntry e) {
    return CanonicalJson.write(JsonText.parseObject(e.payload()).getJsonObject("submission"));
  }
}
