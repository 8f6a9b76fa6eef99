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

  static final Manifest RIVERTON = riverton();

  static Manifest riverton() {
    try {
      return org.evote.crypto.json.ManifestJson.decode(org.evote.crypto.json.JsonText
          .readObject(java.nio.file.Path.of("../docs/examples/manifest-riverton-rcv.json")));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void rankedContestsGetARandomPrefixOfARandomOrder_andWriteInLinesAValidName() {
    DeterministicRandom random = new DeterministicRandom("random ballots: ranked");
    Set<String> lengths = new HashSet<>();
    Set<String> writeInRanks = new HashSet<>();
    Set<String> names = new HashSet<>();
    org.evote.crypto.manifest.DisplayNames display = new org.evote.crypto.manifest.DisplayNames(RIVERTON);
    for (int i = 0; i < 1500; i++) {
      PlaintextBallot b = RandomBallots.any(RIVERTON, "b" + i, random);
      for (ContestDescription c : RIVERTON.contestsFor(b.styleId())) {
        List<String> ranking = b.ranking(c.id());
        assertTrue(ranking.size() <= c.votesAllowed(), c.id());
        if (c.isRanked()) {
          assertTrue(ranking.size() >= 1, c.id());
          lengths.add(c.id() + "/" + ranking.size());
        }
        List<String> writeIns = ranking.stream().filter(id -> display.isWriteIn(c.selection(id).orElseThrow()))
            .toList();
        assertTrue(writeIns.size() <= 1, "at most one write-in line per contest");
        Map<String, String> written = b.writeIns().getOrDefault(c.id(), Map.of());
        assertEquals(Set.copyOf(writeIns), written.keySet(), "a name exactly on the marked write-in line");
        for (String n : written.values()) {
          assertTrue(WriteInNames.isValid(n), "a valid name");
          names.add(n);
        }
        if (!writeIns.isEmpty() && c.isRanked()) {
          writeInRanks.add(c.id() + "/" + (ranking.indexOf(writeIns.get(0)) + 1));
        }
      }
    }
    for (int k = 1; k <= 5; k++) {
      assertTrue(lengths.contains("mayor/" + k), "mayor ranked " + k + " deep");
      assertTrue(writeInRanks.contains("mayor/" + k), "the write-in line ranked " + k);
    }
    for (int k = 1; k <= 3; k++) {
      assertTrue(lengths.contains("school-board-ward-2/" + k), "school board ranked " + k + " deep");
    }
    assertTrue(names.size() > 10, "names from the whole list: " + names.size());
    assertTrue(names.stream().anyMatch(n -> !n.chars().allMatch(ch -> ch < 128)), "names with accents");
  }

  @Test
  void everyNameOfTheListIsValid() {
    for (String n : RandomBallots.NAMES) {
      assertTrue(WriteInNames.isValid(n), n);
    }
  }
}
