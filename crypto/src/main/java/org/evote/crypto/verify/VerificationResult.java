package org.evote.crypto.verify;

/**
 * The outcome of a check: {@link Valid}, or {@link Invalid} naming the step of protocol §10.4, the object (ballot
 * id, board sequence number, guardian, …) and the reason. Never a bare boolean, never an exception for hostile
 * input.
 */
public sealed interface VerificationResult {
  /** The check passed. */
  record Valid() implements VerificationResult {}

  /** The check failed at {@code step} on {@code object} for {@code reason}. */
  record Invalid(Step step, String object, String reason) implements VerificationResult {
    @Override
    public String toString() {
      return step.id() + " " + object + ": " + reason;
    }
  }

  VerificationResult VALID = new Valid();

  static VerificationResult invalid(Step step, String object, String reason) {
    return new Invalid(step, object, reason);
  }

  default boolean isValid() {
    return this instanceof Valid;
  }
}
