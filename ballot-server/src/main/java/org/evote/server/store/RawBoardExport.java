package org.evote.server.store;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.record.BoardFile;

/**
 * Writes a board database to a board file exactly as stored, decoding and checking nothing, so that a board the
 * server refuses to serve can still be handed to the verifier, which names the entry that is wrong.
 */
public final class RawBoardExport {
  private static final int PAGE = 500;

  private RawBoardExport() {}

  /** How much was written. */
  public record Written(long entries, long heads) {}

  /** Writes the file beside {@code target} and moves it into place: never a half-written board file. */
  public static Written write(BoardStore store, Path target) throws IOException {
    long[] entries = {0};
    Iterable<JsonObject> rows = () -> new Iterator<>() {
      List<JsonObject> page = rawEntries(store, Long.MIN_VALUE, PAGE);
      int i = 0;

      @Override
      public boolean hasNext() {
        if (i == page.size() && page.size() == PAGE) {
          page = rawEntries(store, page.get(PAGE - 1).getJsonNumber("sequence").longValue() + 1, PAGE);
          i = 0;
        }
        return i < page.size();
      }

      @Override
      public JsonObject next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        entries[0]++;
        return page.get(i++);
      }
    };
    List<JsonObject> heads = rawHeads(store);
    Path partial = target.resolveSibling(target.getFileName() + ".partial");
    try (OutputStream out = Files.newOutputStream(partial)) {
      BoardFile.writeJson(out, rows, heads);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(partial);
      throw e;
    }
    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return new Written(entries[0], heads.size());
  }

  /**
   * Up to {@code limit} entry rows from sequence number {@code from} on, as they are stored: the board-file form of
   * each row (a column that is not what it should be is written as the text stored, for the verifier to name).
   */
  static List<JsonObject> rawEntries(BoardStore store, long from, int limit) {
    return store.read(c -> {
      List<JsonObject> out = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("SELECT * FROM entries WHERE seq >= ? ORDER BY seq LIMIT ?")) {
        p.setLong(1, from);
        p.setInt(2, limit);
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            out.add(JsonText.object().add("sequence", raw(r.getObject("seq")))
                .add("kind", raw(r.getObject("kind"))).add("timestamp", raw(r.getObject("timestamp")))
                .add("payload", payload(r)).add("previous_hash", raw(r.getObject("previous_hash")))
                .add("entry_hash", raw(r.getObject("entry_hash"))).build());
          }
        }
      }
      return out;
    });
  }

  private static JsonValue payload(ResultSet r) throws SQLException {
    try {
      return JsonText.parseObject(r.getString("payload"));
    } catch (InvalidFieldException e) {
      return JsonText.string(String.valueOf(r.getString("payload")));
    }
  }

  /** Every signed-head row as stored, decoding nothing. */
  static List<JsonObject> rawHeads(BoardStore store) {
    return store.read(c -> {
      List<JsonObject> out = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("SELECT * FROM heads ORDER BY size");
          ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.add(JsonText.object().add("size", raw(r.getObject("size")))
              .add("head_hash", raw(r.getObject("head_hash"))).add("merkle_root", raw(r.getObject("merkle_root")))
              .add("timestamp", raw(r.getObject("timestamp"))).add("signature", raw(r.getObject("signature")))
              .build());
        }
      }
      return out;
    });
  }

  private static JsonValue raw(Object column) {
    if (column instanceof Integer || column instanceof Long) {
      return JsonText.number(((Number) column).longValue());
    }
    return column == null ? JsonValue.NULL : JsonText.string(column.toString());
  }
}
