package org.evote.crypto.count;

import static org.evote.crypto.count.Contests.SEED;
import static org.evote.crypto.count.Contests.ballots;
import static org.evote.crypto.count.Contests.ranked;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.evote.crypto.count.RankedResult.Outcome;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.json.ManifestJson;
import org.evote.crypto.manifest.ContestDescription;
import org.evote.crypto.manifest.Manifest;
import org.junit.jupiter.api.Test;

/** One hand-made case per rule of §13.6 (21-A M.R.S. §723-A; 29-250 C.M.R. ch. 535 §4). */
class MaineRulesTest {
  private static final ContestDescription ABCD = ranked(4, 4);

  private static RankedResult count(Object... copiesAndMarks) {
    return InstantRunoff.count(ABCD, ballots(4, copiesAndMarks), SEED);
  }

  private static RankedResult count3(Object... copiesAndMarks) {
    return InstantRunoff.count(ranked(3, 3), ballots(3, copiesAndMarks), SEED);
  }

  private static long votes(RankedResult r, int round, String id) {
    return r.rounds().get(round - 1).votes(id);
  }

  @Test
  void aMajorityOfFirstChoicesEndsTheCountInRoundOne() {
    RankedResult r = count(6, "ab", 3, "b", 2, "c");
    assertEquals(1, r.rounds().size());
    assertEquals(Outcome.MAJORITY, r.finalRound().outcome());
    assertEquals(Optional.of("a"), r.winner());
  }

  @Test
  void theLastPlaceCandidateIsDefeatedAndItsBallotsGoToTheirNextContinuingCandidate() {
    RankedResult r = count3(4, "a", 3, "b", 2, "cb");
    RankedResult.Round first = r.rounds().get(0);
    assertEquals(Outcome.LAST_PLACE, first.outcome());
    assertEquals(List.of("c"), first.defeated());
    assertEquals(List.of("a", "b"), r.rounds().get(1).continuing());
    assertEquals(5, votes(r, 2, "b"));
    assertEquals(Outcome.FINAL_ROUND, r.finalRound().outcome());
    assertEquals(Optional.of("b"), r.winner());
  }

  @Test
  void oneSkippedRankingIsPassedOver() {
    RankedResult r = count(3, ".a", 2, "b", 2, "c");
    assertEquals(3, votes(r, 1, "a"));
    assertEquals(0, r.rounds().get(0).exhausted());
  }

  @Test
  void twoSequentialSkippedRankingsBeforeTheHighestContinuingRankingExhaustTheBallot() {
    RankedResult r = count(1, "..a", 3, "a", 3, "b", 2, "c..b");
    RankedResult.Round first = r.rounds().get(0);
    assertEquals(3, first.votes("a"));
    assertEquals(2, first.votes("c"));
    assertEquals(1, first.exhausted());
    assertEquals(1, first.exhaustedBySkips());
    // c is defeated: its ballots reach b only after two skipped rankings, so they are exhausted.
    RankedResult.Round second = r.rounds().get(1);
    assertEquals(3, second.votes("b"));
    assertEquals(3, second.exhausted());
    assertEquals(3, second.exhaustedBySkips());
  }

  @Test
  void blankRanksAfterTheLastRankingDoNotExhaust() {
    RankedResult r = count(3, "a...", 2, "b", 2, "c");
    assertEquals(3, votes(r, 1, "a"));
    assertEquals(0, r.rounds().get(0).exhausted());
  }

  @Test
  void aRepeatedCandidateIsPassedOverOnceDefeatedAndIsNoSkippedRanking() {
    RankedResult r = count3(4, "a", 3, "b", 1, "ccb", 1, "cc");
    assertEquals(List.of("c"), r.rounds().get(0).defeated());
    RankedResult.Round second = r.rounds().get(1);
    assertEquals(4, second.votes("b"));
    assertEquals(1, second.exhausted());
    assertEquals(0, second.exhaustedBySkips());
  }

  @Test
  void aBallotRankingNoContinuingCandidateIsExhausted() {
    RankedResult r = count(4, "a", 3, "b", 2, "c", 1, "");
    assertEquals(1, r.rounds().get(0).exhausted());
    assertEquals(0, r.rounds().get(0).exhaustedBySkips());
    assertEquals(3, r.rounds().get(1).exhausted());
    assertEquals(r.ballots(), 10);
  }

  @Test
  void candidatesMathematicallyImpossibleToBeElectedAreDefeatedTogether() {
    // d 1 + e 1 + c 2 = 4 < b's 8: c, d and e cannot be elected; d + e = 2 is not fewer than c's 2.
    ContestDescription five = ranked(5, 2);
    RankedResult r = InstantRunoff.count(five, ballots(2, 10, "a", 8, "b", 2, "c", 1, "d", 1, "e"), SEED);
    RankedResult.Round first = r.rounds().get(0);
    assertEquals(Outcome.BATCH_ELIMINATION, first.outcome());
    assertEquals(List.of("c", "d", "e"), first.defeated());
    assertEquals(2, r.rounds().size());
    assertEquals(Optional.of("a"), r.winner());
  }

  @Test
  void batchEliminationAlwaysLeavesTwoCandidatesForTheFinalRound() {
    // Round 2: a 6, b 2, c 2. b and c together (4) cannot reach a, but defeating both would leave a alone: the
    // count goes on to a final round of two, so last place (b or c) is decided by lot.
    RankedResult r = count(5, "a", 2, "b", 2, "c", 1, "da");
    assertEquals(List.of("d"), r.rounds().get(0).defeated());
    RankedResult.Round second = r.rounds().get(1);
    assertEquals(Outcome.LAST_PLACE, second.outcome());
    assertEquals(List.of("b", "c"), second.lot().orElseThrow().tied());
    assertEquals(2, r.finalRound().continuing().size());
    assertEquals(Outcome.FINAL_ROUND, r.finalRound().outcome());
  }

  @Test
  void aTieForLastPlaceIsDecidedByThePublicLot() {
    RankedResult r = count(4, "a", 3, "b", 2, "c", 2, "d");
    RankedResult.Lot lot = r.rounds().get(0).lot().orElseThrow();
    assertEquals(List.of("c", "d"), lot.tied());
    assertEquals(Lot.defeated(SEED, 1, List.of("c", "d")), lot.defeated());
    assertEquals(List.of(lot.defeated()), r.rounds().get(0).defeated());
    // The lot depends on the seed: some seeds defeat c, others d.
    Set<String> losers = new HashSet<>();
    for (int i = 0; i < 64; i++) {
      losers.add(Lot.defeated(Lot.seed(SEED, "mayor-" + i, SEED), 1, List.of("c", "d")));
    }
    assertEquals(Set.of("c", "d"), losers);
  }

  @Test
  void aTieOfTheFinalTwoIsDecidedByTheLot() {
    RankedResult r = count(2, "a", 2, "b");
    RankedResult.Round last = r.finalRound();
    assertEquals(Outcome.FINAL_ROUND, last.outcome());
    RankedResult.Lot lot = last.lot().orElseThrow();
    assertEquals(List.of("a", "b"), lot.tied());
    assertEquals(lot.defeated().equals("a") ? "b" : "a", r.winner().orElseThrow());
  }

  @Test
  void noBallotRankingAnyoneMeansNoWinner() {
    RankedResult r = count(3, "", 1, "...");
    assertEquals(Outcome.NO_VOTES, r.finalRound().outcome());
    assertEquals(Optional.empty(), r.winner());
    assertEquals(4, r.finalRound().exhausted());
    RankedResult none = InstantRunoff.count(ABCD, List.of(), SEED);
    assertEquals(0, none.ballots());
    assertEquals(Optional.empty(), none.winner());
  }

  @Test
  void theWriteInLineIsOneCandidate() throws Exception {
    Manifest m = ManifestJson.decode(JsonText.parseObject(Files.readString(
        Path.of("../docs/examples/manifest-riverton-rcv.json"), StandardCharsets.UTF_8)));
    ContestDescription mayor = m.contest("mayor").orElseThrow();
    List<Ranking> rankings = List.of(new Ranking(List.of(6, 1, 0, 0, 0)), new Ranking(List.of(6, 0, 0, 0, 0)),
        new Ranking(List.of(2, 6, 0, 0, 0)), new Ranking(List.of(1, 0, 0, 0, 0)));
    RankedResult r = InstantRunoff.count(mayor, rankings, SEED);
    assertEquals(Optional.of("sel-write-in-mayor"), r.winner());
    assertEquals(2, r.rounds().get(0).votes("sel-write-in-mayor"));
  }

  @Test
  void malformedRankingsAreRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> InstantRunoff.count(ABCD, List.of(new Ranking(List.of(1, 2, 3))), SEED));
    assertThrows(IllegalArgumentException.class,
        () -> InstantRunoff.count(ABCD, List.of(new Ranking(List.of(1, 2, 3, 5))), SEED));
    assertThrows(IllegalArgumentException.class, () -> new Ranking(List.of(1, -1)));
  }

  @Test
  void theLotSeedAndTicketsAreTheHashesOfProtocol13_6() {
    byte[] he = new byte[32];
    byte[] hf = new byte[32];
    he[0] = 1;
    hf[31] = 2;
    byte[] expected = PlainRunoff.sha256(PlainRunoff.item(0, "evote/2/count/lot".getBytes(StandardCharsets.US_ASCII)),
        PlainRunoff.item(5, he), PlainRunoff.item(1, "mayor".getBytes(StandardCharsets.UTF_8)),
        PlainRunoff.item(5, hf));
    assertArrayEquals(expected, Lot.seed(Digest.of(he), "mayor", Digest.of(hf)).toBytes());
    assertEquals(PlainRunoff.lot(expected, 3, List.of("x", "y", "z")),
        Lot.defeated(Digest.of(expected), 3, List.of("x", "y", "z")));
  }
}
