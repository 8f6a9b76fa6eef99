package org.evote.server.store;

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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.evote.crypto.board.BoardEntry;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.board.SignedHead;
import org.evote.crypto.hash.Digest;

/**
 * The board on an embedded SQLite file (WAL journal, synchronous=FULL, so a committed transaction survives a
 * crash or power cut): the entries, the signed heads, and two index tables derived from the entries (ballots, for
 * receipts and retries; kiosks). One writer connection, reached only through the {@link WriteTransaction} handed out
 * once ({@link #writeTransaction}); a small pool of reader connections for everything else.
 */
public final class BoardStore implements AutoCloseable {
  private static final int READERS = 4;
  /** head_size of a ballot row whose batch's head is not signed yet (never visible after commit). */
  public static final long PENDING_HEAD = -1;
  private final Path file;
  private final Connection writer;
  private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
  private final AtomicBoolean writerHandedOut = new AtomicBoolean();

  private BoardStore(Path file) throws SQLException {
    this.file = file;
    this.writer = connect(file);
    for (int i = 0; i < READERS; i++) {
      readers.add(connect(file));
    }
  }

  private static Connection connect(Path file) throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA journal_mode=WAL");
      s.execute("PRAGMA synchronous=FULL");
      s.execute("PRAGMA busy_timeout=10000");
      s.execute("PRAGMA foreign_keys=ON");
    }
    return c;
  }

  /** Creates the schema in a new database file. */
  public static BoardStore create(Path file) {
    try {
      BoardStore s = new BoardStore(file);
      try (Statement st = s.writer.createStatement()) {
        st.execute("CREATE TABLE entries (seq INTEGER PRIMARY KEY, kind TEXT NOT NULL, timestamp INTEGER NOT NULL,"
            + " payload TEXT NOT NULL, previous_hash TEXT NOT NULL, entry_hash TEXT NOT NULL)");
        st.execute("CREATE TABLE heads (size INTEGER PRIMARY KEY, head_hash TEXT NOT NULL, merkle_root TEXT NOT NULL,"
            + " timestamp INTEGER NOT NULL, signature TEXT NOT NULL)");
        st.execute("CREATE TABLE ballots (ballot_id TEXT PRIMARY KEY, seq INTEGER NOT NULL UNIQUE REFERENCES entries,"
            + " kiosk_id TEXT NOT NULL, request_id TEXT NOT NULL, kind TEXT NOT NULL, code TEXT NOT NULL UNIQUE,"
            + " short_code TEXT NOT NULL, submission_hash TEXT NOT NULL, head_size INTEGER NOT NULL,"
            + " timestamp INTEGER NOT NULL, UNIQUE (kiosk_id, request_id))");
        st.execute("CREATE INDEX ballots_short ON ballots (short_code)");
        st.execute("CREATE INDEX ballots_kind ON ballots (kind, seq)");
        st.execute("CREATE INDEX ballots_pending ON ballots (head_size) WHERE head_size = -1");
        st.execute("CREATE TABLE kiosks (kiosk_id TEXT PRIMARY KEY, public_key TEXT NOT NULL, revoked INTEGER NOT NULL,"
            + " last_code TEXT, last_time INTEGER NOT NULL, ballots INTEGER NOT NULL)");
        st.execute("CREATE TABLE admin_tokens (token_hash TEXT PRIMARY KEY, name TEXT NOT NULL)");
      }
      s.createRefusals();
      return s;
    } catch (SQLException e) {
      throw StoreException.of("cannot create the board database " + file, e);
    }
  }

  /**
   * Opens an existing database. (A board created before the ciphertext index was retired still has an
   * {@code alphas} table; nothing reads or writes it any more.)
   */
  public static BoardStore open(Path file) {
    try {
      BoardStore s = new BoardStore(file);
      s.createRefusals();
      return s;
    } catch (SQLException e) {
      throw StoreException.of("cannot open the board database " + file, e);
    }
  }

  /** The index of refused ballots (added with refusal records; created in older boards when they are opened). */
  private void createRefusals() throws SQLException {
    try (Statement st = writer.createStatement()) {
      st.execute("CREATE TABLE IF NOT EXISTS refusals (seq INTEGER PRIMARY KEY REFERENCES entries, kiosk_id TEXT"
          + " NOT NULL, request_id TEXT NOT NULL, ballot_id TEXT NOT NULL, submission_kind TEXT NOT NULL, code TEXT"
          + " NOT NULL, short_code TEXT NOT NULL, reason TEXT NOT NULL, submission_hash TEXT NOT NULL, head_size"
          + " INTEGER NOT NULL, timestamp INTEGER NOT NULL, UNIQUE (kiosk_id, request_id))");
      st.execute("CREATE INDEX IF NOT EXISTS refusals_code ON refusals (code)");
      st.execute("CREATE INDEX IF NOT EXISTS refusals_short ON refusals (short_code)");
    }
  }

  /**
   * Caps the database file at about {@code maxBytes} (never below its present size; the write-ahead log comes on
   * top): past it, writes fail exactly as on a full disk, so an operator can keep the board from filling a disk it
   * shares.
   */
  public void limitSize(long maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("the size limit is positive");
    }
    try (Statement s = writer.createStatement();
        ResultSet pageSize = s.executeQuery("PRAGMA page_size")) {
      long pages = Math.max(1, maxBytes / pageSize.getLong(1));
      try (Statement set = writer.createStatement()) {
        set.execute("PRAGMA max_page_count = " + pages);
      }
    } catch (SQLException e) {
      throw StoreException.of("cannot limit the board database's size", e);
    }
  }

  /**
   * The one handle on the writer connection. Handed out once: whoever holds it (the board's writer) is the only
   * code that can change the database.
   */
  public WriteTransaction writeTransaction() {
    if (!writerHandedOut.compareAndSet(false, true)) {
      throw new IllegalStateException("the board's write transaction was already handed out");
    }
    return new WriteTransaction(writer);
  }

  // ---- reads ----

  interface ReadWork<T> {
    T run(Connection c) throws SQLException;
  }

  <T> T read(ReadWork<T> work) {
    Connection c;
    try {
      c = readers.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting for a database connection", e);
    }
    try {
      return work.run(c);
    } catch (SQLException e) {
      throw StoreException.of("database read failed", e);
    } finally {
      readers.add(c);
    }
  }

  /** Streams every entry in sequence order (start-up check). */
  public void forEachEntry(Consumer<BoardEntry> consumer) {
    read(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT * FROM entries ORDER BY seq")) {
        p.setFetchSize(256);
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            consumer.accept(entry(r));
          }
        }
      }
      return null;
    });
  }

  public List<BoardEntry> entries(long from, int limit) {
    return read(c -> {
      List<BoardEntry> out = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("SELECT * FROM entries WHERE seq >= ? ORDER BY seq LIMIT ?")) {
        p.setLong(1, from);
        p.setInt(2, limit);
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            out.add(entry(r));
          }
        }
      }
      return out;
    });
  }

  public Optional<BoardEntry> entry(long seq) {
    List<BoardEntry> one = entries(seq, 1);
    return one.isEmpty() || one.get(0).sequence() != seq ? Optional.empty() : Optional.of(one.get(0));
  }

  /** Every stored head in size order. */
  public List<SignedHead> heads() {
    return read(c -> {
      List<SignedHead> out = new ArrayList<>();
      try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT * FROM heads ORDER BY size")) {
        while (r.next()) {
          out.add(head(r));
        }
      }
      return out;
    });
  }

  public Optional<SignedHead> head(long size) {
    return read(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT * FROM heads WHERE size = ?")) {
        p.setLong(1, size);
        try (ResultSet r = p.executeQuery()) {
          return r.next() ? Optional.of(head(r)) : Optional.<SignedHead>empty();
        }
      }
    });
  }

  public Optional<BallotRow> ballotByCode(String codeHex) {
    return read(c -> ballots(c, "SELECT * FROM ballots WHERE code = ?", codeHex)).stream().findFirst();
  }

  public List<BallotRow> ballotsByTrackingCode(String trackingCode) {
    return read(c -> ballots(c, "SELECT * FROM ballots WHERE short_code = ? ORDER BY seq", trackingCode));
  }

  public Optional<BallotRow> ballotByRequest(String kioskId, String requestId) {
    return read(c -> ballots(c, "SELECT * FROM ballots WHERE kiosk_id = ? AND request_id = ?", kioskId,
        requestId)).stream().findFirst();
  }

  /** Ballot rows of one kind in board order, paged. */
  public List<BallotRow> ballotsOfKind(String kind, long fromSeq, int limit) {
    return read(c -> ballots(c, "SELECT * FROM ballots WHERE kind = ? AND seq >= ? ORDER BY seq LIMIT ?", kind,
        fromSeq, limit));
  }

  public Optional<RefusedRow> refusalByCode(String codeHex) {
    return read(c -> refusals(c, "SELECT * FROM refusals WHERE code = ? ORDER BY seq", codeHex)).stream()
        .findFirst();
  }

  public List<RefusedRow> refusalsByTrackingCode(String trackingCode) {
    return read(c -> refusals(c, "SELECT * FROM refusals WHERE short_code = ? ORDER BY seq", trackingCode));
  }

  public Optional<RefusedRow> refusalByRequest(String kioskId, String requestId) {
    return read(c -> refusals(c, "SELECT * FROM refusals WHERE kiosk_id = ? AND request_id = ?", kioskId,
        requestId)).stream().findFirst();
  }

  /** Refused ballots in board order, paged. */
  public List<RefusedRow> refusals(long fromSeq, int limit) {
    return read(c -> refusals(c, "SELECT * FROM refusals WHERE seq >= ? ORDER BY seq LIMIT ?", fromSeq, limit));
  }

  static List<RefusedRow> refusals(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      bind(p, args);
      List<RefusedRow> out = new ArrayList<>();
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.add(new RefusedRow(r.getLong("seq"), r.getString("kiosk_id"), r.getString("request_id"),
              r.getString("ballot_id"), r.getString("submission_kind"), r.getString("code"),
              r.getString("short_code"), r.getString("reason"), r.getString("submission_hash"),
              r.getLong("head_size"), r.getLong("timestamp")));
        }
      }
      return out;
    }
  }

  public List<KioskRow> kiosks() {
    return read(c -> {
      List<KioskRow> out = new ArrayList<>();
      try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT * FROM kiosks ORDER BY kiosk_id")) {
        while (r.next()) {
          out.add(new KioskRow(r.getString("kiosk_id"), r.getString("public_key"), r.getInt("revoked") != 0,
              Optional.ofNullable(r.getString("last_code")), r.getLong("last_time"), r.getLong("ballots")));
        }
      }
      return out;
    });
  }

  /** True if a token with this SHA-256 hash may administer the board. */
  public boolean adminTokenHashExists(String tokenHash) {
    return read(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM admin_tokens WHERE token_hash = ?")) {
        p.setString(1, tokenHash);
        try (ResultSet r = p.executeQuery()) {
          return r.next();
        }
      }
    });
  }

  static List<BallotRow> ballots(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      bind(p, args);
      List<BallotRow> out = new ArrayList<>();
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.add(new BallotRow(r.getString("ballot_id"), r.getLong("seq"), r.getString("kiosk_id"),
              r.getString("request_id"), r.getString("kind"), r.getString("code"), r.getString("short_code"),
              r.getString("submission_hash"), r.getLong("head_size"), r.getLong("timestamp")));
        }
      }
      return out;
    }
  }

  static void bind(PreparedStatement p, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      p.setObject(i + 1, args[i]);
    }
  }

  private static BoardEntry entry(ResultSet r) throws SQLException {
    return new BoardEntry(r.getLong("seq"), EntryKind.fromWire(r.getString("kind")).orElseThrow(
        () -> new SQLException("unknown entry kind in database")), r.getLong("timestamp"), r.getString("payload"),
        Digest.decode(r.getString("previous_hash"), "previous_hash"), Digest.decode(r.getString("entry_hash"),
        "entry_hash"));
  }

  private static SignedHead head(ResultSet r) throws SQLException {
    return new SignedHead(r.getLong("size"), Digest.decode(r.getString("head_hash"), "head_hash"),
        Digest.decode(r.getString("merkle_root"), "merkle_root"), r.getLong("timestamp"),
        new Ed25519.Signature(r.getString("signature")));
  }

  public Path file() {
    return file;
  }

  @Override
  public void close() {
    try {
      writer.close();
      for (Connection c : readers) {
        c.close();
      }
    } catch (SQLException e) {
      throw StoreException.of("cannot close the board database", e);
    }
  }
}
