package org.evote.tally.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.evote.crypto.count.RankedResult;
import org.evote.crypto.verify.VerificationReport;
import org.evote.tally.report.RivertonCounts;
import org.evote.tally.service.TallyService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The result page of an election with ranked contests and write-ins (protocol §13.6, §13.7), on headless Monocle: a
 * bar chart per round whose bars are the round's totals, how each round ended, the winner, and the names written
 * on each write-in line with their counts — in English and in Spanish. The outcome carries the counts
 * ({@link TallyService.Outcome#ranked()}, {@link TallyService.Outcome#writeIns()}), as the tally gives them.
 */
@ExtendWith(ApplicationExtension.class)
class RankedResultPageTest {
  @TempDir
  Path record;
  Stage stage;
  ExecutorService worker = Executors.newSingleThreadExecutor();

  @Start
  void start(Stage stage) {
    this.stage = stage;
    stage.show();
  }

  @AfterEach
  void stop() {
    worker.shutdownNow();
  }

  private ResultViewModel show(Locale locale) throws Exception {
    GuiTexts texts = new GuiTexts(locale);
    TallyService.Outcome outcome = new TallyService.Outcome(RivertonCounts.result(), record,
        new VerificationReport(List.of()), RivertonCounts.ranked(), RivertonCounts.writeIns());
    ResultViewModel model = new ResultViewModel(RivertonCounts.MANIFEST, outcome,
        new Background(worker, Platform::runLater), texts);
    WaitForAsyncUtils.asyncFx(() -> {
      Widgets w = new Widgets(texts, () -> stage);
      Scene scene = new Scene((javafx.scene.Parent) ResultPage.of(model, new Background(worker, Platform::runLater), w),
          TallyDesktopApp.WIDTH, TallyDesktopApp.HEIGHT);
      scene.getStylesheets().add(TallyDesktopView.class.getResource("tally.css").toExternalForm());
      stage.setScene(scene);
    }).get();
    WaitForAsyncUtils.waitForFxEvents();
    return model;
  }

  @SuppressWarnings("unchecked")
  private static List<XYChart.Data<Number, String>> bars(FxRobot robot, String id) {
    BarChart<Number, String> chart = robot.lookup("#" + id).queryAs(BarChart.class);
    return chart.getData().get(0).getData();
  }

  private static String text(FxRobot robot, String id) {
    return robot.lookup("#" + id).queryAs(Label.class).getText();
  }

  @Test
  void everyRoundHasAChartOfItsTotalsAndTheWriteInNamesAreListed(FxRobot robot) throws Exception {
    ResultViewModel model = show(Locale.ROOT);
    List<RankedResult> ranked = RivertonCounts.ranked();
    for (RankedResult r : ranked) {
      for (RankedResult.Round round : r.rounds()) {
        List<XYChart.Data<Number, String>> data = bars(robot, "chart-" + r.contestId() + "-round-" + round.number());
        assertEquals(round.totals().size(), data.size());
        // Bars are added bottom-up: the last bar is the first continuing candidate in manifest order.
        for (int i = 0; i < data.size(); i++) {
          assertEquals(round.totals().get(data.size() - 1 - i).votes(), data.get(i).getXValue().longValue());
        }
      }
    }
    List<XYChart.Data<Number, String>> first = bars(robot, "chart-mayor-round-1");
    assertEquals("Adaeze Okafor  (8)", first.get(first.size() - 1).getYValue());
    assertTrue(robot.lookup("#chart-mayor-round-4").tryQuery().isEmpty());
    assertEquals("Defeated together (mathematically impossible to be elected): Wei Chen, Marc Tremblay, Write-in",
        text(robot, "outcome-mayor-1"));
    assertTrue(text(robot, "outcome-mayor-2").contains("decided by lot"), text(robot, "outcome-mayor-2"));
    assertEquals("Exhausted ballots: 1", text(robot, "exhausted-mayor-1"));
    assertEquals("Winner: Adaeze Okafor", text(robot, "winner-mayor"));
    assertEquals("Winner: Rana Haddad", text(robot, "winner-school-board-ward-2"));

    ListView<String> mayor = robot.lookup("#writeIns-mayor-sel-write-in-mayor").queryListView();
    assertEquals(List.of("Zoë Ångström  (2)", RivertonCounts.FORMULA + "  (1)", "Unreadable names  (1)"),
        mayor.getItems());
    ListView<String> council = robot.lookup("#writeIns-city-council-sel-write-in-council").queryListView();
    assertEquals(List.of(RivertonCounts.MARKUP + "  (1)"), council.getItems());
    // A ranked contest has no homomorphic chart; the others keep theirs.
    assertTrue(robot.lookup("#chart-mayor").tryQuery().isEmpty());
    assertFalse(robot.lookup("#chart-measure-a").tryQuery().isEmpty());
    assertEquals(List.of("city-council", "measure-a"), model.contests().stream()
        .map(ResultViewModel.ContestResult::contestId).toList());
  }

  @Test
  void theSpanishPageSaysItInSpanish(FxRobot robot) throws Exception {
    ResultViewModel model = show(Locale.forLanguageTag("es"));
    BarChart<?, ?> chart = robot.lookup("#chart-mayor-round-1").queryAs(BarChart.class);
    assertEquals("Alcalde \u2014 Ronda 1", chart.getTitle());
    assertEquals("Ganador: Adaeze Okafor (en inglés)", text(robot, "winner-mayor"));
    assertTrue(text(robot, "outcome-mayor-1").startsWith("Eliminados a la vez"), text(robot, "outcome-mayor-1"));
    assertEquals("Papeletas agotadas: 1", text(robot, "exhausted-mayor-1"));
    assertEquals("Nombres ilegibles  (1)", model.writeIns().get(0).lines().get(2));
    assertTrue(model.writeIns().get(0).title().startsWith("Nombres escritos en"), model.writeIns().get(0).title());
  }

  @Test
  void anOutcomeWithoutMixedContestsShowsNoRounds(FxRobot robot) throws Exception {
    TallyService.Outcome plain = new TallyService.Outcome(RivertonCounts.result(), record,
        new VerificationReport(List.of()));
    ResultViewModel model = new ResultViewModel(RivertonCounts.MANIFEST, plain,
        new Background(worker, Platform::runLater), new GuiTexts(Locale.ROOT));
    assertEquals(List.of(), model.ranked());
    assertEquals(List.of(), model.writeIns());
  }
}
