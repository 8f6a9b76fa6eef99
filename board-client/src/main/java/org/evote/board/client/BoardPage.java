package org.evote.board.client;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.OptionalLong;
import org.evote.crypto.board.BoardEntry;
import org.evote.crypto.json.BoardJson;
import org.evote.crypto.json.Fields;

/**
 * A page of board entries ({@code GET /api/board}).
 *
 * @param size the size of the latest signed head when the page was read
 * @param next where the following page starts, if there is one
 */
public record BoardPage(long from, List<BoardEntry> entries, long size, OptionalLong next) {
  public BoardPage {
    entries = List.copyOf(entries);
  }

  static BoardPage decode(JsonObject json) {
    Fields f = Fields.of(json);
    return new BoardPage(f.integer("from", 0, Long.MAX_VALUE),
        f.objects("entries", 0, Integer.MAX_VALUE, BoardJson::decodeEntry), f.integer("size", 0, Long.MAX_VALUE),
        f.has("next") ? OptionalLong.of(f.integer("next", 0, Long.MAX_VALUE)) : OptionalLong.empty());
  }
}
