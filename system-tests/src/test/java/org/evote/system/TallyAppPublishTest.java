package org.evote.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.evote.board.client.BoardClient;
import org.evote.crypto.ballot.ConfirmationCodes;
import org.evote.crypto.board.BoardEntry;
import org.evote.crypto.record.BoardFile;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.json.BoardJson;
import org.evote.crypto.json.Fields;
import org.evote.crypto.keystore.KioskCredentials;
import org.evote.crypto.record.RecordFiles;
import org.evote.crypto.verify.Step;
import org.evote.crypto.verify.VerificationReport;
import org.evote.kiosk.robot.RobotVoter;
import org.evote.kiosk.service.BallotCaster;
import org.evote.kiosk.service.KioskStore;
import org.evote.kiosk.service.Uploader;
import org.evote.server.testing.Console;
import org.evote.tally.TallyTool;
import org.evote.tally.gui.Background;
import org.evote.tally.gui.BoardViewModel;
import org.evote.tally.gui.CeremonyViewModel;
import org.evote.tally.gui.Feedback;
import org.evote.tally.gui.GuiTexts;
import org.evote.tally.gui.PublishViewModel;
import org.evote.tally.gui.TallyDesktopApp;
import org.evote.tally.gui.TallyDesktopView;
import org.evote.tally.gui.TallyViewModel;
import org.evote.tally.service.CeremonyService;
import org.evote.tally.service.PublishService;
import org.evote.tally.service.TallyService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The desktop app's publish step against a real board: ballots cast by robot kiosks, polls closed, the board
 * imported, verified and tallied through the app's view models, then published from the app's real Publish page
 * (TestFX, headless Monocle) — slow work on the app's worker thread, outcomes on the JavaFX thread, as in the app. The board
 * then holds the tally_published entry, the record holds the final board and its checkpoint, {@code tally verify}
 * passes with V17, and the app says so; a retry (the download lost) completes the record without a second entry (screen saved as target/screenshots/tally-publish-done.png).
 */
@ExtendWith(ApplicationExtension.class)
class TallyAppPublishTest {
  @TempDir
  Path temp;

  ExecutorService worker;
  Background background;
  final GuiTexts texts = new GuiTexts(Locale.ROOT);
  final SecureRandom random = new SecureRandom();
  TallyService tallyService;
  BoardViewModel boardModel;
  TallyViewModel tally;
  PublishViewModel publish;
  Stage stage;

  /** The app's window, built as {@link TallyDesktopApp#create} builds it, keeping the view models to inspect. */
  @Start
  void start(Stage stage) {
    this.stage = stage;
    worker = TallyDesktopApp.newWorker();
    background = new Background(worker, Platform::runLater);
    tallyService = new TallyService(random, 2);
    boardModel = new BoardViewModel(tallyService, background, texts);
    tally = new TallyViewModel(tallyService, background, boardModel, texts);
    publish = new PublishViewModel(new PublishService(random), background, texts, Duration.ofSeconds(60));
    CeremonyViewModel ceremony = new CeremonyViewModel(new CeremonyService(random), background, texts);
    stage.setScene(new Scene(new TallyDesktopView(ceremony, boardModel, tally, publish, background, texts).root(),
        TallyDesktopApp.WIDTH, TallyDesktopApp.HEIGHT));
    stage.show();
  }

  @AfterEach
  void stopWorker() throws Exception {
    worker.shutdownNow();
    assertTrue(worker.awaitTermination(30, TimeUnit.SECONDS));
  }

  static <T> T fx(Callable<T> action) throws Exception {
    return WaitForAsyncUtils.asyncFx(action).get(60, TimeUnit.SECONDS);
  }

  static void fxRun(Runnable action) throws Exception {
    fx(() -> {
      action.run();
      return null;
    });
  }

  /** Waits until the background job started on the FX thread has handed its outcome back to the FX thread. */
  void awaitIdle(Duration limit) throws Exception {
    long end = System.nanoTime() + limit.toNanos();
    while (fx(background::isBusy)) {
      assertTrue(System.nanoTime() < end, "the app's job did not finish in " + limit);
      Thread.sleep(100);
    }
  }

  int tool(String... args) {
    return TallyTool.run(args);
  }

  @Test
  void publishesTheTallyFromTheApp(FxRobot robot) throws Exception {
    Path ceremony = temp.resolve("ceremony");
    Path[] pass = new Path[3];
    for (int i = 0; i < 3; i++) {
      pass[i] = temp.resolve("guardian-" + (i + 1) + ".pass");
      Files.writeString(pass[i], passphrase(i + 1) + "\n");
    }
    assertEquals(0, tool("ceremony", "--manifest", LiveBoard.testdata("manifest-small.json").toString(),
        "--guardians", "3", "--quorum", "2", "--out", ceremony.toString(), "--passphrase-file", pass[0].toString(),
        "--passphrase-file", pass[1].toString(), "--passphrase-file", pass[2].toString(),
        "--accept-manifest-warnings"));
    Path election = ceremony.resolve("election.json");

    try (LiveBoard b = new LiveBoard(temp, election)) {
      KioskCredentials creds = b.registerKiosk("K1");
      b.openPolls();
      KioskStore store = KioskStore.open(temp.resolve("k1.sqlite"), "K1", ConfirmationCodes.chainStart(
          b.config.extendedHash(), "K1"));
      Uploader uploader = new Uploader(store, BoardClient.create(b.uri(), Duration.ofSeconds(3)), creds);
      uploader.start();
      RobotVoter voters = new RobotVoter(new BallotCaster(b.config, creds, store, uploader, random,
          Clock.systemUTC(), b.uri(), Duration.ofSeconds(5)), random, 0.2);
      List<RobotVoter.Entry> voted = voters.vote(6);
      uploader.close();
      store.close();
      b.closePolls();
      assertEquals(0, tool("fetch", "--server", b.uri().toString(), "--out", temp.resolve("fetched").toString(),
          "--wait", "30"));
      Path board = temp.resolve("fetched").resolve(RecordFiles.BOARD);
      long entriesBefore = count(board, null);
      assertEquals(0, count(board, EntryKind.TALLY_PUBLISHED));
      // The write-in line's names are mixed by two guardians (tally mix, each on its own); the app takes the mix
      // files from beside the board.
      Path mix1 = board.resolveSibling("mix-1.json");
      assertEquals(0, tool("mix", "--election", election.toString(), "--board", board.toString(), "--guardian-key",
          ceremony.resolve("guardian-2.key.json").toString(), "--passphrase-file", pass[1].toString(), "--out",
          mix1.toString()));
      assertEquals(0, tool("mix", "--election", election.toString(), "--board", board.toString(), "--guardian-key",
          ceremony.resolve("guardian-1.key.json").toString(), "--passphrase-file", pass[0].toString(), "--mix",
          mix1.toString(), "--out", board.resolveSibling("mix-2.json").toString()));

      // The app: import and verify the board, two guardians open their keys, tally.
      fxRun(() -> {
        boardModel.electionPathProperty().set(election.toString());
        boardModel.boardPathProperty().set(board.toString());
        boardModel.importBoard();
      });
      awaitIdle(Duration.ofSeconds(60));
      assertNotNull(fx(() -> boardModel.summaryProperty().get()), fx(boardModel::messageProperty).get());
      fxRun(boardModel::verify);
      awaitIdle(Duration.ofSeconds(120));
      assertTrue(fx(() -> boardModel.verifiedProperty().get()), fx(() -> boardModel.message().text()));
      for (int g : new int[] {1, 3}) {
        fxRun(() -> {
          tally.keyFilePathProperty().set(ceremony.resolve("guardian-" + g + ".key.json").toString());
          tally.addGuardian(passphrase(g).toCharArray());
        });
        awaitIdle(Duration.ofSeconds(60));
        assertEquals(Feedback.Kind.SUCCESS, fx(() -> tally.message().kind()), fx(() -> tally.message().text()));
      }
      Path record = temp.resolve("record");
      fxRun(() -> {
        tally.outDirProperty().set(record.toString());
        tally.tally();
      });
      awaitIdle(Duration.ofSeconds(300));
      assertEquals(Feedback.Kind.SUCCESS, fx(() -> tally.message().kind()), fx(() -> tally.message().text()));
      assertTrue(Files.exists(record.resolve(RecordFiles.RESULT)));
      long cast = voted.stream().filter(e -> !e.receipt().challenged()).count();
      assertTrue(Files.readString(record.resolve(RecordFiles.RESULT)).contains("\"cast_ballots\": " + cast),
          Files.readString(record.resolve(RecordFiles.RESULT)));
      // Before publishing the record has no tally_published entry: V17 does not pass.
      assertEquals(0, count(record.resolve(RecordFiles.BOARD), EntryKind.TALLY_PUBLISHED));
      assertTrue(Files.exists(record.resolve(RecordFiles.TRANSCRIPT)), "the ceremony's transcript is in the record");
      VerificationReport unpublished = RecordFiles.verify(record, new SecureRandom(), 2, n -> { });
      assertFalse(unpublished.outcome(Step.V17_TALLY_PUBLISHED).status() == VerificationReport.Status.PASS,
          unpublished.render());

      // The app's Publish page, with the administrator credential the launcher's board sealed under its passphrase;
      // the app filled in the record it just wrote.
      robot.clickOn("#navPublish");
      WaitForAsyncUtils.waitForFxEvents();
      assertEquals(record.toAbsolutePath().toString(), fx(() -> field(robot, "#publishRecord").getText()));
      fxRun(() -> {
        field(robot, "#publishServer").setText(b.uri().toString());
        field(robot, "#adminCredentials").setText(b.data.adminCredentialsFile().toString());
      });
      robot.clickOn("#adminPassphrase").write(new String(LiveBoard.PASSPHRASE));
      robot.clickOn("#publishTally");
      WaitForAsyncUtils.waitForFxEvents();
      awaitIdle(Duration.ofSeconds(120));
      assertEquals("", fx(() -> field(robot, "#adminPassphrase").getText()), "the passphrase is cleared");
      assertEquals(fx(() -> publish.message().text()),
          fx(() -> robot.lookup("#publishMessage").queryAs(Label.class).getText()), "the page shows the message");
      String shown = fx(() -> publish.message().text());
      assertEquals(Feedback.Kind.SUCCESS, fx(() -> publish.message().kind()), shown);
      PublishService.Published published = fx(() -> publish.publishedProperty().get());
      assertNotNull(published, shown);
      assertTrue(shown.contains(published.entry().entryHash().toHex()), shown);
      assertTrue(shown.contains(record.toAbsolutePath().toString()), shown);
      assertFalse(shown.contains("{"), "every placeholder filled: " + shown);
      shot(robot, "tally-publish-done");

      // The board now holds the tally_published entry, the last one.
      Path finalBoard = temp.resolve("final");
      assertEquals(0, tool("fetch", "--server", b.uri().toString(), "--out", finalBoard.toString(), "--wait", "30"));
      assertEquals(1, count(finalBoard.resolve(RecordFiles.BOARD), EntryKind.TALLY_PUBLISHED));
      assertEquals(entriesBefore + 1, count(finalBoard.resolve(RecordFiles.BOARD), null));
      assertEquals(entriesBefore, published.entry().sequence(), "the entry after the closed polls' board");

      // The record holds the downloaded final board (with the entry) and its checkpoint.
      assertEquals(entriesBefore + 1, count(record.resolve(RecordFiles.BOARD), null));
      assertEquals(1, count(record.resolve(RecordFiles.BOARD), EntryKind.TALLY_PUBLISHED));
      assertEquals(entriesBefore + 1, published.download().entries());
      assertTrue(Files.exists(record.resolve(RecordFiles.CHECKPOINT)));
      assertEquals(Files.readString(finalBoard.resolve(RecordFiles.BOARD)),
          Files.readString(record.resolve(RecordFiles.BOARD)));

      // tally verify of the published record passes, V17 (the published entry matches) and V19 (checkpoint) included.
      VerificationReport report = RecordFiles.verify(record, new SecureRandom(), 2, n -> { });
      assertTrue(report.isValid(), report.render());
      assertEquals(VerificationReport.Status.PASS, report.outcome(Step.V17_TALLY_PUBLISHED).status(),
          report.render());
      assertEquals(VerificationReport.Status.PASS, report.outcome(Step.V19_BOARD_CHECKPOINT).status(),
          report.render());
      assertEquals(VerificationReport.Status.PASS, report.outcome(Step.V18_CEREMONY_TRANSCRIPT).status(),
          report.render());
      Console verify = Console.run(TallyTool::run, "verify", "--record", record.toString());
      assertEquals(0, verify.code(), verify.printed());


      // A retry is idempotent: as if the download had failed after the entry was posted, the record holds the
      // board from before; publishing again finds this very tally on the board and completes the record.
      Files.copy(board, record.resolve(RecordFiles.BOARD), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      Files.copy(temp.resolve("fetched").resolve(RecordFiles.CHECKPOINT), record.resolve(RecordFiles.CHECKPOINT),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      assertEquals(entriesBefore, count(record.resolve(RecordFiles.BOARD), null));
      robot.clickOn("#adminPassphrase").write(new String(LiveBoard.PASSPHRASE));
      robot.clickOn("#publishTally");
      WaitForAsyncUtils.waitForFxEvents();
      awaitIdle(Duration.ofSeconds(120));
      String again = fx(() -> publish.message().text());
      assertEquals(Feedback.Kind.SUCCESS, fx(() -> publish.message().kind()), again);
      assertEquals(texts.get("publish.already", published.entry().sequence(), published.entry().entryHash().toHex(),
          entriesBefore + 1, record.toAbsolutePath()), again);
      assertTrue(fx(() -> publish.publishedProperty().get()).earlier());
      Path afterRetry = temp.resolve("after-retry");
      assertEquals(0, tool("fetch", "--server", b.uri().toString(), "--out", afterRetry.toString(), "--wait", "30"));
      assertEquals(1, count(afterRetry.resolve(RecordFiles.BOARD), EntryKind.TALLY_PUBLISHED), "posted once");
      assertEquals(Files.readString(afterRetry.resolve(RecordFiles.BOARD)),
          Files.readString(record.resolve(RecordFiles.BOARD)));
      try (var left = Files.list(record)) {
        assertEquals(List.of(), left.filter(f -> f.getFileName().toString().startsWith(".")).toList(),
            "nothing left aside in the record");
      }
      Console verifyAgain = Console.run(TallyTool::run, "verify", "--record", record.toString());
      assertEquals(0, verifyAgain.code(), verifyAgain.printed());

      // A record whose tally is not the one on the board: the refusal stands and the record's board is untouched.
      Path result = record.resolve(RecordFiles.RESULT);
      Files.writeString(result, Files.readString(result).replaceFirst("\"cast_ballots\": \\d+",
          "\"cast_ballots\": 999"));
      Files.copy(board, record.resolve(RecordFiles.BOARD), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      robot.clickOn("#adminPassphrase").write(new String(LiveBoard.PASSPHRASE));
      robot.clickOn("#publishTally");
      WaitForAsyncUtils.waitForFxEvents();
      awaitIdle(Duration.ofSeconds(120));
      String refused = fx(() -> publish.message().text());
      assertEquals(Feedback.Kind.ERROR, fx(() -> publish.message().kind()), refused);
      assertTrue(refused.contains("tally_published"), refused);
      assertEquals(Files.readString(board), Files.readString(record.resolve(RecordFiles.BOARD)), "record untouched");
      try (var left = Files.list(record)) {
        assertEquals(List.of(), left.filter(f -> f.getFileName().toString().startsWith(".")).toList());
      }
    }
  }

  /** Saves the window under target/screenshots/ for review. */
  void shot(FxRobot robot, String name) throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    javafx.scene.image.WritableImage[] img = new javafx.scene.image.WritableImage[1];
    robot.interact(() -> img[0] = stage.getScene().snapshot(null));
    javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(img[0], null), "png",
        dir.resolve(name + ".png").toFile());
  }

  static TextField field(FxRobot robot, String query) {
    return robot.lookup(query).queryAs(TextField.class);
  }

  static String passphrase(int guardian) {
    return "guardian passphrase number " + guardian;
  }

  /** The entries of a board file, or those of one kind. */
  static long count(Path board, EntryKind kind) throws Exception {
    long[] n = {0};
    BoardFile.open(board).forEachEntry(json -> {
      BoardEntry e = BoardJson.decodeEntry(Fields.of(json));
      if (kind == null || e.kind() == kind) {
        n[0]++;
      }
    });
    return n[0];
  }
}
