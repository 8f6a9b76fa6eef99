package org.evote.server.store;

import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The database could not be read or written. Nothing partial is kept. What went wrong is classified once, here,
 * from SQLite's result code ({@link #kind()}), so no caller reads the message text.
 */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What kind of failure SQLite reported. */
  public enum Kind {
    /** The disk, or the database's page limit ({@code --max-database-mb}), is full (SQLITE_FULL). */
    FULL,
    /** A write broke a UNIQUE, PRIMARY KEY or other constraint (SQLITE_CONSTRAINT): not a disk problem. */
    CONSTRAINT,
    /** The operating system reported an I/O error, or the file is not a database or is corrupt. */
    IO,
    /** Anything else (busy, locked, misuse, a missing row that should be there, …). */
    OTHER
  }

  private final Kind kind;

  private StoreException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  /** A failure that did not come from SQLite (e.g. an inconsistency found by the store itself). */
  public StoreException(String message, Throwable cause) {
    this(Kind.OTHER, message, cause);
  }

  /** {@code what} failed with {@code e}, classified from its SQLite result code. */
  static StoreException of(String what, SQLException e) {
    return new StoreException(classify(e), what + ": " + e.getMessage(), e);
  }

  static Kind classify(SQLException e) {
    if (!(e instanceof SQLiteException s)) {
      return Kind.OTHER;
    }
    // Extended result codes carry the primary code in their low byte (https://sqlite.org/rescode.html).
    SQLiteErrorCode primary = SQLiteErrorCode.getErrorCode(s.getResultCode().code & 0xff);
    switch (primary) {
      case SQLITE_FULL:
        return Kind.FULL;
      case SQLITE_CONSTRAINT:
        return Kind.CONSTRAINT;
      case SQLITE_IOERR:
      case SQLITE_CORRUPT:
      case SQLITE_NOTADB:
      case SQLITE_CANTOPEN:
        return Kind.IO;
      default:
        return Kind.OTHER;
    }
  }

  public Kind kind() {
    return kind;
  }
}
