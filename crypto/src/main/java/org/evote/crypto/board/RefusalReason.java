package org.evote.crypto.board;

import java.util.Optional;

/**
 * Why the board refused an authenticated ballot that continued its kiosk's chain, as recorded in a
 * {@code ballot_refused} entry (protocol §9.6, "Refusal records"): a board rule the ballot breaks at its position,
 * or a ballot check it fails (which the board's rules cannot judge and the verifier re-runs). Only these refusals
 * are recorded; any other refusal (unauthenticated, undecodable, polls not open, a reused request id, a broken
 * chain) is answered without an entry.
 */
public enum RefusalReason {
  BALLOT_ID_NAMESPACE(Rule.BALLOT_ID_OF_KIOSK),
  DUPLICATE_BALLOT_ID(Rule.BALLOT_ID_UNIQUE),
  DUPLICATE_CIPHERTEXT(Rule.CIPHERTEXTS_UNIQUE),
  CHAIN_TIME(Rule.CHAIN_TIME_NOT_BACKWARDS),
  FUTURE_BALLOT(Rule.BALLOT_NOT_AFTER_ENTRY),
  /** The ballot's style is not in the manifest. */
  UNKNOWN_STYLE("unknown_style"),
  /** A structure, proof, contest hash or confirmation-code check (V8–V11) fails. */
  INVALID_BALLOT("invalid_ballot"),
  /** A challenged ballot does not re-encrypt from its disclosed seed and plaintext (V13). */
  CHALLENGE_MISMATCH("challenge_mismatch");

  private final Rule rule;
  private final String wireName;

  RefusalReason(Rule rule) {
    this.rule = rule;
    this.wireName = rule.apiCode();
  }

  RefusalReason(String wireName) {
    this.rule = null;
    this.wireName = wireName;
  }

  /** The reason as written in the entry: the board's refusal code (docs/api.md). */
  public String wireName() {
    return wireName;
  }

  /** The board rule this reason names, or empty for a ballot check. */
  public Optional<Rule> rule() {
    return Optional.ofNullable(rule);
  }

  /** The recorded reason for a ballot breaking {@code r}, or empty if a refusal for it is not recorded. */
  public static Optional<RefusalReason> of(Rule r) {
    for (RefusalReason reason : values()) {
      if (reason.rule == r) {
        return Optional.of(reason);
      }
    }
    return Optional.empty();
  }

  public static Optional<RefusalReason> fromWire(String s) {
    for (RefusalReason reason : values()) {
      if (reason.wireName.equals(s)) {
        return Optional.of(reason);
      }
    }
    return Optional.empty();
  }
}
