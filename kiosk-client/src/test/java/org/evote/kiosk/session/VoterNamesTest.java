package org.evote.kiosk.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.evote.crypto.manifest.BallotStyle;
import org.evote.crypto.manifest.Candidate;
import org.evote.crypto.manifest.ContestDescription;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.manifest.Party;
import org.evote.crypto.manifest.SelectionDescription;
import org.evote.crypto.testing.TestElection;
import org.junit.jupiter.api.Test;

/**
 * The voter's names under the one display-name rule (protocol §5.1) with the kiosk's words, and the view model's
 * confirmation and vote-again rules (issue 13).
 */
class VoterNamesTest {
  static final Manifest COUNTY = TestElection.manifest("manifest-hamilton-general.json");

  /** Every identifier of the manifest, which no voter may ever read as a name. */
  static Set<String> ids(Manifest m) {
    Set<String> ids = new HashSet<>();
    m.contests().forEach(c -> {
      ids.add(c.id());
      c.selections().forEach(s -> {
        ids.add(s.id());
        ids.add(s.candidateId());
      });
    });
    m.candidates().stream().map(Candidate::id).forEach(ids::add);
    m.parties().stream().map(Party::id).forEach(ids::add);
    m.ballotStyles().stream().map(BallotStyle::id).forEach(ids::add);
    return ids;
  }

  @Test
  void noStyleContestOrSelectionShowsARawIdentifier_inEitherLanguage() {
    Set<String> ids = ids(COUNTY);
    for (String lang : List.of("en", "es")) {
      for (BallotStyle style : COUNTY.ballotStyles()) {
        VotingSession s = new VotingSession(COUNTY);
        s.activate(style.id());
        s.chooseLanguage(lang);
        for (ContestDescription c : s.contests()) {
          assertFalse(ids.contains(s.contestTitle(c)), s.contestTitle(c));
          for (SelectionDescription sel : c.selections()) {
            String name = s.selectionName(c, sel.id());
            String party = s.partyName(c, sel.id());
            assertFalse(ids.contains(name) || ids.contains(party), lang + " " + c.id() + ": " + name + " " + party);
            assertFalse(name.toLowerCase().contains("soliz") || name.toLowerCase().contains("rengel"), name);
          }
        }
      }
    }
  }

  @Test
  void houseDistrict5NamesItsUnlistedCandidatesByPosition() {
    VotingSession s = new VotingSession(COUNTY);
    s.activate("congress-district-5-hamilton-county");
    s.chooseLanguage("en");
    ContestDescription house = COUNTY.contest("congress-district-5-contest").orElseThrow();
    List<String> names = house.selections().stream().map(x -> s.selectionName(house, x.id())).toList();
    assertEquals("Choice 1 (no name in the manifest)", names.get(0));
    assertEquals("Choice 3 (no name in the manifest)", names.get(2));
    assertEquals("Write-in", names.get(names.size() - 1));
    s.reset();
    s.activate("congress-district-5-hamilton-county");
    s.chooseLanguage("es");
    assertEquals("Opción 1 (sin nombre en el manifiesto)", s.selectionName(house, house.selections().get(0).id()));
    assertEquals("Candidato por escrito", s.selectionName(house, house.selections().get(5).id()));
  }

  @Test
  void aSpanishVoterReadsTheElectionInSpanish_andEnglishOnlyTextIsMarked() {
    VotingSession s = new VotingSession(COUNTY);
    s.activate("congress-district-5-hamilton-county");
    s.chooseLanguage("es");
    assertEquals("Elección general del condado de Hamilton", s.electionName());
    ContestDescription president = s.contests().get(0);
    String first = president.selections().get(0).id();
    assertEquals("Whig Party (en inglés)", s.partyName(president, first));
    assertEquals("Joseph Barchi and Joseph Hallaren (en inglés)", s.selectionName(president, first));
    s.reset();
    s.activate("congress-district-5-hamilton-county");
    s.chooseLanguage("en");
    assertEquals("Whig Party", s.partyName(president, first), "no marker in the manifest's own language");
    assertEquals("Hamiltion County General Election", s.electionName());
  }

  @Test
  void theKiosksWordsCoverEveryKindOfUntitledText_inBothLanguages() {
    for (String lang : List.of("en", "es")) {
      KioskWords w = new KioskWords(new Texts(lang));
      for (String kind : List.of("contest", "party", "district", "election")) {
        assertTrue(new Texts(lang).has("name.untitled." + kind), kind);
        assertFalse(w.untitled(kind, 2).contains("{"), w.untitled(kind, 2));
      }
    }
    assertEquals("Party 2", new KioskWords(new Texts("en")).untitled("party", 2));
    assertEquals("Partido 2", new KioskWords(new Texts("es")).untitled("party", 2));
    assertEquals("Whig (in Spanish)", new KioskWords(new Texts("en")).untranslated("Whig", "es"));
    assertNotEquals(new Texts("en").get("name.unnamed", 1), new Texts("es").get("name.unnamed", 1));
  }

  static VotingSession atDecide() {
    VotingSession s = new VotingSession(COUNTY);
    s.activate("congress-district-5-hamilton-county");
    s.chooseLanguage("en");
    s.toggle(s.currentContest().selections().get(0).id());
    s.encrypting();
    s.decide();
    return s;
  }

  @Test
  void castAndChallengeAreAskedBeforeTheyAreDone_andGoingBackDecidesNothing() {
    VotingSession s = atDecide();
    assertEquals(Optional.empty(), s.pendingDecision());
    s.askCast();
    assertEquals(Optional.of(VotingSession.Pending.CAST), s.pendingDecision());
    assertEquals(Screen.DECIDE, s.screen());
    s.cancelDecision();
    assertEquals(Optional.empty(), s.pendingDecision());
    s.askChallenge();
    assertEquals(Optional.of(VotingSession.Pending.CHALLENGE), s.pendingDecision());
    s.submitting();
    assertEquals(Optional.empty(), s.pendingDecision(), "leaving the screen ends the question");
    VotingSession review = new VotingSession(COUNTY);
    review.activate("congress-district-5-hamilton-county");
    assertThrows(IllegalStateException.class, review::askCast, "only the tracking-code screen asks");
  }

  @Test
  void votingAgainAfterAChallengeStartsWithNoChoices() {
    VotingSession s = atDecide();
    s.submitting();
    s.challenged();
    assertTrue(s.ballotChoices().values().stream().allMatch(List::isEmpty), "a challenged ballot's choices are gone");
    s.voteAgain();
    assertEquals(Screen.CONTEST, s.screen());
    assertEquals(0, s.contestIndexProperty().get());
    assertTrue(s.chosen(s.currentContest().id()).isEmpty());
  }

  @Test
  void theKioskHasEveryWordInBothLanguages() {
    java.util.function.Function<String, Set<String>> keys = lang -> java.util.ResourceBundle.getBundle(
        "org.evote.kiosk.ui.texts", java.util.Locale.forLanguageTag(lang), java.util.ResourceBundle.Control
            .getNoFallbackControl(java.util.ResourceBundle.Control.FORMAT_PROPERTIES)).keySet();
    assertEquals(keys.apply("en"), keys.apply("es"));
    for (String k : List.of("name.writeIn", "name.unnamed", "name.untranslated", "decide.confirmCast",
        "decide.confirmChallenge", "decide.goBack", "receipt.printed", "receipt.noPrinter", "submitting.title")) {
      assertTrue(keys.apply("en").contains(k), k);
    }
  }
}
