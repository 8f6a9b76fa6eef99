package org.evote.crypto.count;

import java.util.List;
import java.util.Optional;

/**
 * The instant-runoff count of one ranked contest (protocol §13.6): every round's totals, in order, and the winner's
 * selection id (empty if no ballot ranked anyone). The members of a round are defined by the count15 work.
 */
public record RankedResult(String contestId, long ballots, List<Round> rounds, Optional<String> winner) {
  public RankedResult {
    rounds = List.copyOf(rounds);
  }

  /** One round (§13.6). */
  public record Round(int number) {}
}
