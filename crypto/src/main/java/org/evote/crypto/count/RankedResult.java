package org.evote.crypto.count;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The instant-runoff count of one ranked contest (protocol §13.6): every round's totals, in order, and the winner's
 * selection id (empty if no ballot ranked anyone). {@code ballots} is the number of rows counted; in every round the
 * continuing candidates' totals and the exhausted ballots add up to it. The canonical constructor checks the
 * structure (numbering, sums, who continues, how each round ended); that the numbers are right is a recount's job
 * ({@link InstantRunoff}, V23).
 */
public record RankedResult(String contestId, long ballots, List<Round> rounds, Optional<String> winner) {
  public RankedResult {
    CountIds.require(contestId, "contest id");
    if (ballots < 0) {
      throw new IllegalArgumentException("ballots must not be negative");
    }
    rounds = List.copyOf(rounds);
    if (rounds.isEmpty()) {
      throw new IllegalArgumentException("a ranked result has at least one round");
    }
    for (int i = 0; i < rounds.size(); i++) {
      Round r = rounds.get(i);
      if (r.number() != i + 1) {
        throw new IllegalArgumentException("round " + (i + 1) + " is numbered " + r.number());
      }
      long counted = r.continuingVotes() + r.exhausted();
      if (counted < 0 || counted != ballots) {
        throw new IllegalArgumentException("round " + r.number() + ": totals and exhausted ballots do not add "
            + "up to the " + ballots + " ballots");
      }
      boolean last = i == rounds.size() - 1;
      if (r.outcome().ends() != last) {
        throw new IllegalArgumentException("round " + r.number() + ": outcome " + r.outcome().wire()
            + (last ? " does not end the count" : " ends the count before the last round"));
      }
      if (!last) {
        Set<String> next = new HashSet<>(r.continuing());
        next.removeAll(r.defeated());
        if (!next.equals(new HashSet<>(rounds.get(i + 1).continuing()))) {
          throw new IllegalArgumentException("round " + (i + 2) + ": the continuing candidates are not those of "
              + "round " + r.number() + " without its defeated candidates");
        }
      }
    }
    winner = winner == null ? Optional.empty() : winner;
    Round last = rounds.get(rounds.size() - 1);
    if (last.outcome() == Outcome.NO_VOTES) {
      if (winner.isPresent()) {
        throw new IllegalArgumentException("a count in which no ballot ranked anyone has no winner");
      }
    } else if (winner.isEmpty() || !last.continuing().contains(winner.get())) {
      throw new IllegalArgumentException("the winner must be a continuing candidate of the last round");
    } else if (last.votes(winner.get()) < last.totals().stream().mapToLong(Total::votes).max().orElse(0)) {
      throw new IllegalArgumentException("the winner has the most votes in the last round");
    } else if (last.lot().isPresent() && last.lot().get().defeated().equals(winner.get())) {
      throw new IllegalArgumentException("the winner is the candidate the lot defeated");
    }
  }

  /** The last round. */
  public Round finalRound() {
    return rounds.get(rounds.size() - 1);
  }

  /** How a round ended (§13.6). */
  public enum Outcome {
    /** More than 2 continuing: the last-place candidate is defeated (by lot if several share last place). */
    LAST_PLACE("last_place", false),
    /** More than 2 continuing: every candidate mathematically impossible to be elected is defeated at once. */
    BATCH_ELIMINATION("batch_elimination", false),
    /** Round 1: a candidate has more than half of the votes (no runoff needed). */
    MAJORITY("majority", true),
    /** 2 (or 1) continuing candidates: the one with the most votes wins (by lot if the 2 are tied). */
    FINAL_ROUND("final_round", true),
    /** No ballot ranks any candidate: there is no winner. */
    NO_VOTES("no_votes", true);

    private final String wire;
    private final boolean ends;

    Outcome(String wire, boolean ends) {
      this.wire = wire;
      this.ends = ends;
    }

    /** The name in ranked_result.json. */
    public String wire() {
      return wire;
    }

    /** True if the count ends with this round. */
    public boolean ends() {
      return ends;
    }

    /** The outcome named {@code wire}, if any. */
    public static Optional<Outcome> ofWire(String wire) {
      for (Outcome o : values()) {
        if (o.wire.equals(wire)) {
          return Optional.of(o);
        }
      }
      return Optional.empty();
    }
  }

  /** One continuing candidate's votes in a round. */
  public record Total(String selectionId, long votes) {
    public Total {
      CountIds.require(selectionId, "selection id");
      if (votes < 0) {
        throw new IllegalArgumentException("votes must not be negative");
      }
    }
  }

  /**
   * A tie decided by the public lot (§13.6): the tied candidates, in manifest order, and the one the lot defeated.
   */
  public record Lot(List<String> tied, String defeated) {
    public Lot {
      tied = List.copyOf(tied);
      if (tied.size() < 2 || new HashSet<>(tied).size() != tied.size()) {
        throw new IllegalArgumentException("a lot is drawn among 2 or more distinct candidates");
      }
      if (!tied.contains(defeated)) {
        throw new IllegalArgumentException("the lot defeats one of the tied candidates");
      }
    }
  }

  /**
   * One round (§13.6): the continuing candidates' totals in manifest order; the exhausted ballots (counted for no
   * continuing candidate: ranking none, or 2 or more sequential skipped rankings before the highest continuing
   * ranking) and, of them, those exhausted by skipped rankings; how the round ended; the candidates it defeated
   * (none in the last round) and the lot, if a tie was decided by lot.
   */
  public record Round(int number, List<Total> totals, long exhausted, long exhaustedBySkips, Outcome outcome,
      List<String> defeated, Optional<Lot> lot) {
    public Round {
      if (number < 1) {
        throw new IllegalArgumentException("rounds are numbered from 1");
      }
      totals = List.copyOf(totals);
      defeated = List.copyOf(defeated);
      lot = lot == null ? Optional.empty() : lot;
      if (totals.isEmpty()) {
        throw new IllegalArgumentException("round " + number + " has no continuing candidate");
      }
      Set<String> ids = new HashSet<>();
      for (Total t : totals) {
        ids.add(t.selectionId());
      }
      if (ids.size() != totals.size()) {
        throw new IllegalArgumentException("round " + number + " lists a candidate twice");
      }
      if (exhausted < 0 || exhaustedBySkips < 0 || exhaustedBySkips > exhausted) {
        throw new IllegalArgumentException("round " + number + ": exhausted ballots must be at least 0 and at "
            + "least those exhausted by skipped rankings");
      }
      if (new HashSet<>(defeated).size() != defeated.size() || !ids.containsAll(defeated)) {
        throw new IllegalArgumentException("round " + number + ": the defeated must be distinct continuing "
            + "candidates");
      }
      checkEnd(number, outcome, ids, totals, defeated, lot);
    }

    private static void checkEnd(int number, Outcome outcome, Set<String> ids, List<Total> totals,
        List<String> defeated, Optional<Lot> lot) {
      if (outcome == null) {
        throw new IllegalArgumentException("round " + number + " has no outcome");
      }
      String where = "round " + number + " (" + outcome.wire() + "): ";
      switch (outcome) {
        case LAST_PLACE -> {
          if (ids.size() < 3 || defeated.size() != 1) {
            throw new IllegalArgumentException(where + "defeats one of 3 or more continuing candidates");
          }
        }
        case BATCH_ELIMINATION -> {
          if (defeated.size() < 2 || ids.size() - defeated.size() < 2 || lot.isPresent()) {
            throw new IllegalArgumentException(where + "defeats 2 or more candidates, leaves 2 or more, no lot");
          }
        }
        case MAJORITY, NO_VOTES -> {
          if (!defeated.isEmpty() || lot.isPresent()) {
            throw new IllegalArgumentException(where + "defeats no one and draws no lot");
          }
        }
        case FINAL_ROUND -> {
          if (ids.size() > 2 || !defeated.isEmpty()) {
            throw new IllegalArgumentException(where + "has at most 2 candidates and defeats no one");
          }
        }
        default -> throw new IllegalArgumentException(where + "unknown outcome");
      }
      if (lot.isPresent()) {
        Lot l = lot.get();
        if (!ids.containsAll(l.tied())) {
          throw new IllegalArgumentException(where + "the lot is drawn among continuing candidates");
        }
        Set<String> tied = new HashSet<>(l.tied());
        long v = -1;
        for (Total t : totals) {
          if (tied.contains(t.selectionId())) {
            if (v >= 0 && t.votes() != v) {
              throw new IllegalArgumentException(where + "the lot is drawn among candidates with equal votes");
            }
            v = t.votes();
          }
        }
        if (outcome == Outcome.LAST_PLACE && !defeated.equals(List.of(l.defeated()))) {
          throw new IllegalArgumentException(where + "the lot's candidate is the one defeated");
        }
      }
    }

    /** The continuing candidates' selection ids, in manifest order. */
    public List<String> continuing() {
      return totals.stream().map(Total::selectionId).toList();
    }

    /** The votes of {@code selectionId} in this round (0 if not continuing). */
    public long votes(String selectionId) {
      return totals.stream().filter(t -> t.selectionId().equals(selectionId)).mapToLong(Total::votes).sum();
    }

    /** The votes counted for continuing candidates (-1 if they overflow a long, which no count can reach). */
    public long continuingVotes() {
      long sum = 0;
      for (Total t : totals) {
        sum += t.votes();
        if (sum < 0) {
          return -1;
        }
      }
      return sum;
    }
  }
}
