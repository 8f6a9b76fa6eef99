package org.evote.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.evote.board.client.BoardClient;
import org.evote.crypto.ballot.ConfirmationCodes;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.keystore.KioskCredentials;
import org.evote.kiosk.service.BallotCaster;
import org.evote.kiosk.service.KioskStore;
import org.evote.kiosk.service.Uploader;
import org.evote.kiosk.session.Screen;
import org.evote.kiosk.session.VotingSession;
import org.evote.kiosk.ui.KioskController;
import org.evote.kiosk.ui.KioskView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The kiosk's real screens (headless Monocle) driving the real encrypt-and-cast path against a real board on a
 * loopback port. Every screen visited is saved under target/screenshots/ for review.
 */
@ExtendWith(ApplicationExtension.class)
class KioskScreensTest {
  static final String STYLE = "congress-district-7-arlington-pismo-beach";
  @TempDir
  static Path temp;
  LiveBoard board;
  KioskStore store;
  Uploader uploader;
  KioskController controller;
  KioskView view;
  VotingSession session;
  org.evote.kiosk.pollworker.ActivationModel activation;
  final AtomicLong now = new AtomicLong(1_000_000);
  Stage stage;
  Path receipts;

  @Start
  void start(Stage stage) throws Exception {
    this.stage = stage;
    Path dir = Files.createTempDirectory(temp, "case");
    board = new LiveBoard(dir, "manifest-hamilton-general.json");
    KioskCredentials creds = board.registerKiosk("K1");
    board.openPolls();
    store = KioskStore.open(dir.resolve("kiosk.sqlite"), "K1", ConfirmationCodes.chainStart(
        board.config.extendedHash(), "K1"));
    uploader = new Uploader(store, BoardClient.create(board.uri(), Duration.ofSeconds(3)), creds);
    uploader.start();
    // the kiosk reads the board's time before a ballot is started (otherwise the poll workers get the clock notice)
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
        () -> !(uploader.boardClock().state() instanceof org.evote.kiosk.service.BoardClock.NeverMeasured));
    BallotCaster caster = new BallotCaster(board.config, creds, store, uploader, new SecureRandom(),
        Clock.systemUTC(), board.uri(), Duration.ofSeconds(5));
    controller = new KioskController(session = new VotingSession(board.config.manifest()), caster, uploader,
        "Hamilton County General Election", receipts = dir.resolve("receipts"), now::get);
    activation = KioskActivation.locked(session, dir);
    view = new KioskView(controller, activation);
    stage.setScene(new Scene(view.root(), 1200, 1000));
    stage.show();
  }

  @AfterEach
  void stop() throws Exception {
    javafx.application.Platform.runLater(view::dispose);
    WaitForAsyncUtils.waitForFxEvents();
    controller.close();
    uploader.close();
    store.close();
    board.close();
  }

  void shot(FxRobot robot, String name) throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    javafx.scene.image.WritableImage[] img = new javafx.scene.image.WritableImage[1];
    robot.interact(() -> img[0] = stage.getScene().snapshot(null));
    ImageIO.write(SwingFXUtils.fromFXImage(img[0], null), "png", dir.resolve(name + ".png").toFile());
  }

  void waitFor(Screen s) throws Exception {
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> controller.session().screen() == s);
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** Activates the style, picks the language, and votes the first selection of the first contest. */
  void voteFirstContest(FxRobot robot, String lang) throws Exception {
    KioskActivation.start(robot, view, activation, STYLE);
    waitFor(Screen.LANGUAGE);
    robot.clickOn("#lang-" + lang);
    waitFor(Screen.CONTEST);
    robot.clickOn("#choice-barchi-hallaren-selection");
  }

  void skipToReview(FxRobot robot) throws Exception {
    for (int i = 0; i < 20 && controller.session().screen() == Screen.CONTEST; i++) {
      robot.clickOn("#next");
      WaitForAsyncUtils.waitForFxEvents();
    }
    waitFor(Screen.REVIEW);
  }

  JsonObject status() throws Exception {
    return JsonText.parseObject(HttpClient.newHttpClient().send(HttpRequest.newBuilder(board.uri().resolve(
        "/api/status")).build(), HttpResponse.BodyHandlers.ofString()).body());
  }

  String text(FxRobot robot, String query) {
    return robot.lookup(query).queryAs(Label.class).getText();
  }

  @Test
  void aVoterCastsABallotAndGetsAReceiptForTheBoardEntry(FxRobot robot) throws Exception {
    shot(robot, "01-activation");
    voteFirstContest(robot, "en");
    shot(robot, "03-contest");
    skipToReview(robot);
    shot(robot, "04-review");
    robot.clickOn("#encrypt");
    waitFor(Screen.DECIDE);
    String code = text(robot, "#tracking-code");
    assertTrue(code.matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}"), code);
    shot(robot, "05-decide");
    robot.clickOn("#cast");
    robot.clickOn("#confirm-yes"); // Cast and Challenge each ask first (issue 13)
    waitFor(Screen.RECEIPT);
    assertTrue(text(robot, "#upload-state").contains("entry"), text(robot, "#upload-state"));
    shot(robot, "06-receipt");
    // The screen saved the receipt PDF, with the whole tracking code on a line of its own.
    try (var pdfs = Files.list(receipts)) {
      Path pdf = pdfs.filter(f -> f.toString().endsWith(".pdf")).findFirst().orElseThrow();
      try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
        String printed = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        assertTrue(printed.lines().map(String::strip).anyMatch(code::equals), printed);
      }
    }
    assertEquals(1, status().getJsonNumber("cast_ballots").longValue());
    robot.clickOn("#done");
    waitFor(Screen.ACTIVATION);
    assertTrue(controller.session().ballotChoices().isEmpty(), "the voter's choices are gone");
  }

  @Test
  void aChallengedBallotIsOpenedThenTheVoterCasts(FxRobot robot) throws Exception {
    voteFirstContest(robot, "en");
    skipToReview(robot);
    robot.clickOn("#encrypt");
    waitFor(Screen.DECIDE);
    robot.clickOn("#challenge");
    robot.clickOn("#confirm-yes"); // Cast and Challenge each ask first (issue 13)
    waitFor(Screen.CHALLENGED);
    shot(robot, "07-challenged");
    assertEquals(1, status().getJsonNumber("challenged_ballots").longValue());
    robot.clickOn("#vote-again");
    waitFor(Screen.CONTEST);
    assertFalse(robot.lookup("#choice-barchi-hallaren-selection").queryAs(ToggleButton.class).isSelected(),
        "voting again starts with no choices (issue 13)");
    skipToReview(robot);
    robot.clickOn("#encrypt");
    waitFor(Screen.DECIDE);
    robot.clickOn("#cast");
    robot.clickOn("#confirm-yes"); // Cast and Challenge each ask first (issue 13)
    waitFor(Screen.RECEIPT);
    JsonObject s = status();
    assertEquals(1, s.getJsonNumber("cast_ballots").longValue());
    assertEquals(1, s.getJsonNumber("challenged_ballots").longValue());
  }

  @Test
  void anOvervoteIsPreventedWithAMessageAndUndervotesAreFlagged(FxRobot robot) throws Exception {
    voteFirstContest(robot, "en");
    robot.clickOn("#choice-cramer-vuocolo-selection");
    assertFalse(robot.lookup("#choice-cramer-vuocolo-selection").queryAs(ToggleButton.class).isSelected());
    assertTrue(text(robot, "#notice").contains("up to 1"), text(robot, "#notice"));
    shot(robot, "08-overvote");
    skipToReview(robot);
    Node review = robot.lookup("#screen-review").query();
    String all = robot.lookup(".undervote").queryAllAs(Label.class).stream().map(Label::getText)
        .reduce("", (a, b) -> a + "\n" + b);
    assertTrue(all.contains("You did not vote in this contest."), all);
    assertTrue(review.isVisible());
  }

  @Test
  void theVoterMayChooseSpanish(FxRobot robot) throws Exception {
    voteFirstContest(robot, "es");
    assertTrue(robot.lookup("Presidente y Vicepresidente de los Estados Unidos").tryQuery().isPresent());
    assertTrue(robot.lookup("#next").queryButton().getText().equals("Siguiente"));
    shot(robot, "02-contest-spanish");
  }

  @Test
  void highContrastAndLargeTextCanBeSwitchedOnAtAnyTime(FxRobot robot) throws Exception {
    voteFirstContest(robot, "en");
    robot.clickOn("#high-contrast");
    robot.clickOn("#large-text");
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(view.root().getStyleClass().contains("high-contrast"));
    Label title = robot.lookup(".title").queryAs(Label.class);
    Color fg = (Color) title.getTextFill();
    assertEquals(Color.WHITE, fg);
    assertTrue(title.getFont().getSize() >= 40, "large text: " + title.getFont().getSize());
    shot(robot, "09-high-contrast-large");
  }

  @Test
  void anInactiveVoterIsWarnedThenTheBallotIsCleared(FxRobot robot) throws Exception {
    voteFirstContest(robot, "en");
    now.addAndGet(121);
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#timeout-warning").tryQuery().isPresent());
    shot(robot, "10-timeout-warning");
    now.addAndGet(45);
    waitFor(Screen.ACTIVATION);
    assertTrue(controller.session().styleId().isEmpty());
  }

  /** Moves the focus with Tab alone until it reaches {@code id} (failing after 80 presses). */
  void tabTo(FxRobot robot, String id) {
    for (int i = 0; i < 80; i++) {
      Node focused = stage.getScene().getFocusOwner();
      if (focused != null && id.equals(focused.getId())) {
        assertTrue(focused.isFocused() && focused.getPseudoClassStates().stream()
            .anyMatch(p -> p.getPseudoClassName().equals("focused")), "focus is visible");
        return;
      }
      robot.type(javafx.scene.input.KeyCode.TAB);
      WaitForAsyncUtils.waitForFxEvents();
    }
    throw new AssertionError("Tab never reached " + id);
  }

  @Test
  void theWholeFlowWorksFromTheKeyboardAlone(FxRobot robot) throws Exception {
    javafx.scene.input.KeyCode space = javafx.scene.input.KeyCode.SPACE;
    // the poll worker: the PIN field has the focus, then the search field; Enter starts the style found
    robot.write(KioskActivation.PIN).type(javafx.scene.input.KeyCode.ENTER);
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !activation.isLocked());
    WaitForAsyncUtils.waitForFxEvents();
    tabTo(robot, "style-search");
    robot.write(new org.evote.crypto.manifest.DisplayNames(board.config.manifest()).style(STYLE)
        .replace(" · ", " ")).type(javafx.scene.input.KeyCode.ENTER);
    waitFor(Screen.LANGUAGE);
    tabTo(robot, "lang-en");
    robot.type(space);
    waitFor(Screen.CONTEST);
    tabTo(robot, "choice-boone-lian-selection");
    robot.type(space);
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(controller.session().isChosen("president-vice-president-contest", "boone-lian-selection"));
    for (int i = 0; i < 20 && controller.session().screen() == Screen.CONTEST; i++) {
      tabTo(robot, "next");
      robot.type(space);
      WaitForAsyncUtils.waitForFxEvents();
    }
    waitFor(Screen.REVIEW);
    robot.type(javafx.scene.input.KeyCode.ENTER);
    waitFor(Screen.DECIDE);
    robot.type(javafx.scene.input.KeyCode.ENTER); // Cast asks first (issue 13)
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(controller.session().pendingDecision().isPresent());
    robot.type(javafx.scene.input.KeyCode.ENTER);
    waitFor(Screen.RECEIPT);
    tabTo(robot, "done");
    robot.type(space);
    waitFor(Screen.ACTIVATION);
    assertEquals(1, status().getJsonNumber("cast_ballots").longValue());
  }

  @Test
  void withTheBoardDownTheReceiptSaysUploadPendingAndTheBallotArrivesOnce(FxRobot robot) throws Exception {
    board.stop();
    voteFirstContest(robot, "en");
    skipToReview(robot);
    robot.clickOn("#encrypt");
    waitFor(Screen.DECIDE);
    robot.clickOn("#cast");
    robot.clickOn("#confirm-yes"); // Cast and Challenge each ask first (issue 13)
    waitFor(Screen.RECEIPT);
    assertTrue(text(robot, "#upload-state").startsWith("Upload pending"), text(robot, "#upload-state"));
    shot(robot, "11-receipt-upload-pending");
    assertEquals(1, store.pendingCount());
    board.start();
    uploader.kick();
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> store.pendingCount() == 0);
    assertEquals(1, status().getJsonNumber("cast_ballots").longValue());
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> text(robot, "#status").contains("waiting to upload: 0"));
  }
}
