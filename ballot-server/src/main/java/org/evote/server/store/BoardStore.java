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
import java.util.function.Consumer;
import org.evote.crypto.board.BoardEntry;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.board.SignedHead;
import org.evote.crypto.hash.Digest;

/**
 * The board on an embedded SQLite file (WAL journal, synchronous=FULL, so a committed transaction survives a
 * crash or power cut). One writer connection, used only by the board's writer thread; a small pool of reader
 * connections for the HTTP API. Entries, ballot index rows, kiosk state and signed heads change together in one
 * transaction.
 */
public final class BoardStore implements AutoCloseable {
  private static final int READERS = 4;
  /** head_size of a ballot row whose batch's head is not signed yet (never visible after commit). */
  public static final long PENDING_HEAD = -1;
  private final Path file;
  private final Connection writer;
  private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);

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
        st.execute("CREATE TABLE alphas (alpha TEXT PRIMARY KEY, seq INTEGER NOT NULL)");
        st.execute("CREATE TABLE kiosks (kiosk_id TEXT PRIMARY KEY, public_key TEXT NOT NULL, revoked INTEGER NOT NULL,"
            + " last_code TEXT, last_time INTEGER NOT NULL, ballots INTEGER NOT NULL)");
        st.execute("CREATE TABLE admin_tokens (token_hash TEXT PRIMARY KEY, name TEXT NOT NULL)");
      }
      return s;
    } catch (SQLException e) {
      throw new StoreException("cannot create the board database " + file, e);
    }
  }

  /** Opens an existing database. */
  public static BoardStore open(Path file) {
    try {
      return new BoardStore(file);
    } catch (SQLException e) {
      throw new StoreException("cannot open the board database " + file, e);
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
      throw new StoreException("cannot limit the board database's size: " + e.getMessage(), e);
    }
  }

  // ---- writer side (writer thread only) ----

  public void begin() {
    exec("BEGIN IMMEDIATE");
  }

  public void commit() {
    exec("COMMIT");
  }

  /** Marks a point the current task can be rolled back to alone. */
  public void savepoint() {
    exec("SAVEPOINT task");
  }

  public void releaseSavepoint() {
    exec("RELEASE SAVEPOINT task");
  }

  public void rollbackToSavepoint() {
    exec("ROLLBACK TO SAVEPOINT task");
    exec("RELEASE SAVEPOINT task");
  }

  /** Rolls back the open transaction, if any; never throws. */
  public void rollbackQuietly() {
    try (Statement s = writer.createStatement()) {
      s.execute("ROLLBACK");
    } catch (SQLException ignored) {
      // no transaction open
    }
  }

  private void exec(String sql) {
    try (Statement s = writer.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new StoreException("database " + sql.toLowerCase() + " failed: " + e.getMessage(), e);
    }
  }

  public void insertEntry(BoardEntry e) {
    update("INSERT INTO entries (seq, kind, timestamp, payload, previous_hash, entry_hash) VALUES (?,?,?,?,?,?)",
        e.sequence(), e.kind().wireName(), e.timestamp(), e.payload(), e.previousHash().toHex(),
        e.entryHash().toHex());
  }

  public void insertHead(SignedHead h) {
    update("INSERT INTO heads (size, head_hash, merkle_root, timestamp, signature) VALUES (?,?,?,?,?)", h.size(),
        h.headHash().toHex(), h.merkleRoot().toHex(), h.timestamp(), h.signature().hex());
  }

  public void insertBallot(BallotRow b) {
    update("INSERT INTO ballots (ballot_id, seq, kiosk_id, request_id, kind, code, short_code, submission_hash,"
        + " head_size, timestamp) VALUES (?,?,?,?,?,?,?,?,?,?)", b.ballotId(), b.sequence(), b.kioskId(),
        b.requestId(), b.kind(), b.confirmationCode(), b.trackingCode(), b.submissionHash(), b.headSize(),
        b.timestamp());
  }

  public void insertAlphas(List<String> alphas, long seq) {
    try (PreparedStatement p = writer.prepareStatement("INSERT INTO alphas (alpha, seq) VALUES (?,?)")) {
      for (String a : alphas) {
        p.setString(1, a);
        p.setLong(2, seq);
        p.addBatch();
      }
      p.executeBatch();
    } catch (SQLException e) {
      throw new StoreException("cannot store ciphertext index: " + e.getMessage(), e);
    }
  }

  public void upsertKiosk(KioskRow k) {
    update("INSERT INTO kiosks (kiosk_id, public_key, revoked, last_code, last_time, ballots) VALUES (?,?,?,?,?,?)"
        + " ON CONFLICT (kiosk_id) DO UPDATE SET public_key = excluded.public_key, revoked = excluded.revoked,"
        + " last_code = excluded.last_code, last_time = excluded.last_time, ballots = excluded.ballots",
        k.kioskId(), k.publicKey(), k.revoked() ? 1 : 0, k.lastCode().orElse(null), k.lastTime(), k.ballots());
  }

  /** Sets the head of every ballot row of the current batch. */
  public void assignPendingHeads(long headSize) {
    update("UPDATE ballots SET head_size = ? WHERE head_size = ?", headSize, PENDING_HEAD);
  }

  public void insertAdminToken(String tokenHash, String name) {
    update("INSERT INTO admin_tokens (token_hash, name) VALUES (?,?)", tokenHash, name);
  }

  /** True if any of the α values is already indexed (writer connection: sees this transaction's rows). */
  public boolean anyAlphaExists(List<String> alphas) {
    try (PreparedStatement p = writer.prepareStatement("SELECT 1 FROM alphas WHERE alpha = ?")) {
      for (String a : alphas) {
        p.setString(1, a);
        try (ResultSet r = p.executeQuery()) {
          if (r.next()) {
            return true;
          }
        }
      }
      return false;
    } catch (SQLException e) {
      throw new StoreException("cannot read ciphertext index: " + e.getMessage(), e);
    }
  }

  /** Looks up a ballot through the writer connection (inside the writer's transaction). */
  public Optional<BallotRow> writerBallotById(String ballotId) {
    return ballots(writer, "SELECT * FROM ballots WHERE ballot_id = ?", ballotId).stream().findFirst();
  }

  public Optional<BallotRow> writerBallotByRequest(String kioskId, String requestId) {
    return ballots(writer, "SELECT * FROM ballots WHERE kiosk_id = ? AND request_id = ?", kioskId, requestId)
        .stream().findFirst();
  }

  private void update(String sql, Object... args) {
    try (PreparedStatement p = writer.prepareStatement(sql)) {
      bind(p, args);
      p.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("database write failed: " + e.getMessage(), e);
    }
  }

  // ---- reader side ----

  private interface ReadWork<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T read(ReadWork<T> work) {
    Connection c;
    try {
      c = readers.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted", e);
    }
    try {
      return work.run(c);
    } catch (SQLException e) {
      throw new StoreException("database read failed: " + e.getMessage(), e);
    } finally {
      readers.add(c);
    }
  }

  /** The ciphertext index in (sequence, α) order, read as a stream (startup integrity check). */
  public final class AlphaCursor implements AutoCloseable {
    private final Connection c;
    private final PreparedStatement p;
    private final ResultSet r;
    private boolean has;

    private AlphaCursor() throws SQLException, InterruptedException {
      c = readers.take();
      p = c.prepareStatement("SELECT seq, alpha FROM alphas ORDER BY seq, alpha");
      r = p.executeQuery();
      has = r.next();
    }

    /** The α values indexed for entry {@code seq}, sorted; the cursor must be read in sequence order. */
    public List<String> forSequence(long seq) throws SQLException {
      List<String> out = new ArrayList<>();
      while (has && r.getLong(1) < seq) {
        has = r.next();
      }
      while (has && r.getLong(1) == seq) {
        out.add(r.getString(2));
        has = r.next();
      }
      return out;
    }

    /** True if rows remain beyond the last sequence read. */
    public boolean remaining() {
      return has;
    }

    @Override
    public void close() throws SQLException {
      r.close();
      p.close();
      readers.add(c);
    }
  }

  public AlphaCursor alphaCursor() {
    try {
      return new AlphaCursor();
    } catch (SQLException e) {
      throw new StoreException("cannot read the ciphertext index", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted", e);
    }
  }

  /** Replaces the kiosk and ballot index tables (rebuilt from the entries at start). */
  public void replaceIndexes(List<KioskRow> kiosks, List<BallotRow> ballots) {
    begin();
    try {
      exec("DELETE FROM ballots");
      exec("DELETE FROM kiosks");
      for (KioskRow k : kiosks) {
        upsertKiosk(k);
      }
      for (BallotRow b : ballots) {
        insertBallot(b);
      }
      commit();
    } catch (RuntimeException e) {
      rollbackQuietly();
      throw e;
    }
  }

  /** Streams every entry in sequence order (startup integrity check, export). */
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
    return read(c -> ballots(c, "SELECT * FROM ballots WHERE kind = ? AND seq >= ? ORDER BY seq LIMIT " + limit, kind,
        fromSeq));
  }

  public long countBallots(String kind) {
    return read(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT count(*) FROM ballots WHERE kind = ?")) {
        p.setString(1, kind);
        try (ResultSet r = p.executeQuery()) {
          r.next();
          return r.getLong(1);
        }
      }
    });
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

  private static List<BallotRow> ballots(Connection c, String sql, Object... args) {
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
    } catch (SQLException e) {
      throw new StoreException("database read failed: " + e.getMessage(), e);
    }
  }

  private static void bind(PreparedStatement p, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      p.setObject(i + 1, args[i]);
    }
  }

  /**
   * Up to {@code limit} entry rows from sequence number {@code from} on, as they are stored, decoding nothing: the
   * board-file form of each row, for exporting a board that does not check out (a column that is not what it should
   * be is written as the text stored, for the verifier to name).
   */
  public List<jakarta.json.JsonObject> rawEntries(long from, int limit) {
    return read(c -> {
      List<jakarta.json.JsonObject> out = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("SELECT * FROM entries WHERE seq >= ? ORDER BY seq LIMIT ?")) {
        p.setLong(1, from);
        p.setInt(2, limit);
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            jakarta.json.JsonValue payload;
            try {
              payload = org.evote.crypto.json.JsonText.parseObject(r.getString("payload"));
            } catch (org.evote.crypto.InvalidFieldException e) {
              payload = org.evote.crypto.json.JsonText.string(String.valueOf(r.getString("payload")));
            }
            out.add(org.evote.crypto.json.JsonText.object().add("sequence", raw(r.getObject("seq")))
                .add("kind", raw(r.getObject("kind"))).add("timestamp", raw(r.getObject("timestamp")))
                .add("payload", payload).add("previous_hash", raw(r.getObject("previous_hash")))
                .add("entry_hash", raw(r.getObject("entry_hash"))).build());
          }
        }
      }
      return out;
    });
  }

  /** Every signed-head row as stored, decoding nothing (see {@link #rawEntries}). */
  public List<jakarta.json.JsonObject> rawHeads() {
    return read(c -> {
      List<jakarta.json.JsonObject> out = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("SELECT * FROM heads ORDER BY size");
          ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.add(org.evote.crypto.json.JsonText.object().add("size", raw(r.getObject("size")))
              .add("head_hash", raw(r.getObject("head_hash"))).add("merkle_root", raw(r.getObject("merkle_root")))
              .add("timestamp", raw(r.getObject("timestamp"))).add("signature", raw(r.getObject("signature")))
              .build());
        }
      }
      return out;
    });
  }

  private static jakarta.json.JsonValue raw(Object column) {
    if (column instanceof Integer || column instanceof Long) {
      return org.evote.crypto.json.JsonText.number(((Number) column).longValue());
    }
    return column == null ? jakarta.json.JsonValue.NULL
        : org.evote.crypto.json.JsonText.string(column.toString());
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
      throw new StoreException("cannot close the board database", e);
    }
  }
}
