package org.evote.kiosk.ui;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.evote.crypto.manifest.ContestDescription;
import org.evote.crypto.manifest.SelectionDescription;
import org.evote.kiosk.session.Texts;
import org.evote.kiosk.session.VotingSession;

/**
 * A ranked-choice contest: the voter chooses candidates in order of preference — the first chosen is the 1st
 * choice, the next the 2nd, … up to the ranks the contest has (more is refused with a notice). Each candidate's
 * button shows its rank; choosing a ranked candidate again removes it. Beside them, "Your ranking" lists the ranking in
 * order, each line with Move up, Move down and Remove, and Clear ranking empties it. Every control has accessible
 * text that says the rank; the focus stays on the control used, so the keyboard alone ranks and reorders.
 */
final class RankedContestView {
  private RankedContestView() {}

  static Node of(VotingSession session, Texts t) {
    ContestDescription c = session.currentContest();
    VBox p = Ui.page(session.contestTitle(c), "contest");
    Label counter = Ui.text(t.get("contest.counter", session.contestIndexProperty().get() + 1,
        session.contests().size()));
    counter.setId("contest-counter");
    Label sub = Ui.text(t.get("rank.help", c.votesAllowed()));
    sub.getStyleClass().add("subtitle");
    sub.setId("contest-subtitle");
    Label count = Ui.text("");
    count.setId("selected-count");
    FlowPane info = new FlowPane(24, 4, counter, sub, count);
    info.setAlignment(Pos.CENTER_LEFT);
    info.setMinHeight(Region.USE_PREF_SIZE);
    Label notice = Ui.text("");
    notice.setId("notice");
    notice.getStyleClass().add("notice");
    notice.textProperty().bind(session.noticeProperty());
    notice.setAccessibleRole(AccessibleRole.TEXT);
    notice.managedProperty().bind(notice.textProperty().isNotEmpty());
    notice.visibleProperty().bind(notice.managedProperty());

    VBox list = new VBox(10);
    list.getStyleClass().add("choices");
    VBox ranking = new VBox(8);
    ranking.setId("ranking");
    ranking.getStyleClass().add("ranking");
    List<SelectionDescription> sel = c.selections();
    ToggleButton[] buttons = new ToggleButton[sel.size()];
    Runnable refresh = () -> {
      for (int i = 0; i < sel.size(); i++) {
        label(session, t, c, sel.get(i), buttons[i]);
      }
      count.setText(t.get("rank.count", session.ranking(c.id()).size(), c.votesAllowed()));
      fillRanking(session, t, c, ranking);
    };
    for (int i = 0; i < sel.size(); i++) {
      SelectionDescription s = sel.get(i);
      ToggleButton b = new ToggleButton();
      b.setId("choice-" + s.id());
      b.getStyleClass().add("choice");
      b.setWrapText(true);
      b.setMaxWidth(Double.MAX_VALUE);
      b.setMinHeight(Region.USE_PREF_SIZE);
      b.setOnAction(e -> {
        session.toggle(s.id());
        label(session, t, c, s, b);
      });
      buttons[i] = b;
      list.getChildren().add(b);
    }
    refresh.run();
    // the ranking is redrawn whenever it changes (from here or from the ranking's own buttons)
    javafx.beans.value.ChangeListener<Number> onChange = (o, a, b) -> refresh.run();
    session.marksChangedProperty().addListener(onChange);
    p.sceneProperty().addListener((o, a, now) -> {
      if (now == null && a != null) {
        session.marksChangedProperty().removeListener(onChange);
      }
    });
    Label rankingTitle = Ui.text(t.get("rank.yourRanking"));
    rankingTitle.getStyleClass().add("subtitle");
    Button clear = Ui.button(t.get("rank.clear"), "clear-ranking", session::clearContest);
    ScrollPane choices = Ui.scroll(list);
    choices.setId("choices");
    ScrollPane rankingScroll = Ui.scroll(ranking);
    rankingScroll.setId("ranking-scroll");
    VBox.setVgrow(rankingScroll, Priority.ALWAYS);
    VBox panel = new VBox(10, rankingTitle, rankingScroll, clear);
    panel.setId("ranking-panel");
    // the ranking beside the choices: always in view while the voter ranks
    choices.prefWidthProperty().bind(p.widthProperty().multiply(0.5));
    panel.prefWidthProperty().bind(p.widthProperty().multiply(0.5));
    HBox.setHgrow(choices, Priority.ALWAYS);
    HBox.setHgrow(panel, Priority.ALWAYS);
    HBox scroll = new HBox(20, choices, panel);
    VBox.setVgrow(scroll, Priority.ALWAYS);
    Button back = Ui.button(t.get("contest.back"), "back", session::back);
    Button next = Ui.primary(t.get("contest.next"), "next", session::next);
    HBox nav = new HBox(20, back, next);
    nav.setAlignment(Pos.CENTER_LEFT);
    nav.setMinHeight(Region.USE_PREF_SIZE);
    p.getChildren().addAll(info, notice, scroll, nav);
    Ui.focusFirst(p, buttons.length > 0 ? buttons[0] : next);
    return p;
  }

  /** A candidate's button: its name (and party), with its rank when ranked. */
  private static void label(VotingSession session, Texts t, ContestDescription c, SelectionDescription s,
      ToggleButton b) {
    String party = session.partyName(c, s.id());
    String name = session.choiceName(c, s.id()) + (party.isEmpty() ? "" : " — " + party);
    int rank = session.rankOf(c.id(), s.id());
    String text = rank == 0 ? name : t.get("rank.ranked", name, t.get("rank.ordinal", rank));
    b.setText(text);
    b.setAccessibleText(rank == 0 ? t.get("rank.notRanked", name) : text);
    b.setSelected(rank > 0);
  }

  private static void fillRanking(VotingSession session, Texts t, ContestDescription c, VBox ranking) {
    Node focused = ranking.getScene() == null ? null : ranking.getScene().getFocusOwner();
    String focusId = focused != null && ranking.getChildren().stream().anyMatch(row -> isIn(focused, row))
        ? focused.getId() : null;
    ranking.getChildren().clear();
    List<String> order = session.ranking(c.id());
    if (order.isEmpty()) {
      Label none = Ui.text(t.get("rank.none"));
      none.setId("ranking-empty");
      ranking.getChildren().add(none);
    }
    for (int i = 0; i < order.size(); i++) {
      String id = order.get(i);
      String name = session.choiceName(c, id);
      String ordinal = t.get("rank.ordinal", i + 1);
      Label line = Ui.text(t.get("rank.line", ordinal, name));
      line.setId("rank-" + (i + 1));
      line.getStyleClass().add("rank-line");
      Button up = Ui.button(t.get("rank.up"), "up-" + id, () -> session.moveUp(id));
      up.setAccessibleText(t.get("rank.up.a11y", name, ordinal));
      up.setDisable(i == 0);
      Button down = Ui.button(t.get("rank.down"), "down-" + id, () -> session.moveDown(id));
      down.setAccessibleText(t.get("rank.down.a11y", name, ordinal));
      down.setDisable(i == order.size() - 1);
      Button remove = Ui.button(t.get("rank.remove"), "remove-" + id, () -> session.remove(id));
      remove.setAccessibleText(t.get("rank.remove.a11y", name));
      for (Button b : List.of(up, down, remove)) {
        b.setMinWidth(Region.USE_PREF_SIZE);
      }
      HBox buttons = new HBox(12, up, down, remove);
      buttons.setAlignment(Pos.CENTER_LEFT);
      VBox row = new VBox(6, line, buttons);
      row.setMinHeight(Region.USE_PREF_SIZE);
      ranking.getChildren().add(row);
    }
    if (focusId != null) {
      // keep the keyboard where it was: on the same button of the candidate (or the nearest one left)
      Node again = ranking.lookup("#" + focusId);
      String id = focusId.substring(focusId.indexOf('-') + 1);
      for (String other : List.of("up-", "down-", "remove-")) {
        if (again == null || again.isDisabled()) {
          again = ranking.lookup("#" + other + id);
        }
      }
      if (again == null || again.isDisabled()) {
        again = ranking.lookupAll(".button").stream().filter(n -> !n.isDisabled()).findFirst().orElse(null);
      }
      if (again != null) {
        again.requestFocus();
      }
    }
  }

  private static boolean isIn(Node n, Node parent) {
    for (Node x = n; x != null; x = x.getParent()) {
      if (x == parent) {
        return true;
      }
    }
    return false;
  }
}
