package org.evote.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.evote.board.client.BoardClient;
import org.evote.crypto.ballot.ConfirmationCodes;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.keystore.KioskCredentials;
import org.evote.crypto.manifest.BallotStyle;
import org.evote.crypto.testing.TestElection;
import org.evote.kiosk.pollworker.RefusalWords;
import org.evote.kiosk.service.Alarm;
import org.evote.kiosk.service.BallotCaster;
import org.evote.kiosk.service.ChainBrokenException;
import org.evote.kiosk.service.KioskStore;
import org.evote.kiosk.service.Uploader;
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
 * Review finding B1 (headless Monocle): once the board refused a ballot of this kiosk without a record, the kiosk's
 * chain on the board stops before it and every later ballot would be refused {@code chain_broken}; so the activation
 * screen blocks starting a ballot and says why, in the kiosk's words, the alarm stays on the status line (also after
 * a restart), and the encrypt path refuses a new ballot. A refusal the board recorded blocks nothing.
 */
@ExtendWith(ApplicationExtension.class)
class ChainBreakScreenTest {
  static final SecureRandom RANDOM = new SecureRandom();
  static final TestElection ELECTION = new TestElection(TestElection.manifest("manifest-small.json"), 3, 2, RANDOM);
  @TempDir
  static Path temp;
  final AtomicLong now = new AtomicLong(1_000_000);
  KioskCredentials creds;
  KioskStore store;
  Uploader uploader;
  BallotCaster caster;
  KioskController controller;
  KioskView view;

  @Start
  void start(Stage stage) throws Exception {
    Path dir = Files.createTempDirectory(temp, "case");
    creds = KioskCredentials.generate("K1", ELECTION.config.extendedHash(), ELECTION.boardKey.publicKey(),
        ELECTION.polling.checkpointKey.verifierKey(), RANDOM);
    store = KioskStore.open(dir.resolve("kiosk.sqlite"), "K1", ConfirmationCodes.chainStart(
        ELECTION.config.extendedHash(), "K1"));
    // never started: no board is needed to see what the store says
    uploader = new Uploader(store, BoardClient.create(URI.create("http://127.0.0.1:9"), Duration.ofSeconds(1)),
        creds);
    caster = new BallotCaster(ELECTION.config, creds, store, uploader, RANDOM, Clock.systemUTC(),
        URI.create("http://127.0.0.1:9"), Duration.ofMillis(100));
    VotingSession session = new VotingSession(ELECTION.config.manifest());
    controller = new KioskController(session, caster, uploader, "Test", dir.resolve("receipts"), now::get);
    view = new KioskView(controller, org.evote.kiosk.pollworker.TestActivation.opened(session, dir));
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
  }

  /** Queues a stand-in submission continuing the chain and marks it refused, with a record or without. */
  long refused(String ballotId, String reason, boolean recorded) {
    KioskStore.Chain c = store.chain();
    Digest code = ConfirmationCodes.chainStart(ELECTION.config.extendedHash(), ballotId);
    long id = store.enqueue(ballotId, EntryKind.BALLOT_CAST, ballotId, "AAAA-BBBB-CCCC-DDDD", c.lastCode(), code,
        c.lastTime() + 1, "{}", 100);
    store.markRefused(id, reason, "refused", recorded ? Optional.of("{\"kind\":\"ballot_refused\",\"sequence\":9}")
        : Optional.empty());
    return id;
  }

  static String style() {
    return ELECTION.config.manifest().ballotStyles().get(0).id();
  }

  /** A random ballot's choices and write-in names (a marked write-in line needs its name). */
  org.evote.kiosk.service.PreparedBallot prepareRandom() {
    org.evote.crypto.ballot.RandomBallots.Marks m = org.evote.crypto.ballot.RandomBallots.marks(
        ELECTION.config.manifest(), style(), RANDOM);
    return caster.prepare(style(), m.choices(), m.writeIns());
  }

  List<Button> styleButtons(FxRobot robot) {
    return ELECTION.config.manifest().ballotStyles().stream().map(BallotStyle::id)
        .map(s -> robot.lookup("#style-" + s).queryAs(Button.class)).toList();
  }

  @Test
  void anUnrecordedRefusal_blocksNewBallots_andTheActivationScreenSaysWhy(FxRobot robot) throws Exception {
    Texts en = new Texts("en");
    robot.clickOn("#clock-ack"); // the board's time was never measured: the clock notice comes first
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(styleButtons(robot).stream().noneMatch(Button::isDisabled), "nothing blocks a ballot yet");
    assertTrue(robot.lookup("#chain-broken").tryQuery().isEmpty());

    refused("K1-000001", "future_ballot", true);
    WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS); // a tick of the screen
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(styleButtons(robot).stream().noneMatch(Button::isDisabled), "a recorded refusal blocks nothing");
    assertTrue(uploader.status().chainBreak().isEmpty());
    prepareRandom().wipe();

    refused("K1-000002", "revoked_kiosk", false);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#chain-broken").tryQuery().isPresent());
    WaitForAsyncUtils.waitForFxEvents();
    String words = robot.lookup("#chain-broken").queryAs(Label.class).getText();
    assertEquals(en.get("activation.chain_broken", "K1-000002", RefusalWords.of(en, "revoked_kiosk")), words);
    assertTrue(styleButtons(robot).stream().allMatch(Button::isDisabled), "no ballot can be started");
    Alarm.BallotRefused alarm = assertInstanceOf(Alarm.BallotRefused.class, uploader.status().alarm()
        .orElseThrow());
    assertFalse(alarm.recorded());
    String status = robot.lookup("#status").queryAs(Label.class).getText();
    assertTrue(status.contains(AlarmLine.of(en, alarm)), status);
    ChainBrokenException e = assertThrows(ChainBrokenException.class,
        () -> prepareRandom());
    assertEquals("K1-000002", e.refused().ballotId());
    assertEquals(2, store.refused().size(), "the refused-ballot list keeps both");

    // the words exist in Spanish too, and after a restart the store still blocks the kiosk
    Texts es = new Texts("es");
    assertNotEquals(words, es.get("activation.chain_broken", "K1-000002", RefusalWords.of(es, "revoked_kiosk")));
    try (Uploader again = new Uploader(store, BoardClient.create(URI.create("http://127.0.0.1:9"),
        Duration.ofSeconds(1)), creds)) {
      assertEquals("K1-000002", again.status().chainBreak().orElseThrow().ballotId());
      assertTrue(again.status().alarm().isPresent());
    }
  }
}
