package org.evote.crypto;

/**
 * Input from outside (JSON, hex, files, network) that cannot be accepted. Names the field (a JSON path such as
 * {@code contests[2].selections[0].ciphertext.alpha}) and the reason, so an operator or observer can find and fix
 * the offending value without a stack trace.
 */
public final class InvalidFieldException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String field;
  private final String reason;

  public InvalidFieldException(String field, String reason) {
    super(field + ": " + reason);
    this.field = field;
    this.reason = reason;
  }

  /** The path of the offending field. */
  public String field() {
    return field;
  }

  /** Why the value was rejected. */
  public String reason() {
    return reason;
  }

  /** The same rejection with {@code prefix} prepended to the field path (used as errors bubble out of nesting). */
  public InvalidFieldException within(String prefix) {
    return new InvalidFieldException(prefix.isEmpty() ? field : prefix + "." + field, reason);
  }
}
