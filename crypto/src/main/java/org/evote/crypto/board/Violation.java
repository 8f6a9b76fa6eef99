package org.evote.crypto.board;

/** One rule an entry breaks, and why, naming the kiosk, ballot or request concerned. */
public record Violation(Rule rule, String reason) {
  public Violation {
    if (rule == null || reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a violation names its rule and reason");
    }
  }
}
