package org.evote.tally.gui;

import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The result page: the counts, whether the record verifies, the export, one chart per contest by name, one chart per
 * round of each ranked contest with how the round ended and the winner, and the names written on each write-in line.
 */
final class ResultPage {
  private ResultPage() {}

  static Node empty(Widgets w) {
    return w.page("result.heading", w.help("result.none"));
  }

  static Node of(ResultViewModel r, Background background, Widgets w) {
    Label counts = new Label(w.t("result.counts", r.cast(), r.challenged()));
    counts.setId("resultCounts");
    counts.setWrapText(true);
    counts.getStyleClass().add("prompt");
    Feedback verdict = new Feedback();
    if (r.report().isValid()) {
      verdict.success(w.t("result.verified"));
    } else {
      verdict.error(w.t("result.notVerified"));
    }
    Label verified = w.message("recordVerified", verdict);
    TextField zip = new TextField();
    zip.setId("exportPath");
    zip.textProperty().bindBidirectional(r.exportPathProperty());
    HBox.setHgrow(zip, Priority.ALWAYS);
    Button export = w.button("result.export", "exportRecord", r::export);
    export.disableProperty().bind(background.busyProperty());
    VBox charts = new VBox(16);
    for (ResultViewModel.ContestResult c : r.contests()) {
      charts.getChildren().add(chart("chart-" + c.contestId(), c.name(), c.bars(), w));
    }
    for (CountViews.RankedView c : r.ranked()) {
      charts.getChildren().add(ranked(c, w));
    }
    for (CountViews.WriteInView l : r.writeIns()) {
      charts.getChildren().add(writeIns(l));
    }
    return w.page("result.heading", counts, verified, new HBox(8, zip, export),
        w.message("resultMessage", r.message()), charts);
  }

  private static Node ranked(CountViews.RankedView c, Widgets w) {
    Label title = new Label(c.name());
    title.getStyleClass().add("prompt");
    title.setId("ranked-" + c.contestId());
    Label how = new Label(c.heading());
    how.setWrapText(true);
    VBox box = new VBox(8, title, how);
    for (CountViews.RoundView round : c.rounds()) {
      Label exhausted = new Label(round.exhaustedText());
      exhausted.setId("exhausted-" + c.contestId() + "-" + round.number());
      Label outcome = new Label(round.outcomeText());
      outcome.setId("outcome-" + c.contestId() + "-" + round.number());
      outcome.setWrapText(true);
      box.getChildren().addAll(chart("chart-" + c.contestId() + "-round-" + round.number(),
          c.name() + " \u2014 " + round.title(), round.bars(), w), exhausted, outcome);
    }
    Label winner = new Label(c.winnerText());
    winner.setId("winner-" + c.contestId());
    winner.getStyleClass().add("prompt");
    box.getChildren().add(winner);
    return box;
  }

  private static Node writeIns(CountViews.WriteInView l) {
    Label title = new Label(l.title());
    title.setWrapText(true);
    title.getStyleClass().add("prompt");
    ListView<String> names = new ListView<>();
    names.setId("writeIns-" + l.contestId() + "-" + l.selectionId());
    names.getItems().setAll(l.lines());
    names.setFixedCellSize(36);
    names.setPrefHeight(Math.min(10, l.lines().size()) * 36 + 4);
    names.setAccessibleText(l.title());
    title.setLabelFor(names);
    return new VBox(6, title, names);
  }

  private static BarChart<Number, String> chart(String id, String name, java.util.List<ResultViewModel.Bar> bars,
      Widgets w) {
    ResultViewModel.ContestResult c = new ResultViewModel.ContestResult(id, name, bars);
    long max = c.bars().stream().mapToLong(ResultViewModel.Bar::votes).max().orElse(0);
    long unit = Math.max(1, (long) Math.ceil(max / 10.0));
    NumberAxis votes = new NumberAxis(0, Math.max(unit, ((max + unit - 1) / unit) * unit), unit);
    votes.setLabel(w.t("result.votes"));
    votes.setMinorTickVisible(false);
    CategoryAxis names = new CategoryAxis();
    BarChart<Number, String> chart = new BarChart<>(votes, names);
    chart.setId(id);
    chart.setTitle(c.name());
    chart.setLegendVisible(false);
    chart.setAnimated(false);
    XYChart.Series<Number, String> series = new XYChart.Series<>();
    series.setName(c.name());
    // A vertical category axis runs bottom-up: add the selections in reverse so they read in ballot order.
    for (int i = c.bars().size() - 1; i >= 0; i--) {
      ResultViewModel.Bar b = c.bars().get(i);
      series.getData().add(new XYChart.Data<>(b.votes(), w.t("result.bar", b.name(), b.votes())));
    }
    chart.getData().add(series);
    chart.setPrefHeight(Math.max(160, 48 * c.bars().size() + 80));
    return chart;
  }
}
