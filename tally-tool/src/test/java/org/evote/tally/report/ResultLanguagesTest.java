package org.evote.tally.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.evote.crypto.decrypt.ElectionResult;
import org.evote.crypto.manifest.BallotStyle;
import org.evote.crypto.manifest.Candidate;
import org.evote.crypto.manifest.ContestDescription;
import org.evote.crypto.manifest.GeopoliticalUnit;
import org.evote.crypto.manifest.InternationalText;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.manifest.SelectionDescription;
import org.evote.crypto.manifest.VoteVariation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The result files in every language of the manifest: the county manifest carries English and Spanish, so the
 * record gets result.txt, .csv, .html in English (as they were before there were other languages) and
 * result.es.txt and result.es.html with the manifest's Spanish, the tool's Spanish words, and English-only names
 * marked as such.
 */
class ResultLanguagesTest {
  @TempDir
  static Path dir;
  static List<String> written;

  /** The tool's English words, which must not appear in a Spanish file. */
  static final List<String> ENGLISH_WORDS = List.of("Result<", "Cast ballots", "Challenged", "challenged",
      "not counted", " votes\"", "Write-in", "(in English)", "no name in the manifest");

  @BeforeAll
  static void written() throws IOException {
    written = new ResultReport(CountyResult.MANIFEST, CountyResult.result()).write(dir);
    // The same files under target/, for a person to read.
    Path keep = Files.createDirectories(Path.of("target", "result-languages"));
    new ResultReport(CountyResult.MANIFEST, CountyResult.result()).write(keep);
  }

  @Test
  void theFirstLanguageKeepsTheThreeFilesAndEveryOtherGetsTextAndHtml() throws IOException {
    assertEquals(List.of("en", "es"), CountyResult.MANIFEST.languages());
    assertEquals(List.of("result.txt", "result.csv", "result.html", "result.es.txt", "result.es.html"), written);
    try (var files = Files.list(dir)) {
      assertEquals(5, files.filter(f -> f.getFileName().toString().startsWith("result.")).count());
    }
  }

  @Test
  void theEnglishFilesAreUnchanged() throws IOException {
    // county-result.* were written by the report as it was before it wrote other languages (then with the
    // write-in lines of a contest numbered, protocol §5.1).
    assertEquals(golden("county-result.txt"), Files.readString(dir.resolve("result.txt"))
        .replace(System.lineSeparator(), "\n"));
    assertEquals(golden("county-result.csv"), Files.readString(dir.resolve("result.csv")));
    assertEquals(golden("county-result.html"), Files.readString(dir.resolve("result.html")));
  }

  @Test
  void theSpanishPageIsSpanishThroughout() throws IOException {
    String page = Files.readString(dir.resolve("result.es.html"));
    assertTrue(page.startsWith("<!DOCTYPE html>\n<html lang=\"es\">"), page);
    assertTrue(page.contains("<title>Resultado</title>"), page);
    assertTrue(page.contains("<h1>Elección general del condado de Hamilton</h1>"), page);
    assertTrue(page.contains("<h2>Gobernador de la Mancomunidad de Ozark</h2>"), page);
    assertTrue(page.contains("<p>Papeletas emitidas: 40. Papeletas impugnadas (no contadas): 3.</p>"), page);
    assertTrue(page.contains("aria-label=\"7 votos\""), page);
    assertTrue(page.contains("aria-label=\"1 voto\""), page);
    assertTrue(page.contains("aria-label=\"0 votos\""), page);
    assertTrue(page.contains("<td>Por escrito</td>"), page);
    assertTrue(page.contains("<td>Gerald Harris (en inglés)</td>"), page);
    assertFalse(page.contains("Governor of the Commonwealth of Ozark"), page);
    assertFalse(page.contains("Hamiltion County General Election"), page);
    for (String english : ENGLISH_WORDS) {
      assertFalse(page.contains(english), english + " in:\n" + page);
    }
  }

  @Test
  void everyEnglishOnlyNameIsMarkedInTheSpanishFiles() throws IOException {
    String page = Files.readString(dir.resolve("result.es.html"));
    String text = Files.readString(dir.resolve("result.es.txt"));
    int marked = 0;
    for (ContestDescription c : CountyResult.MANIFEST.contests()) {
      for (SelectionDescription s : c.selections()) {
        Optional<Candidate> cand = CountyResult.MANIFEST.candidate(s.candidateId());
        if (cand.isPresent() && !cand.get().writeIn() && cand.get().name().translations().size() == 1
            && cand.get().name().translations().get(0).language().equals("en")) {
          String name = cand.get().name().translations().get(0).value();
          assertTrue(page.contains("<td>" + ResultReport.html(name) + " (en inglés)</td>"), name);
          assertTrue(text.contains("  " + name + " (en inglés) "), name);
          marked++;
        }
      }
    }
    assertTrue(marked > 20, "English-only names: " + marked);
  }

  @Test
  void theSpanishTextIsSpanishToo() throws IOException {
    String text = Files.readString(dir.resolve("result.es.txt"));
    assertTrue(text.startsWith("Elección general del condado de Hamilton\n"
        + "Papeletas emitidas: 40; impugnadas (no contadas): 3\n\n"
        + "Presidente y Vicepresidente de los Estados Unidos\n"), text);
    assertTrue(text.contains("\nGobernador de la Mancomunidad de Ozark\n"), text);
    for (String english : ENGLISH_WORDS) {
      assertFalse(text.contains(english), english + " in:\n" + text);
    }
  }

  @Test
  void aLanguageTagThatCannotBeAFileNameGetsNoFileAndEachLanguageOneSet(@TempDir Path out) throws IOException {
    InternationalText name = new InternationalText(List.of(new InternationalText.Translation("Election", "en"),
        new InternationalText.Translation("Evil", "../../evil"), new InternationalText.Translation("Elección", "es"),
        new InternationalText.Translation("Elección", "ES"), new InternationalText.Translation("Election", "EN")));
    SelectionDescription s = new SelectionDescription("s", 0, "c");
    ContestDescription contest = new ContestDescription("k", 0, "unit", VoteVariation.N_OF_M, 1, 1,
        InternationalText.plain("Contest"), InternationalText.EMPTY, InternationalText.EMPTY, List.of(s));
    Manifest manifest = new Manifest("scope", "general", "2026-01-01", "2026-01-02", name,
        List.of(new GeopoliticalUnit("unit", "Unit", "county")), List.of(),
        List.of(new Candidate("c", InternationalText.plain("Ana"), Optional.empty(), false)), List.of(contest),
        List.of(new BallotStyle("style", List.of("unit"))), "{}");
    ElectionResult result = new ElectionResult(List.of(new ElectionResult.Contest("k",
        List.of(new ElectionResult.Selection("s", 2)))), 2, 0);

    assertEquals(List.of("es"), ResultReport.otherLanguages(manifest));
    assertEquals(List.of("result.txt", "result.csv", "result.html", "result.es.txt", "result.es.html"),
        new ResultReport(manifest, result).write(out));
    try (var files = Files.list(out)) {
      assertEquals(5, files.count());
    }
    assertFalse(Files.exists(out.resolveSibling("evil.html")) || Files.exists(out.resolveSibling("evil.txt")));
  }

  @Test
  void votesAreWholeNumbersWithoutGroupingInEveryLanguage() {
    assertEquals("1234567 votes", ReportWords.english().say("votes", "1234567", 1234567L));
    assertEquals("1234567 votos", ReportWords.of("es").say("votes", "1234567", 1234567L));
    assertEquals("1 voto", ReportWords.of("es").say("votes", "1", 1L));
  }

  private static String golden(String name) throws IOException {
    try (InputStream in = ResultLanguagesTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
