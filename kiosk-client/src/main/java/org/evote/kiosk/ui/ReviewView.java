package org.evote.kiosk.ui;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.evote.kiosk.session.Texts;
import org.evote.kiosk.session.VotingSession;

/**
 * Every contest with the voter's choices (a ranked contest's ranking in order, "1st choice: …"; a write-in line with
 * the name written on it), undervotes flagged, each with its Change button; then the button that
 * seals (encrypts) the ballot and shows its tracking code — it says so, and that casting or checking comes next.
 */
final class ReviewView {
  private ReviewView() {}

  static Node of(VotingSession session, KioskController controller, Texts t) {
    VBox p = Ui.page(t.get("review.title"), "review");
    p.getChildren().add(Ui.text(t.get("review.help")));
    VBox lines = new VBox(16);
    lines.getStyleClass().add("choices");
    for (VotingSession.ReviewLine line : session.review()) {
      VBox one = new VBox(6);
      String contest = session.contestTitle(line.contest());
      Label title = Ui.text(contest);
      title.getStyleClass().add("subtitle");
      one.getChildren().add(title);
      if (line.chosenNames().isEmpty()) {
        Label none = Ui.text(t.get("review.none"));
        none.getStyleClass().add("undervote");
        one.getChildren().add(none);
      } else {
        for (int i = 0; i < line.chosenNames().size(); i++) {
          String n = line.chosenNames().get(i);
          Label l = Ui.text(line.ranked() ? t.get("rank.line", t.get("rank.ordinal", i + 1), n) : "✔ " + n);
          l.setId("review-" + line.contest().id() + "-" + (i + 1));
          one.getChildren().add(l);
        }
        if (line.undervote()) {
          Label under = Ui.text(t.get(line.ranked() ? "review.rankMore" : "review.undervote", line.remaining()));
          under.getStyleClass().add("undervote");
          one.getChildren().add(under);
        }
      }
      Button change = Ui.button(t.get("review.change") + ": " + contest, "change-" + line.contest().id(),
          () -> session.edit(line.contest().id()));
      one.getChildren().add(change);
      lines.getChildren().add(one);
    }
    ScrollPane scroll = Ui.scroll(lines);
    scroll.setId("review-list");
    VBox.setVgrow(scroll, Priority.ALWAYS);
    Label next = Ui.text(t.get("review.next"));
    Button encrypt = Ui.primary(t.get("review.encrypt"), "encrypt", controller::encrypt);
    Ui.focusFirst(p, encrypt);
    encrypt.setDefaultButton(true);
    p.getChildren().addAll(scroll, next, encrypt);
    return p;
  }
}
