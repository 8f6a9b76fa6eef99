package org.evote.kiosk.ui;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.evote.kiosk.session.Texts;
import org.evote.kiosk.session.VotingSession;

/**
 * The tracking code and the voter's decision: cast or challenge. Either asks first (the session's pending decision):
 * a panel says what will happen, with Yes and Go back; only Yes calls the controller.
 */
final class DecideView {
  private DecideView() {}

  static Node of(VotingSession session, KioskController controller, Texts t) {
    VBox p = Ui.page(t.get("decide.title"), "decide");
    Label codeLabel = Ui.text(t.get("decide.code"));
    Label code = Ui.text(controller.trackingCode());
    code.setId("tracking-code");
    code.getStyleClass().add("tracking-code");
    code.setAccessibleText(t.get("decide.code") + " " + controller.trackingCode());
    p.getChildren().addAll(codeLabel, code);
    var pending = session.pendingDecision();
    if (pending.isEmpty()) {
      Button cast = Ui.primary(t.get("decide.cast"), "cast", session::askCast);
      Ui.focusFirst(p, cast);
      cast.setDefaultButton(true);
      Button challenge = Ui.button(t.get("decide.challenge"), "challenge", session::askChallenge);
      p.getChildren().addAll(Ui.text(t.get("decide.help")), cast, challenge);
      return Ui.pageScroll(p);
    }
    boolean cast = pending.get() == VotingSession.Pending.CAST;
    Label question = Ui.text(t.get(cast ? "decide.confirmCast" : "decide.confirmChallenge"));
    question.setId("confirm-question");
    question.getStyleClass().add("subtitle");
    Button yes = Ui.primary(t.get(cast ? "decide.yesCast" : "decide.yesChallenge"), "confirm-yes",
        cast ? controller::cast : controller::challenge);
    Ui.focusFirst(p, yes);
    yes.setDefaultButton(true);
    Button back = Ui.button(t.get("decide.goBack"), "confirm-back", session::cancelDecision);
    HBox buttons = new HBox(20, yes, back);
    buttons.setMinHeight(Region.USE_PREF_SIZE);
    VBox panel = new VBox(16, question, buttons);
    panel.getStyleClass().add("confirm-panel");
    panel.setId("confirm-" + (cast ? "cast" : "challenge"));
    p.getChildren().add(panel);
    return Ui.pageScroll(p);
  }
}
