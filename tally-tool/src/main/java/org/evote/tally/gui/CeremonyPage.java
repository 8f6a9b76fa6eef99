package org.evote.tally.gui;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The key ceremony page: setup, the manifest's warnings to confirm or refuse, each guardian's passphrase, and at
 * the end the election hash that kiosks need (selectable, with a copy button).
 */
final class CeremonyPage {
  private final CeremonyViewModel ceremony;
  private final Widgets w;
  private final Node node;

  CeremonyPage(CeremonyViewModel ceremony, Widgets w, Runnable toBoard) {
    this.ceremony = ceremony;
    this.w = w;
    node = w.page("ceremony.heading", w.help("ceremony.help"), setup(), confirm(), passphrases(), running(),
        w.message("ceremonyMessage", ceremony.message()), done(toBoard));
  }

  Node node() {
    return node;
  }

  private Node setup() {
    TextField manifest = Widgets.pathField("manifestPath", ceremony.manifestPathProperty());
    TextField out = Widgets.pathField("ceremonyOut", ceremony.outDirProperty());
    Spinner<Integer> guardians = spinner("guardians", ceremony.guardiansProperty().get());
    guardians.valueProperty().addListener((o, a, b) -> ceremony.guardiansProperty().set(b));
    Spinner<Integer> quorum = spinner("quorum", ceremony.quorumProperty().get());
    quorum.valueProperty().addListener((o, a, b) -> ceremony.quorumProperty().set(b));
    GridPane setup = Widgets.form();
    setup.addRow(0, w.label("ceremony.manifest"), manifest, w.browseFile(manifest, "ceremony.chooseManifest"));
    setup.addRow(1, w.label("ceremony.outDir"), out, w.browseDir(out, "chooseEmptyFolder"));
    setup.addRow(2, w.label("ceremony.guardians"), guardians);
    setup.addRow(3, w.label("ceremony.quorum"), quorum);
    Button begin = w.button("ceremony.begin", "beginCeremony", ceremony::begin);
    setup.disableProperty().bind(ceremony.stepProperty().isNotEqualTo(CeremonyViewModel.Step.SETUP));
    begin.disableProperty().bind(setup.disableProperty());
    return new VBox(14, setup, begin);
  }

  private Node confirm() {
    Label heading = new Label(w.t("ceremony.warnings"));
    heading.setWrapText(true);
    heading.getStyleClass().add("prompt");
    ListView<String> list = new ListView<>(ceremony.manifestWarnings());
    list.setId("manifestWarnings");
    list.setPrefHeight(180);
    list.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
      @Override
      protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? null : item);
        setWrapText(true);
        setPrefWidth(0);
      }
    });
    Button accept = w.button("ceremony.accept", "acceptManifest", ceremony::acceptManifest);
    Button refuse = w.button("ceremony.refuse", "refuseManifest", ceremony::refuseManifest);
    VBox box = new VBox(8, heading, list, Widgets.row(accept, refuse));
    box.visibleProperty().bind(ceremony.stepProperty().isEqualTo(CeremonyViewModel.Step.CONFIRM_MANIFEST));
    box.managedProperty().bind(box.visibleProperty());
    return box;
  }

  private Node passphrases() {
    Label who = new Label();
    who.setId("guardianPrompt");
    who.setWrapText(true);
    who.getStyleClass().add("prompt");
    who.textProperty().bind(Bindings.createStringBinding(ceremony::guardianPrompt,
        ceremony.currentGuardianProperty(), ceremony.guardiansProperty()));
    PasswordField pass = new PasswordField();
    pass.setId("passphrase");
    pass.setPromptText(w.t("ceremony.passphrasePrompt"));
    PasswordField confirm = new PasswordField();
    confirm.setId("passphraseConfirm");
    confirm.setPromptText(w.t("ceremony.passphraseAgain"));
    Runnable seal = () -> {
      ceremony.enterPassphrase(pass.getText().toCharArray(), confirm.getText().toCharArray());
      pass.clear();
      confirm.clear();
      pass.requestFocus();
    };
    confirm.setOnAction(e -> seal.run());
    Button enter = w.button("ceremony.seal", "enterPassphrase", seal);
    Button cancel = w.button("ceremony.cancel", "cancelCeremony", ceremony::cancel);
    VBox box = new VBox(8, who, pass, confirm, Widgets.row(enter, cancel));
    box.visibleProperty().bind(ceremony.stepProperty().isEqualTo(CeremonyViewModel.Step.PASSPHRASES));
    box.managedProperty().bind(box.visibleProperty());
    ceremony.stepProperty().addListener((o, a, b) -> {
      if (b == CeremonyViewModel.Step.PASSPHRASES) {
        pass.requestFocus();
      }
    });
    return box;
  }

  private Node running() {
    ProgressIndicator running = new ProgressIndicator();
    running.setMaxSize(40, 40);
    running.visibleProperty().bind(ceremony.stepProperty().isEqualTo(CeremonyViewModel.Step.RUNNING));
    running.managedProperty().bind(running.visibleProperty());
    return running;
  }

  private Node done(Runnable toBoard) {
    Label what = new Label(w.t("ceremony.hashHelp"));
    what.setWrapText(true);
    what.getStyleClass().add("prompt");
    TextField hash = new TextField();
    hash.setId("electionHash");
    hash.setEditable(false);
    hash.getStyleClass().add("hash");
    hash.textProperty().bind(ceremony.electionHashProperty());
    HBox.setHgrow(hash, Priority.ALWAYS);
    Label copied = new Label();
    copied.setId("hashCopied");
    Button copy = w.button("ceremony.copyHash", "copyElectionHash", () -> {
      ClipboardContent c = new ClipboardContent();
      c.putString(ceremony.electionHashProperty().get());
      Clipboard.getSystemClipboard().setContent(c);
      copied.setText(w.t("ceremony.hashCopied"));
    });
    Button next = w.button("ceremony.next", "toBoard", toBoard);
    VBox box = new VBox(8, what, Widgets.row(hash, copy), copied, next);
    box.visibleProperty().bind(ceremony.stepProperty().isEqualTo(CeremonyViewModel.Step.DONE));
    box.managedProperty().bind(box.visibleProperty());
    return box;
  }

  private static Spinner<Integer> spinner(String id, int value) {
    Spinner<Integer> s = new Spinner<>(1, 100, value);
    s.setId(id);
    s.setEditable(true);
    return s;
  }
}
