package org.evote.crypto.board;

/**
 * The rules for which entry may follow which on the board (protocol §9.6), each with the verification step that
 * reports a record breaking it (§10.4) and the error code the ballot server answers when it refuses an entry for
 * it (docs/api.md). The table in protocol §9.6 lists them in this order.
 */
public enum Rule {
  /** An entry's time is not before the time of the entry before it. */
  TIME_NOT_BACKWARDS("V7", "entry_time"),
  /** Entry 0, and only entry 0, publishes the election. */
  ELECTION_FIRST("V7", "election_first"),
  /** The published election is this election (H_E and the canonical election object). */
  ELECTION_MATCHES("V7", "wrong_election"),
  /** The polls open once. */
  POLLS_OPEN_ONCE("V7", "polls_state"),
  /** A kiosk id is registered once. */
  KIOSK_REGISTERED_ONCE("V7", "kiosk_exists"),
  /** Kiosks are registered only before the polls close. */
  KIOSK_REGISTERED_BEFORE_CLOSE("V7", "polls_state"),
  /** Only a registered kiosk is revoked. */
  REVOKED_KIOSK_REGISTERED("V7", "unknown_kiosk"),
  /** Ballots are posted only while the polls are open. */
  BALLOT_WHILE_POLLS_OPEN("V7", "polls_not_open"),
  /** A ballot comes from a registered kiosk. */
  BALLOT_KIOSK_REGISTERED("V7", "unknown_kiosk"),
  /** A ballot does not come from a revoked kiosk. */
  BALLOT_KIOSK_NOT_REVOKED("V7", "revoked_kiosk"),
  /** The kiosk's signature over the submission verifies under its registered key (§9.5). */
  BALLOT_SIGNED_BY_KIOSK("V7", "bad_signature"),
  /** A (kiosk, request id) pair is used once. */
  REQUEST_ID_UNUSED("V7", "request_id_reused"),
  /**
   * A ballot's id is in its kiosk's namespace: {@code <kiosk_id>-<suffix>}, the suffix non-empty and without
   * {@code -}, so no kiosk can take another kiosk's ballot ids.
   */
  BALLOT_ID_OF_KIOSK("V8", "ballot_id_namespace"),
  /** A ballot id appears once on the board. */
  BALLOT_ID_UNIQUE("V8", "duplicate_ballot_id"),
  /** No selection ciphertext α appears twice on the board, within a ballot or across ballots (copied ballots). */
  CIPHERTEXTS_UNIQUE("V8", "duplicate_ciphertext"),
  /** A ballot's previous code is its kiosk's last confirmation code, or H_0 for its first (§5.4). */
  CHAIN_CONTINUES("V12", "chain_broken"),
  /** A ballot is not dated before its kiosk's previous ballot. */
  CHAIN_TIME_NOT_BACKWARDS("V12", "chain_time"),
  /**
   * A ballot is not dated more than {@link BoardState#BALLOT_AHEAD_TOLERANCE_SECONDS} after the board received it
   * (its entry's time).
   */
  BALLOT_NOT_AFTER_ENTRY("V12", "future_ballot"),
  /**
   * A {@code ballot_refused} entry's submission, checked as a ballot at its position, breaks the rule (or fails the
   * ballot check) its reason names: the board refused no valid ballot.
   */
  REFUSAL_JUSTIFIED("V12", "refusal_unjustified"),
  /** The polls close once, after they opened. */
  POLLS_CLOSE_AFTER_OPEN("V7", "polls_state"),
  /** polls_closed closes every kiosk chain exactly (§5.4). */
  CHAINS_CLOSED("V12", "chains_not_closed"),
  /** The tally is published after the polls close. */
  TALLY_AFTER_CLOSE("V7", "polls_state"),
  /** The tally is published once. */
  TALLY_ONCE("V7", "tally_published");

  private final String step;
  private final String apiCode;

  Rule(String step, String apiCode) {
    this.step = step;
    this.apiCode = apiCode;
  }

  /** The id of the verification step that reports a breach ("V7", "V8" or "V12"). */
  public String step() {
    return step;
  }

  /** The error code of the ballot server's refusal (docs/api.md). */
  public String apiCode() {
    return apiCode;
  }
}
