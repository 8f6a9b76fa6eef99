package org.evote.launcher.election;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import org.evote.crypto.count.RankedResult;
import org.evote.crypto.count.WriteInCount;
import org.evote.crypto.manifest.ContestDescription;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.manifest.SelectionDescription;
import org.evote.tally.report.ResultReport;

/** The demo's last words: the decrypted result beside the robots' plaintext truth, and the verdict. */
final class ResultView {
  private ResultView() {}

  static void print(PrintStream log, Manifest manifest, MockElection.Outcome o) {
    ResultReport names = new ResultReport(manifest, o.result());
    log.printf("%n9. Result beside the robots' plaintext truth%n");
    log.printf("   %-46s %9s %9s%n", "contest / selection", "decrypted", "truth");
    for (ContestDescription c : manifest.contests()) {
      log.printf("   %s%n", names.contestName(c));
      if (c.isRanked()) {
        o.ranked().stream().filter(r -> r.contestId().equals(c.id())).findFirst()
            .ifPresent(r -> rounds(log, names, c, r));
      } else {
        for (SelectionDescription s : c.selections()) {
          long decrypted = o.result().count(c.id(), s.id()).orElse(-1L);
          long t = o.truth().getOrDefault(c.id(), Map.of()).getOrDefault(s.id(), 0L);
          log.printf("     %-44s %9d %9d%s%n", abbreviate(names.selectionName(s), 44), decrypted, t,
              decrypted == t ? "" : "  MISMATCH");
        }
      }
      writeIns(log, c, o);
    }
    log.printf("   cast ballots %d (robots: %d), challenged %d (robots: %d)%n", o.result().castBallots(), o.cast(),
        o.result().challengedBallots(), o.challenged());
    o.mixedProblems().forEach(p -> log.printf("   MISMATCH: %s%n", p));
    log.printf("%n%s%n", o.succeeded() ? "The decrypted result equals the truth exactly"
        + (o.ranked().isEmpty() && o.writeIns().isEmpty() ? "" : " (every round of every ranked contest and every "
            + "write-in name too)")
        + ", and the record verifies against the election notice, cosigned by its witnesses."
        : "FAILED: " + (o.report().isValid() ? "" : "the record does not verify; ")
            + (o.anchored() ? "" : "the record is not anchored in the election notice; ")
            + (o.boardProblems().isEmpty() ? "" : "ballots lost or duplicated; ")
            + (MockElection.countsMatch(o.result(), o.truth()) ? "" : "the result differs from the truth; ")
            + (o.mixedProblems().isEmpty() ? "" : "the mixed contests differ from the truth"));
  }

  /** A ranked contest: each round's totals (continuing candidates), exhausted ballots and who was defeated. */
  private static void rounds(PrintStream log, ResultReport names, ContestDescription c, RankedResult r) {
    log.printf("     ranked choice, %d ballots, instant runoff (Maine's rules); every round recounted from the "
        + "robots' rankings%n", r.ballots());
    for (RankedResult.Round round : r.rounds()) {
      StringBuilder line = new StringBuilder();
      for (RankedResult.Total t : round.totals()) {
        line.append(line.length() == 0 ? "" : ", ")
            .append(abbreviate(names.selectionName(c.selection(t.selectionId()).orElseThrow()), 24)).append(' ')
            .append(t.votes());
      }
      log.printf("     round %d: %s; exhausted %d%s%n", round.number(), line, round.exhausted(),
          round.defeated().isEmpty() ? "" : "; defeated: " + String.join(", ", round.defeated().stream()
              .map(id -> abbreviate(names.selectionName(c.selection(id).orElseThrow()), 24)).toList())
              + (round.lot().isPresent() ? " (tie decided by the public lot)" : ""));
    }
    r.winner().ifPresent(w -> log.printf("     winner: %s%n", names.selectionName(c.selection(w).orElseThrow())));
  }

  /** The names written in a contest, beside those the robots wrote. */
  private static void writeIns(PrintStream log, ContestDescription c, MockElection.Outcome o) {
    Map<String, Long> decrypted = new TreeMap<>();
    for (WriteInCount w : o.writeIns()) {
      if (w.contestId().equals(c.id())) {
        w.names().forEach(n -> decrypted.merge(n.name(), n.count(), Long::sum));
      }
    }
    Map<String, Long> truth = o.namesTruth().getOrDefault(c.id(), Map.of());
    if (decrypted.isEmpty() && truth.isEmpty()) {
      return;
    }
    log.printf("     write-in names (decrypted after mixing / robots):%n");
    TreeMap<String, Long> all = new TreeMap<>(decrypted);
    truth.keySet().forEach(k -> all.putIfAbsent(k, 0L));
    for (String name : all.keySet()) {
      long d = decrypted.getOrDefault(name, 0L);
      long t = truth.getOrDefault(name, 0L);
      log.printf("       %-42s %9d %9d%s%n", abbreviate(name, 42), d, t, d == t ? "" : "  MISMATCH");
    }
  }

  private static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
