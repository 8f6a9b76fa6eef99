package org.evote.server.board;

import org.evote.crypto.board.Rule;

/**
 * Why the board refuses a request, as a typed {@link Reason}, with a message for people and, where one field is to
 * blame, its path. Thrown before anything is stored (or, for {@link Unavailable}, when the board cannot confirm
 * it stored anything) — except a refusal {@link #recordedAs recorded} on the board, which is answered once its
 * {@code ballot_refused} entry is durable, with that entry's receipt. The HTTP layer chooses the status from the reason; nothing here knows HTTP.
 */
public final class Refusal extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Reason reason;
  private final String field;
  private final transient Receipt recorded;

  public Refusal(Reason reason, String message, String field) {
    this(reason, message, field, null);
  }

  private Refusal(Reason reason, String message, String field, Receipt recorded) {
    super(message, null, false, false);
    if (reason == null || message == null) {
      throw new IllegalArgumentException("a refusal has a reason and a message");
    }
    this.reason = reason;
    this.field = field;
    this.recorded = recorded;
  }

  /**
   * This refusal, recorded on the board ({@code ballot_refused}, protocol §9.6): answered with the signed receipt of
   * its entry, given once the entry is durable.
   */
  public Refusal recordedAs(Receipt receipt) {
    if (receipt == null) {
      throw new IllegalArgumentException("a recorded refusal has its receipt");
    }
    return new Refusal(reason, getMessage(), field, receipt);
  }

  /** The receipt of the {@code ballot_refused} entry recording this refusal, if it was recorded. */
  public java.util.Optional<Receipt> recordedReceipt() {
    return java.util.Optional.ofNullable(recorded);
  }

  public Refusal(Reason reason, String message) {
    this(reason, message, null);
  }

  public Reason reason() {
    return reason;
  }

  /** The stable code of the reason (docs/api.md). */
  public String code() {
    return reason.code();
  }

  /** The offending field's path, or null. */
  public String field() {
    return field;
  }

  /** Why a request is refused. */
  public sealed interface Reason {
    /** The stable, machine-readable error code (docs/api.md). */
    String code();
  }

  /** The entry would break a board rule (protocol §9.6); the code is the rule's. */
  public record BrokenRule(Rule rule) implements Reason {
    public BrokenRule {
      if (rule == null) {
        throw new IllegalArgumentException("a broken rule names the rule");
      }
    }

    @Override
    public String code() {
      return rule.apiCode();
    }
  }

  /** The submission itself is unacceptable, whatever the board holds. */
  public enum Invalid implements Reason {
    /** Not strict JSON. */
    MALFORMED_JSON("malformed_json"),
    /** A field is missing, of the wrong type or invalid. */
    INVALID_FIELD("invalid_field"),
    /** The submission is for another election. */
    WRONG_ELECTION("wrong_election"),
    /** The ballot's style is not in the manifest. */
    UNKNOWN_STYLE("unknown_style"),
    /** A structure, proof, contest hash or confirmation-code check (V8–V11) fails. */
    INVALID_BALLOT("invalid_ballot"),
    /** A challenged ballot does not re-encrypt from its disclosed seed and plaintext (V13). */
    CHALLENGE_MISMATCH("challenge_mismatch");

    private final String code;

    Invalid(String code) {
      this.code = code;
    }

    @Override
    public String code() {
      return code;
    }
  }

  /** A policy of this server, not a board rule: another board could accept the entry. */
  public enum Policy implements Reason {
    /** The kiosk is already revoked: revoking it again would add nothing (the board's rules allow it). */
    KIOSK_ALREADY_REVOKED("kiosk_revoked");

    private final String code;

    Policy(String code) {
      this.code = code;
    }

    @Override
    public String code() {
      return code;
    }
  }

  /** The database refused the write as repeating something unique already stored (a check the rules missed). */
  public enum Conflict implements Reason {
    DUPLICATE("duplicate");

    private final String code;

    Conflict(String code) {
      this.code = code;
    }

    @Override
    public String code() {
      return code;
    }
  }

  /** The board could not confirm the write is stored: retry the same request later. */
  public enum Unavailable implements Reason {
    /** The writer stopped accepting writes (a failed commit, or shutting down). */
    BOARD_UNAVAILABLE("board_unavailable"),
    /**
     * The board stopped accepting writes because a witness holds a checkpoint signed by this board's key beyond
     * (or beside) its history (protocol §9.8): this board was rolled back or forked, and no later receipt could ever
     * be cosigned. Until the operators resolve it, writes are refused.
     */
    BOARD_FORKED("board_forked"),
    /** The write was not confirmed in time (it may still be stored: a retry is answered idempotently). */
    BOARD_BUSY("board_busy");

    private final String code;

    Unavailable(String code) {
      this.code = code;
    }

    @Override
    public String code() {
      return code;
    }
  }
}
