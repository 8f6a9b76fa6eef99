package org.evote.tally.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.evote.crypto.ballot.DecodedRow;
import org.evote.crypto.count.InstantRunoff;
import org.evote.crypto.count.Lot;
import org.evote.crypto.count.RankedResult;
import org.evote.crypto.count.Ranking;
import org.evote.crypto.count.WriteInCount;
import org.evote.crypto.count.WriteIns;
import org.evote.crypto.decrypt.ElectionResult;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.json.ManifestJson;
import org.evote.crypto.manifest.ContestDescription;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.manifest.SelectionDescription;

/**
 * The Riverton example (ranked mayor with a write-in line, council with a write-in line, ranked school board,
 * measure A) with made-up decrypted rows, counted by the real count: a result with rounds, a batch elimination, a
 * tie decided by lot and write-in names (some of them hostile to spreadsheets and web pages) to render.
 */
public final class RivertonCounts {
  public static final Manifest MANIFEST = manifest();
  /** A name a spreadsheet would read as a formula, and one a browser would read as markup. */
  public static final String FORMULA = "=HYPERLINK(\"x\")";
  public static final String MARKUP = "Ana <b>Reyes</b>";

  private RivertonCounts() {}

  private static Manifest manifest() {
    try {
      return ManifestJson.decode(JsonText.readObject(Path.of("../docs/examples/manifest-riverton-rcv.json")));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final Digest SEED = Lot.seed(Digest.of(new byte[32]), "mayor", Digest.of(new byte[32]));

  private static List<Ranking> rankings(int ranks, int[][] copiesAndRanking) {
    List<Ranking> out = new ArrayList<>();
    for (int[] c : copiesAndRanking) {
      List<Integer> r = new ArrayList<>();
      for (int i = 1; i <= ranks; i++) {
        r.add(i < c.length ? c[i] : 0);
      }
      for (int k = 0; k < c[0]; k++) {
        out.add(new Ranking(r));
      }
    }
    return out;
  }

  /**
   * Mayor (Okafor 1, Lindqvist 2, Ramírez 3, Chen 4, Tremblay 5, write-in 6): round 1 Okafor 8, Lindqvist 6,
   * Ramírez 5, write-in 2, Chen 1, Tremblay 0 (and 1 exhausted by skipped rankings) → Chen, Tremblay and the
   * write-in are defeated together; then Ramírez; then the final two.
   */
  public static List<RankedResult> ranked() {
    ContestDescription mayor = MANIFEST.contest("mayor").orElseThrow();
    List<Ranking> m = rankings(5, new int[][] {{8, 1}, {6, 2, 1}, {5, 3, 2}, {2, 6, 3}, {1, 4, 2}, {1, 0, 0, 1}});
    ContestDescription school = MANIFEST.contest("school-board-ward-2").orElseThrow();
    List<Ranking> s = rankings(3, new int[][] {{3, 1}, {3, 2}, {2, 3}});
    return List.of(InstantRunoff.count(mayor, m, SEED), InstantRunoff.count(school, s, SEED));
  }

  /** The mayor's and the council's write-in lines. */
  public static List<WriteInCount> writeIns() {
    List<WriteInCount> out = new ArrayList<>();
    List<DecodedRow> mayor = new ArrayList<>();
    for (String n : List.of("Zoë Ångström", "Zoë Ångström", FORMULA)) {
      mayor.add(new DecodedRow(new Ranking(List.of(6, 0, 0, 0, 0)), Map.of("sel-write-in-mayor",
          new DecodedRow.Name(n))));
    }
    mayor.add(new DecodedRow(new Ranking(List.of(1, 0, 0, 0, 0)), Map.of("sel-write-in-mayor",
        new DecodedRow.Unreadable("not UTF-8"))));
    out.addAll(WriteIns.count(MANIFEST, MANIFEST.contest("mayor").orElseThrow(), mayor));
    List<DecodedRow> council = List.of(
        new DecodedRow(new Ranking(List.of()), Map.of("sel-write-in-council", new DecodedRow.Name(MARKUP))),
        new DecodedRow(new Ranking(List.of()), Map.of("sel-write-in-council", new DecodedRow.Blank())));
    out.addAll(WriteIns.count(MANIFEST, MANIFEST.contest("city-council").orElseThrow(), council));
    return out;
  }

  /** Homomorphic counts of the contests that are not ranked. */
  public static ElectionResult result() {
    List<ElectionResult.Contest> contests = new ArrayList<>();
    for (ContestDescription c : MANIFEST.contests()) {
      if (c.isRanked()) {
        continue;
      }
      List<ElectionResult.Selection> sels = new ArrayList<>();
      int i = 0;
      for (SelectionDescription s : c.selections()) {
        sels.add(new ElectionResult.Selection(s.id(), 3 + i++));
      }
      contests.add(new ElectionResult.Contest(c.id(), sels));
    }
    return new ElectionResult(contests, 23, 1);
  }
}
