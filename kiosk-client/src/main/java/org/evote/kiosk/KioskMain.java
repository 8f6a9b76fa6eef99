package org.evote.kiosk;

import java.net.URI;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextInputDialog;
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
import org.evote.kiosk.robot.RobotVoter;
import org.evote.kiosk.service.BallotCaster;
import org.evote.kiosk.service.KioskStore;
import org.evote.kiosk.service.Uploader;
import org.evote.kiosk.session.VotingSession;
import org.evote.kiosk.ui.KioskController;
import org.evote.kiosk.ui.KioskView;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The polling-place kiosk. Unlocks its credentials, fetches the election from the board and refuses it unless its
 * hash is the one pinned at set-up, then runs the voter screens full screen — or, with {@code --robot N}, casts N
 * random ballots headless through the same encrypt-and-cast path.
 */
@Command(name = "kiosk-client", mixinStandardHelpOptions = true, version = "kiosk-client 0.1.0",
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

  @Option(names = "--passphrase-file", description = "first line: the credential passphrase, which is also the "
      + "poll worker PIN (default: ask on the console)")
  Path passphraseFile;

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

  public static void main(String[] args) {
    System.exit(new CommandLine(new KioskMain()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Digest pinned = Digest.decode(electionHash, "--election-hash");
    char[] passphrase = SecretFiles.passphrase(passphraseFile, "kiosk credential passphrase (poll worker PIN)");
    KioskCredentials creds;
    try {
      creds = KioskCredentials.read(credentials, passphrase);
    } catch (org.evote.crypto.InvalidFieldException e) {
      java.util.Arrays.fill(passphrase, '\0');
      System.err.println("error: the credential file " + credentials + " cannot be used: " + e.getMessage());
      return 2;
    }
    byte[] pinHash = MessageDigest.getInstance("SHA-256").digest(new String(passphrase).getBytes(
        java.nio.charset.StandardCharsets.UTF_8));
    java.util.Arrays.fill(passphrase, '\0');
    if (!creds.electionHash().equals(pinned)) {
      System.err.println("error: the credentials are for election " + creds.electionHash().toHex()
          + ", not the pinned " + pinned.toHex());
      return 2;
    }
    java.util.Optional<org.evote.crypto.notice.ElectionNotice> electionNotice = java.util.Optional.empty();
    if (notice != null) {
      try {
        electionNotice = java.util.Optional.of(org.evote.crypto.notice.NoticeJson.decode(
            org.evote.crypto.json.JsonText.readObject(notice)));
      } catch (RuntimeException | java.io.IOException e) {
        System.err.println("error: the notice " + notice + " cannot be used: " + e.getMessage());
        return 2;
      }
    }
    Duration auditInterval = auditSeconds == null ? Uploader.AUDIT_INTERVAL : Duration.ofSeconds(auditSeconds);
    if (auditInterval.isNegative() || auditInterval.isZero()) {
      System.err.println("error: --audit-seconds must be positive");
      return 2;
    }
    BoardClient board;
    try {
      // The board's TLS certificate pinned by the credential (plain http only on loopback, or for an old one).
      board = BoardClient.create(server, creds.tlsFingerprint(), Duration.ofSeconds(5));
    } catch (IllegalArgumentException e) {
      System.err.println("error: --server " + e.getMessage());
      return 2;
    }
    ElectionConfig config;
    try {
      config = pinnedElection(board, pinned, creds.boardKey(), creds.checkpointKey());
    } catch (java.io.IOException e) {
      System.err.println("error: " + e.getMessage());
      return 2;
    }
    SecureRandom random = new SecureRandom();
    try (KioskStore store = KioskStore.open(data.resolve("kiosk.sqlite"), creds.kioskId(),
        ConfirmationCodes.chainStart(config.extendedHash(), creds.kioskId()));
        Uploader uploader = uploader(store, board, creds, auditInterval, electionNotice)) {
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
      try (KioskController controller = new KioskController(new VotingSession(config.manifest()), caster,
          uploader, name, data.resolve("receipts"), () -> System.currentTimeMillis() / 1000)) {
        showWindow(controller, pinHash);
      }
      return 0;
    }
  }

  private static Uploader uploader(KioskStore store, BoardClient board, KioskCredentials creds, Duration interval,
      java.util.Optional<org.evote.crypto.notice.ElectionNotice> notice) {
    try {
      return new Uploader(store, board, creds, interval, notice);
    } catch (IllegalArgumentException e) {
      System.err.println("error: the notice cannot be used with these credentials: " + e.getMessage());
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
    Uploader.awaitEmpty(java.util.List.of(uploader), Duration.ofSeconds(60), Duration.ofMillis(200));
    if (robotLog != null) {
      voter.writeLog(robotLog);
    }
    long pending = store.pendingCount();
    System.out.println("robot: " + robot + " ballots; " + pending + " still waiting to upload");
    java.util.Optional<org.evote.kiosk.service.Alarm> alarm = uploader.status().alarm();
    alarm.ifPresent(a -> System.out.println("robot: ALARM: " + a.reason()));
    return pending == 0 && alarm.isEmpty() ? 0 : 1;
  }

  private void showWindow(KioskController controller, byte[] pinHash) throws InterruptedException {
    CountDownLatch closed = new CountDownLatch(1);
    Platform.startup(() -> {
      Stage stage = new Stage();
      KioskView view = new KioskView(controller);
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
      // Poll workers leave with Ctrl+Shift+Q and the PIN.
      scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN,
          KeyCombination.SHIFT_DOWN), () -> {
            TextInputDialog d = new TextInputDialog();
            d.setHeaderText("Poll worker PIN");
            PasswordField field = new PasswordField();
            d.getDialogPane().setContent(field);
            d.showAndWait().ifPresent(ignored -> {
              try {
                byte[] typed = MessageDigest.getInstance("SHA-256").digest(field.getText().getBytes(
                    java.nio.charset.StandardCharsets.UTF_8));
                if (MessageDigest.isEqual(typed, pinHash)) {
                  stage.close();
                  closed.countDown();
                  Platform.exit();
                }
              } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
              }
            });
          });
      stage.setOnHidden(e -> closed.countDown());
      stage.show();
    });
    closed.await();
  }
}
