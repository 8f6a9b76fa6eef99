package org.evote.kiosk.ui;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.evote.board.client.BoardClient;
import org.evote.crypto.ballot.ConfirmationCodes;
import org.evote.crypto.keystore.KioskCredentials;
import org.evote.crypto.testing.TestElection;
import org.evote.kiosk.service.BallotCaster;
import org.evote.kiosk.service.KioskStore;
import org.evote.kiosk.service.Uploader;
import org.evote.kiosk.session.Screen;
import org.evote.kiosk.session.VotingSession;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A real kiosk for the voter-screen tests: the county manifest (Hamilton, English and Spanish), the real encrypt,
 * cast and challenge path into the kiosk's store, and a board that is not reachable (the kiosk's offline mode: the
 * receipt says "upload pending"), in a 1280×900 window as in the issue.
 */
final class VoterKiosk implements AutoCloseable {
  static final SecureRandom RANDOM = new SecureRandom();
  static final TestElection ELECTION = new TestElection(TestElection.manifest("manifest-hamilton-general.json"), 3,
      2, RANDOM);
  /** House District 5 (whose manifest names candidates "soliz" and "rengel" it does not list) and the governor. */
  static final String STYLE = "congress-district-5-hamilton-county";
  static final int WIDTH = 1280;
  static final int HEIGHT = 900;
  final Stage stage;
  final Path receipts;
  final AtomicLong now = new AtomicLong(1_000_000);
  final KioskStore store;
  final Uploader uploader;
  final KioskController controller;
  final KioskView view;
  final String style;

  VoterKiosk(Stage stage, Path temp) throws Exception {
    this(stage, temp, ELECTION, STYLE, "Hamilton County General Election");
  }

  /** A kiosk of another election, its voters activated on {@code style}. */
  VoterKiosk(Stage stage, Path temp, TestElection election, String style, String name) throws Exception {
    this.stage = stage;
    this.style = style;
    Path dir = Files.createTempDirectory(temp, "kiosk");
    KioskCredentials creds = KioskCredentials.generate("K1", election.config.extendedHash(),
        election.boardKey.publicKey(), election.polling.checkpointKey.verifierKey(), RANDOM);
    store = KioskStore.open(dir.resolve("kiosk.sqlite"), "K1", ConfirmationCodes.chainStart(
        election.config.extendedHash(), "K1"));
    uploader = new Uploader(store, BoardClient.create(URI.create("http://127.0.0.1:9"), Duration.ofSeconds(1)),
        creds);
    BallotCaster caster = new BallotCaster(election.config, creds, store, uploader, RANDOM, Clock.systemUTC(),
        URI.create("http://127.0.0.1:9"), Duration.ofMillis(100));
    receipts = dir.resolve("receipts");
    controller = new KioskController(new VotingSession(election.config.manifest()), caster, uploader, name,
        receipts, now::get);
    view = new KioskView(controller, org.evote.kiosk.pollworker.TestActivation.opened(controller.session(), dir));
    stage.setScene(new Scene(view.root(), WIDTH, HEIGHT));
    stage.show();
  }

  VotingSession session() {
    return controller.session();
  }

  /** The poll worker's part, done directly (the activation screen is not a voter screen). */
  void activate(FxRobot robot) {
    robot.interact(() -> session().activate(style));
    WaitForAsyncUtils.waitForFxEvents();
  }

  void waitFor(Screen s) throws Exception {
    WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> session().screen() == s);
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** The node's bounds in the scene. */
  static Bounds inScene(Node n) {
    return n.localToScene(n.getBoundsInLocal());
  }

  /** Saves the window as target/screenshots/{@code name}.png; returns the file. */
  Path shot(FxRobot robot, String name) throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    WritableImage[] img = new WritableImage[1];
    robot.interact(() -> img[0] = stage.getScene().snapshot(null));
    Path file = dir.resolve(name + ".png");
    ImageIO.write(SwingFXUtils.fromFXImage(img[0], null), "png", file.toFile());
    return file;
  }

  @Override
  public void close() {
    javafx.application.Platform.runLater(view::dispose);
    WaitForAsyncUtils.waitForFxEvents();
    controller.close();
    uploader.close();
    store.close();
  }
}
