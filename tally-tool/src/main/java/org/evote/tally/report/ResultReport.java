package org.evote.tally.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.evote.crypto.count.RankedResult;
import org.evote.crypto.count.WriteInCount;
import org.evote.crypto.decrypt.ElectionResult;
import org.evote.crypto.manifest.ContestDescription;
import org.evote.crypto.manifest.DisplayNames;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.manifest.SelectionDescription;

/**
 * The result for people: plain text, CSV, and an HTML page with a bar chart per contest, in every language of the
 * manifest. Every name is the one display-name rule's ({@link DisplayNames}, protocol §5.1) in the report's
 * language — text the manifest does not carry in it is marked, e.g. "Gerald Harris (en inglés)" — and every other
 * word is the tool's own, from its bundle in that language ({@link ReportWords}); the CSV also keeps the
 * manifest's ids, in their own columns, for programs.
 */
public final class ResultReport {
  /** First characters that make a spreadsheet read a cell as a formula (OWASP "CSV Injection"). */
  private static final String FORMULA_START = "=+-@\t\r\n\0\uff1d\uff0b\uff0d\uff20";
  /** A language tag that may become part of a file name: BCP 47's syntax of letters, digits and hyphens. */
  private static final Pattern FILE_LANGUAGE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");

  private final Manifest manifest;
  private final ElectionResult result;
  private final DisplayNames names;
  private final ReportWords words;
  private final String language;
  private final List<RankedResult> ranked;
  private final List<WriteInCount> writeIns;
  private final CountSections sections;

  /** The report in the manifest's first language (English if the manifest names none), without mixed contests. */
  public ResultReport(Manifest manifest, ElectionResult result) {
    this(manifest, result, List.of(), List.of());
  }

  /**
   * The report with the counts of the mixed contests (protocol §13.6, §13.7): each ranked contest's rounds and
   * winner, and each write-in line's names, in the manifest's first language.
   */
  public ResultReport(Manifest manifest, ElectionResult result, List<RankedResult> ranked,
      List<WriteInCount> writeIns) {
    this(manifest, result, new DisplayNames(manifest), firstLanguage(manifest), ranked, writeIns);
  }

  private ResultReport(Manifest manifest, ElectionResult result, DisplayNames names, String language,
      List<RankedResult> ranked, List<WriteInCount> writeIns) {
    this.manifest = manifest;
    this.result = result;
    this.names = names;
    this.language = language;
    this.words = ReportWords.of(language);
    this.ranked = List.copyOf(ranked);
    this.writeIns = List.copyOf(writeIns);
    this.sections = new CountSections(this, words, this.ranked, this.writeIns);
  }

  /** The same result for a reader of {@code language} (a BCP 47 tag such as "es"). */
  public ResultReport in(String language) {
    return new ResultReport(manifest, result, names, language, ranked, writeIns);
  }

  /** The ranked contests' results this report shows. */
  public List<RankedResult> ranked() {
    return ranked;
  }

  /** The write-in lists this report shows. */
  public List<WriteInCount> writeIns() {
    return writeIns;
  }

  /** The language of this report's names and words. */
  public String language() {
    return language;
  }

  /** The manifest's first language, that of result.txt, result.csv and result.html; "en" if it names none. */
  public static String firstLanguage(Manifest manifest) {
    return manifest.languages().isEmpty() ? "en" : manifest.languages().get(0);
  }

  /**
   * The manifest's other languages that get files of their own ({@code result.<language>.txt} and {@code .html}),
   * in the manifest's order: each once (tags compared without regard to case), never the first language, and only
   * tags of BCP 47's syntax, since they become part of a file name.
   */
  public static List<String> otherLanguages(Manifest manifest) {
    Set<String> seen = new LinkedHashSet<>(List.of(firstLanguage(manifest).toLowerCase(Locale.ROOT)));
    List<String> out = new ArrayList<>();
    for (String tag : manifest.languages()) {
      if (FILE_LANGUAGE.matcher(tag).matches() && seen.add(tag.toLowerCase(Locale.ROOT))) {
        out.add(tag);
      }
    }
    return List.copyOf(out);
  }

  /** The election's name. */
  public String electionName() {
    return names.election(language).render(words);
  }

  /** A contest's name (never its id). */
  public String contestName(ContestDescription c) {
    return names.contest(c.id(), language).render(words);
  }

  /** The selection's name in contest {@code c}, the write-in line, or "Choice n (no name in the manifest)". */
  public String selectionName(ContestDescription c, SelectionDescription s) {
    return names.selection(c.id(), s.id(), language).render(words);
  }

  /** {@link #selectionName(ContestDescription, SelectionDescription)} in whichever contest holds {@code s}. */
  public String selectionName(SelectionDescription s) {
    for (ContestDescription c : manifest.contests()) {
      if (c.selections().contains(s)) {
        return selectionName(c, s);
      }
    }
    throw new IllegalArgumentException("selection " + s.id() + " is in no contest of the manifest");
  }

  public long count(ContestDescription c, SelectionDescription s) {
    return result.count(c.id(), s.id()).orElse(0L);
  }

  public String text() {
    StringBuilder out = new StringBuilder();
    out.append(electionName()).append('\n');
    out.append(words.say("counts.text", result.castBallots() + "", result.challengedBallots() + ""))
        .append("\n\n");
    for (ContestDescription c : manifest.contests()) {
      out.append(contestName(c)).append('\n');
      if (!c.isRanked()) {
        for (SelectionDescription s : c.selections()) {
          out.append(String.format(Locale.ROOT, "  %-50s %8d%n", selectionName(c, s), count(c, s)));
        }
      }
      sections.text(out, c);
      out.append('\n');
    }
    return out.toString();
  }

  /** result.csv: the homomorphically counted contests (a ranked contest's rounds are in {@link #roundsCsv}). */
  public String csv() {
    StringBuilder out = new StringBuilder("contest_id,contest,selection_id,selection,votes\n");
    for (ContestDescription c : manifest.contests()) {
      if (c.isRanked()) {
        continue;
      }
      for (SelectionDescription s : c.selections()) {
        out.append(String.join(",", List.of(csvText(c.id()), csvText(contestName(c)), csvText(s.id()),
            csvText(selectionName(c, s)), Long.toString(count(c, s))))).append('\n');
      }
    }
    return out.toString();
  }

  /** result-rounds.csv: every round of every ranked contest (§13.6). */
  public String roundsCsv() {
    return sections.roundsCsv(manifest.contests());
  }

  /** result-write-ins.csv: the names written on every write-in line (§13.7). */
  public String writeInsCsv() {
    return sections.writeInsCsv(manifest.contests());
  }

  /**
   * One text cell of the CSV, safe to open in a spreadsheet (OWASP "CSV Injection"): a value that begins with a
   * character a spreadsheet reads as the start of a formula ({@code = + - @}, tab, carriage return; also line feed,
   * NUL and the full-width forms of the four signs) gets a single quote in front, and every text cell is quoted
   * with its double quotes doubled (RFC 4180). Names and ids come from the manifest, which this tool does not
   * trust to be harmless.
   */
  static String csvText(String s) {
    boolean formula = !s.isEmpty() && FORMULA_START.indexOf(s.charAt(0)) >= 0;
    return "\"" + (formula ? "'" : "") + s.replace("\"", "\"\"") + "\"";
  }

  static String html(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  public String html() {
    StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"" + html(language) + "\"><head>"
        + "<meta charset=\"utf-8\"><title>" + html(words.say("title")) + "</title><style>body{font:18px/1.5 system-ui,sans-serif;max-width:60rem;margin:auto;"
        + "padding:1rem;color:#111}table{border-collapse:collapse;width:100%}td{padding:.3rem;"
        + "border-bottom:1px solid #999}.bar{background:#0b3d91;height:1.1rem}.n{text-align:right;"
        + "font-variant-numeric:tabular-nums}</style></head><body>\n");
    out.append("<h1>").append(html(electionName())).append("</h1>\n");
    out.append("<p>").append(html(words.say("counts.html", result.castBallots() + "",
        result.challengedBallots() + ""))).append("</p>\n");
    for (ContestDescription c : manifest.contests()) {
      if (c.isRanked()) {
        out.append("<h2>").append(html(contestName(c))).append("</h2>\n");
        sections.html(out, c);
        continue;
      }
      long max = Math.max(1, c.selections().stream().mapToLong(s -> count(c, s)).max().orElse(1));
      out.append("<h2>").append(html(contestName(c))).append("</h2>\n<table>\n");
      for (SelectionDescription s : c.selections()) {
        long n = count(c, s);
        out.append("<tr><td>").append(html(selectionName(c, s))).append("</td><td class=\"n\">").append(n)
            .append("</td><td style=\"width:50%\"><div class=\"bar\" role=\"img\" aria-label=\"")
            .append(html(words.say("votes", n + "", n))).append("\" style=\"width:").append(100 * n / max).append("%\"></div></td></tr>\n");
      }
      out.append("</table>\n");
      sections.html(out, c);
    }
    return out.append("</body></html>\n").toString();
  }

  /**
   * Writes the result in every language of the manifest into {@code dir}: result.txt, result.csv and result.html
   * in its first language, and result.&lt;language&gt;.txt and .html in each of {@link #otherLanguages} (the CSV,
   * for programs, is one file); with ranked results also result-rounds.csv, with write-in lists also
   * result-write-ins.csv. Every file is made before any is written.
   *
   * @return the names of the files written, in that order
   */
  public List<String> write(Path dir) throws IOException {
    ResultReport first = in(firstLanguage(manifest));
    Map<String, String> files = new LinkedHashMap<>();
    files.put("result.txt", first.text());
    files.put("result.csv", first.csv());
    files.put("result.html", first.html());
    if (sections.anyRanked()) {
      files.put("result-rounds.csv", first.roundsCsv());
    }
    if (sections.anyWriteIns()) {
      files.put("result-write-ins.csv", first.writeInsCsv());
    }
    for (String other : otherLanguages(manifest)) {
      ResultReport r = in(other);
      files.put("result." + other + ".txt", r.text());
      files.put("result." + other + ".html", r.html());
    }
    for (Map.Entry<String, String> f : files.entrySet()) {
      Files.writeString(dir.resolve(f.getKey()), f.getValue());
    }
    return List.copyOf(files.keySet());
  }
}
