package org.evote.crypto.count;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.evote.crypto.count.RankedResult.Lot;
import org.evote.crypto.count.RankedResult.Outcome;
import org.evote.crypto.count.RankedResult.Round;
import org.evote.crypto.count.RankedResult.Total;
import org.junit.jupiter.api.Test;

/** The structural rules of a ranked result (§13.6), which a reader of ranked_result.json applies before a recount. */
class RankedResultTest {
  private static List<Total> totals(Object... idAndVotes) {
    List<Total> out = new ArrayList<>();
    for (int i = 0; i < idAndVotes.length; i += 2) {
      out.add(new Total((String) idAndVotes[i], (Integer) idAndVotes[i + 1]));
    }
    return out;
  }

  private static Round first() {
    return new Round(1, totals("a", 4, "b", 3, "c", 2), 1, 0, Outcome.LAST_PLACE, List.of("c"), Optional.empty());
  }

  private static Round second() {
    return new Round(2, totals("a", 4, "b", 5), 1, 0, Outcome.FINAL_ROUND, List.of(), Optional.empty());
  }

  private static String message(Runnable r) {
    return assertThrows(IllegalArgumentException.class, r::run).getMessage();
  }

  @Test
  void aConsistentResultIsAccepted() {
    assertDoesNotThrow(() -> new RankedResult("mayor", 10, List.of(first(), second()), Optional.of("b")));
  }

  @Test
  void inconsistentResultsAreRefusedSayingWhy() {
    assertTrue(message(() -> new RankedResult("mayor", 11, List.of(first(), second()), Optional.of("b")))
        .contains("add up"));
    assertTrue(message(() -> new RankedResult("mayor", 10, List.of(second()), Optional.of("b")))
        .contains("numbered"));
    assertTrue(message(() -> new RankedResult("mayor", 10, List.of(first()), Optional.empty()))
        .contains("does not end"));
    assertTrue(message(() -> new RankedResult("mayor", 10, List.of(first(), second()), Optional.of("a")))
        .contains("most votes"));
    assertTrue(message(() -> new RankedResult("mayor", 10, List.of(first(), second()), Optional.of("c")))
        .contains("continuing"));
    Round wrongNext = new Round(2, totals("a", 4, "c", 5), 1, 0, Outcome.FINAL_ROUND, List.of(), Optional.empty());
    assertTrue(message(() -> new RankedResult("mayor", 10, List.of(first(), wrongNext), Optional.of("c")))
        .contains("continuing candidates are not"));
  }

  @Test
  void roundsThatBreakTheirOutcomeAreRefused() {
    message(() -> new Round(1, totals("a", 4, "b", 3, "c", 2), 1, 0, Outcome.LAST_PLACE, List.of("b", "c"),
        Optional.empty()));
    message(() -> new Round(1, totals("a", 4, "b", 3, "c", 2), 1, 0, Outcome.BATCH_ELIMINATION, List.of("b", "c"),
        Optional.empty()));
    message(() -> new Round(1, totals("a", 4, "b", 3, "c", 2), 1, 0, Outcome.FINAL_ROUND, List.of(),
        Optional.empty()));
    message(() -> new Round(1, totals("a", 4, "b", 3, "c", 2), 1, 2, Outcome.LAST_PLACE, List.of("c"),
        Optional.empty()));
    message(() -> new Round(1, totals("a", 4, "a", 3, "c", 2), 1, 0, Outcome.LAST_PLACE, List.of("c"),
        Optional.empty()));
    // A lot among candidates with different votes, or not naming the defeated.
    message(() -> new Round(1, totals("a", 4, "b", 3, "c", 2), 1, 0, Outcome.LAST_PLACE, List.of("c"),
        Optional.of(new Lot(List.of("b", "c"), "c"))));
    message(() -> new Round(1, totals("a", 4, "b", 2, "c", 2), 1, 0, Outcome.LAST_PLACE, List.of("c"),
        Optional.of(new Lot(List.of("b", "c"), "b"))));
    message(() -> new Lot(List.of("b"), "b"));
    message(() -> new Lot(List.of("b", "c"), "d"));
    assertDoesNotThrow(() -> new Round(1, totals("a", 4, "b", 2, "c", 2), 1, 0, Outcome.LAST_PLACE, List.of("c"),
        Optional.of(new Lot(List.of("b", "c"), "c"))));
  }

  @Test
  void theWinnerOfATiedFinalRoundIsNotTheOneTheLotDefeated() {
    Round tied = new Round(2, totals("a", 4, "b", 4), 2, 0, Outcome.FINAL_ROUND, List.of(),
        Optional.of(new Lot(List.of("a", "b"), "a")));
    assertDoesNotThrow(() -> new RankedResult("mayor", 10, List.of(first(), tied), Optional.of("b")));
    message(() -> new RankedResult("mayor", 10, List.of(first(), tied), Optional.of("a")));
  }
}
