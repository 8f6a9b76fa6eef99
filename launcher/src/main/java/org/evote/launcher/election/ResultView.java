package org.evote.launcher.election;

import java.io.PrintStream;
import java.util.Map;
import org.evote.crypto.manifest.ContestDescription;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.manifest.SelectionDescription;
import org.evote.tally.report.ResultReport;

/** The demo's last words: the decrypted result beside the robots' plaintext truth, and the verdict. */
final class ResultView {
  private ResultView() {}

  static void print(PrintStream log, Manifest manifest, MockElection.Outcome o) {
    ResultReport names = new ResultReport(manifest, o.result());
    log.printf("%n8. Result beside the robots' plaintext truth%n");
    log.printf("   %-46s %9s %9s%n", "contest / selection", "decrypted", "truth");
    for (ContestDescription c : manifest.contests()) {
      log.printf("   %s%n", names.contestName(c));
      for (SelectionDescription s : c.selections()) {
        long decrypted = o.result().count(c.id(), s.id()).orElse(-1L);
        long t = o.truth().getOrDefault(c.id(), Map.of()).getOrDefault(s.id(), 0L);
        log.printf("     %-44s %9d %9d%s%n", abbreviate(names.selectionName(s), 44), decrypted, t,
            decrypted == t ? "" : "  MISMATCH");
      }
    }
    log.printf("   cast ballots %d (robots: %d), challenged %d (robots: %d)%n", o.result().castBallots(), o.cast(),
        o.result().challengedBallots(), o.challenged());
    log.printf("%n%s%n", o.succeeded() ? "The decrypted result equals the truth exactly, and the record verifies "
        + "against the election notice, cosigned by its witnesses."
        : "FAILED: " + (o.report().isValid() ? "" : "the record does not verify; ")
            + (o.anchored() ? "" : "the record is not anchored in the election notice; ")
            + (o.boardProblems().isEmpty() ? "" : "ballots lost or duplicated; ")
            + (MockElection.countsMatch(o.result(), o.truth()) ? "" : "the result differs from the truth"));
  }

  private static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
