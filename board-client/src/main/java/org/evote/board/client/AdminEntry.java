package org.evote.board.client;

import jakarta.json.JsonObject;
import java.util.Objects;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.Fields;

/** The board's answer to an administrator action: the entry it posted, once durable. */
public record AdminEntry(long sequence, EntryKind kind, Digest entryHash) {
  public AdminEntry {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(entryHash, "entryHash");
  }

  static AdminEntry decode(JsonObject json) {
    Fields f = Fields.of(json);
    return new AdminEntry(f.integer("sequence", 0, Long.MAX_VALUE), EntryKind.fromWire(f.string("kind"))
        .orElseThrow(() -> new IllegalArgumentException("unknown entry kind " + f.string("kind"))),
        f.digest("entry_hash"));
  }
}
