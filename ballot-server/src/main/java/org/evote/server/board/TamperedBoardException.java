package org.evote.server.board;

/** The database does not match its own hash chain, Merkle tree or signed heads; the server refuses to serve it. */
public final class TamperedBoardException extends Exception {
  private static final long serialVersionUID = 1L;
  private final long sequence;

  public TamperedBoardException(long sequence, String reason) {
    super("the board database has been tampered with: first bad sequence number " + sequence + ": " + reason);
    this.sequence = sequence;
  }

  /** The first entry that does not check out. */
  public long sequence() {
    return sequence;
  }
}
