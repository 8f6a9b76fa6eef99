package org.evote.kiosk.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.evote.crypto.ballot.WriteInNames;
import org.evote.kiosk.testing.Riverton;
import org.junit.jupiter.api.Test;

/** The ranked-choice and write-in rules of the voter flow's view model, without any screen (Riverton manifest). */
class RankedAndWriteInSessionTest {
  static final String OKAFOR = "sel-mayor-okafor";
  static final String LINDQVIST = "sel-mayor-lindqvist";
  static final String RAMIREZ = "sel-mayor-ramirez";
  static final String CHEN = "sel-mayor-chen";
  static final String TREMBLAY = "sel-mayor-tremblay";

  static VotingSession atMayor(String language) {
    VotingSession s = new VotingSession(Riverton.manifest());
    s.activate(Riverton.WARD_2);
    s.chooseLanguage(language);
    assertEquals(Riverton.MAYOR, s.currentContest().id());
    assertTrue(s.currentContest().isRanked());
    return s;
  }

  @Test
  void candidatesAreRankedInTheOrderChosen_reorderedRemovedAndCleared() {
    VotingSession s = atMayor("en");
    assertEquals(VotingSession.Toggle.SELECTED, s.toggle(RAMIREZ));
    assertEquals(VotingSession.Toggle.SELECTED, s.toggle(OKAFOR));
    assertEquals(VotingSession.Toggle.SELECTED, s.toggle(CHEN));
    assertEquals(List.of(RAMIREZ, OKAFOR, CHEN), s.ranking(Riverton.MAYOR));
    assertEquals(2, s.rankOf(Riverton.MAYOR, OKAFOR));
    assertEquals(0, s.rankOf(Riverton.MAYOR, LINDQVIST));
    assertTrue(s.moveUp(CHEN));
    assertEquals(List.of(RAMIREZ, CHEN, OKAFOR), s.ranking(Riverton.MAYOR));
    assertFalse(s.moveUp(RAMIREZ), "the first cannot move up");
    assertFalse(s.moveDown(OKAFOR), "the last cannot move down");
    assertTrue(s.moveDown(RAMIREZ));
    assertEquals(List.of(CHEN, RAMIREZ, OKAFOR), s.ranking(Riverton.MAYOR));
    assertEquals(VotingSession.Toggle.DESELECTED, s.toggle(RAMIREZ), "choosing a ranked candidate removes it");
    assertEquals(List.of(CHEN, OKAFOR), s.ranking(Riverton.MAYOR));
    assertTrue(s.remove(CHEN));
    assertEquals(List.of(OKAFOR), s.ranking(Riverton.MAYOR));
    s.clearContest();
    assertEquals(List.of(), s.ranking(Riverton.MAYOR));
  }

  @Test
  void rankingMoreThanTheContestHasIsRefusedWithAMessage_andTheReviewKeepsTheOrder() {
    VotingSession s = atMayor("es");
    for (String id : List.of(TREMBLAY, CHEN, RAMIREZ, LINDQVIST, OKAFOR)) {
      assertEquals(VotingSession.Toggle.SELECTED, s.toggle(id));
    }
    int before = s.marksChangedProperty().get();
    assertEquals(VotingSession.Toggle.REFUSED_OVERVOTE, s.toggle(Riverton.MAYOR_WRITE_IN));
    assertEquals(new Texts("es").get("contest.overrank", 5), s.noticeProperty().get());
    assertEquals(Screen.CONTEST, s.screen(), "no write-in screen when the ranking is full");
    assertEquals(before, s.marksChangedProperty().get());
    VotingSession.ReviewLine mayor = s.review().get(0);
    assertTrue(mayor.ranked());
    // the manifest names the candidates in English only: marked so by the display-name rule
    assertEquals(List.of("Marc Tremblay (en inglés)", "Wei Chen (en inglés)", "Lucía Ramírez (en inglés)",
        "Erik Lindqvist (en inglés)", "Adaeze Okafor (en inglés)"), mayor.chosenNames());
    assertEquals(List.of(TREMBLAY, CHEN, RAMIREZ, LINDQVIST, OKAFOR), s.ballotChoices().get(Riverton.MAYOR));
    assertEquals("5.ª preferencia", s.texts().get("rank.ordinal", 5));
    assertEquals("2nd choice", new Texts("en").get("rank.ordinal", 2));
  }

  @Test
  void aWriteInLineIsRankedOnlyOnceItsNameIsDone_andTheNameIsNormalizedAndShown() {
    VotingSession s = atMayor("en");
    s.toggle(CHEN);
    assertEquals(VotingSession.Toggle.WRITE_IN, s.toggle(Riverton.MAYOR_WRITE_IN));
    assertEquals(Screen.WRITE_IN, s.screen());
    WriteInEntry e = s.writeIn().orElseThrow();
    assertFalse(s.isChosen(Riverton.MAYOR, Riverton.MAYOR_WRITE_IN), "not marked while typing");
    assertFalse(s.finishWriteIn(), "an empty name is refused");
    assertEquals(new Texts("en").get("writein.empty"), e.problemProperty().get());
    for (String k : List.of("m", "a", "r", "í", "a")) {
      assertTrue(e.type(k));
    }
    assertEquals("María", e.text(), "a capital at the start of the word, then small letters");
    e.space();
    e.space();
    e.type("n");
    e.type("u");
    e.type("x");
    assertTrue(e.backspace());
    e.type("ñ");
    e.type("e");
    e.type("z");
    e.space();
    assertEquals("María  Nuñez ", e.text());
    assertTrue(s.finishWriteIn());
    assertEquals(Screen.CONTEST, s.screen());
    assertEquals(List.of(CHEN, Riverton.MAYOR_WRITE_IN), s.ranking(Riverton.MAYOR));
    assertEquals(Map.of(Riverton.MAYOR, Map.of(Riverton.MAYOR_WRITE_IN, "María Nuñez")), s.ballotWriteIns());
    assertEquals(List.of("Wei Chen", "Write-in: María Nuñez"), s.review().get(0).chosenNames());
    assertEquals(VotingSession.Toggle.DESELECTED, s.toggle(Riverton.MAYOR_WRITE_IN));
    assertEquals(Map.of(), s.ballotWriteIns(), "removing the line forgets its name");
  }

  @Test
  void aNameLongerThanTheRuleIsRefusedKeyByKey_andCancelLeavesTheLineUnmarked() {
    VotingSession s = atMayor("en");
    s.next();
    assertEquals(Riverton.COUNCIL, s.currentContest().id());
    s.toggle(Riverton.COUNCIL_WRITE_IN);
    WriteInEntry e = s.writeIn().orElseThrow();
    for (int i = 0; i < WriteInNames.MAX_CHARACTERS; i++) {
      assertTrue(e.type("é"));
    }
    assertFalse(e.type("a"), "the 41st character is refused");
    assertEquals(WriteInEntry.Kind.REFUSED_TOO_LONG, e.lastEditProperty().get().kind());
    assertEquals(new Texts("en").get("writein.full", 40), e.problemProperty().get());
    assertFalse(e.replace(e.text() + "xy"), "the physical keyboard is held to the same rule");
    assertTrue(e.text().startsWith("Éé"), "a capital first");
    assertTrue(e.replace("Éé"));
    assertEquals(WriteInEntry.Kind.DELETED, e.lastEditProperty().get().kind());
    assertEquals(38, e.lastEditProperty().get().chars().length());
    assertTrue(e.replace("Ana"));
    assertTrue(e.replace("Ana B"));
    assertEquals(" B", e.lastEditProperty().get().chars());
    assertTrue(e.replace("Ana B\u200Bx"), "the field accepts it; Done refuses it");
    assertFalse(s.finishWriteIn());
    assertEquals(new Texts("en").get("writein.invalid"), e.problemProperty().get());
    s.cancelWriteIn();
    assertEquals(Screen.CONTEST, s.screen());
    assertFalse(s.isChosen(Riverton.COUNCIL, Riverton.COUNCIL_WRITE_IN));
    assertTrue(s.writeIn().isEmpty());
    assertEquals(Map.of(), s.ballotWriteIns());
  }

  @Test
  void theKeyboardHasTheAccentedLettersOfTheManifestsLanguages() {
    List<String> keys = WriteInKeyboard.keys(List.of("en", "es"));
    assertTrue(keys.containsAll(List.of("a", "z", "á", "é", "í", "ó", "ú", "ü", "ñ", "'", "-", ".")), keys.toString());
    assertEquals(keys.size(), Set.copyOf(keys).size());
    assertFalse(keys.contains("ß"));
    assertTrue(WriteInKeyboard.keys(List.of("de")).contains("ß"));
    assertEquals("ß", WriteInKeyboard.capital("ß"));
    assertEquals("Ñ", WriteInKeyboard.capital("ñ"));
  }

  @Test
  void aNewVoterStartsWithoutTheLastVotersRankingOrNames() {
    VotingSession s = atMayor("en");
    s.toggle(OKAFOR);
    s.toggle(Riverton.MAYOR_WRITE_IN);
    s.writeIn().orElseThrow().replace("Ana");
    s.finishWriteIn();
    s.reset();
    s.activate(Riverton.WARD_2);
    s.chooseLanguage("en");
    assertEquals(List.of(), s.ranking(Riverton.MAYOR));
    assertEquals(Map.of(), s.ballotWriteIns());
  }
}
