package org.evote.crypto.board;

import java.util.List;

/** Whether an entry may follow the board so far ({@link BoardState#admit}). */
public sealed interface Admission {
  /** The entry breaks no rule. */
  record Admitted() implements Admission {}

  /** The entry breaks each of these rules, in the order of protocol §9.6; at least one. */
  record Refused(List<Violation> violations) implements Admission {
    public Refused {
      violations = List.copyOf(violations);
      if (violations.isEmpty()) {
        throw new IllegalArgumentException("a refusal names at least one violation");
      }
    }

    /** The first rule broken: the one the ballot server names in its refusal. */
    public Violation first() {
      return violations.get(0);
    }
  }

  static Admission of(List<Violation> violations) {
    return violations.isEmpty() ? new Admitted() : new Refused(violations);
  }
}
