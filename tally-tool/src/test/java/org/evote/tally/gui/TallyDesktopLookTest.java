package org.evote.tally.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.json.ManifestJson;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.verify.ElectionChecks;
import org.evote.tally.service.CeremonyService;
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
 * How the desktop app shows things, on headless Monocle at its default window size: errors, warnings, information
 * and success each in their own colours with at least 4.5:1 contrast and a leading word; a board of another
 * election said in a headline before the step list.
 */
@ExtendWith(ApplicationExtension.class)
class TallyDesktopLookTest {
  @TempDir
  Path temp;
  ExecutorService worker;
  Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    worker = TallyDesktopApp.newWorker();
    stage.setScene(new Scene(TallyDesktopApp.create(worker, new GuiTexts(Locale.ROOT)).root(),
        TallyDesktopApp.WIDTH, TallyDesktopApp.HEIGHT));
    stage.show();
  }

  @AfterEach
  void stopWorker() {
    worker.shutdownNow();
  }

  @Test
  void eachKindOfMessageHasItsOwnColoursWordAndEnoughContrast(FxRobot robot) throws Exception {
    GuiTexts texts = new GuiTexts(Locale.ROOT);
    Widgets w = new Widgets(texts, () -> stage);
    List<Label> labels = new ArrayList<>();
    List<Color> backgrounds = new ArrayList<>();
    WaitForAsyncUtils.asyncFx(() -> {
      VBox box = new VBox(8);
      box.getStyleClass().add("page");
      for (Feedback.Kind k : Feedback.Kind.values()) {
        Feedback f = new Feedback();
        f.set(k, "A message of kind " + k);
        labels.add(w.message("m" + k, f));
      }
      box.getChildren().addAll(labels);
      box.getStylesheets().add(TallyDesktopView.class.getResource("tally.css").toExternalForm());
      stage.getScene().setRoot(box);
      box.applyCss();
      box.layout();
    }).get(30, TimeUnit.SECONDS);
    Feedback.Kind[] kinds = Feedback.Kind.values();
    for (int i = 0; i < kinds.length; i++) {
      Label l = labels.get(i);
      Color fg = (Color) l.getTextFill();
      Color bg = fill(l);
      backgrounds.add(bg);
      assertTrue(ScreenChecks.contrast(fg, bg) >= 4.5, kinds[i] + ": " + fg + " on " + bg);
      Label badge = (Label) l.getGraphic();
      assertEquals(texts.get("message." + kinds[i].name()), badge.getText());
      assertTrue(ScreenChecks.contrast((Color) badge.getTextFill(), fill(badge)) >= 4.5, kinds[i] + " badge");
      assertEquals(badge.getText() + ": A message of kind " + kinds[i], l.getAccessibleText());
    }
    assertEquals(kinds.length, backgrounds.stream().distinct().count(), "every kind has its own background");
    assertEquals("Error", ((Label) labels.get(Feedback.Kind.ERROR.ordinal()).getGraphic()).getText());
    Color error = (Color) labels.get(Feedback.Kind.ERROR.ordinal()).getTextFill();
    assertTrue(error.getRed() > error.getGreen() * 2 && error.getRed() > error.getBlue() * 2, "errors are red");
    Color success = (Color) labels.get(Feedback.Kind.SUCCESS.ordinal()).getTextFill();
    assertTrue(success.getGreen() > success.getRed() && success.getGreen() > success.getBlue(), "success is green");
    Color info = backgrounds.get(Feedback.Kind.INFO.ordinal());
    assertTrue(Math.abs(info.getRed() - info.getBlue()) < 0.05, "information is neutral grey, not blue: " + info);
    ScreenChecks.screenshot(stage.getScene(), "12-message-kinds");
  }

  private static Color fill(Region r) {
    return (Color) r.getBackground().getFills().get(0).getFill();
  }

  @Test
  void aBoardOfAnotherElectionIsTheHeadlineBeforeTheStepList(FxRobot robot) throws Exception {
    SecureRandom random = new SecureRandom();
    Manifest manifest;
    try (InputStream in = org.evote.tally.TallyTool.class.getResourceAsStream("sample/manifest.json")) {
      manifest = ManifestJson.decode(JsonText.parseObject(new String(in.readAllBytes(),
          java.nio.charset.StandardCharsets.UTF_8)));
    }
    CeremonyService ceremony = new CeremonyService(random);
    List<char[]> pass = List.of("passphrase 1".toCharArray(), "passphrase 2".toCharArray());
    ElectionConfig mine = ceremony.run(manifest, 2, 2, pass, temp.resolve("mine"), true);
    ElectionConfig theirs = ceremony.run(manifest, 2, 2, pass, temp.resolve("theirs"), true);
    Path board = temp.resolve("board.json");
    new MockPolling(theirs, random).vote(3, 0).writeBoard(board);

    robot.clickOn("#navBoard");
    robot.interact(() -> {
      robot.lookup("#electionPath").queryAs(TextField.class).setText(temp.resolve("mine/election.json").toString());
      robot.lookup("#boardPath").queryAs(TextField.class).setText(board.toString());
    });
    robot.clickOn("#importBoard");
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#boardHeadline").query().isVisible());
    Label headline = robot.lookup("#boardHeadline").queryAs(Label.class);
    assertTrue(headline.getText().startsWith("This board belongs to another election: its first entry names "
        + "election hash " + theirs.extendedHash().toHex().substring(0, 16)), headline.getText());
    assertTrue(headline.getStyleClass().containsAll(List.of("error", "headline")));
    assertNotEquals(mine.extendedHash(), theirs.extendedHash());
    robot.clickOn("#verifyBoard");
    WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
        () -> !robot.lookup("#steps").queryAs(TableView.class).getItems().isEmpty());
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(headline.isVisible());
    assertTrue(headline.getText().startsWith("This board belongs to another election"));
    Node table = robot.lookup("#steps").query();
    Node message = robot.lookup("#boardMessage").query();
    assertTrue(y(headline) < y(message) && y(message) < y(table), "the headline comes before the verdict and steps");
    assertTrue(message.getStyleClass().contains("error"));
    assertFalse(robot.lookup("#toTally").query().isVisible(), "nothing to tally");
    assertTrue(Files.exists(temp.resolve("mine/election.json")));
    ScreenChecks.screenshot(stage.getScene(), "11-board-wrong-election");
    assertEquals(List.of(), ScreenChecks.clippedLabels(stage.getScene()));
  }

  private static double y(Node n) {
    Bounds b = n.localToScene(n.getBoundsInLocal());
    return b.getMinY();
  }
}
