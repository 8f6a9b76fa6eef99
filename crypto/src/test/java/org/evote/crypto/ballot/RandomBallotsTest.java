package org.evote.crypto.ballot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.evote.crypto.manifest.BallotStyle;
import org.evote.crypto.manifest.ContestDescription;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.manifest.SelectionDescription;
import org.evote.crypto.testing.DeterministicRandom;
import org.evote.crypto.testing.TestElection;
import org.junit.jupiter.api.Test;

class RandomBallotsTest {
  static final Manifest HAMILTON = TestElection.manifest("manifest-hamilton-general.json");

  @Test
  void everyContestOfTheStyleGetsZeroToLDistinctSelectionsOfThatContest() {
    DeterministicRandom random = new DeterministicRandom("random ballots: valid");
    for (int i = 0; i < 200; i++) {
      PlaintextBallot b = RandomBallots.any(HAMILTON, "ballot-" + i, random);
      List<ContestDescription> contests = HAMILTON.contestsFor(b.styleId());
      assertEquals(contests.stream().map(ContestDescription::id).toList(), List.copyOf(b.choices().keySet()));
      for (ContestDescription c : contests) {
        Set<String> ids = new HashSet<>(c.selections().stream().map(SelectionDescription::id).toList());
        Set<String> marked = b.marked(c.id());
        assertTrue(marked.size() <= c.votesAllowed(), c.id());
        assertTrue(ids.containsAll(marked), c.id());
      }
      assertEquals("ballot-" + i, b.ballotId());
    }
  }

  @Test
  void everyStyleAndEveryNumberOfMarksFromZeroToLOccurs() {
    DeterministicRandom random = new DeterministicRandom("random ballots: coverage");
    Set<String> styles = new HashSet<>();
    Set<String> contestAndMarks = new HashSet<>();
    for (int i = 0; i < 2000; i++) {
      PlaintextBallot b = RandomBallots.any(HAMILTON, "b" + i, random);
      styles.add(b.styleId());
      b.choices().forEach((contest, marked) -> contestAndMarks.add(contest + "/" + marked.size()));
    }
    assertEquals(HAMILTON.ballotStyles().stream().map(BallotStyle::id).collect(java.util.stream.Collectors.toSet()),
        styles);
    for (ContestDescription c : HAMILTON.contests()) {
      if (HAMILTON.ballotStyles().stream().anyMatch(s -> HAMILTON.contestsFor(s.id()).contains(c))) {
        for (int marks = 0; marks <= Math.min(c.votesAllowed(), 3); marks++) {
          assertTrue(contestAndMarks.contains(c.id() + "/" + marks), c.id() + " never with " + marks + " marks");
        }
      }
    }
  }

  @Test
  void theSameSeedGivesTheSameBallotsAndChoicesAreUnmodifiable() {
    String style = HAMILTON.ballotStyles().get(0).id();
    Map<String, List<String>> a = RandomBallots.choices(HAMILTON, style, new DeterministicRandom("same"));
    Map<String, List<String>> b = RandomBallots.choices(HAMILTON, style, new DeterministicRandom("same"));
    assertEquals(a, b);
    org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
        () -> a.values().iterator().next().add("x"));
    org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class, () -> a.put("x", List.of()));
  }
}
