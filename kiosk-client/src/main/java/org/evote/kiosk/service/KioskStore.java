package org.evote.kiosk.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.evote.board.client.ReceiptCheck;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.hash.Digest;

/**
 * The kiosk's own durable state in a local SQLite file (WAL, synchronous=FULL): the head of its confirmation-code
 * chain and the outbox of signed submissions. Casting a ballot writes its submission and advances the chain in one
 * transaction before the voter is told anything, so a ballot is never lost when the network or the kiosk goes down
 * and never sent twice with different contents. Thread-safe (one connection, synchronized).
 */
public final class KioskStore implements AutoCloseable {
  private final Connection db;

  /** Where the kiosk's chain stands. */
  public record Chain(String kioskId, Digest lastCode, long lastTime, long nextNumber) {}

  /** One signed submission waiting for, or done with, the board. */
  public record Outgoing(long id, String requestId, EntryKind kind, String ballotId, String trackingCode,
      String confirmationCode, String body, Status status, Optional<String> receipt, Optional<String> error,
      long createdAt) {}

  public enum Status { PENDING, UPLOADED, REFUSED }

  private KioskStore(Connection db) {
    this.db = db;
  }

  /** Opens (creating if needed) the store for {@code kioskId}, whose chain starts at {@code chainStart}. */
  public static KioskStore open(Path file, String kioskId, Digest chainStart) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=FULL");
        s.execute("PRAGMA busy_timeout=10000");
        s.execute("CREATE TABLE IF NOT EXISTS chain (kiosk_id TEXT PRIMARY KEY, last_code TEXT NOT NULL,"
            + " last_time INTEGER NOT NULL, next_number INTEGER NOT NULL)");
        s.execute("CREATE TABLE IF NOT EXISTS outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, request_id TEXT NOT NULL"
            + " UNIQUE, kind TEXT NOT NULL, ballot_id TEXT NOT NULL, tracking_code TEXT NOT NULL,"
            + " confirmation_code TEXT NOT NULL, body TEXT NOT NULL, status TEXT NOT NULL, receipt TEXT, error TEXT,"
            + " created_at INTEGER NOT NULL)");
      }
      KioskStore store = new KioskStore(c);
      store.initChain(kioskId, chainStart);
      return store;
    } catch (SQLException | java.io.IOException e) {
      throw new IllegalStateException("cannot open the kiosk's store " + file + ": " + e.getMessage(), e);
    }
  }

  private synchronized void initChain(String kioskId, Digest chainStart) throws SQLException {
    try (PreparedStatement p = db.prepareStatement("SELECT kiosk_id FROM chain")) {
      try (ResultSet r = p.executeQuery()) {
        if (r.next()) {
          if (!r.getString(1).equals(kioskId)) {
            throw new IllegalStateException("this store belongs to kiosk " + r.getString(1) + ", not " + kioskId);
          }
          return;
        }
      }
    }
    try (PreparedStatement p = db.prepareStatement("INSERT INTO chain (kiosk_id, last_code, last_time, next_number)"
        + " VALUES (?,?,0,1)")) {
      p.setString(1, kioskId);
      p.setString(2, chainStart.toHex());
      p.executeUpdate();
    }
  }

  public synchronized Chain chain() {
    try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT * FROM chain")) {
      r.next();
      return new Chain(r.getString("kiosk_id"), Digest.decode(r.getString("last_code"), "last_code"),
          r.getLong("last_time"), r.getLong("next_number"));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the kiosk's chain", e);
    }
  }

  /** Reserves the next ballot number, durably (a number is never reused, even for an abandoned ballot). */
  public synchronized long takeNumber() {
    try (Statement s = db.createStatement()) {
      s.executeUpdate("UPDATE chain SET next_number = next_number + 1");
      return chain().nextNumber() - 1;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reserve a ballot number", e);
    }
  }

  /**
   * Records a signed submission and advances the chain to its confirmation code, in one transaction. Refuses if
   * the submission does not continue the chain as it stands (two ballots prepared against the same chain head).
   */
  public synchronized long enqueue(String requestId, EntryKind kind, String ballotId, String trackingCode,
      Digest previousCode, Digest confirmationCode, long timestamp, String body, long now) {
    try {
      db.setAutoCommit(false);
      try {
        Chain c = chain();
        if (!c.lastCode().equals(previousCode)) {
          throw new IllegalStateException("ballot " + ballotId + " does not continue the kiosk's chain");
        }
        try (PreparedStatement p = db.prepareStatement("INSERT INTO outbox (request_id, kind, ballot_id,"
            + " tracking_code, confirmation_code, body, status, created_at) VALUES (?,?,?,?,?,?,'PENDING',?)",
            Statement.RETURN_GENERATED_KEYS)) {
          p.setString(1, requestId);
          p.setString(2, kind.wireName());
          p.setString(3, ballotId);
          p.setString(4, trackingCode);
          p.setString(5, confirmationCode.toHex());
          p.setString(6, body);
          p.setLong(7, now);
          p.executeUpdate();
          long id;
          try (ResultSet keys = p.getGeneratedKeys()) {
            keys.next();
            id = keys.getLong(1);
          }
          try (PreparedStatement u = db.prepareStatement("UPDATE chain SET last_code = ?, last_time = ?")) {
            u.setString(1, confirmationCode.toHex());
            u.setLong(2, timestamp);
            u.executeUpdate();
          }
          db.commit();
          return id;
        }
      } catch (SQLException | RuntimeException e) {
        db.rollback();
        throw e;
      } finally {
        db.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store the ballot on the kiosk: " + e.getMessage(), e);
    }
  }

  /** The oldest submission not yet on the board, in chain order. */
  public synchronized Optional<Outgoing> nextPending() {
    List<Outgoing> l = query("SELECT * FROM outbox WHERE status = 'PENDING' ORDER BY id LIMIT 1");
    return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
  }

  public synchronized Optional<Outgoing> byId(long id) {
    List<Outgoing> l = query("SELECT * FROM outbox WHERE id = " + id);
    return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
  }

  public synchronized List<Outgoing> all() {
    return query("SELECT * FROM outbox ORDER BY id");
  }

  public synchronized long pendingCount() {
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM outbox WHERE status = 'PENDING'")) {
      r.next();
      return r.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count the outbox", e);
    }
  }

  /**
   * Marks submission {@code id} as on the board. Only a receipt that passed {@link ReceiptCheck} does that (protocol
   * §9.7): the answer as the board sent it is kept.
   */
  public synchronized void markUploaded(long id, ReceiptCheck.Valid checked) {
    update("UPDATE outbox SET status = 'UPLOADED', receipt = ?, error = NULL WHERE id = ?",
        checked.receipt().json().toString(), id);
  }

  public synchronized void markRefused(long id, String error) {
    update("UPDATE outbox SET status = 'REFUSED', error = ? WHERE id = ?", error, id);
  }

  private void update(String sql, String text, long id) {
    try (PreparedStatement p = db.prepareStatement(sql)) {
      p.setString(1, text);
      p.setLong(2, id);
      p.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot update the outbox", e);
    }
  }

  private List<Outgoing> query(String sql) {
    List<Outgoing> out = new ArrayList<>();
    try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        out.add(new Outgoing(r.getLong("id"), r.getString("request_id"),
            EntryKind.fromWire(r.getString("kind")).orElseThrow(), r.getString("ballot_id"),
            r.getString("tracking_code"), r.getString("confirmation_code"), r.getString("body"),
            Status.valueOf(r.getString("status")), Optional.ofNullable(r.getString("receipt")),
            Optional.ofNullable(r.getString("error")), r.getLong("created_at")));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the outbox", e);
    }
    return out;
  }

  @Override
  public synchronized void close() {
    try {
      db.close();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
