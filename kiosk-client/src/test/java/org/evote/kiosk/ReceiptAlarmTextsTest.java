package org.evote.kiosk;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.evote.board.client.ReceiptCheck;
import org.evote.kiosk.session.Texts;
import org.junit.jupiter.api.Test;

/** Every failed receipt check has words for the poll workers' alarm in every language of the kiosk. */
class ReceiptAlarmTextsTest {
  @Test
  void everyReceiptCheckFailure_isNamedInEveryLanguage() {
    for (String language : new String[] {"en", "es"}) {
      Texts t = new Texts(language);
      for (ReceiptCheck.Failure f : ReceiptCheck.Failure.values()) {
        String words = t.get("receipt_check." + f.name().toLowerCase(Locale.ROOT));
        assertFalse(words.isBlank());
        String alarm = t.get("status.receipt_alarm", "K1-000001", words);
        assertTrue(alarm.contains("K1-000001") && alarm.contains(words), alarm);
      }
    }
  }
}
