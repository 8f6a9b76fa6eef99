package org.evote.tally.gui;

import java.io.File;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

/**
 * The officials' desktop app: four steps in a sidebar (key ceremony, board, tally, result), each page a thin view
 * over its view model. Node ids name the controls for tests and accessibility tools.
 */
public final class TallyDesktopView {
  private final CeremonyViewModel ceremony;
  private final BoardViewModel board;
  private final TallyViewModel tally;
  private final Background background;
  private final BorderPane root = new BorderPane();
  private final ToggleGroup nav = new ToggleGroup();
  private final ToggleButton ceremonyTab = navButton("1  Key ceremony", "navCeremony");
  private final ToggleButton boardTab = navButton("2  Import and verify board", "navBoard");
  private final ToggleButton tallyTab = navButton("3  Guardians and tally", "navTally");
  private final ToggleButton resultTab = navButton("4  Result and export", "navResult");
  private final Node ceremonyPage;
  private final Node boardPage;
  private final Node tallyPage;
  private final ScrollPane resultPage = new ScrollPane();

  public TallyDesktopView(CeremonyViewModel ceremony, BoardViewModel board, TallyViewModel tally,
      Background background) {
    this.ceremony = ceremony;
    this.board = board;
    this.tally = tally;
    this.background = background;
    ceremonyPage = page("Key ceremony", ceremonyContent());
    boardPage = page("Import and verify the board", boardContent());
    tallyPage = page("Guardians and tally", tallyContent());
    resultPage.setFitToWidth(true);
    resultPage.setContent(page("Result", new Label("No tally yet.")));
    resultTab.setDisable(true);

    VBox sidebar = new VBox(6, title("Tally tool"), ceremonyTab, boardTab, tallyTab, resultTab);
    sidebar.setPadding(new Insets(16));
    sidebar.setPrefWidth(260);
    sidebar.getStyleClass().add("sidebar");
    root.setLeft(sidebar);
    nav.selectedToggleProperty().addListener((o, a, b) -> {
      if (b == null) {
        a.setSelected(true);
      } else {
        root.setCenter(b == ceremonyTab ? ceremonyPage : b == boardTab ? boardPage : b == tallyTab ? tallyPage
            : resultPage);
      }
    });
    ceremonyTab.setSelected(true);
    tally.resultProperty().addListener((o, a, r) -> {
      if (r != null) {
        resultPage.setContent(page("Result", resultContent(r)));
        resultTab.setDisable(false);
        resultTab.setSelected(true);
      }
    });
    root.getStylesheets().add(TallyDesktopView.class.getResource("tally.css").toExternalForm());
  }

  public Parent root() {
    return root;
  }

  private ToggleButton navButton(String text, String id) {
    ToggleButton b = new ToggleButton(text);
    b.setId(id);
    b.setToggleGroup(nav);
    b.setMaxWidth(Double.MAX_VALUE);
    b.setAlignment(Pos.CENTER_LEFT);
    return b;
  }

  private Node ceremonyContent() {
    TextField manifest = pathField("manifestPath", ceremony.manifestPathProperty());
    TextField out = pathField("ceremonyOut", ceremony.outDirProperty());
    Spinner<Integer> guardians = spinner("guardians", 1, 100, ceremony.guardiansProperty().get());
    guardians.valueProperty().addListener((o, a, b) -> ceremony.guardiansProperty().set(b));
    Spinner<Integer> quorum = spinner("quorum", 1, 100, ceremony.quorumProperty().get());
    quorum.valueProperty().addListener((o, a, b) -> ceremony.quorumProperty().set(b));
    GridPane setup = form();
    setup.addRow(0, new Label("Election manifest"), manifest, browseFile(manifest, "Choose the manifest"));
    setup.addRow(1, new Label("Folder for the election files"), out, browseDir(out, "Choose an empty folder"));
    setup.addRow(2, new Label("Guardians (n)"), guardians);
    setup.addRow(3, new Label("Needed to decrypt (k)"), quorum);
    Button begin = button("Start the ceremony", "beginCeremony", ceremony::begin);
    setup.disableProperty().bind(ceremony.stepProperty().isNotEqualTo(CeremonyViewModel.Step.SETUP));
    begin.disableProperty().bind(setup.disableProperty());

    Label who = new Label();
    who.setId("guardianPrompt");
    who.getStyleClass().add("prompt");
    who.textProperty().bind(Bindings.createStringBinding(() -> "Guardian " + ceremony.currentGuardianProperty().get()
        + " of " + ceremony.guardiansProperty().get() + ": type your passphrase twice (at least "
        + CeremonyViewModel.MIN_PASSPHRASE + " characters). Everyone else looks away.",
        ceremony.currentGuardianProperty(), ceremony.guardiansProperty()));
    PasswordField pass = new PasswordField();
    pass.setId("passphrase");
    pass.setPromptText("passphrase");
    PasswordField confirm = new PasswordField();
    confirm.setId("passphraseConfirm");
    confirm.setPromptText("the same passphrase again");
    Runnable seal = () -> {
      ceremony.enterPassphrase(pass.getText().toCharArray(), confirm.getText().toCharArray());
      pass.clear();
      confirm.clear();
      pass.requestFocus();
    };
    confirm.setOnAction(e -> seal.run());
    Button enter = button("Seal my key", "enterPassphrase", seal);
    Button cancel = button("Cancel", "cancelCeremony", ceremony::cancel);
    VBox passphrases = new VBox(8, who, pass, confirm, new HBox(8, enter, cancel));
    passphrases.visibleProperty().bind(ceremony.stepProperty().isEqualTo(CeremonyViewModel.Step.PASSPHRASES));
    passphrases.managedProperty().bind(passphrases.visibleProperty());
    ceremony.stepProperty().addListener((o, a, b) -> {
      if (b == CeremonyViewModel.Step.PASSPHRASES) {
        pass.requestFocus();
      }
    });

    ProgressIndicator running = new ProgressIndicator();
    running.setMaxSize(40, 40);
    running.visibleProperty().bind(ceremony.stepProperty().isEqualTo(CeremonyViewModel.Step.RUNNING));
    running.managedProperty().bind(running.visibleProperty());
    Button next = button("Continue: import the board", "toBoard", () -> {
      board.electionPathProperty().set(ceremony.electionFileProperty().get().toString());
      boardTab.setSelected(true);
    });
    next.visibleProperty().bind(ceremony.stepProperty().isEqualTo(CeremonyViewModel.Step.DONE));
    next.managedProperty().bind(next.visibleProperty());
    return new VBox(14, help("Each guardian's share of the election key is sealed in its own file under that "
        + "guardian's passphrase. Any k of the n guardians can later decrypt the tally together; fewer cannot."),
        setup, begin, passphrases, running, message("ceremonyMessage", ceremony.messageProperty()), next);
  }

  private Node boardContent() {
    TextField election = pathField("electionPath", board.electionPathProperty());
    TextField file = pathField("boardPath", board.boardPathProperty());
    GridPane form = form();
    form.addRow(0, new Label("election.json"), election, browseFile(election, "Choose election.json"));
    form.addRow(1, new Label("Board file (server export)"), file, browseFile(file, "Choose the board file"));
    Button importButton = button("Import", "importBoard", board::importBoard);
    importButton.disableProperty().bind(background.busyProperty());
    Button verify = button("Verify every step", "verifyBoard", board::verify);
    verify.disableProperty().bind(background.busyProperty().or(board.summaryProperty().isNull()));
    ProgressBar progress = new ProgressBar();
    progress.setId("verifyProgress");
    progress.setMaxWidth(Double.MAX_VALUE);
    progress.progressProperty().bind(board.progressProperty());

    TableView<BoardViewModel.StepRow> table = new TableView<>(board.steps());
    table.setId("steps");
    table.getColumns().add(column("Step", BoardViewModel.StepRow::id, 60));
    table.getColumns().add(column("Status", BoardViewModel.StepRow::status, 70));
    table.getColumns().add(column("Check", BoardViewModel.StepRow::title, 560));
    table.getColumns().add(column("Checked", r -> Long.toString(r.checked()), 90));
    table.getColumns().add(column("Details", BoardViewModel.StepRow::detail, 300));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
      @Override
      protected void updateItem(BoardViewModel.StepRow row, boolean empty) {
        super.updateItem(row, empty);
        getStyleClass().removeAll("fail", "pass");
        if (!empty && row != null) {
          getStyleClass().add("FAIL".equals(row.status()) ? "fail" : "pass");
        }
      }
    });
    table.setPrefHeight(460);
    VBox.setVgrow(table, Priority.ALWAYS);
    Button next = button("Continue: guardians and tally", "toTally", () -> tallyTab.setSelected(true));
    next.visibleProperty().bind(board.verifiedProperty());
    next.managedProperty().bind(next.visibleProperty());
    return new VBox(14, help("Import the board file exported by the ballot server after the polls closed. "
        + "Verification runs every numbered check of the protocol on all cores; nothing is decrypted until it passes."),
        form, new HBox(8, importButton, verify), progress, message("boardMessage", board.messageProperty()), table,
        next);
  }

  private Node tallyContent() {
    Label quorum = new Label();
    quorum.setId("quorumText");
    quorum.getStyleClass().add("prompt");
    quorum.textProperty().bind(Bindings.createStringBinding(tally::quorumText, tally.present(),
        board.summaryProperty()));
    TextField key = pathField("keyFile", tally.keyFilePathProperty());
    PasswordField pass = new PasswordField();
    pass.setId("guardianPassphrase");
    Runnable open = () -> {
      tally.addGuardian(pass.getText().toCharArray());
      pass.clear();
    };
    pass.setOnAction(e -> open.run());
    GridPane form = form();
    form.addRow(0, new Label("Guardian key file"), key, browseFile(key, "Choose your guardian key file"));
    form.addRow(1, new Label("Passphrase"), pass);
    Button add = button("Open my key", "addGuardian", open);
    add.disableProperty().bind(background.busyProperty().or(board.summaryProperty().isNull()));
    ListView<String> present = new ListView<>(tally.present());
    present.setId("presentGuardians");
    present.setPrefHeight(130);
    TextField out = pathField("recordOut", tally.outDirProperty());
    GridPane outForm = form();
    outForm.addRow(0, new Label("Folder for the election record"), out, browseDir(out, "Choose an empty folder"));
    Button run = button("Tally and decrypt", "runTally", tally::tally);
    run.disableProperty().bind(tally.canTallyProperty().not());
    ProgressBar progress = new ProgressBar();
    progress.setId("tallyProgress");
    progress.setMaxWidth(Double.MAX_VALUE);
    progress.progressProperty().bind(tally.progressProperty());
    return new VBox(14, help("Guardians come to this machine one at a time: each chooses their key file and types "
        + "their passphrase. The keys stay in memory only until the tally is written."), quorum, form, add,
        new Label("Present"), present, outForm, run, progress, message("tallyMessage", tally.messageProperty()));
  }

  private Node resultContent(ResultViewModel r) {
    VBox box = new VBox(16);
    Label counts = new Label(String.format("%,d cast ballots counted; %,d challenged ballots opened and not counted.",
        r.cast(), r.challenged()));
    counts.setId("resultCounts");
    counts.getStyleClass().add("prompt");
    Label verified = new Label(r.report().isValid() ? "The election record verifies: every step passed."
        : "The election record does NOT verify.");
    verified.setId("recordVerified");
    verified.getStyleClass().add(r.report().isValid() ? "ok" : "error");
    box.getChildren().addAll(counts, verified);
    TextField zip = new TextField();
    zip.setId("exportPath");
    zip.textProperty().bindBidirectional(r.exportPathProperty());
    HBox.setHgrow(zip, Priority.ALWAYS);
    Button export = button("Export the record (.zip)", "exportRecord", r::export);
    export.disableProperty().bind(background.busyProperty());
    box.getChildren().addAll(new HBox(8, zip, export), message("resultMessage", r.messageProperty()));
    for (ResultViewModel.ContestResult c : r.contests()) {
      box.getChildren().add(chart(c));
    }
    return box;
  }

  private static BarChart<Number, String> chart(ResultViewModel.ContestResult c) {
    long max = c.bars().stream().mapToLong(ResultViewModel.Bar::votes).max().orElse(0);
    long unit = Math.max(1, (long) Math.ceil(max / 10.0));
    NumberAxis votes = new NumberAxis(0, Math.max(unit, ((max + unit - 1) / unit) * unit), unit);
    votes.setLabel("votes");
    votes.setMinorTickVisible(false);
    CategoryAxis names = new CategoryAxis();
    BarChart<Number, String> chart = new BarChart<>(votes, names);
    chart.setId("chart-" + c.contestId());
    chart.setTitle(c.name());
    chart.setLegendVisible(false);
    chart.setAnimated(false);
    XYChart.Series<Number, String> series = new XYChart.Series<>();
    series.setName(c.name());
    // A vertical category axis runs bottom-up: add the selections in reverse so they read in ballot order.
    for (int i = c.bars().size() - 1; i >= 0; i--) {
      ResultViewModel.Bar b = c.bars().get(i);
      series.getData().add(new XYChart.Data<>(b.votes(), b.name() + "  (" + b.votes() + ")"));
    }
    chart.getData().add(series);
    chart.setPrefHeight(Math.max(160, 48 * c.bars().size() + 80));
    return chart;
  }

  private static TableColumn<BoardViewModel.StepRow, String> column(String title,
      java.util.function.Function<BoardViewModel.StepRow, String> value, double width) {
    TableColumn<BoardViewModel.StepRow, String> c = new TableColumn<>(title);
    c.setCellValueFactory(cell -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(cell.getValue())));
    c.setPrefWidth(width);
    return c;
  }

  private static VBox page(String heading, Node content) {
    VBox page = new VBox(16, title(heading), content);
    page.setPadding(new Insets(24));
    page.getStyleClass().add("page");
    return page;
  }

  private static Label title(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("title");
    return l;
  }

  private static Label help(String text) {
    Label l = new Label(text);
    l.setWrapText(true);
    l.getStyleClass().add("help");
    return l;
  }

  private static Label message(String id, javafx.beans.value.ObservableValue<String> text) {
    Label l = new Label();
    l.setId(id);
    l.setWrapText(true);
    l.getStyleClass().add("message");
    l.textProperty().bind(text);
    return l;
  }

  private static GridPane form() {
    GridPane g = new GridPane();
    g.setHgap(10);
    g.setVgap(8);
    return g;
  }

  private static TextField pathField(String id, StringProperty property) {
    TextField f = new TextField();
    f.setId(id);
    f.setPrefColumnCount(48);
    f.textProperty().bindBidirectional(property);
    return f;
  }

  private static Spinner<Integer> spinner(String id, int min, int max, int value) {
    Spinner<Integer> s = new Spinner<>(min, max, value);
    s.setId(id);
    s.setEditable(true);
    return s;
  }

  private static Button button(String text, String id, Runnable action) {
    Button b = new Button(text);
    b.setId(id);
    b.setOnAction(e -> action.run());
    return b;
  }

  private Button browseFile(TextField target, String title) {
    return browse(target, () -> {
      FileChooser chooser = new FileChooser();
      chooser.setTitle(title);
      return chooser.showOpenDialog(root.getScene().getWindow());
    });
  }

  private Button browseDir(TextField target, String title) {
    return browse(target, () -> {
      DirectoryChooser chooser = new DirectoryChooser();
      chooser.setTitle(title);
      return chooser.showDialog(root.getScene().getWindow());
    });
  }

  private static Button browse(TextField target, java.util.function.Supplier<File> choose) {
    Consumer<File> set = f -> {
      if (f != null) {
        target.setText(f.getAbsolutePath());
      }
    };
    Button b = new Button("Browse…");
    b.setOnAction(e -> set.accept(choose.get()));
    return b;
  }
}
