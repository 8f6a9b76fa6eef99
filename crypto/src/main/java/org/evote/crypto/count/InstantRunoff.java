package org.evote.crypto.count;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.manifest.ContestDescription;
import org.evote.crypto.manifest.SelectionDescription;

/**
 * Instant-runoff count under Maine's rules (21-A M.R.S. §723-A and 29-250 C.M.R. ch. 535 §4; protocol §13.6), with
 * ties for last place (and a tie of the final two) decided by a public, reproducible lot seeded by {@code lotSeed}
 * ({@link Lot}). Rankings are read by {@link #choice}: blank ranks are skipped rankings, a ranking of a defeated
 * candidate or a repeat of a candidate already passed is passed over, and 2 or more sequential skipped rankings
 * before the highest continuing ranking exhaust the ballot. Overvotes cannot occur: a rank holds one selection.
 */
public final class InstantRunoff {
  /** {@link #choice}: the ballot ranks no continuing candidate. */
  static final int EXHAUSTED = -1;
  /** {@link #choice}: 2 or more sequential skipped rankings come before the highest continuing ranking. */
  static final int EXHAUSTED_BY_SKIPS = -2;

  private InstantRunoff() {}

  /**
   * Counts {@code rankings} of {@code contest} (a ranked contest).
   *
   * @throws IllegalArgumentException if the contest is not ranked, or a ranking does not have L ranks each in
   *     0 … n (n selections)
   */
  public static RankedResult count(ContestDescription contest, List<Ranking> rankings, Digest lotSeed) {
    if (!contest.isRanked()) {
      throw new IllegalArgumentException("contest " + contest.id() + " is not ranked");
    }
    int n = contest.selections().size();
    int[][] ballots = ranks(contest, rankings);
    boolean[] continuing = new boolean[n + 1];
    Arrays.fill(continuing, 1, n + 1, true);
    List<RankedResult.Round> rounds = new ArrayList<>();
    for (int round = 1; ; round++) {
      long[] votes = new long[n + 1];
      long exhausted = 0;
      long bySkips = 0;
      for (int[] b : ballots) {
        int c = choice(b, continuing);
        if (c > 0) {
          votes[c]++;
        } else {
          exhausted++;
          bySkips += c == EXHAUSTED_BY_SKIPS ? 1 : 0;
        }
      }
      End end = end(contest, round, continuing, votes, lotSeed);
      List<RankedResult.Total> totals = new ArrayList<>();
      for (int i = 1; i <= n; i++) {
        if (continuing[i]) {
          totals.add(new RankedResult.Total(id(contest, i), votes[i]));
        }
      }
      rounds.add(new RankedResult.Round(round, totals, exhausted, bySkips, end.outcome(),
          end.defeated().stream().map(i -> id(contest, i)).toList(), end.lot()));
      if (end.outcome().ends()) {
        return new RankedResult(contest.id(), ballots.length, rounds, end.winner().map(i -> id(contest, i)));
      }
      for (int d : end.defeated()) {
        continuing[d] = false;
      }
    }
  }

  /**
   * The candidate (1-based position) a ballot counts for while {@code continuing} candidates remain, or
   * {@link #EXHAUSTED} / {@link #EXHAUSTED_BY_SKIPS}: the first rank, in rank order, holding a continuing candidate,
   * unless 2 or more blank ranks in a row come before it (blank ranks after it do not matter).
   */
  static int choice(int[] ranks, boolean[] continuing) {
    int blanks = 0;
    boolean skipped = false;
    for (int r : ranks) {
      if (r == 0) {
        blanks++;
        continue;
      }
      skipped |= blanks >= 2;
      blanks = 0;
      if (continuing[r]) {
        return skipped ? EXHAUSTED_BY_SKIPS : r;
      }
    }
    return EXHAUSTED;
  }

  /** How a round ends: positions are 1-based. */
  private record End(RankedResult.Outcome outcome, List<Integer> defeated, Optional<RankedResult.Lot> lot,
      Optional<Integer> winner) {}

  private static End end(ContestDescription contest, int round, boolean[] continuing, long[] votes, Digest seed) {
    List<Integer> alive = new ArrayList<>();
    long sum = 0;
    for (int i = 1; i < continuing.length; i++) {
      if (continuing[i]) {
        alive.add(i);
        sum += votes[i];
      }
    }
    if (sum == 0) {
      return new End(RankedResult.Outcome.NO_VOTES, List.of(), Optional.empty(), Optional.empty());
    }
    long max = alive.stream().mapToLong(i -> votes[i]).max().orElseThrow();
    List<Integer> top = alive.stream().filter(i -> votes[i] == max).toList();
    if (alive.size() <= 2) {
      if (top.size() == 1) {
        return new End(RankedResult.Outcome.FINAL_ROUND, List.of(), Optional.empty(), Optional.of(top.get(0)));
      }
      RankedResult.Lot lot = lot(contest, seed, round, top);
      int winner = top.get(0).equals(position(contest, lot.defeated())) ? top.get(1) : top.get(0);
      return new End(RankedResult.Outcome.FINAL_ROUND, List.of(), Optional.of(lot), Optional.of(winner));
    }
    if (round == 1 && 2 * max > sum) {
      return new End(RankedResult.Outcome.MAJORITY, List.of(), Optional.empty(), Optional.of(top.get(0)));
    }
    List<Integer> batch = batch(alive, votes);
    if (batch.size() >= 2) {
      return new End(RankedResult.Outcome.BATCH_ELIMINATION, batch, Optional.empty(), Optional.empty());
    }
    long min = alive.stream().mapToLong(i -> votes[i]).min().orElseThrow();
    List<Integer> last = alive.stream().filter(i -> votes[i] == min).toList();
    if (last.size() == 1) {
      return new End(RankedResult.Outcome.LAST_PLACE, last, Optional.empty(), Optional.empty());
    }
    RankedResult.Lot lot = lot(contest, seed, round, last);
    return new End(RankedResult.Outcome.LAST_PLACE, List.of(position(contest, lot.defeated())), Optional.of(lot),
        Optional.empty());
  }

  /**
   * The largest group of the lowest candidates that are all mathematically impossible to be elected and leaves at
   * least 2 continuing (§723-A sub-§1 ¶G): sorted by votes, a prefix that ends between two different totals and
   * whose votes together are fewer than the next candidate's. Positions in manifest order.
   */
  private static List<Integer> batch(List<Integer> alive, long[] votes) {
    List<Integer> sorted = new ArrayList<>(alive);
    sorted.sort(Comparator.comparingLong((Integer i) -> votes[i]).thenComparingInt(i -> i));
    int best = 0;
    long prefix = 0;
    for (int k = 1; k <= sorted.size() - 2; k++) {
      prefix += votes[sorted.get(k - 1)];
      long next = votes[sorted.get(k)];
      if (votes[sorted.get(k - 1)] < next && prefix < next) {
        best = k;
      }
    }
    List<Integer> out = new ArrayList<>(sorted.subList(0, best));
    out.sort(Comparator.naturalOrder());
    return out;
  }

  private static RankedResult.Lot lot(ContestDescription contest, Digest seed, int round, List<Integer> tied) {
    List<String> ids = tied.stream().map(i -> id(contest, i)).toList();
    return new RankedResult.Lot(ids, Lot.defeated(seed, round, ids));
  }

  private static int[][] ranks(ContestDescription contest, List<Ranking> rankings) {
    int n = contest.selections().size();
    int l = contest.votesAllowed();
    int[][] out = new int[rankings.size()][];
    for (int b = 0; b < out.length; b++) {
      List<Integer> r = rankings.get(b).ranks();
      if (r.size() != l) {
        throw new IllegalArgumentException("contest " + contest.id() + ": ranking " + b + " has " + r.size()
            + " ranks, not " + l);
      }
      out[b] = new int[l];
      for (int i = 0; i < l; i++) {
        int v = r.get(i);
        if (v > n) {
          throw new IllegalArgumentException("contest " + contest.id() + ": ranking " + b + ", rank " + (i + 1)
              + " is " + v + ", outside 0 … " + n);
        }
        out[b][i] = v;
      }
    }
    return out;
  }

  private static String id(ContestDescription contest, int position) {
    return contest.selections().get(position - 1).id();
  }

  private static int position(ContestDescription contest, String selectionId) {
    List<SelectionDescription> s = contest.selections();
    for (int i = 0; i < s.size(); i++) {
      if (s.get(i).id().equals(selectionId)) {
        return i + 1;
      }
    }
    throw new IllegalArgumentException("no selection " + selectionId);
  }
}
