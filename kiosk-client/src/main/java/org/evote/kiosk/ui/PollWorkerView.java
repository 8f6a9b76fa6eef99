package org.evote.kiosk.ui;

import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.evote.kiosk.pollworker.PinLock;
import org.evote.kiosk.pollworker.PollWorkerModel;
import org.evote.kiosk.session.Texts;

/**
 * The poll workers' screen over the kiosk's screens, drawn from {@link PollWorkerModel}: the PIN (or, after too
 * many wrong PINs, the credential passphrase), then the kiosk's clock against the board's, every ballot the board
 * refused with its reason, and the way out of kiosk mode. The slow checks run off the JavaFX thread.
 */
public final class PollWorkerView {
  private final PollWorkerModel model;
  private final Supplier<Texts> texts;
  private final Runnable exit;
  private final StackPane root = new StackPane();
  private final PinPrompt prompt;

  /**
   * @param exit what "leave kiosk mode" does (closes the kiosk's window)
   */
  public PollWorkerView(PollWorkerModel model, Supplier<Texts> texts, Runnable exit) {
    this.model = model;
    this.texts = texts;
    this.exit = exit;
    root.getStyleClass().add("overlay");
    root.setId("pollworker");
    root.setVisible(false);
    this.prompt = new PinPrompt(model.door(), "", () -> {
      if (root.isVisible()) {
        redraw();
      }
    });
  }

  public StackPane root() {
    return root;
  }

  /** Shows the screen, asking for the PIN (or the passphrase) first. */
  public void show() {
    model.lock();
    root.setVisible(true);
    redraw();
  }

  /** Hides the screen and locks it. */
  public void hide() {
    model.lock();
    root.setVisible(false);
    root.getChildren().clear();
  }

  /** Whether a PIN or passphrase is being checked. */
  public boolean isChecking() {
    return prompt.isChecking();
  }

  public boolean isShowing() {
    return root.isVisible();
  }

  private void redraw() {
    Texts t = texts.get();
    Label title = label(t.get("pollworker.title"));
    title.getStyleClass().add("title");
    VBox box = new VBox(16, title);
    box.getStyleClass().add("warning-box");
    box.setMaxWidth(1000);
    box.setMaxHeight(Region.USE_PREF_SIZE);
    Button close = button(t.get("pollworker.close"), "pollworker-close", this::hide);
    box.getChildren().addAll(prompt.nodes(t));
    if (model.step() == PinLock.Step.OPEN) {
      Label clock = label(model.clockLine(t));
      clock.setId("pollworker-clock");
      Label refusedTitle = label(t.get("pollworker.refused.title"));
      refusedTitle.getStyleClass().add("subtitle");
      VBox list = new VBox(8);
      list.setId("refused-list");
      java.util.List<String> lines = model.refusedLines(t);
      if (lines.isEmpty()) {
        list.getChildren().add(label(t.get("pollworker.refused.none")));
      }
      lines.forEach(l -> list.getChildren().add(label(l)));
      ScrollPane scroll = new ScrollPane(list);
      scroll.setFitToWidth(true);
      scroll.setPrefViewportHeight(360);
      Button leave = button(t.get("pollworker.exit"), "pollworker-exit", exit);
      box.getChildren().addAll(clock, refusedTitle, scroll, leave);
    }
    box.getChildren().add(close);
    root.getChildren().setAll(box);
    StackPane.setAlignment(box, Pos.CENTER);
  }

  private static Label label(String s) {
    Label l = new Label(s);
    l.setWrapText(true);
    l.setMinHeight(Region.USE_PREF_SIZE);
    return l;
  }

  private static Button button(String text, String id, Runnable action) {
    Button b = new Button(text);
    b.setId(id);
    b.setAccessibleText(text);
    b.setWrapText(true);
    b.setOnAction(e -> action.run());
    return b;
  }
}
