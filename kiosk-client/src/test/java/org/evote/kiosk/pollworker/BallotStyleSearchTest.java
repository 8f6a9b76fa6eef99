package org.evote.kiosk.pollworker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.evote.crypto.manifest.BallotStyle;
import org.evote.crypto.manifest.DisplayNames;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.testing.TestElection;
import org.junit.jupiter.api.Test;

/** Finding ballot styles by any word of their names, with the county manifest. */
class BallotStyleSearchTest {
  static final Manifest COUNTY = TestElection.manifest("manifest-hamilton-general.json");
  final BallotStyleSearch search = new BallotStyleSearch(COUNTY);
  final DisplayNames names = new DisplayNames(COUNTY);

  Set<String> ids(List<BallotStyleSearch.Style> styles) {
    return styles.stream().map(BallotStyleSearch.Style::id).collect(Collectors.toSet());
  }

  @Test
  void everyStyleIsListedByItsNameInAlphabeticalOrder_neverByItsId() {
    List<BallotStyleSearch.Style> all = search.all();
    assertEquals(COUNTY.ballotStyles().size(), all.size());
    Set<String> styleIds = COUNTY.ballotStyles().stream().map(BallotStyle::id).collect(Collectors.toSet());
    for (BallotStyleSearch.Style s : all) {
      assertEquals(names.style(s.id()), s.name());
      assertFalse(styleIds.contains(s.name()), s.name());
    }
    List<String> shown = all.stream().map(BallotStyleSearch.Style::name).toList();
    assertEquals(shown.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList(), shown);
    assertEquals(all, search.matching(""), "a blank search shows every style");
    assertEquals(all, search.matching("   "));
  }

  @Test
  void everyTypedWordMustBeginAWordOfTheName_caseAndAccentsAside() {
    assertEquals(Set.of("congress-district-7-lacroix-exeter"), ids(search.matching("lacr EXE")));
    assertEquals(ids(search.matching("lacroix exeter")), ids(search.matching("LÁCROIX  éxeter")));
    assertTrue(search.matching("croix").isEmpty(), "a word is matched from its start");
    assertTrue(search.matching("lacroix nowhere").isEmpty(), "every typed word must match");
    Set<String> seven = ids(search.matching("7"));
    assertTrue(seven.size() > 1 && seven.size() < COUNTY.ballotStyles().size(), seven.toString());
    seven.forEach(id -> assertTrue(names.style(id).contains("7"), id));
  }

  @Test
  void wordsAreLowerCaseWithoutAccentsOrPunctuation() {
    assertEquals(List.of("congressional", "district", "7", "pena", "blanca"),
        BallotStyleSearch.words("Congressional District 7 · Peña-Blanca"));
  }
}
