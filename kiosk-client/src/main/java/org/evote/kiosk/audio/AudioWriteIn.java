package org.evote.kiosk.audio;

import java.util.ArrayList;
import java.util.List;
import org.evote.kiosk.audio.AudioScreen.Item;
import org.evote.kiosk.audio.AudioScreen.Line;
import org.evote.kiosk.session.Texts;
import org.evote.kiosk.session.VotingSession;
import org.evote.kiosk.session.WriteInEntry;
import org.evote.kiosk.session.WriteInKeyboard;

/**
 * What the audio mode says on the write-in screen. The voter types on the physical keyboard (each character is
 * spoken as it is typed, by {@link #edit}), or with the audio keys alone: Down and Up move through Done, Hear the
 * name, Delete, Space, Cancel and then every letter of the on-screen keyboard; Enter types the letter heard. Done
 * says the name back, spelled, before the contest is shown again. The name is spoken only into the headphones.
 */
final class AudioWriteIn {
  private final VotingSession session;

  AudioWriteIn(VotingSession session) {
    this.session = session;
  }

  private Line say(Texts t, String key, Object... args) {
    return new Line(t.get(key, args), session.language());
  }

  /** How a character is spoken: a letter as itself, a space or a mark by its name. */
  static String character(Texts t, String ch) {
    return switch (ch) {
      case " " -> t.get("audio.writein.char.space");
      case "'" -> t.get("audio.writein.char.apostrophe");
      case "-" -> t.get("audio.writein.char.hyphen");
      case "." -> t.get("audio.writein.char.period");
      default -> ch.codePoints().allMatch(Character::isUpperCase) && !ch.isBlank()
          ? t.get("audio.writein.char.capital", ch) : ch;
    };
  }

  /** The text so far, said and spelled ("The name so far: Ana. Spelled: capital A, n, a."). */
  static String soFar(Texts t, String text) {
    if (text.isEmpty()) {
      return t.get("audio.writein.nothing");
    }
    List<String> chars = new ArrayList<>();
    text.codePoints().forEach(cp -> chars.add(character(t, new String(Character.toChars(cp)))));
    return t.get("audio.writein.sofar", text, String.join(", ", chars));
  }

  /** What is said when the name changes (from any keyboard). */
  List<Line> edit(Texts t, WriteInEntry entry, WriteInEntry.Edit e) {
    return switch (e.kind()) {
      case TYPED -> e.chars().codePointCount(0, e.chars().length()) == 1
          ? List.of(say(t, "audio.writein.typed", character(t, e.chars())))
          : List.of(new Line(soFar(t, entry.text()), session.language()));
      case DELETED -> List.of(say(t, "audio.writein.deleted", e.chars().codePointCount(0, e.chars().length()) == 1
          ? character(t, e.chars()) : e.chars()));
      case REFUSED_TOO_LONG -> List.of(new Line(entry.problemProperty().get(), session.language()));
    };
  }

  AudioScreen screen(Texts t, String contestTitle, String line) {
    WriteInEntry entry = session.writeIn().orElseThrow();
    Line intro = say(t, "audio.writein.intro", line, contestTitle, soFar(t, entry.text()));
    List<Item> items = new ArrayList<>();
    items.add(new Item(say(t, "audio.writein.done"), () -> {
      String name = entry.name();
      if (session.finishWriteIn()) {
        return List.of(say(t, "audio.writein.recorded", soFar(t, name)));
      }
      return List.of(new Line(entry.problemProperty().get(), session.language()));
    }));
    items.add(new Item(say(t, "audio.writein.hear"), () -> List.of(new Line(soFar(t, entry.text()),
        session.language()))));
    items.add(new Item(say(t, "audio.writein.delete"), () -> entry.backspace() ? List.of()
        : List.of(say(t, "audio.writein.nothing"))));
    items.add(new Item(say(t, "audio.writein.space"), () -> {
      entry.space();
      return List.of();
    }));
    items.add(new Item(say(t, "audio.writein.cancel"), () -> {
      session.cancelWriteIn();
      return List.of();
    }));
    for (String k : WriteInKeyboard.keys(session.languages())) {
      items.add(new Item(say(t, "audio.writein.key", character(t, k)), () -> {
        entry.type(k);
        return List.of();
      }));
    }
    return new AudioScreen(List.of(intro), items);
  }
}
