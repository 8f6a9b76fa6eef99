package org.evote.board.client;

/**
 * A request to the board that did not succeed, in one of exactly two ways: {@link BoardRefusedException} — the
 * board answered and refused (4xx): the same request cannot succeed, do not retry it; or
 * {@link BoardUnavailableException} — no answer, a 5xx, or an unreadable answer: whether it took effect is
 * unknown, retry the same request later.
 */
public abstract sealed class BoardException extends Exception
    permits BoardRefusedException, BoardUnavailableException {
  private static final long serialVersionUID = 1L;

  BoardException(String message, Throwable cause) {
    super(message, cause);
  }

  /** True if the same request may succeed later (the board could not be reached, or failed). */
  public abstract boolean retryable();
}
