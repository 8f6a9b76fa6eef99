package org.evote.kiosk.audio;

import java.util.Objects;

/**
 * One thing to say: the text, the language to say it in (a BCP 47 tag such as "en" or "es"), the speaking rate in
 * words per minute and the volume in percent of the engine's full amplitude. The text is plain words (no markup);
 * control characters are replaced by spaces and it is bounded in length, so any text is safe to hand to an engine.
 */
public record Utterance(String text, String language, int wordsPerMinute, int volumePercent) {
  /** Slowest and fastest rates a voter can choose. */
  public static final int MIN_RATE = 80;
  public static final int MAX_RATE = 450;
  /** The longest text one utterance may carry (a screen's words are far shorter). */
  public static final int MAX_CHARS = 8_000;

  public Utterance {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(language, "language");
    if (!language.matches("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")) {
      throw new IllegalArgumentException("language: not a language tag");
    }
    if (wordsPerMinute < MIN_RATE || wordsPerMinute > MAX_RATE) {
      throw new IllegalArgumentException("wordsPerMinute: " + wordsPerMinute + " is outside " + MIN_RATE + ".."
          + MAX_RATE);
    }
    if (volumePercent < 0 || volumePercent > 100) {
      throw new IllegalArgumentException("volumePercent: " + volumePercent + " is outside 0..100");
    }
    if (text.length() > MAX_CHARS) {
      throw new IllegalArgumentException("text: longer than " + MAX_CHARS + " characters");
    }
    text = text.replaceAll("\\p{Cntrl}", " ").strip();
    if (text.isEmpty()) {
      throw new IllegalArgumentException("text: nothing to say");
    }
  }
}
