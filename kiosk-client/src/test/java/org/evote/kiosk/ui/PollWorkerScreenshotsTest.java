package org.evote.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.evote.board.client.BoardClient;
import org.evote.crypto.ballot.ConfirmationCodes;
import org.evote.crypto.keystore.KioskCredentials;
import org.evote.crypto.testing.TestElection;
import org.evote.kiosk.pollworker.ActivationModel;
import org.evote.kiosk.pollworker.PinGate;
import org.evote.kiosk.pollworker.PollWorkerModel;
import org.evote.kiosk.pollworker.TestActivation;
import org.evote.kiosk.service.BallotCaster;
import org.evote.kiosk.service.BoardClock;
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
 * The PRACTICE banner on every kiosk screen of a practice board (in the screen's language), none on a real board;
 * and the poll workers' screens — activation locked after a wrong PIN, activation with a search, the poll workers'
 * dialog after a wrong PIN, a voter screen under the banner — saved under target/screenshots/ in normal, large
 * text, high contrast and Spanish, for a person to look at.
 */
@ExtendWith(ApplicationExtension.class)
class PollWorkerScreenshotsTest {
  static final SecureRandom RANDOM = new SecureRandom();
  static final TestElection ELECTION = new TestElection(TestElection.manifest("manifest-hamilton-general.json"), 1,
      1, RANDOM);
  @TempDir
  static Path temp;
  final AtomicLong now = new AtomicLong(1_000_000);
  KioskStore store;
  Uploader uploader;
  KioskController controller;
  VotingSession session;
  ActivationModel activation;
  KioskView view;
  PollWorkerView workers;
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
        creds);
    BallotCaster caster = new BallotCaster(ELECTION.config, creds, store, uploader, RANDOM, Clock.systemUTC(),
        URI.create("http://127.0.0.1:9"), Duration.ofMillis(100));
    session = new VotingSession(ELECTION.config.manifest());
    controller = new KioskController(session, caster, uploader, "Test", dir.resolve("receipts"), now::get);
    activation = TestActivation.locked(session, dir);
    view = new KioskView(controller, activation);
    PollWorkerModel model = new PollWorkerModel(PinGate.open(dir.resolve(PinGate.FILE_NAME), Clock.systemUTC()),
        typed -> false, store::refused, new BoardClock(Clock.systemUTC())::state, ZoneOffset.UTC);
    workers = new PollWorkerView(model, () -> session.screen() == Screen.ACTIVATION ? activation.texts()
        : session.texts(), () -> { });
    view.setPollWorker(workers);
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

  void save(FxRobot robot, String name) throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    WritableImage[] img = new WritableImage[1];
    robot.interact(() -> img[0] = stage.getScene().snapshot(null));
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    ImageIO.write(SwingFXUtils.fromFXImage(img[0], null), "png", dir.resolve(name + ".png").toFile());
  }

  void pin(FxRobot robot, String field, String button, String pin) throws Exception {
    robot.clickOn("#" + field).write(pin);
    robot.clickOn("#" + button);
    WaitForAsyncUtils.waitForFxEvents();
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !view.activationChecking() && !workers.isChecking());
    WaitForAsyncUtils.waitForFxEvents();
  }

  Label banner(FxRobot robot) {
    return robot.lookup("#practice-banner").queryAs(Label.class);
  }

  boolean bannerShown(FxRobot robot) {
    Node n = banner(robot);
    return n.isVisible() && n.getParent().isVisible() && n.getParent().isManaged();
  }

  @Test
  void aPracticeBoardSaysSoOnEveryScreen_inTheScreensLanguage_andARealOneNever(FxRobot robot) throws Exception {
    Texts en = new Texts("en");
    Texts es = new Texts("es");
    assertFalse(bannerShown(robot), "a real board: no banner");
    robot.interact(() -> {
      view.practice().show(true);
      view.redraw();
    });
    assertTrue(bannerShown(robot));
    assertEquals(en.get("practice.banner"), banner(robot).getText());
    robot.clickOn("#activation-lang-es");
    robot.interact(view::redraw);
    assertEquals(es.get("practice.banner"), banner(robot).getText(), "in the poll workers' language");
    robot.clickOn("#activation-lang-en");
    pin(robot, "activation-pin", "activation-pin-unlock", TestActivation.PIN);
    robot.clickOn("#clock-ack");
    robot.clickOn("#style-search").write("lacroix exeter").type(javafx.scene.input.KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(Screen.LANGUAGE, session.screen());
    assertTrue(bannerShown(robot), "on the voter's screens too");
    robot.interact(() -> session.chooseLanguage("es"));
    assertEquals(Screen.CONTEST, session.screen());
    assertTrue(bannerShown(robot));
    assertEquals(es.get("practice.banner"), banner(robot).getText(), "in the voter's language");
    robot.interact(() -> view.practice().show(false));
    assertFalse(bannerShown(robot));
  }

  @Test
  void thePollWorkersScreens_inNormalLargeHighContrastAndSpanish(FxRobot robot) throws Exception {
    robot.interact(() -> {
      view.practice().show(true);
      view.redraw();
    });
    for (String variant : List.of("normal", "large-text", "high-contrast", "spanish")) {
      robot.interact(() -> {
        robot.lookup("#large-text").queryAs(ToggleButton.class).setSelected(variant.equals("large-text"));
        robot.lookup("#high-contrast").queryAs(ToggleButton.class).setSelected(variant.equals("high-contrast"));
        activation.chooseLanguage(variant.equals("spanish") ? "es" : "en");
        controller.endVoter();
        activation.lock();
        view.redraw();
      });
      Texts t = activation.texts();
      pin(robot, "activation-pin", "activation-pin-unlock", "1357");
      assertEquals(t.get("pollworker.wrong", PinGate.LOCK_AFTER - 1, PinGate.FIRST_LOCK.toSeconds()),
          robot.lookup("#activation-message").queryAs(Label.class).getText());
      save(robot, "kiosk-activation-wrong-pin-" + variant);

      pin(robot, "activation-pin", "activation-pin-unlock", TestActivation.PIN);
      if (robot.lookup("#clock-ack").tryQuery().isPresent()) {
        robot.clickOn("#clock-ack");
      }
      robot.clickOn("#style-search").write("lacroix");
      WaitForAsyncUtils.waitForFxEvents();
      save(robot, "kiosk-activation-search-" + variant);

      robot.interact(workers::show);
      pin(robot, "pin", "pin-unlock", "0000");
      assertEquals(t.get("pollworker.wrong", PinGate.LOCK_AFTER - 1, PinGate.FIRST_LOCK.toSeconds()),
          robot.lookup("#pollworker-message").queryAs(Label.class).getText(), "the dialog in " + variant);
      assertTrue(workers.isShowing(), "a wrong PIN does not close the dialog");
      save(robot, "kiosk-pollworker-wrong-pin-" + variant);
      pin(robot, "pin", "pin-unlock", TestActivation.PIN); // the right PIN resets the count
      robot.interact(workers::hide);

      robot.clickOn("#style-search").type(javafx.scene.input.KeyCode.DOWN).type(javafx.scene.input.KeyCode.ENTER);
      WaitForAsyncUtils.waitForFxEvents();
      assertEquals(Screen.LANGUAGE, session.screen());
      if (variant.equals("spanish")) {
        robot.interact(() -> session.chooseLanguage("es"));
      }
      save(robot, "kiosk-practice-banner-" + variant);
    }
  }
}
