package org.evote.crypto.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
import org.evote.crypto.mix.MixRow;
import org.evote.crypto.mix.ShuffleProof;

/** TEMPORARY stub of shuffle15's MixJson (replaced by theirs at merge). */
public final class MixJson {
  private MixJson() {}

  public static JsonObject encode(ShuffleProof proof) {
    throw new UnsupportedOperationException("shuffle15");
  }

  public static ShuffleProof decodeProof(Fields f) {
    throw new UnsupportedOperationException("shuffle15");
  }

  public static JsonArray encodeRows(List<MixRow> rows) {
    throw new UnsupportedOperationException("shuffle15");
  }

  public static List<MixRow> decodeRows(Fields f, String name) {
    throw new UnsupportedOperationException("shuffle15");
  }
}
