package org.evote.server.board;

import java.util.Optional;
import org.evote.crypto.board.Rule;
import org.evote.crypto.board.Violation;

/**
 * The database does not match its own hash chain, Merkle tree or signed heads, or a stored entry breaks a board
 * rule; the server refuses to serve it.
 */
public class TamperedBoardException extends Exception {
  private static final long serialVersionUID = 1L;
  private final long sequence;
  private final transient Rule rule;

  public TamperedBoardException(long sequence, String reason) {
    this(sequence, reason, null);
  }

  /** The entry at {@code sequence} breaks a board rule. */
  public TamperedBoardException(long sequence, Violation violation) {
    this(sequence, "it breaks the board rule " + violation.rule() + " (" + violation.rule().step() + "): "
        + violation.reason(), violation.rule());
  }

  private TamperedBoardException(long sequence, String reason, Rule rule) {
    super("the board database has been tampered with: first bad sequence number " + sequence + ": " + reason);
    this.sequence = sequence;
    this.rule = rule;
  }

  /** For a subclass that words its own message. */
  protected TamperedBoardException(String message, long sequence) {
    super(message);
    this.sequence = sequence;
    this.rule = null;
  }

  /** The first entry that does not check out. */
  public long sequence() {
    return sequence;
  }

  /** The board rule that entry breaks, if it is a rule that refused it. */
  public Optional<Rule> rule() {
    return Optional.ofNullable(rule);
  }
}
