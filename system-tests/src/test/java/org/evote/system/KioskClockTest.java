package org.evote.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.evote.board.client.BoardClient;
import org.evote.crypto.ballot.ConfirmationCodes;
import org.evote.crypto.keystore.KioskCredentials;
import org.evote.kiosk.pollworker.ClockNotice;
import org.evote.kiosk.robot.RobotVoter;
import org.evote.kiosk.service.BallotCaster;
import org.evote.kiosk.service.BoardClock;
import org.evote.kiosk.service.KioskStore;
import org.evote.kiosk.service.Uploader;
import org.evote.kiosk.session.Screen;
import org.evote.kiosk.session.Texts;
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
 * A kiosk whose clock is 400 s fast (an injected clock) against a real board, which never follows a kiosk's clock
 * and refuses a ballot dated after its own time: the poll workers are told before a ballot is started (a notice
 * that blocks starting one until read, headless Monocle), and every ballot is dated by the board's time and
 * accepted.
 */
@ExtendWith(ApplicationExtension.class)
class KioskClockTest {
  static final String STYLE = "congress-district-7-arlington-pismo-beach";
  @TempDir
  static Path temp;
  LiveBoard board;
  KioskStore store;
  Uploader uploader;
  BallotCaster caster;
  KioskController controller;
  KioskView view;
  VotingSession session;
  org.evote.kiosk.pollworker.ActivationModel activation;
  final AtomicLong now = new AtomicLong(1_000_000);

  @Start
  void start(Stage stage) throws Exception {
    Path dir = Files.createTempDirectory(temp, "case");
    board = new LiveBoard(dir, "manifest-hamilton-general.json");
    KioskCredentials creds = board.registerKiosk("K1");
    board.openPolls();
    store = KioskStore.open(dir.resolve("kiosk.sqlite"), "K1", ConfirmationCodes.chainStart(
        board.config.extendedHash(), "K1"));
    Clock fast = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(400));
    uploader = new Uploader(store, BoardClient.create(board.uri(), Duration.ofSeconds(3)), creds,
        Duration.ofSeconds(1), java.util.Optional.empty(), new BoardClock(fast));
    uploader.start();
    caster = new BallotCaster(board.config, creds, store, uploader, new SecureRandom(), fast, board.uri(),
        Duration.ofSeconds(10));
    controller = new KioskController(session = new VotingSession(board.config.manifest()), caster, uploader,
        "Hamilton County General Election", dir.resolve("receipts"), now::get);
    activation = KioskActivation.locked(session, dir);
    view = new KioskView(controller, activation);
    stage.setScene(new Scene(view.root(), 1200, 1000));
    stage.show();
  }

  @AfterEach
  void stop() {
    javafx.application.Platform.runLater(view::dispose);
    WaitForAsyncUtils.waitForFxEvents();
    controller.close();
    uploader.close();
    store.close();
    board.close();
  }

  @Test
  void aKiosk400SecondsFast_isToldBeforeAnyBallot_andEveryBallotIsAccepted(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> uploader.boardClock().state() instanceof BoardClock.Off);
    BoardClock.Off off = (BoardClock.Off) uploader.boardClock().state();
    assertEquals(-400, off.offsetSeconds(), 3);
    Texts en = new Texts("en");
    KioskActivation.unlock(robot, view, activation); // the notice is for the poll workers, behind their PIN
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#clock-notice").tryQuery().isPresent()
        && robot.lookup("#clock-notice").queryAs(Label.class).getText().equals(ClockNotice.text(en, off)));
    assertTrue(robot.lookup("#style-" + STYLE).queryAs(Button.class).isDisabled(),
        "no ballot is started before a poll worker has read the notice");
    KioskActivation.start(robot, view, activation, STYLE);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(Screen.ACTIVATION, controller.session().screen());

    robot.clickOn("#clock-ack");
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(robot.lookup("#clock-notice").tryQuery().isEmpty());
    KioskActivation.start(robot, view, activation, STYLE);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> controller.session().screen() == Screen.LANGUAGE);

    new RobotVoter(caster, new SecureRandom(), 0.25).vote(5);
    assertTrue(Uploader.awaitEmpty(java.util.List.of(uploader), Duration.ofSeconds(60), Duration.ofMillis(200)));
    assertEquals(5, store.all().stream().filter(o -> o.status() == KioskStore.Status.UPLOADED).count(),
        store.all().toString());
    assertTrue(store.refused().isEmpty(), store.refused().toString());
    long localNow = Clock.systemUTC().millis() / 1000;
    for (KioskStore.Outgoing o : store.all()) {
      long t = org.evote.crypto.json.JsonText.parseObject(o.body()).getJsonObject("ballot").getJsonNumber("timestamp")
          .longValue();
      assertTrue(t <= localNow + 1, "dated by the board's time, not the kiosk's: " + t + " vs " + localNow);
    }
    assertInstanceOf(BoardClock.Off.class, uploader.boardClock().state(), "the clock is still off");
  }
}
