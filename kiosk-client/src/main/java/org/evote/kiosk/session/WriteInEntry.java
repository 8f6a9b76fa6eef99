package org.evote.kiosk.session;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.evote.crypto.ballot.WriteInNames;

/**
 * The view model of the write-in screen (free of JavaFX scenes): the name being typed on one write-in line, from
 * the on-screen keyboard ({@link #type}, {@link #space}, {@link #backspace}) or the physical one
 * ({@link #replace}), never longer than {@link WriteInNames} allows; capitals come on at the start of each word;
 * every change is reported as an {@link Edit} (the audio mode speaks it). {@link #check} applies the one rule for
 * a name ({@link WriteInNames#normalize}, {@link WriteInNames#problem}) and says what is wrong in the voter's
 * words. The name is secret: nothing here logs or prints it.
 */
public final class WriteInEntry {
  /** What an edit did. */
  public enum Kind { TYPED, DELETED, REFUSED_TOO_LONG }

  /** One change of the name: what was typed or deleted ({@code chars}); not a record, so it prints no name. */
  public static final class Edit {
    private final Kind kind;
    private final String chars;

    Edit(Kind kind, String chars) {
      this.kind = kind;
      this.chars = chars;
    }

    public Kind kind() {
      return kind;
    }

    public String chars() {
      return chars;
    }

    @Override
    public String toString() {
      return "Edit[" + kind + ", redacted]";
    }
  }

  private final String contestId;
  private final String selectionId;
  private final Texts texts;
  private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper capitals = new ReadOnlyBooleanWrapper(true);
  private final ReadOnlyObjectWrapper<Edit> lastEdit = new ReadOnlyObjectWrapper<>();

  WriteInEntry(String contestId, String selectionId, String start, Texts texts) {
    this.contestId = contestId;
    this.selectionId = selectionId;
    this.texts = texts;
    text.set(start);
    capitals.set(wordStart(start));
  }

  public String contestId() {
    return contestId;
  }

  public String selectionId() {
    return selectionId;
  }

  /** The text typed so far (as typed; {@link #name()} is what is recorded). */
  public ReadOnlyStringProperty textProperty() {
    return text.getReadOnlyProperty();
  }

  public String text() {
    return text.get();
  }

  /** Why the name cannot be recorded yet, in the voter's words; empty when none was found. */
  public ReadOnlyStringProperty problemProperty() {
    return problem.getReadOnlyProperty();
  }

  /** Whether the next letter is a capital (on at the start of a word; the Capitals key switches it). */
  public ReadOnlyBooleanProperty capitalsProperty() {
    return capitals.getReadOnlyProperty();
  }

  /** The last change, for the audio mode. */
  public ReadOnlyObjectProperty<Edit> lastEditProperty() {
    return lastEdit.getReadOnlyProperty();
  }

  public void toggleCapitals() {
    capitals.set(!capitals.get());
  }

  /** Types one key of the on-screen keyboard (a capital if capitals are on); false if the name is full. */
  public boolean type(String key) {
    String k = capitals.get() ? WriteInKeyboard.capital(key) : key;
    return append(k);
  }

  /** Types a space; false if the name is full. */
  public boolean space() {
    return append(" ");
  }

  /** Deletes the last character; false if there is none. */
  public boolean backspace() {
    String s = text.get();
    if (s.isEmpty()) {
      return false;
    }
    int cut = s.offsetByCodePoints(s.length(), -1);
    String gone = s.substring(cut);
    set(s.substring(0, cut), new Edit(Kind.DELETED, gone));
    return true;
  }

  /**
   * The physical keyboard changed the text field to {@code typed}: accepted if it fits (true), else refused and
   * the field should keep the text it had (false).
   */
  public boolean replace(String typed) {
    String s = text.get();
    if (typed.equals(s)) {
      return true;
    }
    if (!fits(typed)) {
      refuse();
      return false;
    }
    if (typed.startsWith(s)) {
      set(typed, new Edit(Kind.TYPED, typed.substring(s.length())));
    } else if (s.startsWith(typed)) {
      set(typed, new Edit(Kind.DELETED, s.substring(typed.length())));
    } else {
      set(typed, new Edit(Kind.TYPED, ""));
    }
    return true;
  }

  /** The name as it would be recorded: {@link WriteInNames#normalize} of the text. */
  public String name() {
    return WriteInNames.normalize(text.get());
  }

  /** The name if it satisfies the rule; else empty, with {@link #problemProperty} saying why. */
  public Optional<String> check() {
    String name = name();
    String why = "";
    if (name.isEmpty()) {
      why = texts.get("writein.empty");
    } else if (!fits(name)) {
      why = texts.get("writein.tooLong", WriteInNames.MAX_CHARACTERS);
    } else if (WriteInNames.problem(name).isPresent()) {
      why = texts.get("writein.invalid");
    }
    problem.set(why);
    return why.isEmpty() ? Optional.of(name) : Optional.empty();
  }

  /** Whether text whose normalized form is at most the rule's characters and bytes long. */
  static boolean fits(String raw) {
    String n = WriteInNames.normalize(raw);
    return n.codePointCount(0, n.length()) <= WriteInNames.MAX_CHARACTERS
        && n.getBytes(StandardCharsets.UTF_8).length <= WriteInNames.MAX_BYTES;
  }

  private boolean append(String k) {
    String s = text.get() + k;
    if (!fits(s)) {
      refuse();
      return false;
    }
    set(s, new Edit(Kind.TYPED, k));
    return true;
  }

  private void refuse() {
    problem.set(texts.get("writein.full", WriteInNames.MAX_CHARACTERS));
    lastEdit.set(new Edit(Kind.REFUSED_TOO_LONG, ""));
  }

  private void set(String s, Edit e) {
    text.set(s);
    problem.set("");
    capitals.set(wordStart(s));
    lastEdit.set(e);
  }

  private static boolean wordStart(String s) {
    return s.isEmpty() || s.endsWith(" ") || s.endsWith("-");
  }

  @Override
  public String toString() {
    return "WriteInEntry[" + contestId + "/" + selectionId + ", redacted]";
  }
}
