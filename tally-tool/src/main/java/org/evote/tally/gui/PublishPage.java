package org.evote.tally.gui;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/** The publish page: what {@code tally publish} does, with its result shown. */
final class PublishPage {
  private final Node node;

  PublishPage(PublishViewModel publish, Background background, Widgets w) {
    TextField record = Widgets.pathField("publishRecord", publish.recordPathProperty());
    TextField server = Widgets.pathField("publishServer", publish.serverProperty());
    server.setPromptText(w.t("publish.serverPrompt"));
    TextField cred = Widgets.pathField("adminCredentials", publish.credentialsPathProperty());
    PasswordField pass = new PasswordField();
    pass.setId("adminPassphrase");
    TextField notice = Widgets.pathField("publishNotice", publish.noticePathProperty());
    notice.setPromptText(w.t("publish.noticePrompt"));
    GridPane form = Widgets.form();
    form.addRow(0, w.label("publish.record"), record, w.browseDir(record, "publish.chooseRecord"));
    form.addRow(1, w.label("publish.server"), server);
    form.addRow(2, w.label("publish.credentials"), cred, w.browseFile(cred, "publish.chooseCredentials"));
    form.addRow(3, w.label("publish.passphrase"), pass);
    form.addRow(4, w.label("publish.notice"), notice, w.browseFile(notice, "publish.chooseNotice"));
    Runnable go = () -> {
      publish.publish(pass.getText().toCharArray());
      pass.clear();
    };
    pass.setOnAction(e -> go.run());
    Button run = w.button("publish.run", "publishTally", go);
    run.disableProperty().bind(background.busyProperty());
    node = w.page("publish.heading", w.help("publish.help"), form, run, w.message("publishMessage",
        publish.message()));
  }

  Node node() {
    return node;
  }
}
