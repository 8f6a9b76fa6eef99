package org.evote.tally.gui;

import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import org.evote.crypto.verify.VerificationReport;

/**
 * The import-and-verify page: the wrong-election headline (if any) before anything else, the counts of the board
 * and of the steps, the verdict, then the step list in which "not applicable" is distinct from PASS.
 */
final class BoardPage {
  private final BoardViewModel board;
  private final Widgets w;
  private final Node node;

  BoardPage(BoardViewModel board, Background background, Widgets w, Runnable toTally) {
    this.board = board;
    this.w = w;
    TextField election = Widgets.pathField("electionPath", board.electionPathProperty());
    TextField file = Widgets.pathField("boardPath", board.boardPathProperty());
    GridPane form = Widgets.form();
    form.addRow(0, w.label("board.election"), election, w.browseFile(election, "board.chooseElection"));
    form.addRow(1, w.label("board.file"), file, w.browseFile(file, "board.chooseBoard"));
    Button importButton = w.button("board.import", "importBoard", board::importBoard);
    importButton.disableProperty().bind(background.busyProperty());
    Button verify = w.button("board.verify", "verifyBoard", board::verify);
    verify.disableProperty().bind(background.busyProperty().or(board.summaryProperty().isNull()));
    ProgressBar progress = new ProgressBar();
    progress.setId("verifyProgress");
    progress.setMaxWidth(Double.MAX_VALUE);
    progress.progressProperty().bind(board.progressProperty());
    Label headline = w.message("boardHeadline", board.headline());
    headline.getStyleClass().add("headline");
    Button next = w.button("board.next", "toTally", toTally);
    next.visibleProperty().bind(board.verifiedProperty());
    next.managedProperty().bind(next.visibleProperty());
    node = w.page("board.heading", w.help("board.help"), form, Widgets.row(importButton, verify, next), progress,
        headline, counts(), w.message("boardMessage", board.message()), steps());
  }

  Node node() {
    return node;
  }

  private Node counts() {
    FlowPane box = new FlowPane(24, 6);
    box.setId("counts");
    box.getStyleClass().add("counts");
    box.getChildren().addAll(
        count("countEntries", () -> summary(s -> w.t("count.entries", s.entries()))),
        count("countCast", () -> summary(s -> w.t("count.cast", s.cast()))),
        count("countChallenged", () -> summary(s -> w.t("count.challenged", s.challenged()))),
        count("countRefused", () -> summary(s -> w.t("count.refused", s.refused()))),
        count("countPassed", () -> steps(c -> w.t("count.passed", c.passed()))),
        count("countFailed", () -> steps(c -> w.t("count.failed", c.failed()))),
        count("countNotApplicable", () -> steps(c -> w.t("count.notApplicable", c.notApplicable()))),
        count("countNotChecked", () -> steps(c -> w.t("count.notChecked", c.notChecked()))),
        count("countNotRun", () -> steps(c -> c.notRun() == 0 ? "" : w.t("count.notRun", c.notRun()))));
    box.visibleProperty().bind(board.summaryProperty().isNotNull());
    box.managedProperty().bind(box.visibleProperty());
    return box;
  }

  private String summary(Function<BoardViewModel.BoardSummary, String> f) {
    return board.summaryProperty().get() == null ? "" : f.apply(board.summaryProperty().get());
  }

  private String steps(Function<BoardViewModel.StepCounts, String> f) {
    return board.stepCountsProperty().get() == null ? "" : f.apply(board.stepCountsProperty().get());
  }

  private Label count(String id, java.util.concurrent.Callable<String> text) {
    Label l = new Label();
    l.setId(id);
    l.setMinWidth(Region.USE_PREF_SIZE);
    l.getStyleClass().add("count");
    l.textProperty().bind(Bindings.createStringBinding(text, board.summaryProperty(), board.stepCountsProperty()));
    l.visibleProperty().bind(l.textProperty().isNotEmpty());
    l.managedProperty().bind(l.visibleProperty());
    return l;
  }

  private Node steps() {
    TableView<BoardViewModel.StepRow> table = new TableView<>(board.steps());
    table.setId("steps");
    table.setPlaceholder(new Label(w.t("board.noSteps")));
    table.getColumns().add(column("column.step", BoardViewModel.StepRow::id, 70, 70));
    table.getColumns().add(column("column.status", BoardViewModel.StepRow::status, 130, 130));
    table.getColumns().add(column("column.check", BoardViewModel.StepRow::title, 400, 240));
    table.getColumns().add(column("column.checked", r -> Long.toString(r.checked()), 130, 130));
    table.getColumns().add(column("column.details", BoardViewModel.StepRow::detail, 220, 140));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setRowFactory(t -> new TableRow<>() {
      @Override
      protected void updateItem(BoardViewModel.StepRow row, boolean empty) {
        super.updateItem(row, empty);
        getStyleClass().removeAll("fail", "pass", "na", "unchecked");
        if (!empty && row != null) {
          getStyleClass().add(styleOf(row.state()));
        }
      }
    });
    table.setPrefHeight(460);
    VBox.setVgrow(table, Priority.ALWAYS);
    return table;
  }

  static String styleOf(VerificationReport.Status s) {
    return switch (s) {
      case PASS -> "pass";
      case FAIL -> "fail";
      case NOT_APPLICABLE -> "na";
      case NOT_CHECKED, NOT_RUN -> "unchecked";
    };
  }

  /** A column at least {@code min} wide (its heading in full); long texts wrap inside their cell, never cut off. */
  private TableColumn<BoardViewModel.StepRow, String> column(String key,
      Function<BoardViewModel.StepRow, String> value, double width, double min) {
    TableColumn<BoardViewModel.StepRow, String> c = new TableColumn<>(w.t(key));
    c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    c.setPrefWidth(width);
    c.setMinWidth(min);
    c.setCellFactory(col -> new TableCell<>() {
      private final Text text = new Text();

      {
        text.getStyleClass().add("cell-text");
        ObservableValue<Number> w = col.widthProperty().subtract(12);
        text.wrappingWidthProperty().bind(w);
      }

      @Override
      protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        text.setText(empty || item == null ? "" : item);
        setText(null);
        setGraphic(empty ? null : text);
        setPrefHeight(Region.USE_COMPUTED_SIZE);
      }
    });
    return c;
  }
}
