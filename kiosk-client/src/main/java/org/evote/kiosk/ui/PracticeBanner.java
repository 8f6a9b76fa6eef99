package org.evote.kiosk.ui;

import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.evote.kiosk.session.Texts;

/**
 * The banner over every kiosk screen while the board is a practice board ({@code "practice": true} in its status):
 * ballots cast here are never counted. Hidden, and taking no room, on a real board.
 */
public final class PracticeBanner {
  private final HBox box = new HBox();
  private final Label words = new Label();
  private boolean practice;

  public PracticeBanner() {
    words.setId("practice-banner");
    words.setWrapText(true);
    words.setAccessibleRole(AccessibleRole.TEXT);
    box.getChildren().add(words);
    box.getStyleClass().add("practice-banner");
    show(false);
  }

  public Node node() {
    return box;
  }

  public boolean isShown() {
    return practice;
  }

  /** Whether the board says it is a practice board. */
  public void show(boolean practice) {
    this.practice = practice;
    box.setVisible(practice);
    box.setManaged(practice);
  }

  /** The banner's words in {@code t}'s language. */
  public void redraw(Texts t) {
    words.setText(t.get("practice.banner"));
    words.setAccessibleText(t.get("practice.banner"));
  }
}
