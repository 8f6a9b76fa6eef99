package org.evote.kiosk.pollworker;

import org.evote.kiosk.session.Texts;

/** The board's refusal codes in the kiosk's words. */
public final class RefusalWords {
  private RefusalWords() {}

  /** Refusal {@code code} in the words of {@code texts} (naming the code when the kiosk has no words for it). */
  public static String of(Texts texts, String code) {
    String key = "refusal." + code;
    return texts.has(key) ? texts.get(key) : texts.get("refusal.other", code);
  }
}
