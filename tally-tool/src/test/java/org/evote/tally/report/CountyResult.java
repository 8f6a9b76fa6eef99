package org.evote.tally.report;

import java.util.ArrayList;
import java.util.List;
import org.evote.crypto.decrypt.ElectionResult;
import org.evote.crypto.manifest.ContestDescription;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.manifest.SelectionDescription;
import org.evote.crypto.testing.TestElection;

/** The county manifest (English and Spanish) with made-up counts: a result to render without a tally. */
final class CountyResult {
  static final Manifest MANIFEST = TestElection.manifest("manifest-hamilton-general.json");

  private CountyResult() {}

  /** Counts that differ from contest to contest and choice to choice, some of them zero. */
  static ElectionResult result() {
    List<ElectionResult.Contest> contests = new ArrayList<>();
    List<ContestDescription> all = MANIFEST.contests();
    for (int c = 0; c < all.size(); c++) {
      List<ElectionResult.Selection> counts = new ArrayList<>();
      List<SelectionDescription> selections = all.get(c).selections();
      for (int s = 0; s < selections.size(); s++) {
        counts.add(new ElectionResult.Selection(selections.get(s).id(), (c * 7L + s * 3L) % 11));
      }
      contests.add(new ElectionResult.Contest(all.get(c).id(), counts));
    }
    return new ElectionResult(contests, 40, 3);
  }
}
