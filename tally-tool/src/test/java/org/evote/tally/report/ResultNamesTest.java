package org.evote.tally.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import org.evote.crypto.manifest.ContestDescription;
import org.evote.crypto.manifest.SelectionDescription;
import org.evote.crypto.record.RecordFiles;
import org.evote.crypto.testing.DeterministicRandom;
import org.evote.crypto.testing.TestElection;
import org.evote.tally.TallyTool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The result files and {@code tally challenged} show names by the one display-name rule, never the manifest's ids
 * (the CSV keeps them in their own id columns, for programs).
 */
class ResultNamesTest {
  @TempDir
  static Path temp;
  static TestElection election;
  static Path record;
  /** Any id of the manifest (manifest-small's candidates have no names, so every selection is unnamed). */
  static final Pattern ID = Pattern.compile("-selection|john-hancock|congressional-race-01|ozark-school-board-race"
      + "|referendum-pineapple\\b|write-in\\b");

  @BeforeAll
  static void tallied() throws Exception {
    election = TestElection.full(TestElection.manifest("manifest-small.json"), 3, 2, 10,
        new DeterministicRandom("result names"));
    record = temp.resolve("record");
    election.write(record);
  }

  @Test
  void textAndHtmlShowNamesAndTheToolsWordsNeverIds() throws Exception {
    ResultReport report = new ResultReport(election.manifest, election.result);
    report.write(record);
    for (String f : List.of("result.txt", "result.html")) {
      String text = Files.readString(record.resolve(f));
      assertFalse(ID.matcher(text).find(), f + ":\n" + text);
      assertTrue(text.contains("Representative to US Congress"), text);
      assertTrue(text.contains("Choice 1 (no name in the manifest)"), text);
      assertTrue(text.contains("Write-in"), text);
      assertTrue(text.contains("Franklin County Small General Election March 2020"), text);
    }
  }

  @Test
  void theCsvsNameColumnsAreNamesAndItsIdColumnsIds() {
    ResultReport report = new ResultReport(election.manifest, election.result);
    List<String> lines = report.csv().lines().toList();
    assertEquals("contest_id,contest,selection_id,selection,votes", lines.get(0));
    int row = 1;
    for (ContestDescription c : election.manifest.contests()) {
      for (SelectionDescription s : c.selections()) {
        List<String> cells = List.of(lines.get(row++).split("\",\"|\",|^\""));
        String line = lines.get(row - 1);
        assertTrue(line.startsWith("\"" + c.id() + "\",\"" + report.contestName(c) + "\",\"" + s.id() + "\",\""
            + report.selectionName(c, s) + "\","), line + " " + cells);
        assertFalse(ID.matcher(report.contestName(c) + report.selectionName(c, s)).find(), line);
      }
    }
  }

  @Test
  void challengedListsContestAndChoiceNames() throws Exception {
    java.io.PrintStream out = System.out;
    java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new java.io.PrintStream(o, true, java.nio.charset.StandardCharsets.UTF_8));
      code = TallyTool.run("challenged", "--election", record.resolve(RecordFiles.ELECTION).toString(), "--board",
          record.resolve(RecordFiles.BOARD).toString());
    } finally {
      System.setOut(out);
    }
    String text = o.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(0, code, text);
    assertTrue(text.contains("2 challenged ballots, 0 failed"), text);
    assertTrue(text.contains("    Representative to US Congress: "), text);
    assertTrue(text.contains("OK: re-encrypts exactly"), text);
    assertFalse(ID.matcher(text).find(), text);
  }

  @Test
  void theWordsBundleHasEveryKeyInEveryLanguage() throws Exception {
    Properties en = load("names.properties");
    Properties es = load("names_es.properties");
    assertEquals(en.keySet(), es.keySet());
    assertEquals("Contienda 3", new ReportWords(Locale.forLanguageTag("es")).untitled("contest", 3));
    assertEquals("Name (in Spanish)", ReportWords.english().untranslated("Name", "es"));
  }

  private static Properties load(String name) throws Exception {
    Properties p = new Properties();
    try (InputStream in = ReportWords.class.getResourceAsStream(name)) {
      p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    return p;
  }
}
