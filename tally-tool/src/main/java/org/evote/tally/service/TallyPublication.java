package org.evote.tally.service;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.evote.crypto.json.JsonHashes;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.record.RecordFiles;

/** The {@code tally_published} request for a record: the hashes of its tally, shares and result (protocol V17). */
public final class TallyPublication {
  private TallyPublication() {}

  /** The body of {@code POST /api/admin/tally} for the record in {@code record}. */
  public static String body(Path record) throws IOException {
    JsonObject tally = JsonText.readObject(record.resolve(RecordFiles.TALLY));
    JsonObject result = JsonText.readObject(record.resolve(RecordFiles.RESULT));
    List<JsonObject> shares = new ArrayList<>();
    for (JsonValue v : JsonText.readObject(record.resolve(RecordFiles.SHARES)).getJsonArray("shares")) {
      shares.add(v.asJsonObject());
    }
    return JsonText.object().add("tally_hash", JsonHashes.of(tally).toHex())
        .add("shares_hash", JsonHashes.ofShares(shares).toHex())
        .add("result_hash", JsonHashes.of(result).toHex()).build().toString();
  }
}
