package org.evote.server.http;

/**
 * A refusal decided by the HTTP layer itself (a bad query parameter, a missing credential, an unknown resource),
 * with its status. Refusals of the board come as {@link org.evote.server.board.Refusal}s and get their status from
 * {@link ErrorMapper}.
 */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String code;
  private final String field;

  ApiError(int status, String code, String message, String field) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.field = field;
  }

  ApiError(int status, String code, String message) {
    this(status, code, message, null);
  }

  static ApiError badRequest(String code, String message, String field) {
    return new ApiError(400, code, message, field);
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  String field() {
    return field;
  }
}
