package org.evote.crypto.count;

import java.util.List;

/**
 * One ballot's decrypted ranking in a ranked contest (protocol §13.6): for each rank 1 … L in order, the 1-based
 * position of the ranked selection in the contest's manifest order, or 0 where the rank was left blank. Skipped and
 * repeated rankings are allowed here: the count's rules decide what they mean.
 */
public record Ranking(List<Integer> ranks) {
  public Ranking {
    ranks = List.copyOf(ranks);
    for (Integer r : ranks) {
      if (r == null || r < 0) {
        throw new IllegalArgumentException("a rank is 0 (blank) or a selection's 1-based position");
      }
    }
  }
}
