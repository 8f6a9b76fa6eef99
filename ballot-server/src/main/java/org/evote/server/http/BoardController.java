package org.evote.server.http;

import org.evote.board.client.ApiPaths;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.evote.crypto.board.BoardEntry;
import org.evote.crypto.board.SignedHead;
import org.evote.crypto.json.BoardJson;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.record.BoardFile;
import org.evote.server.board.BoardReads;

/** The board itself: its latest head, pages of entries, RFC 9162 proofs, and the whole board as one file. */
final class BoardController {
  private static final String HEAD = ApiPaths.HEAD;
  private static final String PAGE = ApiPaths.BOARD;
  private static final String INCLUSION = ApiPaths.INCLUSION_PROOF;
  private static final String CONSISTENCY = ApiPaths.CONSISTENCY_PROOF;
  private static final String EXPORT = ApiPaths.EXPORT;
  private static final int MAX_PAGE = 1000;
  /** A page stops before the entry that would take it over this many bytes of JSON (it always has one entry). */
  static final int MAX_PAGE_BYTES = 1024 * 1024;
  private static final int EXPORT_PAGE = 500;

  private final BoardReads reads;

  BoardController(BoardReads reads) {
    this.reads = reads;
  }

  void routes(RoutesConfig routes) {
    routes.get(HEAD, ctx -> Json.send(ctx, BoardJson.encode(reads.head()).toString()));
    routes.get(PAGE, this::page);
    routes.get(INCLUSION, this::inclusion);
    routes.get(CONSISTENCY, this::consistency);
    routes.get(EXPORT, this::export);
  }

  private void page(Context ctx) {
    long size = reads.size();
    long from = QueryParams.integer(ctx, "from", 0, Long.MAX_VALUE, 0L);
    int limit = (int) QueryParams.integer(ctx, "limit", 1, MAX_PAGE, 100L);
    JsonArrayBuilder entries = JsonText.array();
    long next = from;
    long bytes = 0;
    for (BoardEntry e : reads.entries(from, limit)) {
      jakarta.json.JsonObject json = BoardJson.encode(e);
      bytes += json.toString().length();
      if (bytes > MAX_PAGE_BYTES && next > from) {
        break;
      }
      entries.add(json);
      next = e.sequence() + 1;
    }
    JsonObjectBuilder o = JsonText.object().add("from", from).add("entries", entries).add("size", size);
    if (next < size) {
      o.add("next", next);
    }
    Json.send(ctx, o.build().toString());
  }

  private void inclusion(Context ctx) {
    long board = reads.size();
    long size = QueryParams.integer(ctx, "size", 1, board, board);
    long seq = QueryParams.integer(ctx, "seq", 0, size - 1, null);
    BoardEntry e = reads.entry(seq).orElseThrow();
    Json.send(ctx, JsonText.object(BoardJson.encode(reads.inclusion(seq, size)))
        .add("entry_hash", e.entryHash().toHex()).build().toString());
  }

  private void consistency(Context ctx) {
    long board = reads.size();
    long to = QueryParams.integer(ctx, "to", 1, board, board);
    long from = QueryParams.integer(ctx, "from", 0, to, null);
    Json.send(ctx, BoardJson.encode(reads.consistency(from, to)).toString());
  }

  /** Streams the board as of its latest head, a page of entries at a time. */
  private void export(Context ctx) throws IOException {
    long size = reads.size();
    List<SignedHead> heads = reads.heads().stream().filter(h -> h.size() <= size).toList();
    ctx.contentType("application/json").header("Content-Disposition", "attachment; filename=\"board.json\"");
    Iterable<BoardEntry> entries = () -> new Iterator<>() {
      long next = 0;
      List<BoardEntry> page = List.of();
      int i = 0;

      @Override
      public boolean hasNext() {
        if (i < page.size()) {
          return page.get(i).sequence() < size;
        }
        if (next >= size) {
          return false;
        }
        page = reads.entries(next, EXPORT_PAGE);
        i = 0;
        return !page.isEmpty() && page.get(0).sequence() < size;
      }

      @Override
      public BoardEntry next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        BoardEntry e = page.get(i++);
        next = e.sequence() + 1;
        return e;
      }
    };
    BoardFile.write(ctx.outputStream(), entries, heads);
  }
}
