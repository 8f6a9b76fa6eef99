package org.evote.tally.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.verify.ElectionChecks;
import org.evote.tally.testing.MockPolling;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The desktop app in Spanish at its default window size: every screen in the Spanish bundle's words, none cut off,
 * the manifest's own Spanish where it has it, and its English marked as such where it does not. Screens are saved
 * under target/screenshots/desktop-es-*.png.
 */
@ExtendWith(ApplicationExtension.class)
class TallyDesktopSpanishTest {
  @TempDir
  Path temp;
  ExecutorService worker;
  Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    worker = TallyDesktopApp.newWorker();
    stage.setScene(new Scene(TallyDesktopApp.create(worker, new GuiTexts(Locale.forLanguageTag("es"))).root(),
        TallyDesktopApp.WIDTH, TallyDesktopApp.HEIGHT));
    stage.show();
  }

  @AfterEach
  void stopWorker() {
    worker.shutdownNow();
  }

  @Test
  void everyScreenInSpanish(FxRobot robot) throws Exception {
    assertEquals("1  Ceremonia de claves", robot.lookup("#navCeremony").queryAs(ToggleButton.class).getText());
    Path manifest = temp.resolve("manifest.json");
    try (InputStream in = org.evote.tally.TallyTool.class.getResourceAsStream("sample/manifest.json")) {
      Files.copy(in, manifest);
    }
    Path electionDir = temp.resolve("election");
    set(robot, "#manifestPath", manifest.toString());
    set(robot, "#ceremonyOut", electionDir.toString());
    screen("01-ceremony-setup");
    click(robot, "#beginCeremony");
    List<?> warnings = robot.lookup("#manifestWarnings").queryAs(ListView.class).getItems();
    assertTrue(warnings.get(0).toString().startsWith("Español: "), warnings.toString());
    assertTrue(warnings.get(0).toString().contains("los verán en inglés"), warnings.toString());
    screen("02-ceremony-confirm-manifest");
    click(robot, "#acceptManifest");
    screen("03-ceremony-passphrase");
    for (int g = 1; g <= 3; g++) {
      robot.clickOn("#passphrase").write("frase del custodio " + g);
      robot.clickOn("#passphraseConfirm").write("frase del custodio " + g);
      click(robot, "#enterPassphrase");
    }
    waitUntil(() -> robot.lookup("#toBoard").query().getParent().isVisible());
    assertTrue(label(robot, "#ceremonyMessage").startsWith("Ceremonia completada"), label(robot, "#ceremonyMessage"));
    screen("04-ceremony-done");

    ElectionConfig config = ElectionChecks.accept(JsonText.readObject(electionDir.resolve("election.json")));
    Path board = temp.resolve("board.json");
    new MockPolling(config, new SecureRandom()).vote(6, 0.2).writeBoard(board);
    click(robot, "#toBoard");
    set(robot, "#boardPath", board.toString());
    click(robot, "#importBoard");
    waitUntil(() -> label(robot, "#boardMessage").startsWith("Tablón importado"));
    screen("05-board-imported");
    click(robot, "#verifyBoard");
    waitUntil(() -> robot.lookup("#toTally").query().isVisible());
    assertTrue(label(robot, "#countNotApplicable").startsWith("No aplicables: "));
    screen("06-board-verified");

    click(robot, "#toTally");
    set(robot, "#recordOut", temp.resolve("record").toString());
    for (int g = 1; g <= 2; g++) {
      set(robot, "#keyFile", electionDir.resolve("guardian-" + g + ".key.json").toString());
      robot.clickOn("#guardianPassphrase").write("frase del custodio " + g);
      click(robot, "#addGuardian");
      int n = g;
      waitUntil(() -> robot.lookup("#presentGuardians").queryAs(ListView.class).getItems().size() == n);
    }
    assertEquals("Se necesitan 2 cualesquiera de los 3 custodios; 2 presentes.", label(robot, "#quorumText"));
    screen("07-guardians-present");
    click(robot, "#runTally");
    waitUntil(() -> robot.lookup("#resultCounts").tryQuery().isPresent());
    // The measure's choices are in Spanish in the manifest; the candidates' names only in English, marked so.
    List<String> measure = bars(robot, config.manifest().contests().get(1).id());
    assertTrue(measure.stream().anyMatch(n -> n.startsWith("Sí  (")), measure.toString());
    List<String> exec = bars(robot, config.manifest().contests().get(0).id());
    assertTrue(exec.stream().anyMatch(n -> n.startsWith("Ana Reyes (en inglés)  (")), exec.toString());
    screen("08-result");
    click(robot, "#navPublish");
    set(robot, "#publishServer", "tablon");
    set(robot, "#adminCredentials", temp.resolve("admin.json").toString());
    click(robot, "#publishTally");
    assertTrue(label(robot, "#publishMessage").startsWith("No es una dirección de tablón"));
    screen("09-publish");
  }

  @SuppressWarnings("unchecked")
  private static List<String> bars(FxRobot robot, String contestId) {
    BarChart<Number, String> chart = robot.lookup("#chart-" + contestId).queryAs(BarChart.class);
    return chart.getData().get(0).getData().stream().map(XYChart.Data::getYValue).toList();
  }

  private void screen(String name) throws Exception {
    ScreenChecks.screenshot(stage.getScene(), "es-" + name);
    assertEquals(List.of(), ScreenChecks.clippedLabels(stage.getScene()), name);
  }

  private static void set(FxRobot robot, String query, String text) {
    robot.interact(() -> robot.lookup(query).queryAs(TextField.class).setText(text));
  }

  private static void click(FxRobot robot, String query) {
    robot.clickOn(query);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static String label(FxRobot robot, String query) {
    return robot.lookup(query).queryAs(Label.class).getText();
  }

  private static void waitUntil(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, condition);
    WaitForAsyncUtils.waitForFxEvents();
  }
}
