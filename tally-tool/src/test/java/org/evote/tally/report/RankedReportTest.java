package org.evote.tally.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.evote.crypto.count.RankedResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The result files of an election with ranked contests and write-in names (protocol §13.6, §13.7). */
class RankedReportTest {
  @TempDir
  static Path dir;
  static List<String> written;
  static List<RankedResult> ranked = RivertonCounts.ranked();

  @BeforeAll
  static void write() throws IOException {
    ResultReport report = new ResultReport(RivertonCounts.MANIFEST, RivertonCounts.result(), ranked,
        RivertonCounts.writeIns());
    written = report.write(dir);
    report.write(Files.createDirectories(Path.of("target", "result-ranked")));
  }

  @Test
  void theCountIsTheOneWeMadeUp() {
    RankedResult mayor = ranked.get(0);
    assertEquals(RankedResult.Outcome.BATCH_ELIMINATION, mayor.rounds().get(0).outcome());
    assertEquals(List.of("sel-mayor-chen", "sel-mayor-tremblay", "sel-write-in-mayor"),
        mayor.rounds().get(0).defeated());
    assertEquals(1, mayor.rounds().get(0).exhaustedBySkips());
    assertTrue(ranked.get(1).rounds().stream().anyMatch(r -> r.lot().isPresent()), "the school board has a lot");
  }

  @Test
  void everyLanguageGetsItsFilesAndTheCountsGetCsvFiles() {
    assertEquals(List.of("result.txt", "result.csv", "result.html", "result-rounds.csv", "result-write-ins.csv",
        "result.es.txt", "result.es.html"), written);
  }

  @Test
  void theTextShowsEveryRoundHowItEndedAndTheWinner() throws IOException {
    String text = Files.readString(dir.resolve("result.txt"));
    assertTrue(text.contains("Mayor\n  Ranked choice: instant runoff (Maine's rules)\n  Round 1\n"), text);
    assertTrue(text.contains("Defeated together (mathematically impossible to be elected): Wei Chen, "), text);
    assertTrue(text.contains("Exhausted ballots"), text);
    assertTrue(text.contains("  Round 3\n"), text);
    assertTrue(text.contains("  Winner: Adaeze Okafor\n"), text);
    assertTrue(text.contains("tie among"), text);
    assertTrue(text.contains("decided by lot"), text);
    assertTrue(text.contains("Names written on Write-in\n    Zoë Ångström"), text);
    assertTrue(text.matches("(?s).*Zoë Ångström +2\n.*"), text);
    assertTrue(text.matches("(?s).*Unreadable names +1\n.*"), text);
  }

  @Test
  void theSpanishFilesSpeakSpanish() throws IOException {
    String text = Files.readString(dir.resolve("result.es.txt"));
    assertTrue(text.contains("Alcalde\n  Voto por orden de preferencia"), text);
    assertTrue(text.contains("  Ronda 1\n"), text);
    assertTrue(text.contains("Papeletas agotadas"), text);
    assertTrue(text.contains("Ganador: Adaeze Okafor"), text);
    assertTrue(text.contains("Nombres escritos en"), text);
    for (String english : List.of("Round", "Winner", "Exhausted", "Defeated", "Names written", "Unreadable")) {
      assertFalse(text.contains(english), english + " in:\n" + text);
    }
    String page = Files.readString(dir.resolve("result.es.html"));
    assertTrue(page.contains("<h3>Ronda 2</h3>"), page);
  }

  @Test
  void theHtmlShowsEachRoundAsBarsAndEscapesWrittenNames() throws IOException {
    String page = Files.readString(dir.resolve("result.html"));
    assertTrue(page.contains("<h3>Round 1</h3>"), page);
    assertTrue(page.contains("<tr><td>Adaeze Okafor</td><td class=\"n\">8</td>"), page);
    assertTrue(page.contains("Ana &lt;b&gt;Reyes&lt;/b&gt;"), page);
    assertFalse(page.contains(RivertonCounts.MARKUP), page);
    assertTrue(page.contains("<strong>Winner: Adaeze Okafor</strong>"), page);
  }

  @Test
  void theCsvFilesListRoundsAndNamesSafelyAndResultCsvKeepsTheOtherContests() throws IOException {
    String rounds = Files.readString(dir.resolve("result-rounds.csv"));
    assertTrue(rounds.startsWith("contest_id,contest,round,selection_id,selection,votes,exhausted,outcome,"), rounds);
    assertTrue(rounds.contains("\"mayor\",\"Mayor\",1,\"sel-mayor-okafor\",\"Adaeze Okafor\",8,1,"
        + "\"batch_elimination\",\"sel-mayor-chen sel-mayor-tremblay sel-write-in-mayor\",\"\",\"\""), rounds);
    String names = Files.readString(dir.resolve("result-write-ins.csv"));
    assertTrue(names.contains("\"name\",\"'=HYPERLINK(\"\"x\"\")\",1"), names);
    assertTrue(names.contains("\"unreadable\",\"\",1"), names);
    String csv = Files.readString(dir.resolve("result.csv"));
    assertFalse(csv.contains("\"mayor\""), csv);
    assertTrue(csv.contains("\"measure-a\""), csv);
  }

  @Test
  void withoutCountsARankedContestSaysSo() {
    String text = new ResultReport(RivertonCounts.MANIFEST, RivertonCounts.result()).text();
    assertTrue(text.contains("The instant-runoff count of this contest is not given here."), text);
  }
}
