package org.evote.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Optional;
import org.evote.crypto.board.BoardEntry;
import org.evote.crypto.board.SignedHead;

/**
 * The board's writer connection: transactions, per-task savepoints and every write. {@link BoardStore} hands it
 * out once ({@link BoardStore#writeTransaction}), so only its holder — the board's single writer — changes the
 * database. Not thread-safe: used by one thread at a time.
 */
public final class WriteTransaction {
  private final Connection c;

  WriteTransaction(Connection c) {
    this.c = c;
  }

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

  /** Undoes the current task's writes, keeping the rest of the transaction. */
  public void rollbackToSavepoint() {
    exec("ROLLBACK TO SAVEPOINT task");
    exec("RELEASE SAVEPOINT task");
  }

  /** Rolls back the open transaction, if any; never throws. */
  public void rollbackQuietly() {
    try (Statement s = c.createStatement()) {
      s.execute("ROLLBACK");
    } catch (SQLException ignored) {
      // no transaction open
    }
  }

  private void exec(String sql) {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw StoreException.of("database " + sql.toLowerCase() + " failed", e);
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

  public void insertRefusal(RefusedRow r) {
    update("INSERT INTO refusals (seq, kiosk_id, request_id, ballot_id, submission_kind, code, short_code, reason,"
        + " submission_hash, head_size, timestamp) VALUES (?,?,?,?,?,?,?,?,?,?,?)", r.sequence(), r.kioskId(),
        r.requestId(), r.ballotId(), r.submissionKind(), r.confirmationCode(), r.trackingCode(), r.reason(),
        r.submissionHash(), r.headSize(), r.timestamp());
  }

  public void upsertKiosk(KioskRow k) {
    update("INSERT INTO kiosks (kiosk_id, public_key, revoked, last_code, last_time, ballots) VALUES (?,?,?,?,?,?)"
        + " ON CONFLICT (kiosk_id) DO UPDATE SET public_key = excluded.public_key, revoked = excluded.revoked,"
        + " last_code = excluded.last_code, last_time = excluded.last_time, ballots = excluded.ballots",
        k.kioskId(), k.publicKey(), k.revoked() ? 1 : 0, k.lastCode().orElse(null), k.lastTime(), k.ballots());
  }

  /** Sets the head of every ballot row of the current batch. */
  public void assignPendingHeads(long headSize) {
    update("UPDATE ballots SET head_size = ? WHERE head_size = ?", headSize, BoardStore.PENDING_HEAD);
    update("UPDATE refusals SET head_size = ? WHERE head_size = ?", headSize, BoardStore.PENDING_HEAD);
  }

  public void insertAdminToken(String tokenHash, String name) {
    update("INSERT INTO admin_tokens (token_hash, name) VALUES (?,?)", tokenHash, name);
  }

  /** The ballot row of (kiosk, request id), seeing this transaction's own rows. */
  public Optional<BallotRow> ballotByRequest(String kioskId, String requestId) {
    try {
      return BoardStore.ballots(c, "SELECT * FROM ballots WHERE kiosk_id = ? AND request_id = ?", kioskId,
          requestId).stream().findFirst();
    } catch (SQLException e) {
      throw StoreException.of("database read failed", e);
    }
  }

  /** The refused-ballot row of (kiosk, request id), seeing this transaction's own rows. */
  public Optional<RefusedRow> refusalByRequest(String kioskId, String requestId) {
    try {
      return BoardStore.refusals(c, "SELECT * FROM refusals WHERE kiosk_id = ? AND request_id = ?", kioskId,
          requestId).stream().findFirst();
    } catch (SQLException e) {
      throw StoreException.of("database read failed", e);
    }
  }

  /** {@link #replaceIndexes(List, List, List)} of a board without refused ballots. */
  public void replaceIndexes(List<KioskRow> kiosks, List<BallotRow> ballots) {
    replaceIndexes(kiosks, ballots, List.of());
  }

  /**
   * Replaces the kiosk, ballot and refused-ballot index tables in one transaction of its own (rebuilt from the
   * entries at start).
   */
  public void replaceIndexes(List<KioskRow> kiosks, List<BallotRow> ballots, List<RefusedRow> refusals) {
    begin();
    try {
      exec("DELETE FROM ballots");
      exec("DELETE FROM refusals");
      exec("DELETE FROM kiosks");
      for (KioskRow k : kiosks) {
        upsertKiosk(k);
      }
      for (BallotRow b : ballots) {
        insertBallot(b);
      }
      for (RefusedRow r : refusals) {
        insertRefusal(r);
      }
      commit();
    } catch (RuntimeException e) {
      rollbackQuietly();
      throw e;
    }
  }

  private void update(String sql, Object... args) {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      BoardStore.bind(p, args);
      p.executeUpdate();
    } catch (SQLException e) {
      throw StoreException.of("database write failed", e);
    }
  }
}
