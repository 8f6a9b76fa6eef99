package org.evote.tally.service;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.evote.crypto.board.EntryPayload;
import org.evote.crypto.json.JsonHashes;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.record.RecordFiles;

/** The {@code tally_published} request for a record: the hashes of its tally, shares and result (protocol V17). */
public final class TallyPublication {
  private TallyPublication() {}

  /** The {@code tally_published} payload for the record in {@code record} (what {@code POST /api/admin/tally} posts). */
  public static EntryPayload.TallyPublished of(Path record) throws IOException {
    JsonObject tally = JsonText.readObject(record.resolve(RecordFiles.TALLY));
    JsonObject result = JsonText.readObject(record.resolve(RecordFiles.RESULT));
    List<JsonObject> shares = new ArrayList<>();
    for (JsonValue v : JsonText.readObject(record.resolve(RecordFiles.SHARES)).getJsonArray("shares")) {
      shares.add(v.asJsonObject());
    }
    return new EntryPayload.TallyPublished(JsonHashes.of(tally), JsonHashes.ofShares(shares),
        JsonHashes.of(result));
  }
}
