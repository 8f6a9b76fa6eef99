package org.evote.kiosk.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.evote.board.client.BoardClient;
import org.evote.crypto.ballot.ConfirmationCodes;
import org.evote.crypto.keystore.KioskCredentials;
import org.evote.crypto.testing.TestElection;
import org.evote.kiosk.service.BallotCaster;
import org.evote.kiosk.service.KioskStore;
import org.evote.kiosk.service.Uploader;
import org.evote.kiosk.session.Screen;
import org.evote.kiosk.session.Texts;
import org.evote.kiosk.session.VotingSession;
import org.evote.kiosk.testing.Riverton;
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
 * A ranked contest and a write-in by ear (headless Monocle, the real espeak-ng, the Riverton manifest): candidates
 * ranked with Enter and their ranks heard, the ranking heard and reordered with the audio keys, a write-in line
 * ranked, its name typed on the physical keyboard (each letter spoken) and with the audio keys alone (Delete, a
 * letter of the list), Done saying the name back spelled, and the review speaking the ranking with the name.
 */
@ExtendWith(ApplicationExtension.class)
class AudioRankedWriteInTest {
  static final SecureRandom RANDOM = new SecureRandom();
  static final TestElection ELECTION = new TestElection(Riverton.manifest(), 3, 2, RANDOM);
  static final Texts EN = new Texts("en");
  @TempDir
  static Path temp;
  final AtomicLong now = new AtomicLong(1_000_000);
  KioskStore store;
  Uploader uploader;
  KioskController controller;
  VotingSession session;
  KioskView view;
  RecordingSpeech speech;
  AudioNavigator audio;
  FxRobot robot;

  @Start
  void start(Stage stage) throws Exception {
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
    controller = new KioskController(session, caster, uploader, "Riverton", dir.resolve("receipts"), now::get);
    view = new KioskView(controller, org.evote.kiosk.pollworker.TestActivation.opened(controller.session(), dir));
    stage.setScene(new Scene(view.root(), 1200, 1000));
    stage.show();
  }

  @AfterEach
  void stop() {
    javafx.application.Platform.runLater(view::dispose);
    WaitForAsyncUtils.waitForFxEvents();
    if (audio != null) {
      audio.close();
    }
    controller.close();
    uploader.close();
    store.close();
  }

  void settle() {
    WaitForAsyncUtils.waitForFxEvents();
    try {
      WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, audio::quiet);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("the kiosk never stopped talking", e);
    }
    WaitForAsyncUtils.waitForFxEvents();
  }

  List<String> keys(KeyCode... codes) {
    int from = speech.count();
    for (KeyCode k : codes) {
      robot.type(k);
      settle();
    }
    return speech.textsSince(from);
  }

  String said(KeyCode... codes) {
    List<String> all = keys(codes);
    assertFalse(all.isEmpty(), "nothing said");
    return all.get(all.size() - 1);
  }

  /** Types text on the physical keyboard, one character at a time; returns what was said. */
  List<String> typed(String text) {
    int from = speech.count();
    for (String ch : text.split("")) {
      robot.write(ch);
      settle();
    }
    return speech.textsSince(from);
  }

  static KeyCode[] times(int n, KeyCode k) {
    KeyCode[] out = new KeyCode[n];
    java.util.Arrays.fill(out, k);
    return out;
  }

  static String ordinal(int rank) {
    return EN.get("rank.ordinal", rank);
  }

  @Test
  void theVoterRanksReordersAndWritesInByEar(FxRobot r) throws Exception {
    robot = r;
    speech = new RecordingSpeech(EspeakSpeech.open(), EspeakSpeech.open(), Path.of("target", "audio",
        "ranked-write-in"), true);
    audio = new AudioNavigator(controller, speech);
    r.interact(() -> view.setAudio(audio));
    r.interact(() -> {
      audio.audioBallotProperty().set(true);
      session.activate(Riverton.WARD_2);
    });
    settle();
    said(KeyCode.DOWN);
    String okafor = EN.get("audio.candidate.party", "Adaeze Okafor", "Harbor Party");
    String ramirez = EN.get("audio.candidate.party", "Lucía Ramírez", "Green Valley Party");
    assertEquals(EN.get("audio.rank.intro", 1, 4, "Mayor", 5, 0, 6), said(KeyCode.ENTER));

    // rank two: each candidate says its rank
    assertEquals(EN.get("audio.candidate", okafor, 1, 6, EN.get("audio.rank.state.notRanked")),
        said(KeyCode.DOWN));
    assertEquals(EN.get("audio.rank.ranked", okafor, ordinal(1), 1, 5), said(KeyCode.ENTER));
    said(KeyCode.DOWN, KeyCode.DOWN);
    assertEquals(EN.get("audio.rank.ranked", ramirez, ordinal(2), 2, 5), said(KeyCode.ENTER));
    assertEquals(EN.get("audio.candidate", okafor, 1, 6, EN.get("audio.rank.state.ranked", ordinal(1))),
        said(KeyCode.UP, KeyCode.UP));

    // hear the ranking, then move Okafor down
    assertEquals(EN.get("audio.rank.hear"), said(times(6, KeyCode.DOWN)));
    String ranking = EN.get("audio.rank.ranking", EN.get("rank.line", ordinal(1), "Adaeze Okafor") + "; "
        + EN.get("rank.line", ordinal(2), "Lucía Ramírez"));
    assertEquals(ranking, said(KeyCode.ENTER));
    assertEquals(EN.get("audio.rank.moveDown", "Adaeze Okafor", ordinal(1), ordinal(2)), said(KeyCode.DOWN));
    List<String> moved = keys(KeyCode.ENTER);
    assertEquals(EN.get("audio.rank.moved", "Adaeze Okafor", ordinal(2)), moved.get(0));
    assertEquals(List.of("sel-mayor-ramirez", "sel-mayor-okafor"), session.ranking(Riverton.MAYOR));

    // the write-in line: ranked third once its name is done
    assertEquals(EN.get("audio.candidate", EN.get("name.writeIn"), 6, 6, EN.get("audio.rank.state.notRanked")),
        said(KeyCode.UP, KeyCode.UP));
    assertEquals(EN.get("audio.writein.intro", "Write-in", "Mayor", EN.get("audio.writein.nothing")),
        said(KeyCode.ENTER));
    assertEquals(Screen.WRITE_IN, session.screen());
    // the physical keyboard: every letter spoken as typed
    assertEquals(List.of(EN.get("audio.writein.char.capital", "A"), "n", "a", "x"), typed("Anax"));
    // the audio keys alone: Delete, then a letter from the list
    assertEquals(EN.get("audio.writein.done"), said(KeyCode.DOWN));
    assertEquals(EN.get("audio.writein.hear"), said(KeyCode.DOWN));
    assertEquals(EN.get("audio.writein.sofar", "Anax", EN.get("audio.writein.char.capital", "A") + ", n, a, x"),
        said(KeyCode.ENTER));
    assertEquals(EN.get("audio.writein.delete"), said(KeyCode.DOWN));
    assertEquals(EN.get("audio.writein.deleted", "x"), said(KeyCode.ENTER));
    assertEquals(EN.get("audio.writein.space"), said(KeyCode.DOWN));
    assertEquals(EN.get("audio.writein.char.space"), said(KeyCode.ENTER));
    assertEquals(EN.get("audio.writein.key", "b"), said(KeyCode.DOWN, KeyCode.DOWN, KeyCode.DOWN));
    assertEquals(EN.get("audio.writein.char.capital", "B"), said(KeyCode.ENTER), "a new word starts with a capital");
    assertEquals("Ana B", session.writeIn().orElseThrow().text());
    List<String> done = keys(times(6, KeyCode.UP));
    assertEquals(EN.get("audio.writein.done"), done.get(done.size() - 1));
    List<String> recorded = keys(KeyCode.ENTER);
    String spelled = EN.get("audio.writein.sofar", "Ana B", EN.get("audio.writein.char.capital", "A") + ", n, a, "
        + EN.get("audio.writein.char.space") + ", " + EN.get("audio.writein.char.capital", "B"));
    assertEquals(List.of(EN.get("audio.writein.recorded", spelled), EN.get("audio.rank.intro", 1, 4, "Mayor", 5,
        3, 6)), recorded);
    assertEquals(Screen.CONTEST, session.screen());
    assertEquals(List.of("sel-mayor-ramirez", "sel-mayor-okafor", Riverton.MAYOR_WRITE_IN),
        session.ranking(Riverton.MAYOR));
    assertEquals(Map.of(Riverton.MAYOR, Map.of(Riverton.MAYOR_WRITE_IN, "Ana B")), session.ballotWriteIns());

    // the review speaks the ranking in order, with the name
    r.interact(() -> {
      while (session.screen() == Screen.CONTEST) {
        session.next();
      }
    });
    settle();
    String writeIn = EN.get("name.writeInWith", EN.get("name.writeIn"), "Ana B");
    assertEquals(EN.get("audio.review.line", "Mayor", EN.get("rank.line", ordinal(1), ramirez) + "; "
        + EN.get("rank.line", ordinal(2), okafor) + "; " + EN.get("rank.line", ordinal(3), writeIn)) + " "
        + EN.get("review.rankMore", 2) + " " + EN.get("audio.review.change"), said(KeyCode.DOWN));
  }
}
