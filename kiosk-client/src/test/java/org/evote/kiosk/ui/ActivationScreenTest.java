package org.evote.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.evote.board.client.BoardClient;
import org.evote.crypto.ballot.ConfirmationCodes;
import org.evote.crypto.keystore.KioskCredentials;
import org.evote.crypto.manifest.BallotStyle;
import org.evote.crypto.manifest.DisplayNames;
import org.evote.crypto.testing.TestElection;
import org.evote.kiosk.pollworker.ActivationModel;
import org.evote.kiosk.pollworker.PinGate;
import org.evote.kiosk.pollworker.TestActivation;
import org.evote.kiosk.service.BallotCaster;
import org.evote.kiosk.service.KioskStore;
import org.evote.kiosk.service.Uploader;
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
 * The poll worker's activation screen (headless Monocle) with the county manifest: every ballot — the first and
 * each after a voter's Finish or an inactivity reset — needs the poll worker PIN; a wrong PIN says so; open, the
 * styles are shown by name (never their ids), filtered by any word as the poll worker types, and started from the
 * keyboard alone (type, Down, Enter). The board is never reached: ballots wait in the kiosk's outbox.
 */
@ExtendWith(ApplicationExtension.class)
class ActivationScreenTest {
  static final SecureRandom RANDOM = new SecureRandom();
  static final TestElection ELECTION = new TestElection(TestElection.manifest("manifest-hamilton-general.json"), 1,
      1, RANDOM);
  static final DisplayNames NAMES = new DisplayNames(ELECTION.config.manifest());
  @TempDir
  static Path temp;
  final AtomicLong now = new AtomicLong(1_000_000);
  KioskStore store;
  Uploader uploader;
  KioskController controller;
  VotingSession session;
  ActivationModel activation;
  KioskView view;
  Stage stage;

  @Start
  void start(Stage stage) throws Exception {
    this.stage = stage;
    Path dir = Files.createTempDirectory(temp, "case");
    KioskCredentials creds = KioskCredentials.generate("K1", ELECTION.config.extendedHash(),
        ELECTION.boardKey.publicKey(), ELECTION.polling.checkpointKey.verifierKey(), RANDOM);
    store = KioskStore.open(dir.resolve("kiosk.sqlite"), "K1", ConfirmationCodes.chainStart(
        ELECTION.config.extendedHash(), "K1"));
    uploader = new Uploader(store, BoardClient.create(URI.create("http://127.0.0.1:9"), Duration.ofSeconds(1)),
        creds); // never started: the ballots wait in the outbox
    BallotCaster caster = new BallotCaster(ELECTION.config, creds, store, uploader, RANDOM, Clock.systemUTC(),
        URI.create("http://127.0.0.1:9"), Duration.ofMillis(100));
    session = new VotingSession(ELECTION.config.manifest());
    controller = new KioskController(session, caster, uploader, "Test", dir.resolve("receipts"), now::get);
    activation = TestActivation.locked(session, dir);
    view = new KioskView(controller, activation);
    stage.setScene(new Scene(view.root(), 1280, 900));
    stage.show();
  }

  @AfterEach
  void stop() {
    javafx.application.Platform.runLater(view::dispose);
    WaitForAsyncUtils.waitForFxEvents();
    controller.close();
    uploader.close();
    store.close();
  }

  /** Every style button on the screen. */
  List<Button> styleButtons(FxRobot robot) {
    return robot.lookup(n -> n.getId() != null && n.getId().startsWith("style-") && n instanceof Button)
        .queryAllAs(Button.class).stream().filter(Node::isVisible).toList();
  }

  /** Every text on the screen, to show that no style id is among them. */
  Set<String> texts(FxRobot robot) {
    return robot.lookup(n -> n instanceof Labeled).queryAllAs(Labeled.class).stream().map(Labeled::getText)
        .collect(Collectors.toSet());
  }

  void typePin(FxRobot robot, String pin) throws Exception {
    robot.clickOn("#activation-pin").write(pin).type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !view.activationChecking());
    WaitForAsyncUtils.waitForFxEvents();
  }

  String message(FxRobot robot) {
    return robot.lookup("#activation-message").queryAs(Label.class).getText();
  }

  boolean styleListReachable(FxRobot robot) {
    return robot.lookup("#style-search").tryQuery().isPresent() || !styleButtons(robot).isEmpty();
  }

  @Test
  void theStylesAreBehindThePin_shownByName_andFoundByAnyWordFromTheKeyboard(FxRobot robot) throws Exception {
    Texts en = new Texts("en");
    assertFalse(styleListReachable(robot), "the kiosk starts locked");
    typePin(robot, "1357");
    assertEquals(en.get("pollworker.wrong", PinGate.LOCK_AFTER - 1, PinGate.FIRST_LOCK.toSeconds()),
        message(robot));
    assertTrue(message(robot).startsWith("Wrong PIN — try again"), message(robot));
    assertFalse(styleListReachable(robot), "a wrong PIN opens nothing");
    assertTrue(robot.lookup("#activation-pin").query().isFocused(), "the PIN field is ready for the next try");

    typePin(robot, TestActivation.PIN);
    List<BallotStyle> styles = ELECTION.config.manifest().ballotStyles();
    assertEquals(styles.size(), styleButtons(robot).size());
    assertTrue(styleButtons(robot).stream().allMatch(Button::isDisabled),
        "the board's time was never read: the clock notice comes first");
    robot.type(KeyCode.SPACE); // the notice's button has the focus
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(styleButtons(robot).stream().noneMatch(Button::isDisabled));
    Set<String> ids = styles.stream().map(BallotStyle::id).collect(Collectors.toSet());
    Set<String> shown = texts(robot);
    assertTrue(ids.stream().noneMatch(shown::contains), "no style id is shown: " + shown);
    for (Button b : styleButtons(robot)) {
      assertEquals(NAMES.style(b.getId().substring("style-".length())), b.getText());
    }
    assertEquals(en.get("activation.count", styles.size(), styles.size()),
        robot.lookup("#style-count").queryAs(Label.class).getText());

    // typing filters as you type, by any word of the name (case and accents aside)
    assertTrue(robot.lookup("#style-search").query().isFocused(), "the search field has the focus: "
        + stage.getScene().getFocusOwner());
    robot.write("lacroix");
    WaitForAsyncUtils.waitForFxEvents();
    Set<String> expected = styles.stream().map(BallotStyle::id)
        .filter(id -> NAMES.style(id).toLowerCase().matches("(^|.*[^a-z])lacroix.*")).collect(Collectors.toSet());
    assertTrue(expected.size() > 1 && expected.size() < styles.size(), expected.toString());
    assertEquals(expected, styleButtons(robot).stream().map(b -> b.getId().substring(6)).collect(
        Collectors.toSet()));
    robot.write(" EXE");
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(List.of("style-congress-district-7-lacroix-exeter"),
        styleButtons(robot).stream().map(Node::getId).toList());
    robot.write("zzz");
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(styleButtons(robot).isEmpty());
    assertEquals(en.get("activation.noMatch", "lacroix EXEzzz"),
        robot.lookup("#style-none").queryAs(Label.class).getText());
    for (int i = 0; i < 3; i++) {
      robot.type(KeyCode.BACK_SPACE);
    }
    WaitForAsyncUtils.waitForFxEvents();

    // Down to the style, Enter starts its ballot
    robot.type(KeyCode.DOWN).type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(Screen.LANGUAGE, session.screen());
    assertEquals("congress-district-7-lacroix-exeter", session.styleId().orElseThrow());

    // inactivity ends the voter's turn: back at activation, locked again
    robot.interact(controller::endVoter);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(Screen.ACTIVATION, session.screen());
    assertFalse(styleListReachable(robot), "after an inactivity reset the PIN is needed again");
    assertThrows(IllegalStateException.class, () -> activation.activate(styles.get(0).id()));
  }

  @Test
  void afterTheVotersFinish_noStyleCanBeChosenWithoutThePin(FxRobot robot) throws Exception {
    typePin(robot, TestActivation.PIN);
    robot.clickOn("#clock-ack");
    String style = ELECTION.config.manifest().ballotStyles().get(0).id();
    robot.clickOn("#style-search").write(NAMES.style(style)).type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(style, session.styleId().orElseThrow());
    robot.interact(() -> session.chooseLanguage("en"));
    robot.interact(() -> {
      while (session.screen() == Screen.CONTEST) {
        session.next();
      }
    });
    assertEquals(Screen.REVIEW, session.screen());
    robot.interact(controller::encrypt);
    WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> session.screen() == Screen.DECIDE);
    robot.interact(controller::cast);
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> session.screen() == Screen.RECEIPT
        && robot.lookup("#done").tryQuery().isPresent());
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn("#done"); // the voter's Finish
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(Screen.ACTIVATION, session.screen());
    assertFalse(styleListReachable(robot), "a voter cannot start another ballot");
    assertTrue(robot.lookup("#activation-pin").tryQuery().isPresent(), "the PIN is asked for");
    assertThrows(IllegalStateException.class, () -> activation.activate(style));
    assertEquals(1, store.pendingCount(), "the one ballot waits in the outbox");

    typePin(robot, TestActivation.PIN);
    assertTrue(styleListReachable(robot), "the poll worker's PIN opens it for the next ballot");
  }

  @Test
  void thePinDialogSpeaksThePollWorkersLanguage(FxRobot robot) throws Exception {
    Texts es = new Texts("es");
    robot.clickOn("#activation-lang-es");
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(texts(robot).contains(es.get("activation.title")), texts(robot).toString());
    assertTrue(texts(robot).contains(es.get("activation.locked")));
    typePin(robot, "1111");
    assertEquals(es.get("pollworker.wrong", PinGate.LOCK_AFTER - 1, PinGate.FIRST_LOCK.toSeconds()),
        message(robot));
    assertTrue(message(robot).startsWith("PIN incorrecto: inténtelo de nuevo"), message(robot));
    typePin(robot, TestActivation.PIN);
    assertEquals(es.get("activation.count", 11, 11), robot.lookup("#style-count").queryAs(Label.class).getText());
  }
}
