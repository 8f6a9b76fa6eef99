package org.evote.kiosk;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import org.evote.board.client.BoardClient;
import org.evote.board.client.BoardRefusedException;
import org.evote.board.client.BoardUnavailableException;
import org.evote.crypto.ballot.ConfirmationCodes;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.keystore.KioskCredentials;
import org.evote.crypto.keystore.SecretFiles;
import org.evote.kiosk.pollworker.ActivationModel;
import org.evote.kiosk.pollworker.Pin;
import org.evote.kiosk.pollworker.PinGate;
import org.evote.kiosk.pollworker.PollWorkerModel;
import org.evote.kiosk.robot.RobotVoter;
import org.evote.kiosk.service.BallotCaster;
import org.evote.kiosk.service.BoardClock;
import org.evote.kiosk.service.KioskStore;
import org.evote.kiosk.service.Uploader;
import org.evote.kiosk.session.VotingSession;
import org.evote.kiosk.ui.KioskController;
import org.evote.kiosk.ui.KioskView;
import org.evote.kiosk.ui.PollWorkerView;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The polling-place kiosk. Unlocks its credentials, fetches the election from the board and refuses it unless its
 * hash is the one pinned at set-up, then runs the voter screens full screen — or, with {@code --robot N}, casts N
 * random ballots headless through the same encrypt-and-cast path.
 */
@Command(name = "./evote kiosk", mixinStandardHelpOptions = true, version = "evote kiosk 0.1.0",
    description = "The polling-place voting kiosk.")
public final class KioskMain implements Callable<Integer> {
  @Option(names = "--server", required = true, description = "bulletin board URL, e.g. https://10.0.0.2:8443 (its "
      + "TLS certificate pinned by the credential)")
  URI server;

  @Option(names = "--credentials", required = true, description = "the kiosk's credential file (kiosk add)")
  Path credentials;

  @Option(names = "--election-hash", required = true, description = "the election's extended hash H_E, pinned "
      + "at set-up: the kiosk refuses any other election")
  String electionHash;

  @Option(names = "--passphrase-file", description = "first line: the credential passphrase (at least 12 "
      + "characters), which seals the kiosk's key (default: ask on the console)")
  Path passphraseFile;

  @Option(names = "--pin-file", description = "first line: the poll worker PIN (4 to 8 digits), which only unlocks "
      + "the poll workers' screen and leaving kiosk mode: sets or replaces it, kept only as a salted slow hash in the "
      + "data directory (default: the PIN set before; asked on the console if none was)")
  Path pinFile;

  @Option(names = "--data", defaultValue = "kiosk-data", description = "directory for the kiosk's outbox and "
      + "receipts (default: ${DEFAULT-VALUE})")
  Path data;

  @Option(names = "--notice", description = "the election notice (notice.json, published by the officials): the "
      + "kiosk also holds the board's witness-cosigned checkpoints to the history it was shown, and after the polls "
      + "close checks that the witnesses cosigned every ballot it uploaded")
  Path notice;

  @Option(names = "--audit-seconds", description = "how often the kiosk audits the board (default: 120)")
  Integer auditSeconds;

  @Option(names = "--robot", description = "cast this many random ballots headless, then exit")
  Integer robot;

  @Option(names = "--challenge-rate", defaultValue = "0.1", description = "robot: fraction challenged (default: "
      + "${DEFAULT-VALUE})")
  double challengeRate;

  @Option(names = "--robot-log", description = "robot: write every ballot (style, choices, cast or challenged, "
      + "tracking code) to this JSON file")
  Path robotLog;

  @Option(names = "--windowed", description = "a normal window instead of full-screen kiosk mode (set-up, demos)")
  boolean windowed;

  /**
   * The robot's exit status when the board refused at least one of its ballots (each is printed with its reason);
   * 1 when ballots are still waiting or an alarm was raised; 2 for a set-up error; 0 when every ballot is on the
   * board.
   */
  public static final int EXIT_REFUSED = 3;

  @Spec
  CommandSpec spec;

  public static void main(String[] args) {
    System.exit(command().execute(args));
  }

  /**
   * The kiosk's command line: a problem that stops it from starting is one line on its error stream (exit 2),
   * never a stack trace.
   */
  public static CommandLine command() {
    CommandLine cmd = new CommandLine(new KioskMain());
    cmd.setExecutionExceptionHandler((e, c, parsed) -> {
      c.getErr().println("error: " + (e instanceof StartupError ? e.getMessage() : StartupError.reason(e)));
      return 2;
    });
    return cmd;
  }

  private java.io.PrintWriter err() {
    return spec.commandLine().getErr();
  }

  @Override
  public Integer call() throws Exception {
    Digest pinned = Digest.decode(electionHash, "--election-hash");
    StartupError.requireFile(credentials, "the kiosk credentials file", "--credentials");
    StartupError.requireFile(passphraseFile, "the passphrase file", "--passphrase-file");
    StartupError.requireFile(pinFile, "the poll worker PIN file", "--pin-file");
    StartupError.requireFile(notice, "the election notice", "--notice");
    KioskCredentials creds = CredentialsUnlock.open(credentials, passphraseFile);
    if (!creds.electionHash().equals(pinned)) {
      err().println("error: the credentials are for election " + creds.electionHash().toHex()
          + ", not the pinned " + pinned.toHex());
      return 2;
    }
    java.util.Optional<org.evote.crypto.notice.ElectionNotice> electionNotice = java.util.Optional.empty();
    if (notice != null) {
      try {
        electionNotice = java.util.Optional.of(org.evote.crypto.notice.NoticeJson.decode(
            org.evote.crypto.json.JsonText.readObject(notice)));
      } catch (RuntimeException | java.io.IOException e) {
        err().println("error: the notice " + notice + " cannot be used: " + e.getMessage());
        return 2;
      }
    }
    Duration auditInterval = auditSeconds == null ? Uploader.AUDIT_INTERVAL : Duration.ofSeconds(auditSeconds);
    if (auditInterval.isNegative() || auditInterval.isZero()) {
      err().println("error: --audit-seconds must be positive");
      return 2;
    }
    BoardClient board;
    try {
      // The board's TLS certificate pinned by the credential (plain http only on loopback, or for an old one).
      board = BoardClient.create(server, creds.tlsFingerprint(), Duration.ofSeconds(5));
    } catch (IllegalArgumentException e) {
      err().println("error: --server " + e.getMessage());
      return 2;
    }
    ElectionConfig config;
    try {
      config = pinnedElection(board, pinned, creds.boardKey(), creds.checkpointKey());
    } catch (java.io.IOException e) {
      err().println("error: " + (e.getCause() instanceof BoardUnavailableException u && u.noAnswer()
          ? StartupError.unreachable(server, u) : e.getMessage()));
      return 2;
    }
    BoardClock boardClock = new BoardClock(Clock.systemUTC());
    boolean practice = measure(board, boardClock);
    SecureRandom random = new SecureRandom();
    SecretFiles.createOwnerOnlyDirectory(data);
    Path pinPath = data.resolve(PinGate.FILE_NAME);
    if (!setPin(pinPath, random)) {
      return 2;
    }
    try (KioskStore store = KioskStore.open(data.resolve("kiosk.sqlite"), creds.kioskId(),
        ConfirmationCodes.chainStart(config.extendedHash(), creds.kioskId()));
        Uploader uploader = uploader(store, board, creds, auditInterval, electionNotice, boardClock)) {
      if (uploader == null) {
        return 2;
      }
      uploader.start();
      BallotCaster caster = new BallotCaster(config, creds, store, uploader, random, Clock.systemUTC(), server,
          Duration.ofSeconds(robot != null ? 10 : 4));
      if (robot != null) {
        return runRobot(caster, store, uploader, random);
      }
      String name = config.manifest().name().in("en").orElse(config.manifest().electionScopeId());
      PinGate gate = PinGate.open(pinPath, Clock.systemUTC());
      org.evote.kiosk.pollworker.PinLock.PassphraseCheck check = typed -> opens(credentials, creds.kioskId(), typed);
      PollWorkerModel pollWorker = new PollWorkerModel(gate, check, store::refused, uploader.boardClock()::state,
          java.time.ZoneId.systemDefault());
      VotingSession session = new VotingSession(config.manifest());
      // Every ballot, the first one too, is started by a poll worker with the PIN.
      ActivationModel activation = new ActivationModel(session, new org.evote.kiosk.pollworker.PinLock(gate, check,
          java.time.ZoneId.systemDefault()));
      try (KioskController controller = new KioskController(session, caster, uploader, name,
          data.resolve("receipts"), () -> System.currentTimeMillis() / 1000);
          org.evote.kiosk.audio.AudioNavigator audio = audio(controller)) {
        showWindow(controller, pollWorker, activation, practice, audio);
      }
      return 0;
    }
  }

  /**
   * Sets the poll worker PIN from {@code --pin-file}; without it keeps the PIN set before, or asks for one on the
   * console (twice). The robot needs none. False (after saying why) if no PIN can be set.
   */
  private boolean setPin(Path pinPath, SecureRandom random) throws java.io.IOException {
    char[] pin;
    if (pinFile != null) {
      pin = SecretFiles.passphrase(pinFile, "poll worker PIN", "--pin-file");
    } else if (robot != null || PinGate.isSet(pinPath)) {
      return true;
    } else {
      java.io.Console console = System.console();
      if (console == null) {
        err().println("error: no poll worker PIN is set for this kiosk: give it with --pin-file");
        return false;
      }
      pin = console.readPassword("new poll worker PIN (4 to 8 digits): ");
      char[] again = console.readPassword("the same PIN again: ");
      boolean same = pin != null && again != null && java.util.Arrays.equals(pin, again);
      if (again != null) {
        java.util.Arrays.fill(again, '\0');
      }
      if (!same) {
        err().println("error: the two PINs differ");
        return false;
      }
    }
    try {
      if (!Pin.isWellFormed(pin)) {
        err().println("error: a poll worker PIN is " + Pin.MIN_DIGITS + " to " + Pin.MAX_DIGITS + " digits");
        return false;
      }
      PinGate.setPin(pinPath, pin, random);
      return true;
    } finally {
      java.util.Arrays.fill(pin, '\0');
    }
  }

  /** Whether {@code typed} opens the kiosk's credential file (poll workers after too many wrong PINs). */
  private static boolean opens(Path credentials, String kioskId, char[] typed) {
    try {
      return KioskCredentials.read(credentials, typed).kioskId().equals(kioskId);
    } catch (java.io.IOException | org.evote.crypto.keystore.EncryptedKeyFile.WrongPassphraseException
        | RuntimeException e) {
      return false;
    }
  }

  /**
   * Measures the kiosk's clock against the board's once at start (the uploader measures it again at each audit);
   * true if the board says it is a practice board.
   */
  private boolean measure(BoardClient board, BoardClock clock) throws InterruptedException {
    long sent = clock.localMillis();
    boolean practice = false;
    try {
      org.evote.board.client.BoardStatus status = board.status();
      clock.measured(status.time(), sent, clock.localMillis());
      practice = status.practice();
    } catch (BoardRefusedException | BoardUnavailableException e) {
      err().println("warning: the board's time could not be read (" + e.getMessage() + "); the poll workers "
          + "are told before a ballot is started");
    }
    if (clock.state() instanceof BoardClock.Off off) {
      err().println("warning: this kiosk's clock differs from the board's by " + Math.abs(off.offsetSeconds())
          + " s; ballots are dated by the board's time");
    }
    if (practice) {
      err().println("note: this is a practice board: ballots cast here are never counted");
    }
    return practice;
  }

  private Uploader uploader(KioskStore store, BoardClient board, KioskCredentials creds, Duration interval,
      java.util.Optional<org.evote.crypto.notice.ElectionNotice> notice, BoardClock boardClock) {
    try {
      return new Uploader(store, board, creds, interval, notice, boardClock);
    } catch (IllegalArgumentException e) {
      err().println("error: the notice cannot be used with these credentials: " + e.getMessage());
      return null;
    }
  }

  /**
   * Fetches the election and checks it is the one pinned at set-up: a board serving another election (another
   * key, another manifest) is refused, so a substituted key cannot be slipped in; so is a board that states
   * another board key or checkpoint key than those pinned in the credentials (its receipts would fail their checks
   * anyway).
   */
  static ElectionConfig pinnedElection(BoardClient board, Digest pinnedHash,
      org.evote.crypto.board.Ed25519.PublicKey pinnedBoardKey, org.evote.crypto.note.VerifierKey pinnedCheckpointKey)
      throws java.io.IOException, InterruptedException {
    ElectionConfig config;
    org.evote.crypto.board.Ed25519.PublicKey boardKey;
    org.evote.crypto.note.VerifierKey checkpointKey;
    try {
      org.evote.board.client.BoardElection election = board.election();
      config = election.config();
      boardKey = election.boardPublicKey();
      checkpointKey = election.checkpointKey();
    } catch (BoardRefusedException e) {
      throw new java.io.IOException("the board answered " + e.status() + " for the election");
    } catch (BoardUnavailableException u) {
      if (u.status().isPresent() && u.status().getAsInt() != 200) {
        throw new java.io.IOException("the board answered " + u.status().getAsInt() + " for the election");
      }
      throw new java.io.IOException(u.noAnswer() ? "the board cannot be reached: " + u.getMessage()
          : "the board's election cannot be read: " + (u.getCause() == null ? u.getMessage()
              : u.getCause().getMessage()), u);
    }
    if (!config.extendedHash().equals(pinnedHash)) {
      throw new java.io.IOException("the board serves election " + config.extendedHash().toHex()
          + ", not the election " + pinnedHash.toHex() + " this kiosk was set up for");
    }
    if (!boardKey.equals(pinnedBoardKey)) {
      throw new java.io.IOException("the board states board key " + boardKey.hex() + ", not the key "
          + pinnedBoardKey.hex() + " pinned in this kiosk's credentials");
    }
    if (!checkpointKey.equals(pinnedCheckpointKey)) {
      throw new java.io.IOException("the board states checkpoint key " + checkpointKey.encoded() + ", not the key "
          + pinnedCheckpointKey.encoded() + " pinned in this kiosk's credentials");
    }
    return config;
  }

  private int runRobot(BallotCaster caster, KioskStore store, Uploader uploader, SecureRandom random)
      throws Exception {
    RobotVoter voter = new RobotVoter(caster, random, challengeRate,
        java.util.Optional.of(data.resolve("receipts")));
    voter.vote(robot);
    voter.stopped().ifPresent(e -> System.out.println("robot: STOPPED: " + e.getMessage()));
    Uploader.awaitEmpty(java.util.List.of(uploader), Duration.ofSeconds(60), Duration.ofMillis(200));
    if (robotLog != null) {
      voter.writeLog(robotLog);
    }
    long pending = store.pendingCount();
    java.util.List<org.evote.kiosk.service.RefusedBallot> refused = store.refused();
    System.out.println("robot: " + robot + " ballots; " + pending + " still waiting to upload; " + refused.size()
        + " refused by the board");
    for (org.evote.kiosk.service.RefusedBallot r : refused) {
      System.out.println("robot: REFUSED " + r.ballotId() + " (tracking code " + r.trackingCode() + "): " + r.reason()
          + (r.recorded() ? ", recorded on the board as entry " + r.sequence().orElseThrow()
              : ", not recorded: the ballot is not on the board") + " - " + r.message());
    }
    java.util.Optional<org.evote.kiosk.service.Alarm> alarm = uploader.status().alarm();
    alarm.ifPresent(a -> System.out.println("robot: ALARM: " + a.reason()));
    if (!refused.isEmpty()) {
      return EXIT_REFUSED;
    }
    return pending == 0 && alarm.isEmpty() ? 0 : 1;
  }

  /** The audio mode, with espeak-ng's speech; none (after saying why) when espeak-ng is missing. */
  private org.evote.kiosk.audio.AudioNavigator audio(KioskController controller) {
    try {
      return new org.evote.kiosk.audio.AudioNavigator(controller, org.evote.kiosk.audio.EspeakSpeech.open());
    } catch (org.evote.kiosk.audio.SpeechException e) {
      err().println("warning: no audio mode on this kiosk: " + e.getMessage());
      return null;
    }
  }

  private void showWindow(KioskController controller, PollWorkerModel pollWorker, ActivationModel activation,
      boolean practice, org.evote.kiosk.audio.AudioNavigator audio) throws InterruptedException {
    CountDownLatch closed = new CountDownLatch(1);
    Platform.startup(() -> {
      Stage stage = new Stage();
      KioskView view = new KioskView(controller, activation);
      view.practice().show(practice);
      view.redraw();
      // The poll workers' dialog speaks the poll workers' language at activation, the voter's during a ballot.
      PollWorkerView workers = new PollWorkerView(pollWorker, () -> controller.session().screen()
          == org.evote.kiosk.session.Screen.ACTIVATION ? activation.texts() : controller.session().texts(), () -> {
        stage.close();
        closed.countDown();
        Platform.exit();
      });
      view.setPollWorker(workers);
      if (audio != null) {
        view.setAudio(audio);
      }
      Scene scene = new Scene(view.root(), 1280, 900);
      stage.setScene(scene);
      stage.setTitle(controller.electionName());
      if (!windowed) {
        stage.initStyle(StageStyle.UNDECORATED);
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setFullScreenExitHint("");
        stage.setFullScreen(true);
        stage.setOnCloseRequest(e -> e.consume());
      }
      // Poll workers open their screen (refused ballots, the clock, leaving kiosk mode) with Ctrl+Shift+Q and the PIN.
      scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN,
          KeyCombination.SHIFT_DOWN), workers::show);
      stage.setOnHidden(e -> closed.countDown());
      stage.show();
    });
    closed.await();
  }
}
