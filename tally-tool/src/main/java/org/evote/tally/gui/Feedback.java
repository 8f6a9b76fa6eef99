package org.evote.tally.gui;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A message for officials and what kind it is, so the view shows errors, warnings, information and success
 * differently (colour, a word before it, and the accessible role) and never in one colour for all.
 */
public final class Feedback {
  /** How a message is shown. */
  public enum Kind { INFO, SUCCESS, WARNING, ERROR }

  private final StringProperty text = new SimpleStringProperty("");
  private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(Kind.INFO);

  public ReadOnlyStringProperty textProperty() {
    return text;
  }

  public ReadOnlyObjectProperty<Kind> kindProperty() {
    return kind;
  }

  public String text() {
    return text.get();
  }

  public Kind kind() {
    return kind.get();
  }

  public void info(String message) {
    set(Kind.INFO, message);
  }

  public void success(String message) {
    set(Kind.SUCCESS, message);
  }

  public void warning(String message) {
    set(Kind.WARNING, message);
  }

  public void error(String message) {
    set(Kind.ERROR, message);
  }

  public void clear() {
    set(Kind.INFO, "");
  }

  /** The kind is set before the text, so a listener on the text sees the right kind. */
  public void set(Kind k, String message) {
    kind.set(k);
    text.set(message);
  }
}
