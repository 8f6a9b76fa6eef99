package org.evote.kiosk.ui;

import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The building blocks every kiosk screen shares: a titled page, wrapped text, buttons with accessible text. */
final class Ui {
  /** The key, in a screen's properties, of the control that gets the focus when the screen is shown. */
  static final String FIRST_FOCUS = "first-focus";

  private Ui() {}

  /** A screen's page: its title, as a heading, and the screen's id ({@code screen-<name>}). */
  static VBox page(String title, String screenId) {
    Label l = new Label(title);
    l.getStyleClass().add("title");
    l.setWrapText(true);
    l.setMinHeight(Region.USE_PREF_SIZE);
    l.setAccessibleRole(AccessibleRole.TEXT);
    VBox box = new VBox(l);
    box.getStyleClass().add("content");
    box.setId("screen-" + screenId);
    return box;
  }

  static Label text(String s) {
    Label l = new Label(s);
    l.setWrapText(true);
    l.setMinHeight(Region.USE_PREF_SIZE);
    return l;
  }

  static Button button(String label, String id, Runnable action) {
    Button b = new Button(label);
    b.setId(id);
    b.setAccessibleText(label);
    b.setWrapText(true);
    b.setMinHeight(Region.USE_PREF_SIZE);
    b.setOnAction(e -> action.run());
    return b;
  }

  static Button primary(String label, String id, Runnable action) {
    Button b = button(label, id, action);
    b.getStyleClass().add("primary");
    return b;
  }

  /** A scrolling area as wide as the window, for content that may be taller than it. */
  static ScrollPane scroll(Node content) {
    ScrollPane s = new ScrollPane(content);
    s.setFitToWidth(true);
    s.setMinHeight(0);
    if (content.getProperties().containsKey(FIRST_FOCUS)) {
      s.getProperties().put(FIRST_FOCUS, content.getProperties().get(FIRST_FOCUS));
    }
    return s;
  }

  /** A whole page that scrolls when the window is too small for it: no frame of its own. */
  static ScrollPane pageScroll(Node page) {
    ScrollPane s = scroll(page);
    s.getStyleClass().add("page-scroll");
    return s;
  }

  /** Marks {@code control} as the one that gets the focus when {@code screen} is shown. */
  static void focusFirst(Node screen, Node control) {
    screen.getProperties().put(FIRST_FOCUS, control);
  }

  /**
   * Gives {@code n} the focus as soon as it is in the scene (a control inside a scroll pane joins the scene only
   * when the pane's skin is made, at the next pulse).
   */
  static void focusWhenShown(Node n) {
    if (n.getScene() != null) {
      n.requestFocus();
      return;
    }
    n.sceneProperty().addListener(new javafx.beans.value.ChangeListener<>() {
      @Override
      public void changed(javafx.beans.value.ObservableValue<? extends javafx.scene.Scene> o,
          javafx.scene.Scene before, javafx.scene.Scene now) {
        if (now != null) {
          n.sceneProperty().removeListener(this);
          n.requestFocus();
        }
      }
    });
  }

  /** The control that gets the focus when {@code screen} is shown, if it names one. */
  static Node firstFocus(Node screen) {
    return screen.getProperties().get(FIRST_FOCUS) instanceof Node n ? n : null;
  }
}
