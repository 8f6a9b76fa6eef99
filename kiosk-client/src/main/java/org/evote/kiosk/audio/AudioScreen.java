package org.evote.kiosk.audio;

import java.util.List;
import java.util.Objects;

/**
 * What the audio mode says for one screen: its introduction, and the items the voter moves through with Up and
 * Down, each with what Select does.
 */
record AudioScreen(List<Line> intro, List<Item> items) {
  AudioScreen {
    intro = List.copyOf(intro);
    items = List.copyOf(items);
  }

  /** One thing to say, in a language. */
  record Line(String text, String language) {
    Line {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(language, "language");
    }
  }

  /** What Select does on an item; returns what to say about it (nothing when the screen moves on). */
  interface Action {
    List<Line> run();
  }

  /** One item: what is said when the voter moves to it, and its action. */
  record Item(Line line, Action action) {}
}
