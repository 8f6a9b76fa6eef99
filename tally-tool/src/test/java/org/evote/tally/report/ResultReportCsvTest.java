package org.evote.tally.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
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
import org.junit.jupiter.api.Test;

/** The result CSV cannot carry a spreadsheet formula from hostile manifest names (OWASP "CSV Injection"). */
class ResultReportCsvTest {
  private static final List<String> HOSTILE = List.of("=cmd|' /C calc'!A0", "+1+2", "-2+3", "@SUM(1,2)",
      "\t=1", "\r=1", "=HYPERLINK(\"http://x\",\"a,b\")", "\uff1d1+1");

  @Test
  void everyTextCellIsQuotedAndNoneStartsAFormula() {
    List<Candidate> candidates = new ArrayList<>();
    List<SelectionDescription> selections = new ArrayList<>();
    for (int i = 0; i < HOSTILE.size(); i++) {
      candidates.add(new Candidate("c" + i, InternationalText.plain(HOSTILE.get(i)), Optional.empty(), false));
      selections.add(new SelectionDescription(i == 0 ? "=1+1" : "s" + i, i, "c" + i));
    }
    ContestDescription contest = new ContestDescription("-contest,1", 0, "unit", VoteVariation.N_OF_M, 1, 1,
        InternationalText.plain("@contest"), InternationalText.plain("=Contest \"title\""), InternationalText.EMPTY,
        selections);
    Manifest manifest = new Manifest("scope", "general", "2026-01-01", "2026-01-02", InternationalText.plain("E"),
        List.of(new GeopoliticalUnit("unit", "Unit", "county")), List.of(), candidates, List.of(contest),
        List.of(new BallotStyle("style", List.of("unit"))), "{}");
    List<ElectionResult.Selection> counts = new ArrayList<>();
    for (SelectionDescription s : selections) {
      counts.add(new ElectionResult.Selection(s.id(), 7));
    }
    ElectionResult result = new ElectionResult(List.of(new ElectionResult.Contest(contest.id(), counts)), 7, 0);

    List<List<String>> rows = parse(new ResultReport(manifest, result).csv());

    assertEquals(List.of("contest_id", "contest", "selection_id", "selection", "votes"), rows.get(0));
    assertEquals(HOSTILE.size() + 1, rows.size());
    for (int i = 0; i < HOSTILE.size(); i++) {
      List<String> row = rows.get(i + 1);
      assertEquals(List.of("'-contest,1", "'=Contest \"title\"", i == 0 ? "'=1+1" : "s" + i, "'" + HOSTILE.get(i),
          "7"), row);
    }
  }

  @Test
  void harmlessNamesAreUnchangedApartFromQuoting() {
    assertEquals("\"Ana Reyes\"", ResultReport.csvText("Ana Reyes"));
    assertEquals("\"a \"\"b\"\" -c\"", ResultReport.csvText("a \"b\" -c"));
    assertEquals("\"\"", ResultReport.csvText(""));
  }

  /** An RFC 4180 reader: quoted cells, doubled quotes, line breaks inside quotes. */
  private static List<List<String>> parse(String csv) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\n') {
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else {
        cell.append(c);
      }
    }
    return rows;
  }
}
