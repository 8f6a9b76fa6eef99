package org.evote.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.evote.crypto.testing.TestElection;
import org.evote.kiosk.service.ReceiptDocument;
import org.evote.kiosk.session.Screen;
import org.evote.kiosk.session.Texts;
import org.evote.kiosk.session.VotingSession;
import org.evote.kiosk.session.WriteInKeyboard;
import org.evote.kiosk.testing.Riverton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The ranked-choice screen and the write-in screen on the real kiosk (headless Monocle, 1280×900, the Riverton
 * manifest): rank three, reorder with the mouse and the keyboard, remove, over-rank refused with a message, the
 * review in rank order; a name typed on the on-screen keyboard (an accented letter) and on the physical one, shown on
 * the review, and the receipt confirming a write-in without showing the name.
 */
@ExtendWith(ApplicationExtension.class)
class RankedWriteInScreensTest {
  static final TestElection RIVERTON = new TestElection(Riverton.manifest(), 3, 2, VoterKiosk.RANDOM);
  static final String OKAFOR = "sel-mayor-okafor";
  static final String LINDQVIST = "sel-mayor-lindqvist";
  static final String RAMIREZ = "sel-mayor-ramirez";
  static final String CHEN = "sel-mayor-chen";
  static final String TREMBLAY = "sel-mayor-tremblay";
  static final Texts EN = new Texts("en");
  @TempDir
  static Path temp;
  VoterKiosk kiosk;

  @Start
  void start(Stage stage) throws Exception {
    kiosk = new VoterKiosk(stage, temp, RIVERTON, Riverton.WARD_2, "Riverton Municipal Election 2026");
  }

  @AfterEach
  void stop() {
    kiosk.close();
  }

  VotingSession session() {
    return kiosk.session();
  }

  void click(FxRobot robot, String query) {
    robot.clickOn(query);
    WaitForAsyncUtils.waitForFxEvents();
  }

  void startVoting(FxRobot robot) throws Exception {
    kiosk.activate(robot);
    kiosk.waitFor(Screen.LANGUAGE);
    click(robot, "#lang-en");
    kiosk.waitFor(Screen.CONTEST);
    assertEquals(Riverton.MAYOR, session().currentContest().id());
  }

  String text(FxRobot robot, String query) {
    return robot.lookup(query).queryAs(Label.class).getText();
  }

  List<String> rankingLines(FxRobot robot) {
    return robot.lookup("#ranking .rank-line").queryAllAs(Label.class).stream().map(Label::getText).toList();
  }

  static String line(int rank, String name) {
    return EN.get("rank.line", EN.get("rank.ordinal", rank), name);
  }

  Node focused() {
    return kiosk.stage.getScene().getFocusOwner();
  }

  @Test
  void rankThree_reorder_remove_overRankRefused_andTheReviewShowsTheOrder(FxRobot robot) throws Exception {
    startVoting(robot);
    assertEquals(List.of(EN.get("rank.none")), List.of(text(robot, "#ranking-empty")));
    click(robot, "#choice-" + RAMIREZ);
    click(robot, "#choice-" + OKAFOR);
    click(robot, "#choice-" + CHEN);
    assertEquals(List.of(line(1, "Lucía Ramírez"), line(2, "Adaeze Okafor"), line(3, "Wei Chen")),
        rankingLines(robot));
    ToggleButton ramirez = robot.lookup("#choice-" + RAMIREZ).queryAs(ToggleButton.class);
    assertEquals(EN.get("rank.ranked", "Lucía Ramírez — Green Valley Party", "1st choice"), ramirez.getText());
    assertTrue(ramirez.isSelected());
    assertEquals(EN.get("rank.count", 3, 5), text(robot, "#selected-count"));
    assertTrue(robot.lookup("#up-" + RAMIREZ).query().isDisabled(), "the first cannot move up");
    click(robot, "#up-" + CHEN);
    assertEquals(List.of(RAMIREZ, CHEN, OKAFOR), session().ranking(Riverton.MAYOR));
    // the keyboard alone: the focus stays on Chen's Move up, and Space moves Chen up again
    assertEquals("up-" + CHEN, focused().getId());
    robot.type(KeyCode.SPACE);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(List.of(line(1, "Wei Chen"), line(2, "Lucía Ramírez"), line(3, "Adaeze Okafor")),
        rankingLines(robot));
    assertTrue(focused().getId().endsWith(CHEN), "the focus stays with Chen: " + focused().getId());
    kiosk.shot(robot, "ranked-contest");
    click(robot, "#remove-" + RAMIREZ);
    assertEquals(List.of(CHEN, OKAFOR), session().ranking(Riverton.MAYOR));
    for (String id : List.of(TREMBLAY, LINDQVIST, RAMIREZ)) {
      click(robot, "#choice-" + id);
    }
    assertEquals(5, session().ranking(Riverton.MAYOR).size());
    click(robot, "#choice-" + Riverton.MAYOR_WRITE_IN);
    assertEquals(Screen.CONTEST, session().screen(), "a sixth rank is refused");
    assertEquals(EN.get("contest.overrank", 5), text(robot, "#notice"));
    assertFalse(robot.lookup("#choice-" + Riverton.MAYOR_WRITE_IN).queryAs(ToggleButton.class).isSelected());
    while (session().screen() == Screen.CONTEST) {
      click(robot, "#next");
    }
    kiosk.waitFor(Screen.REVIEW);
    assertEquals(line(1, "Wei Chen"), text(robot, "#review-mayor-1"));
    assertEquals(line(2, "Adaeze Okafor"), text(robot, "#review-mayor-2"));
    assertEquals(line(5, "Lucía Ramírez"), text(robot, "#review-mayor-5"));
    click(robot, "#change-" + Riverton.MAYOR);
    kiosk.waitFor(Screen.CONTEST);
    click(robot, "#clear-ranking");
    assertEquals(List.of(), session().ranking(Riverton.MAYOR));
    assertEquals(EN.get("rank.none"), text(robot, "#ranking-empty"));
  }

  @Test
  void aWriteInTypedOnTheScreenAndThePhysicalKeyboard_isOnTheReview_andTheReceiptSaysItWasRecorded(FxRobot robot)
      throws Exception {
    startVoting(robot);
    click(robot, "#choice-" + CHEN);
    click(robot, "#choice-" + Riverton.MAYOR_WRITE_IN);
    kiosk.waitFor(Screen.WRITE_IN);
    TextField field = robot.lookup("#writein-field").queryAs(TextField.class);
    assertEquals(field, focused(), "the focus starts in the name");
    List<String> keys = WriteInKeyboard.keys(session().languages());
    for (String k : List.of("j", "o", "s", "é")) {
      click(robot, "#key-" + keys.indexOf(k));
    }
    assertEquals("José", field.getText());
    click(robot, "#key-space");
    robot.clickOn(field);
    robot.write("Luiz");
    WaitForAsyncUtils.waitForFxEvents();
    robot.type(KeyCode.BACK_SPACE);
    robot.write("s");
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals("José Luis", field.getText());
    assertEquals("José Luis", session().writeIn().orElseThrow().text());
    kiosk.shot(robot, "writein");
    robot.type(KeyCode.ENTER);
    kiosk.waitFor(Screen.CONTEST);
    assertEquals(List.of(CHEN, Riverton.MAYOR_WRITE_IN), session().ranking(Riverton.MAYOR));
    String writeIn = EN.get("name.writeInWith", EN.get("name.writeIn"), "José Luis");
    assertEquals(List.of(line(1, "Wei Chen"), line(2, writeIn)), rankingLines(robot));
    click(robot, "#next");
    // city council (vote for 2): an empty name is refused, Cancel leaves the line unmarked, then a name
    click(robot, "#choice-" + Riverton.COUNCIL_WRITE_IN);
    kiosk.waitFor(Screen.WRITE_IN);
    click(robot, "#writein-done");
    assertEquals(EN.get("writein.empty"), text(robot, "#writein-problem"));
    click(robot, "#writein-cancel");
    kiosk.waitFor(Screen.CONTEST);
    assertFalse(session().isChosen(Riverton.COUNCIL, Riverton.COUNCIL_WRITE_IN));
    click(robot, "#choice-" + Riverton.COUNCIL_WRITE_IN);
    kiosk.waitFor(Screen.WRITE_IN);
    robot.write("Ana");
    click(robot, "#writein-done");
    kiosk.waitFor(Screen.CONTEST);
    assertEquals(EN.get("name.writeInWith", EN.get("name.writeIn"), "Ana"),
        robot.lookup("#choice-" + Riverton.COUNCIL_WRITE_IN).queryAs(ToggleButton.class).getText());
    while (session().screen() == Screen.CONTEST) {
      click(robot, "#next");
    }
    kiosk.waitFor(Screen.REVIEW);
    assertEquals(line(2, writeIn), text(robot, "#review-mayor-2"));
    assertEquals("✔ " + EN.get("name.writeInWith", EN.get("name.writeIn"), "Ana"),
        text(robot, "#review-city-council-1"));
    click(robot, "#encrypt");
    kiosk.waitFor(Screen.DECIDE);
    click(robot, "#cast");
    click(robot, "#confirm-yes");
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> kiosk.controller.lastReceipt() != null);
    kiosk.waitFor(Screen.RECEIPT);
    assertEquals(2, kiosk.controller.lastReceipt().writeIns());
    List<String> lines = robot.lookup("#receipt-lines .label").queryAllAs(Label.class).stream().map(Label::getText)
        .toList();
    assertTrue(lines.contains(EN.get("receipt.print.writeIn", 2)), lines.toString());
    List<String> printed = ReceiptDocument.lines(EN, "Riverton", kiosk.controller.lastReceipt(),
        java.time.ZoneOffset.UTC);
    assertTrue(printed.contains(EN.get("receipt.print.writeIn", 2)), printed.toString());
    for (String l : lines) {
      assertFalse(l.contains("José") || l.contains("Ana"), "the receipt never shows a name: " + l);
    }
  }

  @Test
  void theWriteInScreenInLargeTextAndHighContrast_keepsItsKeysAndDoneOnScreen(FxRobot robot) throws Exception {
    startVoting(robot);
    click(robot, "#high-contrast");
    click(robot, "#large-text");
    click(robot, "#choice-" + Riverton.MAYOR_WRITE_IN);
    kiosk.waitFor(Screen.WRITE_IN);
    Node done = robot.lookup("#writein-done").query();
    assertTrue(VoterKiosk.inScene(done).getMaxY() <= VoterKiosk.HEIGHT, "Done is on screen");
    assertTrue(VoterKiosk.inScene(robot.lookup("#writein-field").query()).getMaxY() <= VoterKiosk.HEIGHT);
    kiosk.shot(robot, "writein-large-high-contrast");
    robot.type(KeyCode.ESCAPE);
    kiosk.waitFor(Screen.CONTEST);
    assertTrue(session().ranking(Riverton.MAYOR).isEmpty(), "Escape cancels the write-in");
  }
}
