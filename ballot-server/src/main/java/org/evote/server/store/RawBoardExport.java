package org.evote.server.store;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.List;
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
      List<JsonObject> page = store.rawEntries(Long.MIN_VALUE, PAGE);
      int i = 0;

      @Override
      public boolean hasNext() {
        if (i == page.size() && page.size() == PAGE) {
          page = store.rawEntries(page.get(PAGE - 1).getJsonNumber("sequence").longValue() + 1, PAGE);
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
    List<JsonObject> heads = store.rawHeads();
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
}
