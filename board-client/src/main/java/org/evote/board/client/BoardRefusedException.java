package org.evote.board.client;

import java.util.Optional;

/**
 * The board answered and refused the request (a 4xx with its JSON error body): retrying the same request cannot
 * succeed. Decide by {@link #code()} (see {@link ErrorCodes}), never by the message.
 */
public final class BoardRefusedException extends BoardException {
  private static final long serialVersionUID = 1L;
  private final ApiError error;
  private final String recordedReceipt;

  public BoardRefusedException(ApiError error) {
    this(error, Optional.empty());
  }

  /** A refusal the board recorded on the board, with the receipt of its {@code ballot_refused} entry. */
  public BoardRefusedException(ApiError error, Optional<String> recordedReceipt) {
    super("the board refused (" + error + ")", null);
    this.error = error;
    this.recordedReceipt = recordedReceipt.orElse(null);
  }

  /**
   * For a refusal the board recorded (protocol §9.6, "Refusal records"): the {@code "receipt"} member of its answer
   * as JSON text, the signed receipt of the {@code ballot_refused} entry, undecoded and unchecked — what a kiosk
   * hands to {@link ReceiptCheck#checkRefusal} with {@link #code()} as the reason. Empty for a refusal without a
   * record (the submission is not on the board).
   */
  public Optional<String> recordedReceipt() {
    return Optional.ofNullable(recordedReceipt);
  }

  /** The board's error body. */
  public ApiError error() {
    return error;
  }

  /** The API error code, e.g. {@link ErrorCodes#POLLS_NOT_OPEN}. */
  public String code() {
    return error.code();
  }

  /** The HTTP status (4xx). */
  public int status() {
    return error.status();
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
