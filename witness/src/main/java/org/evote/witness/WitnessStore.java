package org.evote.witness;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.note.SignedNote;

/**
 * The witness's state on an embedded SQLite file (WAL journal, synchronous=FULL: a committed transaction survives
 * a crash or power cut): for each log, the latest checkpoint it cosigned, with the log's signature and its own
 * cosignatures; and the evidence it kept — validly signed checkpoints that failed a consistency check. One
 * connection; every method is one transaction.
 */
public final class WitnessStore implements AutoCloseable {
  private static final int SCHEMA_VERSION = 1;
  private final Connection db;

  /** The storage failed (disk full, file damaged): the request is answered 500 and nothing is cosigned. */
  public static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Failure(String message, SQLException cause) {
      super(message + ": " + cause.getMessage(), cause);
    }
  }

  /** The latest checkpoint cosigned for an origin: its size, root and the note as served to monitors. */
  /** The latest cosigned checkpoint of an origin: its size, root, the note served, and the time it was cosigned at. */
  public record Latest(long size, Digest rootHash, String note, long cosignedAt) {}

  private WitnessStore(Connection db) {
    this.db = db;
  }

  private static Connection connect(Path file) throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA journal_mode=WAL");
      s.execute("PRAGMA synchronous=FULL");
      s.execute("PRAGMA busy_timeout=10000");
    }
    return c;
  }

  /** Creates the database with its schema. */
  public static void create(Path file) {
    try (Connection c = connect(file); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE latest (origin TEXT PRIMARY KEY, origin_hash TEXT NOT NULL UNIQUE,"
          + " size INTEGER NOT NULL, root_hash TEXT NOT NULL, note TEXT NOT NULL, updated INTEGER NOT NULL)");
      s.execute("CREATE TABLE evidence (id INTEGER PRIMARY KEY, origin TEXT NOT NULL, note_hash TEXT NOT NULL UNIQUE,"
          + " received INTEGER NOT NULL, status INTEGER NOT NULL, reason TEXT NOT NULL, request TEXT NOT NULL,"
          + " latest_note TEXT)");
      s.execute("PRAGMA user_version=" + SCHEMA_VERSION);
    } catch (SQLException e) {
      throw new Failure("cannot create the witness database " + file, e);
    }
  }

  /** Opens a database made by {@link #create}. */
  public static WitnessStore open(Path file) {
    try {
      Connection c = connect(file);
      try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA user_version")) {
        if (r.getInt(1) != SCHEMA_VERSION) {
          c.close();
          throw new Failure("not a witness database (schema " + r.getInt(1) + ")", new SQLException("user_version"));
        }
      }
      return new WitnessStore(c);
    } catch (SQLException e) {
      throw new Failure("cannot open the witness database " + file, e);
    }
  }

  /** The latest checkpoint cosigned for {@code origin}. */
  public synchronized Optional<Latest> latest(String origin) {
    try (PreparedStatement p = db.prepareStatement("SELECT size, root_hash, note, updated FROM latest WHERE origin = ?")) {
      p.setString(1, origin);
      try (ResultSet r = p.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        return Optional.of(new Latest(r.getLong(1), Digest.decode(r.getString(2), "root_hash"),
            r.getString(3), r.getLong(4)));
      }
    } catch (SQLException e) {
      throw new Failure("cannot read the latest checkpoint", e);
    }
  }

  /** The latest cosigned note of the origin whose SHA-256 is {@code originHashHex} (the monitoring API). */
  public synchronized Optional<String> noteByOriginHash(String originHashHex) {
    try (PreparedStatement p = db.prepareStatement("SELECT note FROM latest WHERE origin_hash = ?")) {
      p.setString(1, originHashHex);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new Failure("cannot read the latest checkpoint", e);
    }
  }

  /**
   * Replaces the latest checkpoint of {@code origin} by {@code next} in one durable transaction, if the stored size
   * is still {@code expectedSize} (0: none stored yet); false, and nothing changed, otherwise.
   */
  public synchronized boolean advance(String origin, long expectedSize, Latest next) {
    try (Statement tx = db.createStatement()) {
      tx.execute("BEGIN IMMEDIATE");
      boolean done = false;
      try {
        long stored = 0;
        boolean present = false;
        try (PreparedStatement p = db.prepareStatement("SELECT size FROM latest WHERE origin = ?")) {
          p.setString(1, origin);
          try (ResultSet r = p.executeQuery()) {
            if (r.next()) {
              present = true;
              stored = r.getLong(1);
            }
          }
        }
        if (stored != expectedSize) {
          return false;
        }
        String sql = present
            ? "UPDATE latest SET size = ?, root_hash = ?, note = ?, updated = ? WHERE origin = ?"
            : "INSERT INTO latest (size, root_hash, note, updated, origin, origin_hash) VALUES (?, ?, ?, ?, ?, ?)";
        try (PreparedStatement p = db.prepareStatement(sql)) {
          p.setLong(1, next.size());
          p.setString(2, next.rootHash().toHex());
          p.setString(3, next.note());
          p.setLong(4, next.cosignedAt());
          p.setString(5, origin);
          if (!present) {
            p.setString(6, originHash(origin));
          }
          p.executeUpdate();
        }
        tx.execute("COMMIT");
        done = true;
        return true;
      } finally {
        if (!done) {
          tx.execute("ROLLBACK");
        }
      }
    } catch (SQLException e) {
      throw new Failure("cannot store the new checkpoint", e);
    }
  }

  /**
   * Keeps a validly signed checkpoint that failed a consistency check, with the request that carried it and the
   * witness's latest note it contradicts. One row per distinct signed note, so replaying it stores nothing new.
   */
  public synchronized void keepEvidence(String origin, SignedNote submitted, int status, String reason,
      String request, Optional<Latest> latest, long now) {
    try (PreparedStatement p = db.prepareStatement("INSERT OR IGNORE INTO evidence (origin, note_hash, received,"
        + " status, reason, request, latest_note) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      p.setString(1, origin);
      p.setString(2, sha256Hex(submitted.format()));
      p.setLong(3, now);
      p.setInt(4, status);
      p.setString(5, reason);
      p.setString(6, request);
      p.setString(7, latest.map(Latest::note).orElse(null));
      p.executeUpdate();
    } catch (SQLException e) {
      throw new Failure("cannot keep the evidence", e);
    }
  }

  /** How many pieces of evidence are kept for {@code origin}. */
  public synchronized int evidenceCount(String origin) {
    try (PreparedStatement p = db.prepareStatement("SELECT count(*) FROM evidence WHERE origin = ?")) {
      p.setString(1, origin);
      try (ResultSet r = p.executeQuery()) {
        return r.getInt(1);
      }
    } catch (SQLException e) {
      throw new Failure("cannot count the evidence", e);
    }
  }

  /** Lowercase hex SHA-256 of the origin line, the monitoring API's path segment (c2sp.org/tlog-witness). */
  public static String originHash(String origin) {
    return sha256Hex(origin);
  }

  private static String sha256Hex(String s) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      db.close();
    } catch (SQLException e) {
      // closing: nothing uncommitted is lost
    }
  }
}
