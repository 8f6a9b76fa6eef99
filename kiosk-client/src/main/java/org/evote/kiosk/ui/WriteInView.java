package org.evote.kiosk.ui;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.evote.crypto.manifest.ContestDescription;
import org.evote.kiosk.session.Texts;
import org.evote.kiosk.session.VotingSession;
import org.evote.kiosk.session.WriteInEntry;
import org.evote.kiosk.session.WriteInKeyboard;

/**
 * The write-in screen: the name typed so far in large type (a text field, so the physical keyboard types into it;
 * Enter is Done, Escape is Cancel), an on-screen keyboard with the letters of the manifest's languages (accented ones
 * too), Capitals, Space and Backspace, and Done / Cancel. What is typed goes through the {@link WriteInEntry}, which
 * refuses a name longer than the rule allows; Done checks the name by the rule and says what is wrong.
 */
final class WriteInView {
  private WriteInView() {}

  static Node of(VotingSession session, Texts t) {
    WriteInEntry entry = session.writeIn().orElseThrow();
    ContestDescription c = session.currentContest();
    String line = session.selectionName(c, entry.selectionId());
    VBox p = Ui.page(t.get("writein.title", session.contestTitle(c)), "writein");
    Label help = Ui.text(t.get("writein.help"));
    TextField field = new TextField(entry.text());
    field.setId("writein-field");
    field.getStyleClass().add("writein-field");
    field.setAccessibleText(t.get("writein.field", line));
    boolean[] typing = {false}; // the field's own change is being applied: no need to set its text again
    field.setTextFormatter(new TextFormatter<String>(change -> {
      typing[0] = true;
      try {
        return entry.replace(change.getControlNewText()) ? change : null;
      } finally {
        typing[0] = false;
      }
    }));
    entry.textProperty().addListener((o, a, now) -> {
      if (!typing[0] && !field.getText().equals(now)) {
        field.setText(now);
        field.positionCaret(now.length());
      }
    });
    field.setOnAction(e -> session.finishWriteIn());
    field.setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.ESCAPE) {
        e.consume();
        session.cancelWriteIn();
      }
    });
    Label problem = Ui.text("");
    problem.setId("writein-problem");
    problem.getStyleClass().add("notice");
    problem.setAccessibleRole(AccessibleRole.TEXT);
    problem.textProperty().bind(entry.problemProperty());
    problem.managedProperty().bind(problem.textProperty().isNotEmpty());
    problem.visibleProperty().bind(problem.managedProperty());

    FlowPane keys = new FlowPane(8, 8);
    keys.setId("writein-keys");
    keys.getStyleClass().add("keyboard");
    List<String> letters = WriteInKeyboard.keys(session.languages());
    for (int i = 0; i < letters.size(); i++) {
      String k = letters.get(i);
      Button b = new Button();
      b.setId("key-" + i);
      b.getStyleClass().add("key");
      b.setFocusTraversable(true);
      b.textProperty().bind(javafx.beans.binding.Bindings.when(entry.capitalsProperty())
          .then(WriteInKeyboard.capital(k)).otherwise(k));
      b.accessibleTextProperty().bind(b.textProperty());
      b.setOnAction(e -> entry.type(k));
      keys.getChildren().add(b);
    }
    ToggleButton capitals = new ToggleButton(t.get("writein.capitals"));
    capitals.setId("key-capitals");
    capitals.getStyleClass().add("key");
    capitals.setAccessibleText(t.get("writein.capitals"));
    capitals.setSelected(entry.capitalsProperty().get());
    entry.capitalsProperty().addListener((o, a, on) -> capitals.setSelected(on));
    capitals.setOnAction(e -> {
      entry.toggleCapitals();
      capitals.setSelected(entry.capitalsProperty().get());
    });
    Button space = Ui.button(t.get("writein.space"), "key-space", entry::space);
    space.getStyleClass().add("key");
    space.setMinWidth(240);
    Button backspace = Ui.button(t.get("writein.backspace"), "key-backspace", entry::backspace);
    backspace.getStyleClass().add("key");
    HBox specials = new HBox(8, capitals, space, backspace);
    specials.setAlignment(Pos.CENTER_LEFT);
    VBox keyboard = new VBox(10, keys, specials);
    ScrollPane scroll = Ui.scroll(keyboard);
    scroll.setId("writein-keyboard");
    VBox.setVgrow(scroll, Priority.ALWAYS);

    Button cancel = Ui.button(t.get("writein.cancel"), "writein-cancel", session::cancelWriteIn);
    Button done = Ui.primary(t.get("writein.done"), "writein-done", session::finishWriteIn);
    HBox nav = new HBox(20, cancel, done);
    nav.setAlignment(Pos.CENTER_LEFT);
    nav.setMinHeight(Region.USE_PREF_SIZE);
    p.getChildren().addAll(help, field, problem, scroll, nav);
    Ui.focusFirst(p, field);
    return p;
  }
}
