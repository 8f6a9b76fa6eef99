package org.evote.crypto.json;

import jakarta.json.JsonObject;
import java.util.List;
import org.evote.crypto.count.RankedResult;
import org.evote.crypto.count.WriteInCount;

/** TEMPORARY stub of count15's CountJson (replaced by theirs at merge). */
public final class CountJson {
  private CountJson() {}

  public static JsonObject encode(List<RankedResult> ranked, List<WriteInCount> writeIns) {
    throw new UnsupportedOperationException("count15");
  }
}
