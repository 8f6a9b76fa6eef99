package org.evote.crypto.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.evote.crypto.ballot.DecodedRow;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.json.ManifestJson;
import org.evote.crypto.manifest.Manifest;
import org.junit.jupiter.api.Test;

class WriteInsTest {
  private static Manifest riverton() throws Exception {
    return ManifestJson.decode(JsonText.parseObject(Files.readString(
        Path.of("../docs/examples/manifest-riverton-rcv.json"), StandardCharsets.UTF_8)));
  }

  private static DecodedRow row(DecodedRow.WrittenName name) {
    return new DecodedRow(new Ranking(List.of()), Map.of("sel-write-in-council", name));
  }

  @Test
  void namesAreCountedMostFirstWithUnreadableApartAndBlanksIgnored() throws Exception {
    Manifest m = riverton();
    List<DecodedRow> rows = List.of(row(new DecodedRow.Name("Zoë Ångström")), row(new DecodedRow.Name("Ana Pérez")),
        row(new DecodedRow.Name("Zoë Ångström")), row(new DecodedRow.Blank()),
        row(new DecodedRow.Unreadable("not UTF-8")), row(new DecodedRow.Name("Bo Li")));
    List<WriteInCount> counts = WriteIns.count(m, m.contest("city-council").orElseThrow(), rows);
    assertEquals(1, counts.size());
    WriteInCount c = counts.get(0);
    assertEquals("sel-write-in-council", c.selectionId());
    assertEquals(List.of(new WriteInCount.Name("Zoë Ångström", 2), new WriteInCount.Name("Ana Pérez", 1),
        new WriteInCount.Name("Bo Li", 1)), c.names());
    assertEquals(1, c.unreadable());
    assertEquals(4, c.written());
  }

  @Test
  void aLineWithNoNameIsStillListedAndAContestWithoutLinesHasNone() throws Exception {
    Manifest m = riverton();
    assertEquals(List.of(new WriteInCount("city-council", "sel-write-in-council", List.of(), 0)),
        WriteIns.count(m, m.contest("city-council").orElseThrow(), List.of()));
    assertEquals(List.of(), WriteIns.count(m, m.contest("school-board-ward-2").orElseThrow(),
        List.of(DecodedRow.ranking(List.of(1, 2, 3)))));
  }

  @Test
  void aRowWithOtherLinesIsRefused() throws Exception {
    Manifest m = riverton();
    assertThrows(IllegalArgumentException.class, () -> WriteIns.count(m, m.contest("city-council").orElseThrow(),
        List.of(new DecodedRow(new Ranking(List.of()), Map.of("sel-write-in-mayor", new DecodedRow.Blank())))));
  }

  @Test
  void theListIsValidated() {
    assertThrows(IllegalArgumentException.class, () -> new WriteInCount.Name(" two  spaces", 1));
    assertThrows(IllegalArgumentException.class, () -> new WriteInCount.Name("Ana", 0));
    assertThrows(IllegalArgumentException.class, () -> new WriteInCount("c", "s",
        List.of(new WriteInCount.Name("Ana", 1), new WriteInCount.Name("Bo", 2)), 0));
    assertThrows(IllegalArgumentException.class, () -> new WriteInCount("c", "s",
        List.of(new WriteInCount.Name("Ana", 1), new WriteInCount.Name("Ana", 1)), 0));
    assertThrows(IllegalArgumentException.class, () -> new WriteInCount("c", "s", List.of(), -1));
  }
}
