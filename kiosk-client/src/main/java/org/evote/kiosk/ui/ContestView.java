package org.evote.kiosk.ui;

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
 * One contest: its title, one line saying where the voter is and how many to choose, and the list of choices, which
 * takes all the height the window has left (in large text too) and scrolls. The focus starts on the first choice
 * (or the first one chosen), never on Next, so Enter or Space never moves on without voting. A write-in line shows
 * the name written on it; choosing it opens the write-in screen. A ranked contest has its own screen
 * ({@link RankedContestView}).
 */
final class ContestView {
  private ContestView() {}

  static Node of(VotingSession session, Texts t) {
    if (session.currentContest().isRanked()) {
      return RankedContestView.of(session, t);
    }
    ContestDescription c = session.currentContest();
    VBox p = Ui.page(session.contestTitle(c), "contest");
    Label counter = Ui.text(t.get("contest.counter", session.contestIndexProperty().get() + 1,
        session.contests().size()));
    counter.setId("contest-counter");
    Label sub = Ui.text(session.contestSubtitle(c));
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
    notice.managedProperty().bind(notice.textProperty().isNotEmpty()); // takes no room until there is a notice
    notice.visibleProperty().bind(notice.managedProperty());
    VBox list = new VBox(10);
    list.getStyleClass().add("choices");
    ToggleButton firstFocus = null;
    for (SelectionDescription s : c.selections()) {
      String party = session.partyName(c, s.id());
      String name = session.choiceName(c, s.id()) + (party.isEmpty() ? "" : " — " + party);
      ToggleButton b = new ToggleButton(name);
      b.setId("choice-" + s.id());
      b.getStyleClass().add("choice");
      b.setWrapText(true);
      b.setMaxWidth(Double.MAX_VALUE);
      b.setMinHeight(Region.USE_PREF_SIZE);
      b.setAccessibleText(name);
      b.setSelected(session.isChosen(c.id(), s.id()));
      b.setOnAction(e -> {
        session.toggle(s.id());
        b.setSelected(session.isChosen(c.id(), s.id()));
        count.setText(t.get("contest.selected", session.chosen(c.id()).size(), c.votesAllowed()));
      });
      if (firstFocus == null || (b.isSelected() && !firstFocus.isSelected())) {
        firstFocus = b;
      }
      list.getChildren().add(b);
    }
    count.setText(t.get("contest.selected", session.chosen(c.id()).size(), c.votesAllowed()));
    ScrollPane scroll = Ui.scroll(list);
    scroll.setId("choices");
    VBox.setVgrow(scroll, Priority.ALWAYS);
    Button back = Ui.button(t.get("contest.back"), "back", session::back);
    Button next = Ui.primary(t.get("contest.next"), "next", session::next);
    HBox nav = new HBox(20, back, next);
    nav.setAlignment(Pos.CENTER_LEFT);
    nav.setMinHeight(Region.USE_PREF_SIZE);
    p.getChildren().addAll(info, notice, scroll, nav);
    Ui.focusFirst(p, firstFocus != null ? firstFocus : next);
    return p;
  }
}
