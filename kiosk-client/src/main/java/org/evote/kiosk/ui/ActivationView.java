package org.evote.kiosk.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.evote.kiosk.pollworker.ActivationModel;
import org.evote.kiosk.pollworker.BallotStyleSearch;
import org.evote.kiosk.pollworker.ClockNotice;
import org.evote.kiosk.pollworker.RefusalWords;
import org.evote.kiosk.session.Texts;

/**
 * The poll worker's activation screen, drawn from {@link ActivationModel}: locked behind the poll worker PIN for
 * every ballot; open, a search field that filters the ballot styles by any word of their names as the poll worker
 * types, and the styles by name (never their ids). Keyboard: type, Down/Up through the list, Enter starts the
 * ballot (Enter in the search field starts the first style shown). While the kiosk's clock is off from the board's
 * a notice blocks it until a poll worker has read it; once the board refused a ballot without a record (protocol
 * §9.7) the alarm blocks it for good, saying why (shown even while locked).
 */
public final class ActivationView {
  private final ActivationModel model;
  private final KioskController controller;
  private final VBox root = new VBox();
  private final VBox list = new VBox(10);
  private final Label count = new Label();
  private final ScrollPane scroll = new ScrollPane(list);
  private final PinPrompt prompt;
  private final Timeline ticker;
  private final Runnable redrawAll;
  private boolean clockNoticeShown;
  private boolean chainBreakShown;
  private boolean blocked;
  private java.util.function.Function<Texts, Node> extra = t -> null;

  /** @param redrawAll redraws the whole kiosk (when the poll workers change the language) */
  public ActivationView(ActivationModel model, KioskController controller, Runnable redrawAll) {
    this.model = model;
    this.controller = controller;
    this.redrawAll = redrawAll;
    this.prompt = new PinPrompt(model.door(), "activation-", this::redraw);
    root.getStyleClass().add("content");
    root.setId("screen-activation");
    count.setId("style-count");
    scroll.setFitToWidth(true);
    scroll.setId("style-list");
    VBox.setVgrow(scroll, Priority.ALWAYS);
    ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> refreshIfChanged()));
    ticker.setCycleCount(Timeline.INDEFINITE);
    ticker.play();
  }

  /** The screen, redrawn (KioskView places it while the session is at ACTIVATION). */
  public Node node() {
    redraw();
    return root;
  }

  /** The poll workers' words on this screen (their language, chosen here). */
  public Texts texts() {
    return model.texts();
  }

  /** A control of another part of the kiosk shown to poll workers once unlocked (the audio ballot switch). */
  public void setExtra(java.util.function.Function<Texts, Node> extra) {
    this.extra = extra;
    redraw();
  }

  /** Whether the PIN is being checked. */
  public boolean isChecking() {
    return prompt.isChecking();
  }

  /** Stops the once-a-second check for notices. */
  public void dispose() {
    ticker.stop();
  }

  private void refreshIfChanged() {
    if (root.getScene() != null && !prompt.isChecking()
        && (controller.clockNotice().pending().isPresent() != clockNoticeShown
        || controller.uploadStatus().chainBreak().isPresent() != chainBreakShown)) {
      redraw();
    }
  }

  private void redraw() {
    Texts t = model.texts();
    Label title = PinPrompt.label(t.get("activation.title"));
    title.getStyleClass().add("title");
    title.setAccessibleRole(AccessibleRole.TEXT);
    List<Node> nodes = new ArrayList<>(List.of(title));
    if (model.languages().size() > 1) {
      nodes.add(languages(t));
    }
    var broken = controller.uploadStatus().chainBreak();
    chainBreakShown = broken.isPresent();
    if (broken.isPresent()) {
      Label why = PinPrompt.label(t.get("activation.chain_broken", broken.get().ballotId(),
          RefusalWords.of(t, broken.get().reason())));
      why.setId("chain-broken");
      why.getStyleClass().addAll("notice", "alarm");
      nodes.add(why);
    }
    Node focus;
    var notice = controller.clockNotice().pending();
    if (model.isLocked()) {
      clockNoticeShown = notice.isPresent();
      nodes.add(PinPrompt.label(t.get("activation.locked")));
      List<Node> pin = prompt.nodes(t);
      nodes.addAll(pin);
      focus = pin.stream().filter(n -> n instanceof javafx.scene.control.PasswordField).findFirst().orElse(title);
    } else {
      clockNoticeShown = notice.isPresent();
      if (notice.isPresent()) {
        Label words = PinPrompt.label(ClockNotice.text(t, notice.get()));
        words.setId("clock-notice");
        words.getStyleClass().add("notice");
        Button ack = button(t.get("clock.acknowledge"), "clock-ack", () -> {
          controller.clockNotice().acknowledge();
          redraw();
        });
        ack.getStyleClass().add("primary");
        VBox box = new VBox(12, words, ack);
        box.getStyleClass().add("warning-box");
        nodes.add(box);
      }
      blocked = notice.isPresent() || broken.isPresent();
      nodes.add(PinPrompt.label(t.get("activation.help")));
      Node more = extra.apply(t);
      if (more != null) {
        nodes.add(more);
      }
      TextField search = search(t);
      Button lock = button(t.get("activation.lock"), "activation-lock", () -> {
        model.lock();
        redraw();
      });
      nodes.addAll(List.of(search, count, scroll, lock));
      fill(t, search);
      focus = notice.isPresent() ? nodes.stream().filter(n -> n instanceof VBox).findFirst().orElse(search)
          : search;
    }
    root.getChildren().setAll(nodes);
    Node target = focus instanceof VBox box ? box.getChildren().get(1) : focus;
    // after KioskView's own focus request for the screen; never from a field over it (the poll workers' dialog)
    Platform.runLater(() -> Platform.runLater(() -> {
      Node owner = root.getScene() == null ? null : root.getScene().getFocusOwner();
      if (!(owner instanceof javafx.scene.control.TextInputControl) || owner.getScene() == null
          || inside(owner, root)) {
        target.requestFocus();
      }
    }));
  }

  private Node languages(Texts t) {
    HBox row = new HBox(12);
    for (String lang : model.languages()) {
      ToggleButton b = new ToggleButton(Texts.languageName(lang));
      b.setId("activation-lang-" + lang);
      b.setAccessibleText(Texts.languageName(lang));
      b.setSelected(lang.equals(model.language()));
      b.setOnAction(e -> {
        model.chooseLanguage(lang);
        redrawAll.run();
      });
      row.getChildren().add(b);
    }
    return row;
  }

  private TextField search(Texts t) {
    TextField search = new TextField(model.query());
    search.setId("style-search");
    search.setPromptText(t.get("activation.search"));
    search.setAccessibleText(t.get("activation.search"));
    search.getStyleClass().add("pollworker-field");
    search.textProperty().addListener((o, a, typed) -> {
      model.search(typed);
      fill(t, search);
    });
    search.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
      if (e.getCode() == KeyCode.DOWN && !list.getChildren().isEmpty()) {
        list.getChildren().get(0).requestFocus();
        e.consume();
      } else if (e.getCode() == KeyCode.ENTER) {
        model.first().filter(s -> !blocked).ifPresent(s -> model.activate(s.id()));
        e.consume();
      }
    });
    return search;
  }

  /** The style buttons matching the search, and how many of how many are shown. */
  private void fill(Texts t, TextField search) {
    List<BallotStyleSearch.Style> shown = model.shown();
    List<Node> buttons = new ArrayList<>();
    for (BallotStyleSearch.Style s : shown) {
      Button b = button(s.name(), "style-" + s.id(), () -> model.activate(s.id()));
      b.getStyleClass().add("style-choice");
      b.setMaxWidth(Double.MAX_VALUE);
      b.setDisable(blocked);
      b.focusedProperty().addListener((o, was, is) -> {
        if (is) {
          showInside(b);
        }
      });
      buttons.add(b);
    }
    for (int i = 0; i < buttons.size(); i++) {
      Node previous = i == 0 ? search : buttons.get(i - 1);
      Node next = i + 1 < buttons.size() ? buttons.get(i + 1) : null;
      Button b = (Button) buttons.get(i);
      b.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
        if (e.getCode() == KeyCode.ENTER) {
          b.fire();
          e.consume();
        } else if (e.getCode() == KeyCode.UP) {
          previous.requestFocus();
          e.consume();
        } else if (e.getCode() == KeyCode.DOWN && next != null) {
          next.requestFocus();
          e.consume();
        }
      });
    }
    if (shown.isEmpty()) {
      Label none = PinPrompt.label(t.get("activation.noMatch", model.query()));
      none.setId("style-none");
      none.getStyleClass().add("notice");
      buttons.add(none);
    }
    list.getChildren().setAll(buttons);
    count.setText(t.get("activation.count", shown.size(), model.stylesCount()));
  }

  private static boolean inside(Node n, Node parent) {
    for (Node p = n; p != null; p = p.getParent()) {
      if (p == parent) {
        return true;
      }
    }
    return false;
  }

  /** Scrolls the list so that {@code n} is in view. */
  private void showInside(Node n) {
    Bounds content = scroll.getContent().getLayoutBounds();
    Bounds viewport = scroll.getViewportBounds();
    Bounds b = n.getBoundsInParent();
    double hidden = content.getHeight() - viewport.getHeight();
    if (hidden <= 0) {
      return;
    }
    double top = scroll.getVvalue() * hidden;
    if (b.getMinY() < top) {
      scroll.setVvalue(b.getMinY() / hidden);
    } else if (b.getMaxY() > top + viewport.getHeight()) {
      scroll.setVvalue(Math.min(1, (b.getMaxY() - viewport.getHeight()) / hidden));
    }
  }

  private static Button button(String label, String id, Runnable action) {
    Button b = new Button(label);
    b.setId(id);
    b.setAccessibleText(label);
    b.setWrapText(true);
    b.setOnAction(e -> action.run());
    return b;
  }
}
