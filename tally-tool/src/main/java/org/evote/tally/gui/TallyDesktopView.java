package org.evote.tally.gui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The officials' desktop app: five steps in a sidebar (key ceremony, board, tally, result, publish), each page a
 * thin view over its view model. Node ids name the controls for tests and accessibility tools.
 */
public final class TallyDesktopView {
  private final BorderPane root = new BorderPane();
  private final ToggleGroup nav = new ToggleGroup();
  private final Widgets w;
  private final ToggleButton ceremonyTab;
  private final ToggleButton boardTab;
  private final ToggleButton tallyTab;
  private final ToggleButton resultTab;
  private final ToggleButton publishTab;
  private Node ceremonyPage;
  private Node boardPage;
  private Node tallyPage;
  private Node resultPage;
  private Node publishPage;

  public TallyDesktopView(CeremonyViewModel ceremony, BoardViewModel board, TallyViewModel tally,
      PublishViewModel publish, Background background, GuiTexts texts) {
    w = new Widgets(texts, () -> root.getScene().getWindow());
    ceremonyTab = navButton("nav.ceremony", "navCeremony");
    boardTab = navButton("nav.board", "navBoard");
    tallyTab = navButton("nav.tally", "navTally");
    resultTab = navButton("nav.result", "navResult");
    publishTab = navButton("nav.publish", "navPublish");
    ceremonyPage = new CeremonyPage(ceremony, w, () -> {
      board.electionPathProperty().set(ceremony.electionFileProperty().get().toString());
      boardTab.setSelected(true);
    }).node();
    boardPage = new BoardPage(board, background, w, () -> tallyTab.setSelected(true)).node();
    tallyPage = new TallyPage(tally, board, background, w).node();
    resultPage = ResultPage.empty(w);
    publishPage = new PublishPage(publish, background, w).node();
    resultTab.setDisable(true);

    Label heading = Widgets.title(w.t("app.title"));
    VBox sidebar = new VBox(6, heading, ceremonyTab, boardTab, tallyTab, resultTab, publishTab);
    sidebar.setPadding(new Insets(16));
    sidebar.setMinWidth(Region.USE_PREF_SIZE);
    sidebar.getStyleClass().add("sidebar");
    root.setLeft(sidebar);
    nav.selectedToggleProperty().addListener((o, a, b) -> {
      if (b == null) {
        a.setSelected(true);
      } else {
        root.setCenter(b == ceremonyTab ? ceremonyPage : b == boardTab ? boardPage : b == tallyTab ? tallyPage
            : b == resultTab ? resultPage : publishPage);
      }
    });
    ceremonyTab.setSelected(true);
    tally.resultProperty().addListener((o, a, r) -> {
      if (r != null) {
        resultPage = ResultPage.of(r, background, w);
        publish.recordPathProperty().set(r.record().toAbsolutePath().toString());
        resultTab.setDisable(false);
        if (resultTab.isSelected()) {
          root.setCenter(resultPage);
        }
        resultTab.setSelected(true);
      }
    });
    root.getStylesheets().add(TallyDesktopView.class.getResource("tally.css").toExternalForm());
  }

  public Parent root() {
    return root;
  }

  private ToggleButton navButton(String key, String id) {
    ToggleButton b = new ToggleButton(w.t(key));
    b.setId(id);
    b.setToggleGroup(nav);
    b.setMaxWidth(Double.MAX_VALUE);
    b.setMinWidth(Region.USE_PREF_SIZE);
    b.setAlignment(Pos.CENTER_LEFT);
    return b;
  }
}
