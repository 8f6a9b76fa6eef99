package org.evote.server.store;

/** The database could not be read or written (disk full, I/O error, locked). Nothing partial is kept. */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /** True if the database refused a write because it broke a UNIQUE or PRIMARY KEY rule (not a disk problem). */
  public boolean isConstraintViolation() {
    return getCause() instanceof java.sql.SQLException e && e.getMessage() != null
        && e.getMessage().contains("CONSTRAINT");
  }
}
