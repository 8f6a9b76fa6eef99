package org.evote.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.hash.DomainTags;
import org.evote.crypto.hash.Hasher;
import org.evote.crypto.keystore.KioskCredentials;
import org.evote.crypto.note.Ed25519NoteSigner;
import org.evote.kiosk.pollworker.PinGate;
import org.evote.kiosk.pollworker.PollWorkerModel;
import org.evote.kiosk.pollworker.RefusalWords;
import org.evote.kiosk.service.BoardClock;
import org.evote.kiosk.service.KioskStore;
import org.evote.kiosk.session.Texts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The poll workers' screen (headless Monocle): it opens only with the PIN, under the attempt limits, and then with
 * the credential passphrase; open, it lists every ballot the board refused with its reason — recorded or not — in
 * the kiosk's language, from the kiosk's store.
 */
@ExtendWith(ApplicationExtension.class)
class PollWorkerScreenTest {
  @TempDir
  static Path temp;
  static final String PASSPHRASE = "poll worker test passphrase";
  final AtomicLong seconds = new AtomicLong(1_800_000_000L);
  final AtomicReference<Texts> language = new AtomicReference<>(new Texts("en"));
  final AtomicBoolean exited = new AtomicBoolean();
  KioskStore store;
  PollWorkerView view;

  static Digest d(String s) {
    return Hasher.tagged(DomainTags.JSON_OBJECT).string(s).digest();
  }

  Clock clock() {
    return new Clock() {
      @Override
      public ZoneOffset getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return Instant.ofEpochSecond(seconds.get());
      }
    };
  }

  @Start
  void start(Stage stage) throws Exception {
    Path dir = Files.createTempDirectory(temp, "case");
    SecureRandom random = new SecureRandom();
    KioskCredentials creds = KioskCredentials.generate("K1", d("election"),
        org.evote.crypto.board.Ed25519.PrivateKey.generate(random).publicKey(),
        Ed25519NoteSigner.generate("board.example/" + d("election").toHex(), random).verifierKey(), random);
    Path credFile = dir.resolve("k1.credentials");
    creds.write(credFile, PASSPHRASE.toCharArray(), random);
    store = KioskStore.open(dir.resolve("kiosk.sqlite"), "K1", d("start"));
    long a = store.enqueue("K1-000001", EntryKind.BALLOT_CAST, "K1-000001", "AAAA-BBBB-CCCC-DDDD", d("start"),
        d("c1"), 100, "{}", 100);
    long b = store.enqueue("K1-000002", EntryKind.BALLOT_CHALLENGED, "K1-000002", "EEEE-FFFF-GGGG-HHHH", d("c1"),
        d("c2"), 101, "{}", 101);
    store.enqueue("K1-000003", EntryKind.BALLOT_CAST, "K1-000003", "JJJJ-KKKK-LLLL-MMMM", d("c2"), d("c3"), 102,
        "{}", 102);
    store.markRefused(a, "future_ballot", "the ballot is dated after the board's time", Optional.of(
        "{\"kind\":\"ballot_refused\",\"sequence\":17}"));
    store.markRefused(b, "polls_not_open", "the polls are not open", Optional.empty());
    Path pin = dir.resolve(PinGate.FILE_NAME);
    PinGate.setPin(pin, "2468".toCharArray(), random);
    PollWorkerModel model = new PollWorkerModel(PinGate.open(pin, clock()), typed -> {
      try {
        return KioskCredentials.read(credFile, typed).kioskId().equals("K1");
      } catch (Exception e) {
        return false;
      }
    }, store::refused, new BoardClock(Clock.systemUTC())::state, ZoneOffset.UTC);
    view = new PollWorkerView(model, language::get, () -> exited.set(true));
    stage.setScene(new Scene(view.root(), 1200, 1000));
    stage.show();
    view.show();
  }

  @AfterEach
  void stop() {
    store.close();
  }

  String message(FxRobot robot) {
    return robot.lookup("#pollworker-message").queryAs(Label.class).getText();
  }

  void typeAndUnlock(FxRobot robot, String field, String button, String text) throws Exception {
    robot.clickOn("#" + field).write(text);
    robot.clickOn("#" + button);
    WaitForAsyncUtils.waitForFxEvents();
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !view.isChecking());
    WaitForAsyncUtils.waitForFxEvents();
  }

  List<String> refusedLines(FxRobot robot) {
    VBox list = robot.lookup("#refused-list").queryAs(VBox.class);
    return list.getChildren().stream().map(n -> ((Label) n).getText()).toList();
  }

  @Test
  void theRightPinShowsEveryRefusedBallotWithItsReason_inTheKiosksLanguage(FxRobot robot) throws Exception {
    Texts en = new Texts("en");
    assertTrue(robot.lookup("#refused-list").tryQuery().isEmpty(), "nothing is shown before the PIN");
    typeAndUnlock(robot, "pin", "pin-unlock", "1357");
    assertEquals(en.get("pollworker.wrong", PinGate.LOCK_AFTER - 1, PinGate.FIRST_LOCK.toSeconds()),
        message(robot));
    assertTrue(message(robot).startsWith("Wrong PIN — try again."), "a wrong PIN is said plainly");
    assertTrue(view.isShowing(), "a wrong PIN does not close the dialog");
    assertEquals("", robot.lookup("#pin").queryAs(javafx.scene.control.PasswordField.class).getText(),
        "the field is cleared for the next try");
    assertTrue(robot.lookup("#refused-list").tryQuery().isEmpty());
    typeAndUnlock(robot, "pin", "pin-unlock", "2468");
    List<String> lines = refusedLines(robot);
    assertEquals(2, lines.size(), lines.toString());
    assertEquals(en.get("pollworker.refused.recorded", "K1-000001", "AAAA-BBBB-CCCC-DDDD",
        RefusalWords.of(en, "future_ballot"), 17L), lines.get(0));
    assertEquals(en.get("pollworker.refused.unrecorded", "K1-000002", "EEEE-FFFF-GGGG-HHHH",
        RefusalWords.of(en, "polls_not_open")), lines.get(1));
    assertEquals(en.get("clock.unmeasured"), robot.lookup("#pollworker-clock").queryAs(Label.class).getText());

    robot.clickOn("#pollworker-close");
    WaitForAsyncUtils.waitForFxEvents();
    assertFalse(view.isShowing());
    language.set(new Texts("es"));
    robot.interact(view::show);
    assertTrue(robot.lookup("#refused-list").tryQuery().isEmpty(), "closing locks it again");
    typeAndUnlock(robot, "pin", "pin-unlock", "2468");
    Texts es = new Texts("es");
    assertEquals(es.get("pollworker.refused.recorded", "K1-000001", "AAAA-BBBB-CCCC-DDDD",
        RefusalWords.of(es, "future_ballot"), 17L), refusedLines(robot).get(0));
    robot.clickOn("#pollworker-exit");
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(exited.get());
  }

  @Test
  void tooManyWrongPinsLockTheScreen_thenOnlyThePassphraseOpensIt(FxRobot robot) throws Exception {
    Texts en = new Texts("en");
    for (int i = 1; i < PinGate.PASSPHRASE_AFTER; i++) {
      typeAndUnlock(robot, "pin", "pin-unlock", "0000");
      if (i >= PinGate.LOCK_AFTER) {
        assertTrue(message(robot).startsWith(en.get("pollworker.locked", "").substring(0, 20)), message(robot));
        typeAndUnlock(robot, "pin", "pin-unlock", "2468");
        assertTrue(robot.lookup("#refused-list").tryQuery().isEmpty(), "locked: the right PIN does not open it");
        seconds.addAndGet(PinGate.lockFor(i).toSeconds());
      }
    }
    typeAndUnlock(robot, "pin", "pin-unlock", "0000");
    assertEquals(en.get("pollworker.passphrase"), message(robot));
    assertTrue(robot.lookup("#pin").tryQuery().isEmpty(), "no PIN is asked for any more");
    typeAndUnlock(robot, "passphrase", "passphrase-unlock", "not the passphrase at all");
    assertEquals(en.get("pollworker.passphraseWrong"), message(robot));
    typeAndUnlock(robot, "passphrase", "passphrase-unlock", PASSPHRASE);
    assertEquals(2, refusedLines(robot).size());
    Node list = robot.lookup("#refused-list").query();
    assertTrue(list.isVisible());
  }
}
