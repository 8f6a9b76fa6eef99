package org.evote.crypto.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.evote.crypto.InvalidFieldException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading board files entry by entry, whatever their size, with the same strictness as one parser. */
class BoardFileTest {
  @TempDir
  Path temp;

  List<JsonObject> read(String text) throws IOException {
    Path f = temp.resolve("board.json");
    Files.writeString(f, text);
    List<JsonObject> out = new ArrayList<>();
    BoardFile.open(f).forEachEntry(out::add);
    return out;
  }

  @Test
  void aBoardLargerThanOneParserAcceptsIsReadEntryByEntry() throws IOException {
    // Parsson refuses a single document over 15 million characters; a county board is gigabytes.
    Path f = temp.resolve("big.json");
    String filler = "a".repeat(1 << 20);
    try (Writer w = Files.newBufferedWriter(f)) {
      w.write("{\"entries\": [");
      for (int i = 0; i < 24; i++) {
        w.write((i == 0 ? "" : ",\n ") + "{\"sequence\": " + i + ", \"payload\": \"" + filler + "\"}");
      }
      w.write("], \"signed_heads\": [{\"size\": 24}]}");
    }
    assertTrue(Files.size(f) > 20_000_000);
    List<Long> seen = new ArrayList<>();
    BoardFile board = BoardFile.open(f);
    board.forEachEntry(e -> seen.add(e.getJsonNumber("sequence").longValue()));
    assertEquals(24, seen.size());
    assertEquals(23L, seen.get(23));
    assertEquals(24, board.heads().get(0).getInt("size"));
  }

  @Test
  void bracesAndEscapedQuotesInsideStringsAreNotStructure() throws IOException {
    List<JsonObject> entries = read("{\"entries\":[{\"a\":\"}{][\\\"\\\\\"},{\"b\":{\"c\":[1,{\"d\":\"}\"}]}}],"
        + "\"signed_heads\":[]}");
    assertEquals(2, entries.size());
    assertEquals("}{][\"\\", entries.get(0).getString("a"));
    assertEquals("}", entries.get(1).getJsonObject("b").getJsonArray("c").getJsonObject(1).getString("d"));
  }

  @Test
  void malformedFilesAreRefusedNamingTheField() {
    assertEquals("entries[].sequence", assertThrows(InvalidFieldException.class,
        () -> read("{\"entries\":[{\"sequence\":1,\"sequence\":2}]}")).field());
    assertThrows(InvalidFieldException.class, () -> read("{\"entries\":[{\"a\":1}"));
    assertThrows(InvalidFieldException.class, () -> read("{\"entries\":[{\"a\":1}}]}"));
    assertThrows(InvalidFieldException.class, () -> read("{\"entries\":[{\"a\":1} {\"b\":2}]}"));
    assertEquals("entries", assertThrows(InvalidFieldException.class, () -> read("{\"entries\":[1]}")).field());
    assertEquals("signed_heads", assertThrows(InvalidFieldException.class,
        () -> read("{\"entries\":[],\"signed_heads\":[[]]}")).field());
    assertEquals("other", assertThrows(InvalidFieldException.class,
        () -> read("{\"entries\":[],\"other\":{\"x\":1}}")).field());
    assertThrows(InvalidFieldException.class, () -> read("{\"entries\":[]} trailing"));
  }
}
