package org.evote.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Bounds;
import javafx.print.Printer;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.evote.kiosk.service.LocalReceipt;
import org.evote.kiosk.session.Screen;
import org.evote.kiosk.session.Texts;
import org.evote.kiosk.session.VotingSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 13's voter findings on the real kiosk screens (headless Monocle, 1280×900, the county manifest): no raw
 * identifier as a name, Spanish throughout, focus on the first choice, a confirmation before Cast and Challenge,
 * the receipt saying where it went, Finish on screen, voting again from an empty ballot, a list of choices that uses
 * the window and shows its last choice whole, and a scroll bar that stands out in high contrast.
 */
@ExtendWith(ApplicationExtension.class)
class VoterScreensTest {
  static final String GOVERNOR = "ozark-governor";
  static final String HOUSE_5 = "congress-district-5-contest";
  @TempDir
  static Path temp;
  VoterKiosk kiosk;

  @Start
  void start(Stage stage) throws Exception {
    kiosk = new VoterKiosk(stage, temp);
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

  void start(FxRobot robot, String language) throws Exception {
    kiosk.activate(robot);
    kiosk.waitFor(Screen.LANGUAGE);
    click(robot, "#lang-" + language);
    kiosk.waitFor(Screen.CONTEST);
  }

  void goToContest(FxRobot robot, String contestId) {
    while (!session().currentContest().id().equals(contestId)) {
      click(robot, "#next");
    }
  }

  List<ToggleButton> choices(FxRobot robot) {
    return List.copyOf(robot.lookup(".choice").queryAllAs(ToggleButton.class));
  }

  String label(FxRobot robot, String id) {
    return robot.lookup(id).queryAs(Label.class).getText();
  }

  void toReviewAndEncrypt(FxRobot robot) throws Exception {
    while (session().screen() == Screen.CONTEST) {
      click(robot, "#next");
    }
    click(robot, "#encrypt");
    kiosk.waitFor(Screen.DECIDE);
  }

  @Test
  void houseDistrict5ShowsNoRawIdentifier_andSpanishMarksUntranslatedNames(FxRobot robot) throws Exception {
    start(robot, "es");
    Texts es = new Texts("es");
    assertEquals("Elección general del condado de Hamilton", label(robot, "#election-title"));
    assertEquals("Presidente y Vicepresidente de los Estados Unidos", robot.lookup("#screen-contest .title")
        .queryAs(Label.class).getText());
    assertTrue(choices(robot).get(0).getText().endsWith("— Whig Party (en inglés)"), choices(robot).get(0).getText());
    goToContest(robot, HOUSE_5);
    List<String> names = choices(robot).stream().map(ToggleButton::getText).toList();
    for (String n : names) {
      String lower = n.toLowerCase(Locale.ROOT);
      assertFalse(lower.contains("soliz") || lower.contains("rengel") || lower.contains("selection"), n);
    }
    assertEquals(es.get("name.unnamed", 1), names.get(0));
    assertEquals(es.get("name.writeIn"), names.get(names.size() - 1));
  }

  @Test
  void focusStartsOnTheFirstChoice_soEnterNeverSkipsAContest(FxRobot robot) throws Exception {
    start(robot, "en");
    Node focused = kiosk.stage.getScene().getFocusOwner();
    assertEquals(choices(robot).get(0), focused, "focus on the first candidate, not on Next");
    robot.type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(Screen.CONTEST, session().screen());
    assertEquals(0, session().contestIndexProperty().get(), "Enter did not move on");
    String contest = session().currentContest().id();
    String first = session().currentContest().selections().get(0).id();
    boolean before = session().isChosen(contest, first); // Enter may select it: that is voting, not skipping
    robot.type(KeyCode.SPACE);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(!before, session().isChosen(contest, first), "Space votes on the focused choice");
  }

  @Test
  void castAndChallengeEachAskFirst_andVotingAgainStartsEmpty(FxRobot robot) throws Exception {
    start(robot, "en");
    Texts en = new Texts("en");
    assertEquals(en.get("review.encrypt"), "Seal my ballot and show its tracking code");
    click(robot, ".choice");
    toReviewAndEncrypt(robot);
    click(robot, "#cast");
    assertEquals(Screen.DECIDE, session().screen(), "one click does not cast");
    assertEquals(Optional.of(VotingSession.Pending.CAST), session().pendingDecision());
    assertEquals(en.get("decide.confirmCast"), label(robot, "#confirm-question"));
    assertEquals(robot.lookup("#confirm-yes").query(), kiosk.stage.getScene().getFocusOwner());
    click(robot, "#confirm-back");
    assertEquals(Optional.empty(), session().pendingDecision());
    assertEquals(0, kiosk.store.pendingCount(), "nothing was cast");
    click(robot, "#challenge");
    assertEquals(Screen.DECIDE, session().screen(), "one click does not challenge");
    assertEquals(en.get("decide.confirmChallenge"), label(robot, "#confirm-question"));
    click(robot, "#confirm-yes");
    kiosk.waitFor(Screen.CHALLENGED);
    assertEquals(1, kiosk.store.pendingCount());
    click(robot, "#vote-again");
    kiosk.waitFor(Screen.CONTEST);
    assertTrue(choices(robot).stream().noneMatch(ToggleButton::isSelected), "voting again starts empty");
    assertTrue(session().ballotChoices().values().stream().allMatch(List::isEmpty));
  }

  @Test
  void theReceiptSaysWhereItWent_andFinishIsOnScreenAt1280x900(FxRobot robot) throws Exception {
    for (boolean large : List.of(false, true)) {
      if (large) {
        click(robot, "#large-text");
      }
      start(robot, "en");
      toReviewAndEncrypt(robot);
      click(robot, "#cast");
      click(robot, "#confirm-yes");
      kiosk.waitFor(Screen.RECEIPT);
      LocalReceipt r = kiosk.controller.lastReceipt();
      Path pdf = kiosk.receipts.resolve(r.ballotId() + ".pdf");
      assertTrue(Files.size(pdf) > 0);
      Texts en = new Texts("en");
      String expected = Printer.getDefaultPrinter() == null ? en.get("receipt.noPrinter", pdf.getFileName()
          .toString(), pdf.toAbsolutePath().getParent().toString()) : en.get("receipt.printed");
      assertEquals(expected, label(robot, "#print-status"));
      Bounds done = VoterKiosk.inScene(robot.lookup("#done").query());
      assertTrue(done.getMinX() >= 0 && done.getMinY() >= 0 && done.getMaxX() <= VoterKiosk.WIDTH
          && done.getMaxY() <= VoterKiosk.HEIGHT, "large=" + large + ": Finish at " + done);
      click(robot, "#done");
      kiosk.waitFor(Screen.ACTIVATION);
    }
  }

  /** Scrolls the list of choices to its end; true if the last choice then lies wholly inside the visible area. */
  boolean lastChoiceWhollyVisible(FxRobot robot) {
    ScrollPane scroll = robot.lookup("#choices").queryAs(ScrollPane.class);
    robot.interact(() -> scroll.setVvalue(scroll.getVmax()));
    WaitForAsyncUtils.waitForFxEvents();
    List<ToggleButton> all = choices(robot);
    Bounds last = VoterKiosk.inScene(all.get(all.size() - 1));
    Node viewport = scroll.lookup(".viewport");
    Bounds view = VoterKiosk.inScene(viewport);
    return last.getMinY() >= view.getMinY() - 0.5 && last.getMaxY() <= view.getMaxY() + 0.5;
  }

  @Test
  void everyListShowsItsLastChoiceWhole_andInLargeTextTheListFillsTheWindow(FxRobot robot) throws Exception {
    start(robot, "en");
    for (int i = 0; session().screen() == Screen.CONTEST; i++) {
      assertTrue(lastChoiceWhollyVisible(robot), "contest " + session().currentContest().id());
      click(robot, "#next");
    }
    robot.interact(() -> session().reset());
    click(robot, "#large-text");
    start(robot, "en");
    goToContest(robot, GOVERNOR);
    assertEquals(27, choices(robot).size());
    Bounds list = VoterKiosk.inScene(robot.lookup("#choices").query());
    Bounds next = VoterKiosk.inScene(robot.lookup("#next").query());
    assertTrue(list.getHeight() >= 0.55 * VoterKiosk.HEIGHT, "the list takes the window's height: " + list);
    assertTrue(next.getMinY() - list.getMaxY() < 40, "nothing but the buttons below the list: " + list + " " + next);
    ToggleButton first = choices(robot).get(0);
    double rows = list.getHeight() / (first.getHeight() + 10);
    assertTrue(rows >= 7, "rows visible in large text: " + rows);
    assertTrue(lastChoiceWhollyVisible(robot), "the 27th governor candidate can be reached");
    String last = session().currentContest().selections().get(26).id();
    click(robot, "#" + choices(robot).get(26).getId());
    // the 27th is the write-in line: choosing it opens the write-in screen for it
    assertEquals(Screen.WRITE_IN, session().screen());
    assertEquals(last, session().writeIn().orElseThrow().selectionId());
  }

  /** The colour of a scroll bar part of the list of choices. */
  Color colourOf(FxRobot robot, String part) {
    Region r = (Region) robot.lookup("#choices").query().lookup(".scroll-bar:vertical " + part);
    return (Color) r.getBackground().getFills().get(r.getBackground().getFills().size() - 1).getFill();
  }

  @Test
  void theScrollBarStandsOutFromItsTrack_clearlyInHighContrast(FxRobot robot) throws Exception {
    start(robot, "en");
    goToContest(robot, GOVERNOR);
    double normal = Contrast.ratio(colourOf(robot, ".thumb"), colourOf(robot, ".track"));
    assertTrue(normal >= 3, "normal: thumb against track " + normal + ":1 (WCAG 1.4.11)");
    click(robot, "#high-contrast");
    double high = Contrast.ratio(colourOf(robot, ".thumb"), colourOf(robot, ".track"));
    assertTrue(high >= 10, "high contrast: thumb against track " + high + ":1");
  }
}
