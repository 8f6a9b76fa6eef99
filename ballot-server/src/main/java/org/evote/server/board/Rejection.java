package org.evote.server.board;

/**
 * Why the board refuses a request: an HTTP status, a stable machine-readable code, a message for people and, where
 * one field is to blame, its path. Thrown before anything is stored.
 */
public final class Rejection extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String code;
  private final String field;

  public Rejection(int status, String code, String message, String field) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
  }

  public Rejection(int status, String code, String message) {
    this(status, code, message, null);
  }

  public static Rejection badRequest(String code, String message, String field) {
    return new Rejection(400, code, message, field);
  }

  public static Rejection conflict(String code, String message) {
    return new Rejection(409, code, message);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  /** The offending field's path, or null. */
  public String field() {
    return field;
  }
}
