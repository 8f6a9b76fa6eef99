package org.evote.kiosk.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.evote.board.client.BoardClient;
import org.evote.crypto.ballot.ConfirmationCodes;
import org.evote.crypto.keystore.KioskCredentials;
import org.evote.crypto.manifest.ContestDescription;
import org.evote.crypto.manifest.DisplayNames;
import org.evote.crypto.manifest.SelectionDescription;
import org.evote.crypto.testing.TestElection;
import org.evote.kiosk.service.BallotCaster;
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
 * The whole voter flow by ear (headless Monocle, the real espeak-ng): activation, language, every contest, the
 * review, cast with its confirmation — and, in another test, challenge then vote again — driven by key presses
 * alone with the screen blanked. Every prompt's words are asserted, and every prompt is real audio: a WAV under
 * {@code target/audio/<test>/} (listed in its prompts.txt), not silent, of a plausible length for its words.
 */
@ExtendWith(ApplicationExtension.class)
class AudioVotingTest {
  static final SecureRandom RANDOM = new SecureRandom();
  static final TestElection ELECTION = new TestElection(TestElection.manifest("manifest-small.json"), 3, 2, RANDOM);
  /** The style with all three contests. */
  static final String STYLE = "franklin-county-ozark-schools";
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
    // no board: ballots wait in the outbox and the receipt says so
    uploader = new Uploader(store, BoardClient.create(URI.create("http://127.0.0.1:9"), Duration.ofSeconds(1)),
        creds);
    BallotCaster caster = new BallotCaster(ELECTION.config, creds, store, uploader, RANDOM, Clock.systemUTC(),
        URI.create("http://127.0.0.1:9"), Duration.ofMillis(100));
    session = new VotingSession(ELECTION.config.manifest());
    controller = new KioskController(session, caster, uploader, "Test", dir.resolve("receipts"), now::get);
    view = new KioskView(controller, org.evote.kiosk.pollworker.TestActivation.locked(controller.session(), dir));
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

  void audioMode(FxRobot r, String name) throws Exception {
    audioMode(r, name, true);
  }

  void audioMode(FxRobot r, String name, boolean headphones) throws Exception {
    robot = r;
    speech = new RecordingSpeech(EspeakSpeech.open(), EspeakSpeech.open(), Path.of("target", "audio", name),
        headphones);
    audio = new AudioNavigator(controller, speech);
    r.interact(() -> view.setAudio(audio));
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

  /** Presses the keys one after another (each heard to the end) and returns what was said. */
  List<String> keys(KeyCode... codes) {
    int from = speech.count();
    for (KeyCode k : codes) {
      robot.type(k);
      settle();
    }
    return speech.textsSince(from);
  }

  /** The one thing the last keys made the kiosk say. */
  String said(KeyCode... codes) {
    List<String> all = keys(codes);
    assertFalse(all.isEmpty(), "nothing said");
    return all.get(all.size() - 1);
  }

  List<String> awaitScreen(Screen s, int from) throws Exception {
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> session.screen() == s
        && (s != Screen.RECEIPT && s != Screen.CHALLENGED || controller.lastReceipt() != null));
    settle();
    return speech.textsSince(from);
  }

  void assertBlanked(boolean on) {
    Node blank = robot.lookup("#audio-blank").query();
    assertEquals(on, blank.isVisible(), "privacy overlay");
    assertEquals(!on, view.root().getTop().isVisible(), "header");
  }

  // ---- the expected words, from the kiosk's bundle and the display-name rule ----

  static List<ContestDescription> contests() {
    return ELECTION.config.manifest().contestsFor(STYLE);
  }

  static String title(Texts t, String lang, ContestDescription c) {
    return new DisplayNames(ELECTION.config.manifest()).contest(c.id(), lang).render(new org.evote.kiosk.session.KioskWords(t));
  }

  static String name(Texts t, String lang, ContestDescription c, SelectionDescription s) {
    DisplayNames n = new DisplayNames(ELECTION.config.manifest());
    org.evote.kiosk.session.KioskWords w = new org.evote.kiosk.session.KioskWords(t);
    String name = n.selection(c.id(), s.id(), lang).render(w);
    return n.selectionParty(c.id(), s.id(), lang).map(p -> t.get("audio.candidate.party", name, p.render(w)))
        .orElse(name);
  }

  static String voteFor(Texts t, ContestDescription c) {
    return c.votesAllowed() == 1 ? t.get("contest.voteForOne") : t.get("contest.voteFor", c.votesAllowed());
  }

  static String intro(Texts t, String lang, int i, int chosen) {
    ContestDescription c = contests().get(i);
    return t.get("audio.contest.intro", i + 1, contests().size(), title(t, lang, c), voteFor(t, c), chosen,
        c.votesAllowed(), c.selections().size());
  }

  static String candidate(Texts t, String lang, int contest, int i, boolean selected) {
    ContestDescription c = contests().get(contest);
    return t.get("audio.candidate", name(t, lang, c, c.selections().get(i)), i + 1, c.selections().size(),
        t.get(selected ? "audio.state.selected" : "audio.state.notSelected"));
  }

  static String spelled(Texts t, String code) {
    List<String> groups = new ArrayList<>();
    String[] g = code.split("-");
    assertEquals(4, g.length, code);
    for (int i = 0; i < g.length; i++) {
      groups.add(t.get("audio.code.group", i + 1, String.join(", ", g[i].split(""))));
    }
    return String.join(" ", groups);
  }

  static KeyCode[] down(int n) {
    KeyCode[] k = new KeyCode[n];
    java.util.Arrays.fill(k, KeyCode.DOWN);
    return k;
  }

  /** Every prompt said is a real WAV: not silent, and about as long as its words take at its rate. */
  void assertRealAudio() throws Exception {
    assertRealAudio(40);
  }

  void assertRealAudio(int atLeast) throws Exception {
    List<RecordingSpeech.Spoken> all = speech.spoken();
    assertTrue(all.size() > atLeast, "prompts: " + all.size());
    for (RecordingSpeech.Spoken s : all) {
      WavStats w = WavStats.of(s.wav());
      assertTrue(w.rms() > WavStats.SILENCE, s.wav() + " is silent: " + w);
      assertTrue(w.plausibleFor(s.text(), s.utterance().wordsPerMinute()), s.wav() + " (" + s.text() + "): " + w);
    }
  }

  @Test
  void aPollWorkerStartsAnAudioBallot_andTheVoterCastsInSpanish_byKeysAlone(FxRobot r) throws Exception {
    audioMode(r, "cast-in-spanish");
    Texts en = new Texts("en");
    Texts es = new Texts("es");
    unlockByKeys(); // the poll worker: PIN, clock notice (the poll workers' screen is not audio)
    assertEquals(List.of(en.get("audio.pollworker.on")), keys(KeyCode.F2));
    assertTrue(robot.lookup("#audio-ballot").queryAs(ToggleButton.class).isSelected());
    int from = speech.count();
    chooseStyleByKeys(); // the poll worker activates the ballot
    settle();
    assertEquals(List.of(en.get("audio.start") + " " + en.get("audio.blanked"), en.get("audio.language.intro"),
        es.get("audio.language.intro")), speech.textsSince(from));
    assertBlanked(true);
    assertTrue(audio.active());
    assertFalse(audio.audioBallotProperty().get(), "the switch is for one ballot");

    assertEquals(en.get("audio.language.item", "English"), said(KeyCode.DOWN));
    assertEquals("en", last().utterance().language());
    assertEquals(es.get("audio.language.item", "Español"), said(KeyCode.DOWN));
    assertEquals("es", last().utterance().language());
    assertEquals(intro(es, "es", 0, 0), said(KeyCode.ENTER));
    assertTrue(last().text().startsWith("Contienda 1 de 3"), last().text());
    assertEquals("es", last().utterance().language());

    // contest 1: select, an overvote refused, the state heard again; help, rate, volume, repeat, blanking
    ContestDescription c0 = contests().get(0);
    assertEquals(candidate(es, "es", 0, 0, false), said(KeyCode.DOWN));
    assertEquals(es.get("audio.selected", name(es, "es", c0, c0.selections().get(0)), 1, 1), said(KeyCode.ENTER));
    assertEquals(candidate(es, "es", 0, 1, false), said(KeyCode.DOWN));
    assertEquals(es.get("contest.overvote", 1), said(KeyCode.ENTER));
    assertEquals(candidate(es, "es", 0, 0, true), said(KeyCode.UP));
    assertEquals(List.of(es.get("audio.top"), candidate(es, "es", 0, 0, true)), keys(KeyCode.UP));
    assertEquals(es.get("audio.help"), said(KeyCode.H));
    assertEquals(es.get("audio.rate", 200), said(KeyCode.ADD));
    assertEquals(200, last().utterance().wordsPerMinute());
    assertEquals(es.get("audio.volume", 6), said(KeyCode.PAGE_UP));
    assertEquals(60, last().utterance().volumePercent());
    assertEquals(List.of(intro(es, "es", 0, 1), candidate(es, "es", 0, 0, true)), keys(KeyCode.SPACE));
    assertEquals(es.get("audio.unblanked"), said(KeyCode.B));
    assertBlanked(false);
    assertEquals(es.get("audio.blanked"), said(KeyCode.B));
    assertBlanked(true);
    int n0 = c0.selections().size();
    assertEquals(es.get("audio.contest.next"), said(down(n0)));
    assertEquals(List.of(es.get("audio.bottom"), es.get("audio.contest.next")), keys(KeyCode.DOWN));
    assertEquals(intro(es, "es", 1, 0), said(KeyCode.ENTER));

    // contest 2: back to contest 1 (its choice kept), on again, no vote in contest 2
    assertEquals(intro(es, "es", 0, 1), said(KeyCode.LEFT));
    said(down(n0 + 1));
    assertEquals(intro(es, "es", 1, 0), said(KeyCode.ENTER));
    int n1 = contests().get(1).selections().size();
    assertEquals(es.get("audio.contest.next"), said(down(n1 + 1)));
    assertEquals(intro(es, "es", 2, 0), said(KeyCode.ENTER));

    // contest 3 (vote for 2): two chosen, a third refused
    ContestDescription c2 = contests().get(2);
    said(KeyCode.DOWN);
    assertEquals(es.get("audio.selected", name(es, "es", c2, c2.selections().get(0)), 1, 2), said(KeyCode.ENTER));
    said(KeyCode.DOWN);
    assertEquals(es.get("audio.selected", name(es, "es", c2, c2.selections().get(1)), 2, 2), said(KeyCode.ENTER));
    said(KeyCode.DOWN);
    assertEquals(es.get("contest.overvote", 2), said(KeyCode.ENTER));
    assertEquals(es.get("audio.contest.toReview"), said(KeyCode.DOWN));
    assertEquals(es.get("audio.review.intro", 3), said(KeyCode.ENTER));

    // the review: each contest with its choices or "no selection"
    assertEquals(es.get("audio.review.line", title(es, "es", c0), name(es, "es", c0, c0.selections().get(0))) + " "
        + es.get("audio.review.change"), said(KeyCode.DOWN));
    assertEquals(es.get("audio.review.none", title(es, "es", contests().get(1))) + " "
        + es.get("audio.review.change"), said(KeyCode.DOWN));
    assertEquals(es.get("audio.review.line", title(es, "es", c2), name(es, "es", c2, c2.selections().get(0)) + "; "
        + name(es, "es", c2, c2.selections().get(1))) + " " + es.get("audio.review.change"), said(KeyCode.DOWN));
    assertEquals(es.get("audio.review.encrypt"), said(KeyCode.DOWN));
    from = speech.count();
    robot.type(KeyCode.ENTER);
    List<String> encrypted = awaitScreen(Screen.DECIDE, from);
    assertEquals(es.get("encrypting.title") + " " + es.get("audio.wait"), encrypted.get(0));
    String code = controller.trackingCode();
    assertEquals(es.get("decide.title") + ". " + es.get("decide.code") + ": " + spelled(es, code) + " "
        + es.get("decide.help") + " " + es.get("audio.decide.hint"), encrypted.get(encrypted.size() - 1));
    assertTrue(encrypted.get(encrypted.size() - 1).contains("Grupo 1: " + String.join(", ", code.substring(0, 4)
        .split(""))), "spelled character by character");

    // the tracking code again, then cast — after a confirmation
    said(KeyCode.DOWN);
    assertEquals(es.get("decide.code") + ": " + spelled(es, code), said(KeyCode.ENTER));
    assertEquals(es.get("audio.decide.cast"), said(KeyCode.DOWN));
    assertEquals(es.get("audio.confirm.cast"), said(KeyCode.ENTER));
    assertEquals(java.util.Optional.of(VotingSession.Pending.CAST), session.pendingDecision());
    assertEquals(es.get("audio.confirm.yesCast"), said(KeyCode.DOWN));
    from = speech.count();
    robot.type(KeyCode.ENTER);
    List<String> cast = awaitScreen(Screen.RECEIPT, from);
    assertEquals(es.get("audio.submitting"), cast.get(0));
    String receipt = cast.get(cast.size() - 1);
    assertTrue(receipt.startsWith(es.get("receipt.title") + ". " + es.get("receipt.pending") + " "
        + es.get("decide.code") + ": " + spelled(es, code) + " " + es.get("receipt.help")), receipt);
    assertTrue(receipt.endsWith(es.get("audio.receipt.hint")), receipt);
    assertBlanked(true);
    assertEquals(es.get("audio.receipt.finish"), said(KeyCode.DOWN, KeyCode.DOWN));
    assertEquals(es.get("audio.ended"), said(KeyCode.ENTER));
    assertEquals(Screen.ACTIVATION, session.screen());
    assertFalse(audio.active());
    assertBlanked(false);
    assertRealAudio();
  }

  @Test
  void theVoterStartsAudio_challenges_thenVotesAgainAndCasts(FxRobot r) throws Exception {
    audioMode(r, "challenge-then-vote-again");
    Texts en = new Texts("en");
    unlockByKeys();
    chooseStyleByKeys();
    settle();
    assertEquals(0, speech.count(), "no audio ballot was asked for");
    assertBlanked(false);
    List<String> start = keys(KeyCode.F2); // the voter starts the audio mode on the language screen
    assertEquals(en.get("audio.start") + " " + en.get("audio.blanked"), start.get(0));
    assertBlanked(true);
    said(KeyCode.DOWN);
    assertEquals(intro(en, "en", 0, 0), said(KeyCode.ENTER));
    assertTrue(last().text().startsWith("Contest 1 of 3: "), last().text());
    int n0 = contests().get(0).selections().size();
    int n1 = contests().get(1).selections().size();
    int n2 = contests().get(2).selections().size();
    said(KeyCode.DOWN, KeyCode.ENTER); // choice 1 of contest 1
    said(down(n0)); // from choice 1 to "next contest"
    assertEquals(intro(en, "en", 1, 0), said(KeyCode.ENTER));
    said(KeyCode.DOWN, KeyCode.DOWN, KeyCode.ENTER); // choice 2 of contest 2
    said(down(n1));
    assertEquals(intro(en, "en", 2, 0), said(KeyCode.ENTER));
    said(down(n2 + 1));
    assertEquals(en.get("audio.review.intro", 3), said(KeyCode.ENTER));
    List<String> review = keys(down(3));
    assertEquals(en.get("audio.review.none", title(en, "en", contests().get(2))) + " "
        + en.get("audio.review.change"), review.get(2));
    assertTrue(review.get(2).contains(": no selection."), review.get(2));
    said(KeyCode.DOWN);
    int from = speech.count();
    robot.type(KeyCode.ENTER);
    awaitScreen(Screen.DECIDE, from);
    String first = controller.trackingCode();

    // challenge: asked, refused with Left (back to the decision), asked again and confirmed
    assertEquals(en.get("audio.decide.challenge"), said(down(3)));
    assertEquals(en.get("audio.confirm.challenge"), said(KeyCode.ENTER));
    String back = said(KeyCode.LEFT);
    assertTrue(back.startsWith(en.get("decide.title") + ". "), back);
    assertTrue(session.pendingDecision().isEmpty());
    said(down(3));
    assertEquals(en.get("audio.confirm.challenge"), said(KeyCode.ENTER));
    assertEquals(en.get("audio.confirm.yesChallenge"), said(KeyCode.DOWN));
    from = speech.count();
    robot.type(KeyCode.ENTER);
    List<String> challenged = awaitScreen(Screen.CHALLENGED, from);
    assertEquals(en.get("challenged.title") + ". " + en.get("challenged.help", spelled(en, first)) + " "
        + en.get("audio.challenged.hint"), challenged.get(challenged.size() - 1));
    assertTrue(controller.lastReceipt().challenged());
    assertBlanked(true);

    // vote again: a fresh ballot from contest 1, then straight to the review and cast
    assertEquals(en.get("audio.challenged.again"), said(KeyCode.DOWN, KeyCode.DOWN));
    String again = said(KeyCode.ENTER);
    for (ContestDescription c : contests()) {
      assertTrue(session.chosen(c.id()).isEmpty(), "voting again starts with no choices: " + c.id());
    }
    assertEquals(intro(en, "en", 0, 0), again);
    said(down(n0 + 1));
    said(KeyCode.ENTER);
    said(down(n1 + 1));
    said(KeyCode.ENTER);
    said(down(n2 + 1));
    assertEquals(en.get("audio.review.intro", 3), said(KeyCode.ENTER));
    said(down(4));
    from = speech.count();
    robot.type(KeyCode.ENTER);
    awaitScreen(Screen.DECIDE, from);
    String second = controller.trackingCode();
    assertNotEquals(first, second, "a new ballot");
    said(down(2));
    said(KeyCode.ENTER);
    said(KeyCode.DOWN);
    from = speech.count();
    robot.type(KeyCode.ENTER);
    List<String> cast = awaitScreen(Screen.RECEIPT, from);
    assertTrue(cast.get(cast.size() - 1).contains(spelled(en, second)));
    assertFalse(controller.lastReceipt().challenged());
    said(down(2));
    assertEquals(en.get("audio.ended"), said(KeyCode.ENTER));
    assertEquals(Screen.ACTIVATION, session.screen());
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(robot.lookup("#style-list").tryQuery().isEmpty(), "the next ballot needs the PIN again");
    assertRealAudio();
  }

  @Test
  void theInactivityWarning_anAlarm_andAClearedBallot_areSpoken(FxRobot r) throws Exception {
    audioMode(r, "notices");
    Texts en = new Texts("en");
    unlockByKeys();
    keys(KeyCode.F2);
    chooseStyleByKeys();
    settle();
    said(KeyCode.DOWN, KeyCode.ENTER);
    assertEquals(intro(en, "en", 0, 0), last().text());

    // an alarm of the kiosk (the board refused a ballot without a record) is spoken once
    int from = speech.count();
    KioskStore.Chain c = store.chain();
    long id = store.enqueue("K1-000001", org.evote.crypto.board.EntryKind.BALLOT_CAST, "K1-000001",
        "AAAA-BBBB-CCCC-DDDD", c.lastCode(), ConfirmationCodes.chainStart(ELECTION.config.extendedHash(),
        "K1-000001"), c.lastTime() + 1, "{}", 100);
    store.markRefused(id, "revoked_kiosk", "refused", java.util.Optional.empty());
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> speech.count() > from);
    settle();
    org.evote.kiosk.service.Alarm alarm = uploader.status().alarm().orElseThrow();
    assertEquals(List.of(org.evote.kiosk.ui.AlarmLine.of(en, alarm)), speech.textsSince(from));

    // no key for two minutes: the warning is spoken, then the ballot is cleared and the voter told
    int warnFrom = speech.count();
    now.addAndGet(org.evote.kiosk.session.InactivityTimer.WARN_AFTER_SECONDS + 1);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> speech.count() > warnFrom);
    settle();
    String warning = speech.textsSince(warnFrom).get(0);
    assertTrue(warning.startsWith(en.get("timeout.title") + " "), warning);
    assertTrue(warning.endsWith(en.get("audio.timeout")), warning);
    int clearFrom = speech.count();
    now.addAndGet(org.evote.kiosk.session.InactivityTimer.RESET_AFTER_WARNING_SECONDS);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> session.screen() == Screen.ACTIVATION);
    settle();
    assertEquals(List.of(en.get("audio.cleared")), speech.textsSince(clearFrom));
    assertFalse(audio.active());
    assertBlanked(false);
    assertRealAudio(5);
  }

  /**
   * The poll worker's part, by keys alone as well: the PIN (the activation screen is locked for every ballot),
   * the clock notice read (Space on its button), and the style found by typing its name, then Enter.
   */
  void unlockByKeys() {
    assertTrue(robot.lookup("#style-list").tryQuery().isEmpty(), "locked: no style can be chosen without the PIN");
    robot.write(org.evote.kiosk.pollworker.TestActivation.PIN);
    robot.type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    waitForFocus();
    if (robot.lookup("#clock-notice").tryQuery().isPresent()) {
      robot.type(KeyCode.SPACE);
      WaitForAsyncUtils.waitForFxEvents();
      waitForFocus();
    }
    assertTrue(robot.lookup("#clock-notice").tryQuery().isEmpty(), "the clock notice was acknowledged");
  }

  void chooseStyleByKeys() {
    String name = new DisplayNames(ELECTION.config.manifest()).style(STYLE);
    robot.write(name);
    WaitForAsyncUtils.waitForFxEvents();
    robot.type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(java.util.Optional.of(STYLE), session.styleId());
  }

  private static void waitForFocus() {
    for (int i = 0; i < 3; i++) {
      WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
      WaitForAsyncUtils.waitForFxEvents();
    }
  }

  RecordingSpeech.Spoken last() {
    List<RecordingSpeech.Spoken> all = speech.spoken();
    return all.get(all.size() - 1);
  }

  @Test
  void anAudioBallotThatCannotBeHeard_showsTheScreenAgainAndCallsAPollWorker(FxRobot r) throws Exception {
    audioMode(r, "no-headphones", false);
    unlockByKeys();
    keys(KeyCode.F2);
    chooseStyleByKeys();
    settle();
    assertTrue(audio.active());
    // within the view's next once-a-second ticks the silence is noticed: no black screen in front of the voter
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !audio.unheardProperty().get().isEmpty());
    WaitForAsyncUtils.waitForFxEvents();
    assertFalse(robot.lookup("#audio-blank").query().isVisible(), "the screen is shown again");
    javafx.scene.control.Label notice = robot.lookup("#audio-unheard").queryAs(javafx.scene.control.Label.class);
    assertTrue(notice.isVisible());
    assertEquals(new Texts("en").get("audio.unheard"), notice.getText());
    // the voter can go on by sight (or a poll worker can help): the screen takes clicks through the notice
    robot.clickOn("#lang-en");
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(Screen.CONTEST, session.screen());
  }
}
