package org.evote.board.client;

import java.io.IOException;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The board could not be reached, did not answer in time, failed (5xx, e.g. {@link ErrorCodes#BOARD_BUSY}), answered
 * about the transport rather than the request (408 {@link ErrorCodes#BODY_TOO_SLOW}, 429, and on a submission an
 * incomplete body or 431: {@link ErrorCodes#INCOMPLETE_BODY}, {@link ErrorCodes#SUBMISSION_TRANSPORT_STATUSES}), or
 * gave an answer that cannot be read: whether the request took effect is unknown. Retry the very same request
 * later — the board's retries are idempotent (docs/api.md). The message says why, for the operators' logs.
 */
public final class BoardUnavailableException extends BoardException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final transient ApiError error;

  private BoardUnavailableException(String why, int status, ApiError error, Throwable cause) {
    super(why, cause);
    this.status = status;
    this.error = error;
  }

  /** No answer: the connection failed, was cut, or timed out. */
  static BoardUnavailableException transport(IOException e) {
    Optional<PinnedTls.PinMismatchException> wrong = PinnedTls.mismatch(e);
    if (wrong.isPresent()) {
      return new BoardUnavailableException("TLS: " + wrong.get().getMessage(), 0, null, e);
    }
    return new BoardUnavailableException(e.getClass().getSimpleName() + (e.getMessage() == null ? ""
        : ": " + e.getMessage()), 0, null, e);
  }

  /** True if the server presented a TLS certificate other than the pinned one (a look-alike, or a new board). */
  public boolean wrongCertificate() {
    return PinnedTls.mismatch(getCause()).isPresent();
  }

  /** True if the board did not answer in time (connecting, or the answer). */
  public boolean timedOut() {
    return getCause() instanceof java.net.http.HttpTimeoutException;
  }

  /** A 5xx answer with the board's error body. */
  static BoardUnavailableException failed(ApiError error) {
    return new BoardUnavailableException("board error " + error.status() + " " + error.code() + ": "
        + error.message(), error.status(), error, null);
  }

  /** A 4xx answer about how the request travelled (too slow, incomplete, too many), not about what it says. */
  static BoardUnavailableException transportAnswer(ApiError error) {
    return new BoardUnavailableException("the request did not arrive whole: " + error.status() + " " + error.code()
        + ": " + error.message(), error.status(), error, null);
  }

  /** An answer that is not the JSON the API promises. */
  static BoardUnavailableException unreadable(int status, Throwable cause) {
    return new BoardUnavailableException("unreadable answer (" + status + ")", status, null, cause);
  }

  /** The HTTP status, if the board answered at all. */
  public OptionalInt status() {
    return status == 0 ? OptionalInt.empty() : OptionalInt.of(status);
  }

  /** The board's error body, for a 5xx (or transport-level 4xx) answer that had one. */
  public Optional<ApiError> error() {
    return Optional.ofNullable(error);
  }

  /** True if no answer came at all (connection refused or cut, timeout). */
  public boolean noAnswer() {
    return status == 0;
  }

  @Override
  public boolean retryable() {
    return true;
  }
}
