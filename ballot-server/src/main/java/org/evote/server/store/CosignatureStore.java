package org.evote.server.store;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.note.NoteSignature;
import org.evote.crypto.note.SignedNote;

/**
 * The witnesses' cosignatures of the board's checkpoints (protocol §9.8), each verified before it is stored: one row
 * per witness and checkpoint size, in {@code cosignatures.sqlite} next to the board's database (synchronous=FULL).
 * Kept apart from the board so that collecting cosignatures never contends with the board's single writer.
 */
public final class CosignatureStore implements AutoCloseable {
  private final Connection db;

  private CosignatureStore(Connection db) {
    this.db = db;
  }

  /** Creates the (empty) store in {@code file}, as {@code init} does; the file must not exist. */
  public static void create(Path file) {
    if (Files.exists(file)) {
      throw new IllegalStateException(file + " already exists");
    }
    connect(file).close();
  }

  /**
   * Opens the store in {@code file}, which {@code init} created: a missing one is never silently recreated (it would
   * forget what the witnesses cosigned, protocol §9.8).
   */
  public static CosignatureStore open(Path file) throws NoSuchFileException {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null, "the cosignature database is missing");
    }
    return connect(file);
  }

  private static CosignatureStore connect(Path file) {
    try {
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=FULL");
        s.execute("PRAGMA busy_timeout=10000");
        s.execute("CREATE TABLE IF NOT EXISTS cosignatures (witness TEXT NOT NULL, size INTEGER NOT NULL,"
            + " root TEXT NOT NULL, line TEXT NOT NULL, PRIMARY KEY (witness, size))");
      }
      return new CosignatureStore(c);
    } catch (SQLException e) {
      throw StoreException.of("cannot open the cosignature database " + file, e);
    }
  }

  /** The newest checkpoint a witness cosigned, as stored. */
  public record Newest(String witness, long size, Digest root) {}

  /**
   * Keeps a verified cosignature line of {@code witness} (its vkey) over the checkpoint of {@code size} entries with
   * Merkle root {@code root}.
   */
  public synchronized void put(String witness, long size, Digest root, NoteSignature line) {
    try (PreparedStatement p = db.prepareStatement(
        "INSERT OR REPLACE INTO cosignatures (witness, size, root, line) VALUES (?, ?, ?, ?)")) {
      p.setString(1, witness);
      p.setLong(2, size);
      p.setString(3, root.toHex());
      p.setString(4, line.line());
      p.executeUpdate();
    } catch (SQLException e) {
      throw StoreException.of("cannot store a cosignature", e);
    }
  }

  /**
   * The cosignature lines collected for the checkpoint of {@code size} entries and Merkle root {@code root}, of the
   * witnesses in {@code witnesses}: a cosignature of another checkpoint of that size is never served with this one.
   */
  public synchronized List<NoteSignature> of(long size, Digest root, List<String> witnesses) {
    List<NoteSignature> out = new ArrayList<>();
    try (PreparedStatement p = db.prepareStatement(
        "SELECT witness, line FROM cosignatures WHERE size = ? AND root = ?")) {
      p.setLong(1, size);
      p.setString(2, root.toHex());
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          if (witnesses.contains(r.getString(1))) {
            out.addAll(SignedNote.parseSignatureLines(r.getString(2), "cosignature"));
          }
        }
      }
    } catch (SQLException e) {
      throw StoreException.of("cannot read cosignatures", e);
    }
    return out;
  }

  /** For each witness, its newest stored cosignature's size and root. */
  public synchronized List<Newest> newestPerWitness() {
    List<Newest> out = new ArrayList<>();
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery("SELECT c.witness, c.size, c.root FROM cosignatures c WHERE c.size = "
            + "(SELECT max(size) FROM cosignatures d WHERE d.witness = c.witness)")) {
      while (r.next()) {
        out.add(new Newest(r.getString(1), r.getLong(2), Digest.decode(r.getString(3), "cosignatures.root")));
      }
    } catch (SQLException e) {
      throw StoreException.of("cannot read cosignatures", e);
    }
    return out;
  }

  /** The largest size {@code witness} has cosigned, if any. */
  public synchronized OptionalLong lastCosigned(String witness) {
    try (PreparedStatement p = db.prepareStatement("SELECT max(size) FROM cosignatures WHERE witness = ?")) {
      p.setString(1, witness);
      try (ResultSet r = p.executeQuery()) {
        long v = r.getLong(1);
        return r.wasNull() ? OptionalLong.empty() : OptionalLong.of(v);
      }
    } catch (SQLException e) {
      throw StoreException.of("cannot read cosignatures", e);
    }
  }

  /** A checkpoint (size and root) some witnesses have cosigned. */
  public record Candidate(long size, Digest root) {}

  /**
   * The checkpoints of at least {@code atLeast} entries with cosignatures of at least {@code quorum} (&gt; 0) of
   * {@code witnesses} (their vkeys), newest first: the candidates for "cosigned by the quorum", which only
   * {@code WitnessPolicy} decides (it counts witnesses by key name).
   */
  public synchronized List<Candidate> candidates(int quorum, List<String> witnesses, long atLeast) {
    if (witnesses.isEmpty() || quorum < 1) {
      throw new IllegalArgumentException("a quorum of at least one of one or more witnesses");
    }
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < witnesses.size(); i++) {
      in.append(i == 0 ? "?" : ", ?");
    }
    List<Candidate> out = new ArrayList<>();
    try (PreparedStatement p = db.prepareStatement("SELECT size, root FROM cosignatures WHERE size >= ? AND witness"
        + " IN (" + in + ") GROUP BY size, root HAVING count(DISTINCT witness) >= ? ORDER BY size DESC LIMIT 16")) {
      p.setLong(1, atLeast);
      for (int i = 0; i < witnesses.size(); i++) {
        p.setString(2 + i, witnesses.get(i));
      }
      p.setInt(2 + witnesses.size(), quorum);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.add(new Candidate(r.getLong(1), Digest.decode(r.getString(2), "cosignatures.root")));
        }
      }
    } catch (SQLException e) {
      throw StoreException.of("cannot read cosignatures", e);
    }
    return out;
  }

  @Override
  public synchronized void close() {
    try {
      db.close();
    } catch (SQLException e) {
      // closing
    }
  }
}
