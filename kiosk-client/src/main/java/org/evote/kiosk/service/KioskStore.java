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
import org.evote.board.client.HeadCheck;
import org.evote.board.client.ReceiptCheck;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.board.SignedHead;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.BoardJson;
import org.evote.crypto.json.Fields;
import org.evote.crypto.json.JsonText;

/**
 * The kiosk's own durable state in a local SQLite file (WAL, synchronous=FULL): the head of its confirmation-code
 * chain, the outbox of signed submissions, the latest signed head of the board it verified (protocol §9.7) and the
 * alarms it raised with their evidence. Casting a ballot writes its submission and advances the chain in one
 * transaction before the voter is told anything, so a ballot is never lost when the network or the kiosk goes down
 * and never sent twice with different contents. Submissions are kept after upload (never deleted), so that one the
 * board loses can be posted again. Thread-safe (one connection, synchronized).
 */
public final class KioskStore implements AutoCloseable {
  private final Connection db;

  /** Where the kiosk's chain stands. */
  public record Chain(String kioskId, Digest lastCode, long lastTime, long nextNumber) {}

  /**
   * One signed submission waiting for, or done with, the board; {@code refusal} is the board's refusal code of a
   * refused one.
   */
  public record Outgoing(long id, String requestId, EntryKind kind, String ballotId, String trackingCode,
      String confirmationCode, String body, Status status, Optional<String> receipt, Optional<String> error,
      long createdAt, Optional<String> refusal) {}

  /**
   * Where a submission stands: waiting; on the board (receipt and head checked, protocol §9.7); refused by the
   * board, for good (with the checked receipt of the board's record of the refusal, or without a record: see
   * {@link #refused()}); or disputed — its receipt checked, but under a head the board cannot prove extends the head the kiosk
   * kept (a rolled-back or forked board), so it is not believed to be on the board and the alarm is raised.
   */
  public enum Status { PENDING, UPLOADED, REFUSED, DISPUTED }

  /**
   * An alarm the kiosk raised, kept with its evidence: {@code kind} names the check ({@code receipt}, {@code head}
   * or {@code audit}), {@code failure} the failed check's name, {@code evidence} the signed material as JSON.
   */
  public record AlarmRecord(long id, long at, String kind, Optional<String> ballotId, String failure, String reason,
      String evidence) {}

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
        if (!hasColumn(c, "outbox", "refusal")) {
          s.execute("ALTER TABLE outbox ADD COLUMN refusal TEXT");
        }
        if (!hasColumn(c, "outbox", "ballot_time")) {
          s.execute("ALTER TABLE outbox ADD COLUMN ballot_time INTEGER");
        }
        s.execute("CREATE TABLE IF NOT EXISTS board_head (id INTEGER PRIMARY KEY CHECK (id = 1),"
            + " head TEXT NOT NULL)");
        s.execute("CREATE TABLE IF NOT EXISTS alarms (id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL,"
            + " kind TEXT NOT NULL, ballot_id TEXT, failure TEXT NOT NULL, reason TEXT NOT NULL,"
            + " evidence TEXT NOT NULL)");
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
            + " tracking_code, confirmation_code, body, status, created_at, ballot_time)"
            + " VALUES (?,?,?,?,?,?,'PENDING',?,?)",
            Statement.RETURN_GENERATED_KEYS)) {
          p.setString(1, requestId);
          p.setString(2, kind.wireName());
          p.setString(3, ballotId);
          p.setString(4, trackingCode);
          p.setString(5, confirmationCode.toHex());
          p.setString(6, body);
          p.setLong(7, now);
          p.setLong(8, timestamp);
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
   * Marks submission {@code id} as on the board, and keeps {@code head} if it advanced, in one transaction. Only a
   * receipt that passed {@link ReceiptCheck} whose head passed {@link HeadCheck} does that (protocol §9.7): the
   * answer as the board sent it is kept.
   */
  public synchronized void markUploaded(long id, ReceiptCheck.Valid checked, HeadCheck.Consistent head) {
    inTransaction(() -> {
      update("UPDATE outbox SET status = 'UPLOADED', receipt = ?, error = NULL WHERE id = ?",
          checked.receipt().json().toString(), id);
      keep(head);
    });
  }

  /**
   * Marks submission {@code id} as disputed: the board signed a receipt for it that passed {@link ReceiptCheck},
   * under a head that failed {@link HeadCheck} ({@code reason}). The receipt is kept as evidence; the kept head
   * stays; the kiosk goes on to the next submission in the chain.
   */
  public synchronized void markDisputed(long id, ReceiptCheck.Valid checked, String reason) {
    try (PreparedStatement p = db.prepareStatement("UPDATE outbox SET status = 'DISPUTED', receipt = ?, error = ?"
        + " WHERE id = ?")) {
      p.setString(1, checked.receipt().json().toString());
      p.setString(2, reason);
      p.setLong(3, id);
      p.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot update the outbox", e);
    }
  }

  /** The uploaded submissions, in chain order (what the audit asks the board about). */
  public synchronized List<Outgoing> uploaded() {
    return query("SELECT * FROM outbox WHERE status = 'UPLOADED' ORDER BY id");
  }

  /**
   * Puts uploaded submission {@code id} back in the queue (the board no longer has its entry): it is posted again,
   * the very same signed request. Its old receipt moves to the alarm's evidence, in the same transaction.
   */
  public synchronized void requeue(long id, String failure, String reason, long now) {
    Outgoing o = byId(id).orElseThrow(() -> new IllegalArgumentException("no submission " + id));
    if (o.status() != Status.UPLOADED) {
      throw new IllegalStateException("submission " + id + " is " + o.status() + ", not uploaded");
    }
    inTransaction(() -> {
      update("UPDATE outbox SET status = 'PENDING', receipt = NULL, error = ? WHERE id = ?", reason, id);
      insertAlarm(now, "audit", Optional.of(o.ballotId()), failure, reason, o.receipt().orElse("{}"));
    });
  }

  /** The latest signed head of the board the kiosk verified (protocol §9.7); empty before the first. */
  public synchronized Optional<SignedHead> keptHead() {
    try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT head FROM board_head")) {
      if (!r.next()) {
        return Optional.empty();
      }
      return Optional.of(BoardJson.decodeHead(Fields.of(JsonText.parseObject(r.getString(1)))));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the kept board head", e);
    }
  }

  /** Keeps {@code head} as the latest verified head, if it {@link HeadCheck.Consistent#advanced advanced}. */
  public synchronized void keepHead(HeadCheck.Consistent head) {
    keep(head);
  }

  /** Records an alarm with its evidence (signed heads, receipts as JSON), durably. */
  public synchronized void recordAlarm(long now, String kind, Optional<String> ballotId, String failure,
      String reason, String evidence) {
    insertAlarm(now, kind, ballotId, failure, reason, evidence);
  }

  /** Every alarm raised, oldest first. */
  public synchronized List<AlarmRecord> alarms() {
    List<AlarmRecord> out = new ArrayList<>();
    try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT * FROM alarms ORDER BY id")) {
      while (r.next()) {
        out.add(new AlarmRecord(r.getLong("id"), r.getLong("at"), r.getString("kind"),
            Optional.ofNullable(r.getString("ballot_id")), r.getString("failure"), r.getString("reason"),
            r.getString("evidence")));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the alarms", e);
    }
    return out;
  }

  private void keep(HeadCheck.Consistent head) {
    if (!head.advanced()) {
      return;
    }
    Optional<SignedHead> kept = keptHead();
    if (kept.isPresent() && kept.get().size() >= head.head().size()) {
      throw new IllegalStateException("the head of size " + head.head().size() + " does not advance the kept "
          + kept.get().size());
    }
    try (PreparedStatement p = db.prepareStatement("INSERT INTO board_head (id, head) VALUES (1, ?)"
        + " ON CONFLICT (id) DO UPDATE SET head = excluded.head")) {
      p.setString(1, BoardJson.encode(head.head()).toString());
      p.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot keep the board head", e);
    }
  }

  private void insertAlarm(long now, String kind, Optional<String> ballotId, String failure, String reason,
      String evidence) {
    try (PreparedStatement p = db.prepareStatement("INSERT INTO alarms (at, kind, ballot_id, failure, reason,"
        + " evidence) VALUES (?,?,?,?,?,?)")) {
      p.setLong(1, now);
      p.setString(2, kind);
      p.setString(3, ballotId.orElse(null));
      p.setString(4, failure);
      p.setString(5, reason);
      p.setString(6, evidence);
      p.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot record the alarm", e);
    }
  }

  private void inTransaction(Runnable work) {
    try {
      db.setAutoCommit(false);
      try {
        work.run();
        db.commit();
      } catch (RuntimeException e) {
        db.rollback();
        throw e;
      } finally {
        db.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot update the kiosk's store: " + e.getMessage(), e);
    }
  }

  /**
   * Marks submission {@code id} permanently refused by the board for {@code reason} (its refusal code;
   * {@code message} the board's words). With {@code recordedReceipt} — the receipt of the board's
   * {@code ballot_refused} entry, which passed the refusal check — the refusal is on the board and the kiosk's chain
   * goes on through the ballot; without, the board refused it without a record. Either way the chain's time goes
   * back to that of its latest ballot not refused (the board's chain time does not include a refused ballot).
   */
  public synchronized void markRefused(long id, String reason, String message, Optional<String> recordedReceipt) {
    inTransaction(() -> {
      try (PreparedStatement p = db.prepareStatement("UPDATE outbox SET status = 'REFUSED', refusal = ?, error = ?,"
          + " receipt = ? WHERE id = ?");
          Statement t = db.createStatement()) {
        p.setString(1, reason);
        p.setString(2, message);
        p.setString(3, recordedReceipt.orElse(null));
        p.setLong(4, id);
        p.executeUpdate();
        // A refused ballot's time is not its chain's time on the board (protocol §5.4): the next ballot is dated
        // from the latest ballot that was not refused.
        t.executeUpdate("UPDATE chain SET last_time = COALESCE((SELECT max(ballot_time) FROM outbox WHERE"
            + " status <> 'REFUSED'), 0)");
      } catch (SQLException e) {
        throw new IllegalStateException("cannot update the outbox", e);
      }
    });
  }

  /** The refused submissions whose refusal the board recorded (with a checked receipt), in chain order. */
  public synchronized List<Outgoing> recordedRefusals() {
    return query("SELECT * FROM outbox WHERE status = 'REFUSED' AND receipt IS NOT NULL ORDER BY id");
  }

  /**
   * The first ballot the board refused without a record, if any: the kiosk's chain on the board stops before it,
   * so no new ballot may be started (protocol §9.7). Kept in the store, so it holds across restarts.
   */
  public synchronized Optional<RefusedBallot> chainBreak() {
    return refused().stream().filter(r -> !r.recorded()).findFirst();
  }

  /** How many ballots the board refused. */
  public synchronized long refusedCount() {
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM outbox WHERE status = 'REFUSED'")) {
      r.next();
      return r.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count the refused ballots", e);
    }
  }

  /** Every ballot the board refused, in chain order, with its reason (what the poll workers are shown). */
  public synchronized List<RefusedBallot> refused() {
    List<RefusedBallot> out = new ArrayList<>();
    try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT * FROM outbox WHERE status ="
        + " 'REFUSED' ORDER BY id")) {
      while (r.next()) {
        Optional<Long> sequence = Optional.ofNullable(r.getString("receipt"))
            .map(j -> JsonText.parseObject(j).getJsonNumber("sequence").longValue());
        String error = Optional.ofNullable(r.getString("error")).orElse("");
        out.add(new RefusedBallot(r.getString("ballot_id"), r.getString("tracking_code"),
            EntryKind.fromWire(r.getString("kind")).orElseThrow(), Optional.ofNullable(r.getString("refusal"))
                .orElse("refused"), error, sequence.isPresent(), sequence));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the refused ballots", e);
    }
    return out;
  }

  private static boolean hasColumn(Connection c, String table, String column) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA table_info(" + table + ")")) {
      while (r.next()) {
        if (r.getString("name").equals(column)) {
          return true;
        }
      }
      return false;
    }
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
            Optional.ofNullable(r.getString("error")), r.getLong("created_at"),
            Optional.ofNullable(r.getString("refusal"))));
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
