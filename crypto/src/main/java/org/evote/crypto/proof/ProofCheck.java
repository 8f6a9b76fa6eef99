package org.evote.crypto.proof;

/**
 * The outcome of checking one proof against its statement (protocol §4): {@link Valid}, or {@link Invalid} with the
 * reason. Every check returns one of these, so a failed proof cannot be mistaken for a passed one by forgetting to
 * ask a second question.
 */
public sealed interface ProofCheck permits ProofCheck.Valid, ProofCheck.Invalid {
  /** The proof holds. */
  ProofCheck VALID = new Valid();

  /** The proof fails for {@code reason}. */
  static ProofCheck invalid(String reason) {
    return new Invalid(reason);
  }

  /** True for {@link Valid}. */
  boolean isValid();

  /** The proof holds. */
  record Valid() implements ProofCheck {
    @Override
    public boolean isValid() {
      return true;
    }
  }

  /** The proof fails; {@code reason} says how. */
  record Invalid(String reason) implements ProofCheck {
    public Invalid {
      if (reason == null || reason.isEmpty()) {
        throw new IllegalArgumentException("an invalid proof check needs a reason");
      }
    }

    @Override
    public boolean isValid() {
      return false;
    }
  }
}
