package org.evote.board.client;

/**
 * The board answered and refused the request (a 4xx with its JSON error body): retrying the same request cannot
 * succeed. Decide by {@link #code()} (see {@link ErrorCodes}), never by the message.
 */
public final class BoardRefusedException extends BoardException {
  private static final long serialVersionUID = 1L;
  private final ApiError error;

  public BoardRefusedException(ApiError error) {
    super("the board refused (" + error + ")", null);
    this.error = error;
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
