package org.evote.kiosk.ui;

import java.util.List;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.Region;
import org.evote.kiosk.pollworker.PinLock;
import org.evote.kiosk.session.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PIN (or, after too many wrong PINs, the credential passphrase) asked for by a {@link PinLock}: the field,
 * what the last attempt found — a wrong PIN is said plainly, with the attempts left, and the field is cleared for
 * the next try — and the unlock button. The slow check runs off the JavaFX thread; the owner redraws after it.
 */
final class PinPrompt {
  private static final Logger LOG = LoggerFactory.getLogger(PinPrompt.class);
  private final PinLock door;
  private final String prefix;
  private final Runnable redraw;
  private volatile boolean busy;

  /**
   * @param prefix the prefix of the nodes' ids ("" for the poll workers' screen: {@code #pin}, {@code #pin-unlock},
   *     {@code #pollworker-message}; "activation-" for the activation screen)
   * @param redraw redraws the owner once a check is done (on the JavaFX thread)
   */
  PinPrompt(PinLock door, String prefix, Runnable redraw) {
    this.door = door;
    this.prefix = prefix;
    this.redraw = redraw;
  }

  boolean isChecking() {
    return busy;
  }

  /** The message about the last attempt (id {@code <prefix>pollworker-message} or {@code activation-message}). */
  Label message(Texts t) {
    Label message = label(door.message(t));
    message.setId(prefix.isEmpty() ? "pollworker-message" : prefix + "message");
    message.getStyleClass().add("notice");
    message.setAccessibleRole(AccessibleRole.TEXT);
    if (door.lastAttemptFailed()) {
      message.getStyleClass().add("pin-wrong");
    }
    return message;
  }

  /** The field and button for the current step (nothing once open), the message between them. */
  List<Node> nodes(Texts t) {
    Label message = message(t);
    return switch (door.step()) {
      case PIN -> prompt(t, "pin", t.get("pollworker.pin"), message, false);
      case PASSPHRASE -> prompt(t, "passphrase", t.get("pollworker.passphraseField"), message, true);
      case OPEN -> List.of(message);
    };
  }

  private List<Node> prompt(Texts t, String kind, String what, Label message, boolean passphrase) {
    PasswordField field = new PasswordField();
    field.setId(prefix + kind);
    field.setAccessibleText(what);
    field.setPromptText(what);
    field.getStyleClass().add("pollworker-field");
    Button unlock = new Button(t.get("pollworker.unlock"));
    unlock.setId(prefix + kind + "-unlock");
    unlock.setAccessibleText(t.get("pollworker.unlock"));
    unlock.setWrapText(true);
    unlock.setOnAction(e -> {
      char[] typed = field.getText().toCharArray();
      field.clear();
      check(typed, passphrase, message, t);
    });
    field.setOnAction(e -> unlock.fire());
    Platform.runLater(field::requestFocus);
    Label label = label(what);
    label.setLabelFor(field);
    return passphrase ? List.of(message, label, field, unlock) : List.of(label, field, message, unlock);
  }

  private void check(char[] typed, boolean passphrase, Label message, Texts t) {
    if (busy) {
      java.util.Arrays.fill(typed, '\0');
      return;
    }
    busy = true;
    message.setText(t.get("pollworker.checking"));
    Task<PinLock.Step> task = new Task<>() {
      @Override
      protected PinLock.Step call() throws Exception {
        return passphrase ? door.submitPassphrase(typed) : door.submitPin(typed);
      }
    };
    task.setOnSucceeded(e -> {
      busy = false;
      redraw.run();
    });
    task.setOnFailed(e -> {
      busy = false;
      LOG.error("the poll worker check failed", task.getException());
      redraw.run();
    });
    Thread th = new Thread(task, "kiosk-pin-check");
    th.setDaemon(true);
    th.start();
  }

  static Label label(String s) {
    Label l = new Label(s);
    l.setWrapText(true);
    l.setMinHeight(Region.USE_PREF_SIZE);
    return l;
  }
}
