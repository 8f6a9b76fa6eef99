package org.evote.crypto.manifest;

import java.util.List;

/**
 * A contest: its district, variation, the number of selections a voter may mark (L, {@code votesAllowed}; for a
 * ranked contest the number of ranks) and its selections in sequence order. In a contest that is not ranked every
 * selection counts 0 or 1 (R = 1, protocol §4.1).
 */
public record ContestDescription(String id, int sequenceOrder, String electoralDistrictId,
    VoteVariation voteVariation, int votesAllowed, int numberElected, InternationalText name,
    InternationalText ballotTitle, InternationalText ballotSubtitle, List<SelectionDescription> selections) {
  /** The largest value one selection may take (R). */
  public static final int SELECTION_LIMIT = 1;

  public ContestDescription {
    Ids.require(id, "contest id");
    selections = List.copyOf(selections);
    if (selections.isEmpty()) {
      throw new IllegalArgumentException("contest " + id + " has no selections");
    }
    if (votesAllowed < 1 || votesAllowed > selections.size()) {
      throw new IllegalArgumentException("contest " + id + ": votes_allowed must be between 1 and the number "
          + "of selections (" + selections.size() + "), got " + votesAllowed);
    }
    if (voteVariation == VoteVariation.ONE_OF_M && votesAllowed != 1) {
      throw new IllegalArgumentException("contest " + id + ": one_of_m requires votes_allowed = 1");
    }
  }

  /** True if this contest is ranked choice ({@code rcv}): encrypted as L rankings and counted by instant runoff. */
  public boolean isRanked() {
    return voteVariation.isRanked();
  }

  /** The selection with this id, if any. */
  public java.util.Optional<SelectionDescription> selection(String selectionId) {
    return selections.stream().filter(s -> s.id().equals(selectionId)).findFirst();
  }
}
