package org.evote.server.board;

/**
 * The database lacks entries the board already vouched for (protocol §9.8, "No silent loss"): a checkpoint the board
 * signed before giving a receipt, or one a witness cosigned, covers more entries than the database holds — its tail
 * was lost (a truncated write-ahead log, a restored old copy, a cut). The server refuses to serve it; the missing
 * entries must be restored from a backup or the loss declared.
 */
public final class BoardBehindException extends TamperedBoardException {
  private static final long serialVersionUID = 1L;
  private final long firstMissing;
  private final long lastMissing;

  public BoardBehindException(long firstMissing, long lastMissing, String source) {
    super("the board database is behind " + source + ": entries " + firstMissing + " to " + lastMissing
        + " are missing (the database holds " + firstMissing + " entries, the checkpoint covers "
        + (lastMissing + 1) + "); restore them from a backup — ./evote server export still writes what is stored",
        firstMissing);
    this.firstMissing = firstMissing;
    this.lastMissing = lastMissing;
  }

  public long firstMissing() {
    return firstMissing;
  }

  public long lastMissing() {
    return lastMissing;
  }
}
