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
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.evote.board.client.BoardClient;
import org.evote.board.client.ReceiptCheck;
import org.evote.crypto.ballot.ConfirmationCodes;
import org.evote.crypto.keystore.KioskCredentials;
import org.evote.kiosk.service.Alarm;
import org.evote.kiosk.service.BallotCaster;
import org.evote.kiosk.service.KioskStore;
import org.evote.kiosk.service.Uploader;
import org.evote.kiosk.session.Screen;
import org.evote.kiosk.session.Texts;
import org.evote.kiosk.session.VotingSession;
import org.evote.kiosk.ui.AlarmLine;
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
 * The kiosk's real screens (headless Monocle) behind a look-alike board that answers every ballot with a receipt of
 * its own (protocol §9.7): the voter's receipt says "upload pending", and the poll workers' status line shows the
 * alarm in the kiosk's words, naming the failed check. The screen is saved under target/screenshots/.
 */
@ExtendWith(ApplicationExtension.class)
class KioskAlarmScreenTest {
  static final String STYLE = "congress-district-7-arlington-pismo-beach";
  @TempDir
  static Path temp;
  LiveBoard board;
  LookAlikeBoardTest.LookAlike fake;
  KioskStore store;
  Uploader uploader;
  KioskController controller;
  KioskView view;
  VotingSession session;
  org.evote.kiosk.pollworker.ActivationModel activation;
  Stage stage;
  final AtomicLong now = new AtomicLong(1_000_000);

  @Start
  void start(Stage stage) throws Exception {
    this.stage = stage;
    Path dir = Files.createTempDirectory(temp, "case");
    board = new LiveBoard(dir, "manifest-hamilton-general.json");
    KioskCredentials creds = board.registerKiosk("K1");
    board.openPolls();
    fake = new LookAlikeBoardTest.LookAlike(board.uri());
    store = KioskStore.open(dir.resolve("kiosk.sqlite"), "K1", ConfirmationCodes.chainStart(
        board.config.extendedHash(), "K1"));
    uploader = new Uploader(store, BoardClient.create(fake.uri(), Duration.ofSeconds(3)), creds);
    uploader.start();
    // the kiosk reads the board's time before a ballot is started (otherwise the poll workers get the clock notice)
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
        () -> !(uploader.boardClock().state() instanceof org.evote.kiosk.service.BoardClock.NeverMeasured));
    BallotCaster caster = new BallotCaster(board.config, creds, store, uploader, new SecureRandom(),
        Clock.systemUTC(), fake.uri(), Duration.ofSeconds(5));
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
    fake.close();
    board.close();
  }

  void waitFor(Screen s) throws Exception {
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> controller.session().screen() == s);
    WaitForAsyncUtils.waitForFxEvents();
  }

  String statusLine(FxRobot robot) {
    return robot.lookup("#status").queryAs(Label.class).getText();
  }

  @Test
  void aFalseReceipt_showsThePollWorkersTheAlarm_namingTheFailedCheck(FxRobot robot) throws Exception {
    KioskActivation.start(robot, view, activation, STYLE);
    waitFor(Screen.LANGUAGE);
    robot.clickOn("#lang-en");
    waitFor(Screen.CONTEST);
    robot.clickOn("#choice-barchi-hallaren-selection");
    for (int i = 0; i < 20 && controller.session().screen() == Screen.CONTEST; i++) {
      robot.clickOn("#next");
      WaitForAsyncUtils.waitForFxEvents();
    }
    waitFor(Screen.REVIEW);
    robot.clickOn("#encrypt");
    waitFor(Screen.DECIDE);
    robot.clickOn("#cast");
    robot.clickOn("#confirm-yes"); // Cast and Challenge each ask first (issue 13)
    waitFor(Screen.RECEIPT);
    Texts en = new Texts("en");
    assertEquals(en.get("receipt.pending"), robot.lookup("#upload-state").queryAs(Label.class).getText(),
        "the voter is not told the ballot is on the board");

    String words = en.get("receipt_check.malformed");
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> statusLine(robot).contains(words));
    Alarm.ReceiptFailed alarm = assertInstanceOf(Alarm.ReceiptFailed.class, uploader.status().alarm().orElseThrow());
    assertEquals(ReceiptCheck.Failure.MALFORMED, alarm.failure());
    String line = statusLine(robot);
    assertTrue(line.contains(AlarmLine.of(en, alarm)), line);
    assertTrue(line.contains(alarm.ballotId()) && line.startsWith(en.get("status.queue", 1)), line);
    javafx.scene.text.Text shown = robot.from(robot.lookup("#status").queryAs(Label.class)).lookup(".text")
        .queryAs(javafx.scene.text.Text.class);
    assertEquals(line, shown.getText(), "the alarm is shown in full, not cut short");
    assertTrue(robot.lookup("#status").queryAs(Label.class).getStyleClass().contains("alarm"));
    shot(robot, "11-receipt-alarm");

    robot.clickOn("#done");
    waitFor(Screen.ACTIVATION);
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(statusLine(robot).contains(words), "the alarm stays for the poll workers: " + statusLine(robot));
    assertEquals(KioskStore.Status.PENDING, store.all().get(0).status());
  }

  void shot(FxRobot robot, String name) throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    javafx.scene.image.WritableImage[] img = new javafx.scene.image.WritableImage[1];
    robot.interact(() -> img[0] = stage.getScene().snapshot(null));
    ImageIO.write(SwingFXUtils.fromFXImage(img[0], null), "png", dir.resolve(name + ".png").toFile());
  }
}
