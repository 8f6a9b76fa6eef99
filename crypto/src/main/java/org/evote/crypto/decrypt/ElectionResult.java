package org.evote.crypto.decrypt;

import java.util.List;
import java.util.Optional;

/**
 * The decrypted result (protocol §10.3, {@code result.json}): for each contest and selection its count, and the
 * numbers of cast and challenged ballots.
 */
public record ElectionResult(List<Contest> contests, long castBallots, long challengedBallots) {
  public ElectionResult {
    contests = List.copyOf(contests);
    if (castBallots < 0 || challengedBallots < 0) {
      throw new IllegalArgumentException("ballot counts must not be negative");
    }
  }

  public record Contest(String contestId, List<Selection> selections) {
    public Contest {
      selections = List.copyOf(selections);
    }
  }

  public record Selection(String selectionId, long count) {
    public Selection {
      if (count < 0) {
        throw new IllegalArgumentException("a count must not be negative");
      }
    }
  }

  /** The count of one selection, if the contest and selection exist. */
  public Optional<Long> count(String contestId, String selectionId) {
    return contests.stream().filter(c -> c.contestId().equals(contestId)).findFirst()
        .flatMap(c -> c.selections().stream().filter(s -> s.selectionId().equals(selectionId)).findFirst())
        .map(Selection::count);
  }
}
