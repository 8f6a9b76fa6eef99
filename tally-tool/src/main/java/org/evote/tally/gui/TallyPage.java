package org.evote.tally.gui;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/** The guardians-and-tally page: each guardian opens their key in turn, then the official tallies. */
final class TallyPage {
  private final Node node;

  TallyPage(TallyViewModel tally, BoardViewModel board, Background background, Widgets w) {
    Label quorum = new Label();
    quorum.setId("quorumText");
    quorum.setWrapText(true);
    quorum.getStyleClass().add("prompt");
    quorum.textProperty().bind(Bindings.createStringBinding(tally::quorumText, tally.present(),
        board.summaryProperty()));
    TextField key = Widgets.pathField("keyFile", tally.keyFilePathProperty());
    PasswordField pass = new PasswordField();
    pass.setId("guardianPassphrase");
    Runnable open = () -> {
      tally.addGuardian(pass.getText().toCharArray());
      pass.clear();
    };
    pass.setOnAction(e -> open.run());
    GridPane form = Widgets.form();
    form.addRow(0, w.label("tally.keyFile"), key, w.browseFile(key, "tally.chooseKey"));
    form.addRow(1, w.label("tally.passphrase"), pass);
    Button add = w.button("tally.open", "addGuardian", open);
    add.disableProperty().bind(background.busyProperty().or(board.summaryProperty().isNull()));
    ListView<String> present = new ListView<>(tally.present());
    present.setId("presentGuardians");
    present.setPrefHeight(130);
    TextField out = Widgets.pathField("recordOut", tally.outDirProperty());
    GridPane outForm = Widgets.form();
    outForm.addRow(0, w.label("tally.recordOut"), out, w.browseDir(out, "chooseEmptyFolder"));
    Button run = w.button("tally.run", "runTally", tally::tally);
    run.disableProperty().bind(tally.canTallyProperty().not());
    ProgressBar progress = new ProgressBar();
    progress.setId("tallyProgress");
    progress.setMaxWidth(Double.MAX_VALUE);
    progress.progressProperty().bind(tally.progressProperty());
    node = w.page("tally.heading", w.help("tally.help"), quorum, form, add, w.label("tally.presentList"), present,
        outForm, run, progress, w.message("tallyMessage", tally.message()));
  }

  Node node() {
    return node;
  }
}
