package org.evote.crypto.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.manifest.ContestDescription;
import org.junit.jupiter.api.Test;

/**
 * {@link InstantRunoff} against {@link PlainRunoff} on thousands of random ranked profiles: few ballots and few
 * candidates (so ties for last place and in the final round are frequent), blank ranks (skips, double skips,
 * entirely blank ballots), repeated candidates and short rankings (exhausted ballots).
 */
class InstantRunoffAgreementTest {
  private static final int PROFILES = 6000;

  @Test
  void agreesWithThePlainImplementationOnRandomProfiles() {
    Random random = new Random(15);
    Map<String, Integer> seen = new HashMap<>();
    for (int p = 0; p < PROFILES; p++) {
      int n = 1 + random.nextInt(7);
      int ranks = 1 + random.nextInt(n);
      ContestDescription contest = Contests.ranked(n, ranks);
      int size = random.nextInt(5) == 0 ? random.nextInt(400) : random.nextInt(25);
      double blank = random.nextDouble() * 0.5;
      double repeat = random.nextDouble() * 0.3;
      List<Ranking> rankings = new ArrayList<>();
      List<List<String>> plain = new ArrayList<>();
      for (int b = 0; b < size; b++) {
        List<Integer> r = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int length = random.nextInt(ranks + 1);
        for (int i = 0; i < ranks; i++) {
          int c;
          if (i >= length || random.nextDouble() < blank) {
            c = 0;
          } else if (i > 0 && r.get(i - 1) != 0 && random.nextDouble() < repeat) {
            c = r.get(random.nextInt(i));
          } else {
            c = 1 + skewed(random, n);
          }
          c = c < 0 ? 0 : c;
          r.add(c);
          names.add(c == 0 ? null : contest.selections().get(c - 1).id());
        }
        rankings.add(new Ranking(r));
        plain.add(names);
      }
      byte[] seedBytes = new byte[32];
      random.nextBytes(seedBytes);
      Digest seed = Digest.of(seedBytes);
      RankedResult fast = InstantRunoff.count(contest, rankings, seed);
      PlainRunoff.Result slow = PlainRunoff.count(contest.selections().stream().map(s -> s.id()).toList(), plain,
          seedBytes);
      String where = "profile " + p;
      assertEquals(slow.rounds().size(), fast.rounds().size(), where + ": rounds");
      for (int i = 0; i < slow.rounds().size(); i++) {
        PlainRunoff.Round s = slow.rounds().get(i);
        RankedResult.Round f = fast.rounds().get(i);
        String at = where + ", round " + (i + 1);
        Map<String, Long> totals = new java.util.LinkedHashMap<>();
        f.totals().forEach(t -> totals.put(t.selectionId(), t.votes()));
        assertEquals(s.totals(), totals, at + ": totals");
        assertEquals(List.copyOf(s.totals().keySet()), f.continuing(), at + ": manifest order");
        assertEquals(s.exhausted(), f.exhausted(), at + ": exhausted");
        assertEquals(s.bySkips(), f.exhaustedBySkips(), at + ": exhausted by skips");
        assertEquals(s.outcome(), f.outcome().wire(), at + ": outcome");
        assertEquals(s.defeated(), f.defeated(), at + ": defeated");
        assertEquals(s.tied(), f.lot().map(RankedResult.Lot::tied).orElse(List.of()), at + ": tied");
        assertEquals(s.lotLoser(), f.lot().map(RankedResult.Lot::defeated).orElse(null), at + ": lot");
        if (!s.tied().isEmpty()) {
          seen.merge("lot-" + s.outcome(), 1, Integer::sum);
        }
        seen.merge(s.outcome(), 1, Integer::sum);
        if (s.bySkips() > 0) {
          seen.merge("skips", 1, Integer::sum);
        }
      }
      assertEquals(slow.winner(), fast.winner().orElse(null), where + ": winner");
    }
    // The profiles reach every rule, so the comparison means something.
    for (String rule : List.of("last_place", "batch_elimination", "majority", "final_round", "no_votes",
        "lot-last_place", "lot-final_round", "skips")) {
      assertTrue(seen.getOrDefault(rule, 0) > 20, rule + " reached only " + seen.get(rule) + " times: " + seen);
    }
  }

  /** Candidates of unequal strength, so some lose by far (batch elimination) and some tie. */
  private static int skewed(Random random, int n) {
    double x = random.nextDouble();
    return Math.min(n - 1, (int) (n * x * x));
  }
}
