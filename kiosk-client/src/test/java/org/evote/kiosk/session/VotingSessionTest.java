package org.evote.kiosk.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.testing.TestElection;
import org.junit.jupiter.api.Test;

/** The voter flow without any screen: the view model's rules (README, "Running a kiosk"). */
class VotingSessionTest {
  static Manifest manifest(String file) {
    return TestElection.manifest(file);
  }

  @Test
  void aVoterChoosesALanguageAndMovesThroughEveryContestToTheReview() throws Exception {
    VotingSession s = new VotingSession(manifest("manifest-hamilton-general.json"));
    assertEquals(Screen.ACTIVATION, s.screen());
    s.activate("congress-district-7-arlington-pismo-beach");
    assertEquals(Screen.LANGUAGE, s.screen());
    assertEquals(List.of("en", "es"), s.languages());
    s.chooseLanguage("es");
    assertEquals(Screen.CONTEST, s.screen());
    assertEquals("Presidente y Vicepresidente de los Estados Unidos", s.contestTitle(s.currentContest()));
    assertEquals("Votar por uno", s.contestSubtitle(s.currentContest()));
    int contests = s.contests().size();
    for (int i = 0; i < contests; i++) {
      s.next();
    }
    assertEquals(Screen.REVIEW, s.screen());
  }

  @Test
  void anOvervoteIsRefusedWithAMessageAndDeselectingFreesASlot() throws Exception {
    VotingSession s = new VotingSession(manifest("manifest-hamilton-general.json"));
    s.activate("congress-district-7-arlington-pismo-beach");
    s.chooseLanguage("en");
    var c = s.currentContest();
    String a = c.selections().get(0).id();
    String b = c.selections().get(1).id();
    assertEquals(VotingSession.Toggle.SELECTED, s.toggle(a));
    assertEquals(VotingSession.Toggle.REFUSED_OVERVOTE, s.toggle(b));
    assertTrue(s.noticeProperty().get().contains("up to 1"), s.noticeProperty().get());
    assertEquals(java.util.Set.of(a), s.chosen(c.id()));
    assertEquals(VotingSession.Toggle.DESELECTED, s.toggle(a));
    assertEquals(VotingSession.Toggle.SELECTED, s.toggle(b));
    assertEquals("", s.noticeProperty().get());
  }

  @Test
  void theReviewFlagsUndervotesAndEditingReturnsToIt() throws Exception {
    VotingSession s = new VotingSession(manifest("manifest-hamilton-general.json"));
    s.activate("congress-district-7-arlington-pismo-beach");
    s.chooseLanguage("en");
    s.toggle(s.currentContest().selections().get(2).id());
    while (s.screen() == Screen.CONTEST) {
      s.next();
    }
    List<VotingSession.ReviewLine> lines = s.review();
    assertFalse(lines.get(0).undervote());
    assertEquals(List.of("Daniel Court and Amy Blumhardt"), lines.get(0).chosenNames());
    assertTrue(lines.get(1).undervote());
    VotingSession.ReviewLine board = lines.stream().filter(l -> l.contest().id()
        .equals("pismo-beach-school-board-contest")).findFirst().orElseThrow();
    assertEquals(3, board.remaining());
    s.edit("pismo-beach-school-board-contest");
    assertEquals(Screen.CONTEST, s.screen());
    s.toggle(s.currentContest().selections().get(0).id());
    s.next();
    assertEquals(Screen.REVIEW, s.screen(), "after an edit the voter returns to the review");
    assertEquals(2, s.review().stream().filter(l -> l.contest().id().equals("pismo-beach-school-board-contest"))
        .findFirst().orElseThrow().remaining());
  }

  @Test
  void castingOrResettingWipesTheChoices() throws Exception {
    VotingSession s = new VotingSession(manifest("manifest-small.json"));
    s.activate("franklin-county-no-schooldistrict");
    s.chooseLanguage("en");
    s.toggle(s.currentContest().selections().get(0).id());
    s.cast();
    assertTrue(s.ballotChoices().values().stream().allMatch(List::isEmpty));
    s.reset();
    assertEquals(Screen.ACTIVATION, s.screen());
    assertTrue(s.styleId().isEmpty());
  }

  @Test
  void inactivityWarnsAfter120SecondsAndResets45SecondsLater() {
    InactivityTimer t = new InactivityTimer(1000);
    assertTrue(t.state(1119) instanceof InactivityTimer.State.Active);
    assertEquals(new InactivityTimer.State.Warning(45), t.state(1120));
    assertEquals(new InactivityTimer.State.Warning(1), t.state(1164));
    assertTrue(t.state(1165) instanceof InactivityTimer.State.Expired);
    t.touch(1130);
    assertTrue(t.state(1165) instanceof InactivityTimer.State.Active);
  }
}
