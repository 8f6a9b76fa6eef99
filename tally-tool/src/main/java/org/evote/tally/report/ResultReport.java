package org.evote.tally.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.evote.crypto.decrypt.ElectionResult;
import org.evote.crypto.manifest.ContestDescription;
import org.evote.crypto.manifest.DisplayNames;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.manifest.SelectionDescription;

/**
 * The result for people: plain text, CSV, and an HTML page with a bar chart per contest. Every name is the one
 * display-name rule's ({@link DisplayNames}, protocol §5.1), in English with the tool's own words for what the
 * manifest does not name ({@link ReportWords}); the CSV also keeps the manifest's ids, in their own columns, for
 * programs.
 */
public final class ResultReport {
  /** First characters that make a spreadsheet read a cell as a formula (OWASP "CSV Injection"). */
  private static final String FORMULA_START = "=+-@\t\r\n\0\uff1d\uff0b\uff0d\uff20";

  private final Manifest manifest;
  private final ElectionResult result;
  private final DisplayNames names;
  private final ReportWords words;

  public ResultReport(Manifest manifest, ElectionResult result) {
    this.manifest = manifest;
    this.result = result;
    this.names = new DisplayNames(manifest);
    this.words = ReportWords.english();
  }

  /** The election's name. */
  public String electionName() {
    return names.election(words.language()).render(words);
  }

  /** A contest's name (never its id). */
  public String contestName(ContestDescription c) {
    return names.contest(c.id(), words.language()).render(words);
  }

  /** The selection's name in contest {@code c}, the write-in line, or "Choice n (no name in the manifest)". */
  public String selectionName(ContestDescription c, SelectionDescription s) {
    return names.selection(c.id(), s.id(), words.language()).render(words);
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
    out.append("Cast ballots: ").append(result.castBallots()).append("; challenged (not counted): ")
        .append(result.challengedBallots()).append("\n\n");
    for (ContestDescription c : manifest.contests()) {
      out.append(contestName(c)).append('\n');
      for (SelectionDescription s : c.selections()) {
        out.append(String.format("  %-50s %8d%n", selectionName(c, s), count(c, s)));
      }
      out.append('\n');
    }
    return out.toString();
  }

  public String csv() {
    StringBuilder out = new StringBuilder("contest_id,contest,selection_id,selection,votes\n");
    for (ContestDescription c : manifest.contests()) {
      for (SelectionDescription s : c.selections()) {
        out.append(String.join(",", List.of(csvText(c.id()), csvText(contestName(c)), csvText(s.id()),
            csvText(selectionName(c, s)), Long.toString(count(c, s))))).append('\n');
      }
    }
    return out.toString();
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
    StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>Result</title><style>body{font:18px/1.5 system-ui,sans-serif;max-width:60rem;margin:auto;"
        + "padding:1rem;color:#111}table{border-collapse:collapse;width:100%}td{padding:.3rem;"
        + "border-bottom:1px solid #999}.bar{background:#0b3d91;height:1.1rem}.n{text-align:right;"
        + "font-variant-numeric:tabular-nums}</style></head><body>\n");
    out.append("<h1>").append(html(electionName())).append("</h1>\n");
    out.append("<p>Cast ballots: ").append(result.castBallots()).append(". Challenged ballots (not counted): ")
        .append(result.challengedBallots()).append(".</p>\n");
    for (ContestDescription c : manifest.contests()) {
      long max = Math.max(1, c.selections().stream().mapToLong(s -> count(c, s)).max().orElse(1));
      out.append("<h2>").append(html(contestName(c))).append("</h2>\n<table>\n");
      for (SelectionDescription s : c.selections()) {
        long n = count(c, s);
        out.append("<tr><td>").append(html(selectionName(c, s))).append("</td><td class=\"n\">").append(n)
            .append("</td><td style=\"width:50%\"><div class=\"bar\" role=\"img\" aria-label=\"").append(n)
            .append(" votes\" style=\"width:").append(100 * n / max).append("%\"></div></td></tr>\n");
      }
      out.append("</table>\n");
    }
    return out.append("</body></html>\n").toString();
  }

  /** Writes result.txt, result.csv and result.html into {@code dir}. */
  public void write(Path dir) throws IOException {
    Files.writeString(dir.resolve("result.txt"), text());
    Files.writeString(dir.resolve("result.csv"), csv());
    Files.writeString(dir.resolve("result.html"), html());
  }
}
