package org.evote.crypto.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.evote.crypto.testing.TestElection;
import org.junit.jupiter.api.Test;

class DisplayNamesTest {
  private static final DisplayText.Words ENGLISH = new DisplayText.Words() {
    @Override
    public String writeIn() {
      return "Write-in";
    }

    @Override
    public String unnamed(int position) {
      return "Choice " + position + " (no name in the manifest)";
    }

    @Override
    public String untitled(String kind, int position) {
      return kind + " " + position;
    }

    @Override
    public String untranslated(String text, String language) {
      return text + " (" + language + ")";
    }
  };

  private final Manifest county = TestElection.manifest("manifest-hamilton-general.json");
  private final DisplayNames names = new DisplayNames(county);

  @Test
  void selectionsWithoutANamedCandidateAreUnnamedByPositionAndListedForTheCeremony() {
    DisplayText soliz = names.selection("congress-district-5-contest", "soliz-selection", "en");
    assertInstanceOf(DisplayText.Unnamed.class, soliz);
    assertFalse(soliz.render(ENGLISH).contains("soliz"));
    List<DisplayNames.UnnamedSelection> unnamed = names.unnamedSelections();
    assertEquals(List.of("soliz-selection", "rangel-selection"), unnamed.stream()
        .map(DisplayNames.UnnamedSelection::selectionId).toList());
    assertTrue(unnamed.get(1).describe().contains("House of Representatives Congressional District 5"));
  }

  @Test
  void writeInLinesAreWriteInsWhetherListedOrNot() {
    assertInstanceOf(DisplayText.WriteIn.class, names.selection("ozark-governor", "write-in-selection-governor",
        "es"));
    assertEquals("Write-in", names.selection("ozark-governor", "write-in-selection-governor", "en")
        .render(ENGLISH));
  }

  @Test
  void textInTheReadersLanguageElseVisiblyTheFirstLanguage() {
    assertEquals("Elección general del condado de Hamilton", names.election("es").render(ENGLISH));
    DisplayText whig = names.party("whig", "es");
    assertEquals(new DisplayText.Text("Whig Party", "en", true), whig);
    assertEquals("Whig Party (en)", whig.render(ENGLISH));
    assertEquals("Whig Party", whig.plain(ENGLISH));
    assertEquals(new DisplayText.Text("Whig Party", "en", false), names.party("whig", "en-US"));
    assertTrue(names.untranslatedCounts().get("es") > 0);
    assertEquals(0, names.untranslatedCounts().get("en"));
  }

  @Test
  void noDisplayedNameIsAnIdentifier() {
    Set<String> ids = new HashSet<>();
    county.contests().forEach(c -> {
      ids.add(c.id());
      c.selections().forEach(s -> {
        ids.add(s.id());
        ids.add(s.candidateId());
      });
    });
    county.ballotStyles().forEach(s -> ids.add(s.id()));
    for (String lang : List.of("en", "es")) {
      for (ContestDescription c : county.contests()) {
        assertFalse(ids.contains(names.contest(c.id(), lang).render(ENGLISH)));
        for (SelectionDescription s : c.selections()) {
          assertFalse(ids.contains(names.selection(c.id(), s.id(), lang).render(ENGLISH)), s.id());
        }
      }
    }
    county.ballotStyles().forEach(s -> assertFalse(ids.contains(names.style(s.id())), s.id()));
  }

  @Test
  void ballotStylesAreNamedByTheirDistinguishingDistrictsAndAreDistinct() {
    assertEquals("Congressional District 7 · LaCroix Township Precinct 1 · Exeter Utility District",
        names.style("congress-district-7-lacroix-exeter"));
    assertEquals("Congressional District 5", names.style("congress-district-5-hamilton-county"));
    Set<String> distinct = new HashSet<>();
    county.ballotStyles().forEach(s -> assertTrue(distinct.add(names.style(s.id())), s.id()));
  }

  @Test
  void severalWriteInLinesAreNumbered_soNoTwoChoicesOfAContestReadTheSame() {
    assertEquals("Write-in", names.selection("ozark-governor", "write-in-selection-governor", "en").render(ENGLISH));
    assertEquals("Write-in 2", names.selection("pismo-beach-school-board-contest",
        "write-in-selection-2-pismo-beach-school-board", "en").render(ENGLISH));
    for (String lang : List.of("en", "es")) {
      for (ContestDescription c : county.contests()) {
        Set<String> seen = new HashSet<>();
        for (SelectionDescription s : c.selections()) {
          assertTrue(seen.add(names.selection(c.id(), s.id(), lang).render(ENGLISH)), c.id() + " " + s.id());
        }
      }
    }
  }
}
