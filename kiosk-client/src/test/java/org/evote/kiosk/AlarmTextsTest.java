package org.evote.kiosk;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.evote.board.client.HeadCheck;
import org.evote.board.client.ReceiptCheck;
import org.evote.board.client.WitnessedHistory;
import org.evote.kiosk.service.Alarm;
import org.evote.kiosk.session.Texts;
import org.evote.kiosk.ui.AlarmLine;
import org.junit.jupiter.api.Test;

/**
 * Every alarm — each failed receipt check (the checkpoint check too), each failed head check, a lost ballot, each
 * failed witnessed-history check, ballots not covered after the polls closed — has words in every language.
 */
class AlarmTextsTest {
  static final String[] LANGUAGES = {"en", "es"};

  @Test
  void everyReceiptCheckFailure_isNamedInEveryLanguage() {
    for (String language : LANGUAGES) {
      Texts t = new Texts(language);
      Set<String> seen = new HashSet<>();
      for (ReceiptCheck.Failure f : ReceiptCheck.Failure.values()) {
        String words = t.get("receipt_check." + f.name().toLowerCase(Locale.ROOT));
        assertFalse(words.isBlank());
        assertTrue(seen.add(words), "each failure has its own words: " + words);
        String alarm = AlarmLine.of(t, new Alarm.ReceiptFailed("K1-000001", f, "why"));
        assertTrue(alarm.contains("K1-000001") && alarm.contains(words), alarm);
      }
    }
  }

  @Test
  void everyHeadCheckFailure_isNamedInEveryLanguage() {
    for (String language : LANGUAGES) {
      Texts t = new Texts(language);
      Set<String> seen = new HashSet<>();
      for (HeadCheck.Failure f : HeadCheck.Failure.values()) {
        String words = t.get("head_check." + f.name().toLowerCase(Locale.ROOT));
        assertFalse(words.isBlank());
        assertTrue(seen.add(words), "each failure has its own words: " + words);
        String alarm = AlarmLine.of(t, new Alarm.HeadFailed(f, "why"));
        assertTrue(alarm.contains(words), alarm);
      }
    }
  }

  @Test
  void aLostBallot_isNamedInEveryLanguage() {
    for (String language : LANGUAGES) {
      String alarm = AlarmLine.of(new Texts(language), new Alarm.BallotLost("K1-000007", "why"));
      assertTrue(alarm.contains("K1-000007"), alarm);
      if (!language.equals("en")) {
        assertNotEquals(AlarmLine.of(new Texts("en"), new Alarm.BallotLost("K1-000007", "why")), alarm);
      }
    }
  }

  @Test
  void everyWitnessedHistoryFailure_isNamedInEveryLanguage() {
    for (String language : LANGUAGES) {
      Texts t = new Texts(language);
      Set<String> seen = new HashSet<>();
      for (WitnessedHistory.Failure f : WitnessedHistory.Failure.values()) {
        String words = t.get("witness_check." + f.name().toLowerCase(Locale.ROOT));
        assertFalse(words.isBlank());
        assertTrue(seen.add(words), "each failure has its own words: " + words);
        String alarm = AlarmLine.of(t, new Alarm.WitnessFailed(f, "why"));
        assertTrue(alarm.contains(words), alarm);
      }
    }
  }

  @Test
  void ballotsNotCoveredAfterClose_areNamedInEveryLanguage() {
    for (String language : LANGUAGES) {
      String alarm = AlarmLine.of(new Texts(language), new Alarm.NotCovered(java.util.List.of("K1-000003",
          "K1-000009"), "why"));
      assertTrue(alarm.contains("K1-000003") && alarm.contains("K1-000009") && alarm.contains("2"), alarm);
      if (!language.equals("en")) {
        assertNotEquals(AlarmLine.of(new Texts("en"), new Alarm.NotCovered(java.util.List.of("K1-000003",
            "K1-000009"), "why")), alarm);
      }
    }
  }

  @Test
  void aRefusedBallot_recordedOrNot_isNamedWithItsReasonInEveryLanguage() {
    for (String language : LANGUAGES) {
      Texts t = new Texts(language);
      String recorded = AlarmLine.of(t, new Alarm.BallotRefused("K1-000004", "future_ballot", true, "why"));
      String unrecorded = AlarmLine.of(t, new Alarm.BallotRefused("K1-000004", "future_ballot", false, "why"));
      String words = org.evote.kiosk.pollworker.RefusalWords.of(t, "future_ballot");
      assertTrue(recorded.contains("K1-000004") && recorded.contains(words), recorded);
      assertTrue(unrecorded.contains("K1-000004") && unrecorded.contains(words), unrecorded);
      assertNotEquals(recorded, unrecorded);
      assertTrue(org.evote.kiosk.pollworker.RefusalWords.of(t, "some_new_code").contains("some_new_code"),
          "a code the kiosk has no words for is still named");
      Set<String> seen = new HashSet<>();
      for (String code : new String[] {"future_ballot", "duplicate_ballot_id", "duplicate_ciphertext", "chain_time",
          "ballot_id_namespace", "invalid_ballot", "unknown_style", "challenge_mismatch", "chain_broken"}) {
        assertTrue(t.has("refusal." + code), code);
        assertTrue(seen.add(org.evote.kiosk.pollworker.RefusalWords.of(t, code)), code);
      }
    }
  }
}
