package org.evote.crypto.verify;

import jakarta.json.JsonObject;
import org.evote.crypto.board.Admission;
import org.evote.crypto.board.BoardEntry;
import org.evote.crypto.board.BoardState;
import org.evote.crypto.board.EntryFacts;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.board.EntryPayload;
import org.evote.crypto.board.Violation;
import org.evote.crypto.json.BoardJson;

/**
 * V7, the board-level part of V8 and V12, per entry in board order: each entry is admitted against the board before
 * it by the board's own state machine ({@link BoardState}, protocol §9.6), and every rule it breaks fails the step
 * the rule belongs to. The entry is then applied, whether or not it broke a rule, so one bad entry is reported once.
 */
final class BoardRulesCheck {
  private final BoardState state;
  private final StepLog log;

  BoardRulesCheck(BoardState state, StepLog log) {
    this.state = state;
    this.log = log;
  }

  /**
   * The canonical text the kiosk signed (§9.5) of an entry whose payload decoded, from its parsed payload: for a
   * ballot its payload without "signature", for a refusal its recorded submission's, otherwise empty. Computed by the
   * decoding threads, so that the board-order pass neither parses nor canonicalizes a payload again.
   */
  static String signedText(EntryKind kind, JsonObject payload) {
    if (isBallot(kind)) {
      return BoardJson.unsignedPayloadText(payload);
    }
    if (kind == EntryKind.BALLOT_REFUSED) {
      return BoardJson.unsignedPayloadText(payload.getJsonObject("submission"));
    }
    return "";
  }

  /** An entry whose payload decoded, with the text its kiosk signed ({@link #signedText}). */
  void check(BoardEntry e, EntryPayload payload, String signed) {
    String object = "entry " + e.sequence() + " (" + e.kind().wireName() + ")";
    EntryFacts facts = EntryFacts.of(payload, signed);
    log.step(Step.V7_BOARD_SEQUENCE).checked(1);
    if (facts instanceof EntryFacts.Ballot || facts instanceof EntryFacts.Refused) {
      log.step(Step.V8_BALLOT_STRUCTURE).checked(1);
      log.step(Step.V12_KIOSK_CHAINS).checked(1);
    }
    if (state.admit(facts, e.sequence(), e.timestamp()) instanceof Admission.Refused refused) {
      for (Violation v : refused.violations()) {
        log.step(Step.byId(v.rule().step())).fail(object, v.reason());
      }
    }
    state.apply(facts, e.timestamp());
  }

  /** An entry whose payload does not decode: V8 for ballot kinds, V7 otherwise. */
  void undecodable(BoardEntry e, String reason) {
    Step step = isBallot(e.kind()) || e.kind() == EntryKind.BALLOT_REFUSED ? Step.V8_BALLOT_STRUCTURE : Step.V7_BOARD_SEQUENCE;
    log.step(step).fail("entry " + e.sequence() + " (" + e.kind().wireName() + ")", reason);
  }

  private static boolean isBallot(EntryKind kind) {
    return kind == EntryKind.BALLOT_CAST || kind == EntryKind.BALLOT_CHALLENGED;
  }

  BoardState state() {
    return state;
  }
}
