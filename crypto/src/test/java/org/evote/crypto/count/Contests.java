package org.evote.crypto.count;

import java.util.ArrayList;
import java.util.List;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.manifest.ContestDescription;
import org.evote.crypto.manifest.InternationalText;
import org.evote.crypto.manifest.SelectionDescription;
import org.evote.crypto.manifest.VoteVariation;

/** Ranked contests and rankings for the count's tests. */
final class Contests {
  static final Digest SEED = Lot.seed(Digest.of(new byte[32]), "mayor", Digest.of(new byte[32]));

  private Contests() {}

  /** A ranked contest with selections "a", "b", … and {@code ranks} ranks. */
  static ContestDescription ranked(int candidates, int ranks) {
    List<SelectionDescription> s = new ArrayList<>();
    for (int i = 0; i < candidates; i++) {
      String id = String.valueOf((char) ('a' + i));
      s.add(new SelectionDescription(id, i, "cand-" + id));
    }
    return new ContestDescription("mayor", 0, "city", VoteVariation.RCV, ranks, 1, InternationalText.plain("Mayor"),
        InternationalText.EMPTY, InternationalText.EMPTY, s);
  }

  /** A ranking written as letters and dots ("a.b" = a first, rank 2 blank, b third), padded with blanks. */
  static Ranking ranking(String marks, int ranks) {
    List<Integer> r = new ArrayList<>();
    for (char ch : marks.toCharArray()) {
      r.add(ch == '.' ? 0 : ch - 'a' + 1);
    }
    while (r.size() < ranks) {
      r.add(0);
    }
    return new Ranking(r);
  }

  /** {@code copies} × each of {@code marks}. */
  static List<Ranking> ballots(int ranks, Object... copiesAndMarks) {
    List<Ranking> out = new ArrayList<>();
    for (int i = 0; i < copiesAndMarks.length; i += 2) {
      for (int k = 0; k < (Integer) copiesAndMarks[i]; k++) {
        out.add(ranking((String) copiesAndMarks[i + 1], ranks));
      }
    }
    return out;
  }
}
