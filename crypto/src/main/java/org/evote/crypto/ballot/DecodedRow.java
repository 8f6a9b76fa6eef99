package org.evote.crypto.ballot;

import java.util.List;
import java.util.Map;
import org.evote.crypto.count.Ranking;

/**
 * One decrypted row of a mixed contest (protocol §13.5): the ranking (ranked contests; empty ranks otherwise) and,
 * per write-in line (selection id, in selection order), what was written.
 */
public record DecodedRow(Ranking ranking, Map<String, WrittenName> writeIns) {
  public DecodedRow {
    writeIns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(writeIns));
  }

  /** What one write-in line holds after decryption. */
  public sealed interface WrittenName permits Blank, Name, Unreadable {}

  /** Nothing was written. */
  public record Blank() implements WrittenName {}

  /** A valid name ({@link WriteInNames}). */
  public record Name(String text) implements WrittenName {}

  /** Points that decode to no valid name (a kiosk that broke the encoding rule). */
  public record Unreadable(String reason) implements WrittenName {}

  /** A row with no write-in lines. */
  public static DecodedRow ranking(List<Integer> ranks) {
    return new DecodedRow(new Ranking(ranks), Map.of());
  }
}
