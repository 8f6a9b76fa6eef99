package org.evote.tally.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.evote.crypto.verify.ElectionChecks;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.manifest.ContestDescription;
import org.evote.crypto.manifest.SelectionDescription;
import org.evote.tally.testing.MockPolling;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The officials' desktop app on headless Monocle, the main path with real files and real cryptography: guided key
 * ceremony → import a board voted for that election → verify → guardians open their keys in turn → tally → result
 * charts equal to the votes cast → export. Screens are saved under target/screenshots/.
 */
@ExtendWith(ApplicationExtension.class)
class TallyDesktopTest {
  @TempDir
  Path temp;
  ExecutorService worker;
  Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    worker = TallyDesktopApp.newWorker();
    // The app's default window size: every screen is checked for labels cut off at this size.
    stage.setScene(new Scene(TallyDesktopApp.create(worker, new GuiTexts(java.util.Locale.ROOT)).root(),
        TallyDesktopApp.WIDTH, TallyDesktopApp.HEIGHT));
    stage.show();
  }

  @AfterEach
  void stopWorker() {
    worker.shutdownNow();
  }

  @Test
  void ceremonyThenTallyShowsTheVotesCastAndExportsTheRecord(FxRobot robot) throws Exception {
    Path manifest = temp.resolve("manifest.json");
    try (InputStream in = org.evote.tally.TallyTool.class.getResourceAsStream("sample/manifest.json")) {
      Files.copy(in, manifest);
    }
    Path electionDir = temp.resolve("election");

    // 1. Guided key ceremony: 3 guardians, any 2 decrypt.
    set(robot, "#manifestPath", manifest.toString());
    set(robot, "#ceremonyOut", electionDir.toString());
    screen("01-ceremony-setup");
    click(robot, "#beginCeremony");
    // The sample manifest's candidate names are in English only: the official confirms before anything is written.
    var warnings = robot.lookup("#manifestWarnings").queryAs(ListView.class).getItems();
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).toString().startsWith("Spanish: "), warnings.toString());
    assertFalse(robot.lookup("#passphrase").query().getParent().isVisible(), "no passphrase before the manifest is confirmed");
    assertFalse(Files.exists(electionDir));
    screen("02-ceremony-confirm-manifest");
    click(robot, "#acceptManifest");
    assertTrue(robot.lookup("#passphrase").query().getParent().isVisible());
    assertTrue(robot.lookup("#passphrase").query().isVisible());
    assertEquals("Guardian 1 of 3: type your passphrase twice (at least 10 characters). Everyone else looks away.",
        label(robot, "#guardianPrompt"));
    typePassphrases(robot, "first guardian pass", "first guardian typo");
    assertTrue(label(robot, "#ceremonyMessage").contains("the two entries differ"), label(robot, "#ceremonyMessage"));
    assertTrue(robot.lookup("#ceremonyMessage").query().getStyleClass().contains("error"));
    screen("03-ceremony-passphrase");
    for (int g = 1; g <= 3; g++) {
      assertTrue(label(robot, "#guardianPrompt").startsWith("Guardian " + g + " of 3"));
      typePassphrases(robot, "passphrase of guardian " + g, "passphrase of guardian " + g);
    }
    waitUntil(() -> robot.lookup("#toBoard").query().getParent().isVisible());
    assertTrue(label(robot, "#ceremonyMessage").startsWith("Ceremony complete"), label(robot, "#ceremonyMessage"));
    for (int g = 1; g <= 3; g++) {
      assertTrue(Files.exists(electionDir.resolve("guardian-" + g + ".key.json")));
      assertFalse(Files.readString(electionDir.resolve("guardian-" + g + ".key.json"))
          .contains("passphrase of guardian"));
    }
    ElectionConfig config = ElectionChecks.accept(JsonText.readObject(electionDir.resolve("election.json")));
    // The election hash that kiosks need: shown, selectable, and copied with one click.
    TextField hash = robot.lookup("#electionHash").queryAs(TextField.class);
    assertEquals(config.extendedHash().toHex(), hash.getText());
    assertFalse(hash.isEditable());
    click(robot, "#copyElectionHash");
    String[] copied = new String[1];
    robot.interact(() -> copied[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
    assertEquals(config.extendedHash().toHex(), copied[0]);
    assertEquals("The election hash is on the clipboard.", label(robot, "#hashCopied"));
    assertTrue(robot.lookup("#ceremonyMessage").query().getStyleClass().contains("success"));
    screen("04-ceremony-done");

    // Election day happens elsewhere: a board for this election, as the server would export it.
    MockPolling.Polling polling = new MockPolling(config, new SecureRandom()).vote(14, 0.2);
    Path boardFile = temp.resolve("board.json");
    polling.writeBoard(boardFile);

    // 2. Import and verify the board.
    click(robot, "#toBoard");
    assertEquals(electionDir.resolve("election.json").toString(),
        robot.lookup("#electionPath").queryAs(TextField.class).getText());
    set(robot, "#boardPath", boardFile.toString());
    click(robot, "#importBoard");
    waitUntil(() -> label(robot, "#boardMessage").startsWith("Board imported"));
    assertTrue(label(robot, "#boardMessage").contains(polling.cast() + " cast and " + polling.challenged()
        + " challenged"), label(robot, "#boardMessage"));
    assertEquals("Ballots cast: " + polling.cast(), label(robot, "#countCast"));
    assertEquals("Challenged: " + polling.challenged(), label(robot, "#countChallenged"));
    assertFalse(robot.lookup("#boardHeadline").query().isVisible(), "no headline for the right election");
    screen("05-board-imported");
    click(robot, "#verifyBoard");
    waitUntil(() -> robot.lookup("#toTally").query().isVisible());
    assertTrue(label(robot, "#boardMessage").startsWith("Every step passed: the board may be tallied, but it is NOT "
        + "anchored to an election notice"), label(robot, "#boardMessage"));
    TableView<?> steps = robot.lookup("#steps").queryAs(TableView.class);
    assertTrue(steps.getItems().size() >= 13, "one row per verification step");
    assertEquals("Steps failed: 0", label(robot, "#countFailed"));
    assertTrue(label(robot, "#countNotApplicable").matches("Not applicable: [1-9][0-9]*"),
        label(robot, "#countNotApplicable"));
    assertTrue(robot.lookup("#boardMessage").query().getStyleClass().contains("warning"), "passed, not anchored");
    screen("06-board-verified");

    // 3. Guardians 3 and 1 open their keys in turn; a wrong passphrase is refused with a clear message.
    click(robot, "#toTally");
    set(robot, "#recordOut", temp.resolve("record").toString());
    assertTrue(robot.lookup("#runTally").queryAs(Button.class).isDisabled(), "no tally without a quorum");
    openKey(robot, electionDir.resolve("guardian-3.key.json"), "not my passphrase");
    waitUntil(() -> label(robot, "#tallyMessage").startsWith("Key not opened"));
    assertEquals("Key not opened: guardian 3: wrong passphrase", label(robot, "#tallyMessage"));
    openKey(robot, electionDir.resolve("guardian-3.key.json"), "passphrase of guardian 3");
    waitUntil(() -> robot.lookup("#presentGuardians").queryAs(ListView.class).getItems().size() == 1);
    assertTrue(robot.lookup("#runTally").queryAs(Button.class).isDisabled(), "one of two guardians is not enough");
    openKey(robot, electionDir.resolve("guardian-1.key.json"), "passphrase of guardian 1");
    waitUntil(() -> robot.lookup("#presentGuardians").queryAs(ListView.class).getItems().size() == 2);
    assertEquals("Any 2 of the 3 guardians are needed; 2 present.", label(robot, "#quorumText"));
    screen("07-guardians-present");
    click(robot, "#runTally");

    // 4. The result: one chart per contest whose bars are exactly the votes cast.
    waitUntil(() -> robot.lookup("#resultCounts").tryQuery().isPresent());
    assertEquals(String.format("%,d cast ballots counted; %,d challenged ballots opened and not counted.",
        polling.cast(), polling.challenged()), label(robot, "#resultCounts"));
    assertEquals("The election record verifies: every step passed.", label(robot, "#recordVerified"));
    for (ContestDescription c : config.manifest().contests()) {
      BarChart<?, ?> chart = robot.lookup("#chart-" + c.id()).queryAs(BarChart.class);
      var data = chart.getData().get(0).getData();
      assertEquals(c.selections().size(), data.size());
      Map<String, Long> truth = polling.truth().get(c.id());
      for (int i = 0; i < data.size(); i++) {
        SelectionDescription s = c.selections().get(i);
        XYChart.Data<?, ?> bar = data.get(data.size() - 1 - i); // bottom-up axis: first selection on top
        assertEquals(truth.get(s.id()).longValue(), ((Number) bar.getXValue()).longValue(), c.id() + "/" + s.id());
      }
    }
    assertTrue(Files.exists(temp.resolve("record").resolve("result.html")));
    // and in the manifest's other language (the sample manifest names the election in Spanish too)
    assertTrue(Files.readString(temp.resolve("record").resolve("result.es.html")).contains("<html lang=\"es\">"));
    screen("08-result");

    Path zip = temp.resolve("published").resolve("record.zip");
    set(robot, "#exportPath", zip.toString());
    click(robot, "#exportRecord");
    waitUntil(() -> label(robot, "#resultMessage").startsWith("Election record exported"));
    Set<String> names = new HashSet<>();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        names.add(e.getName());
      }
    }
    assertTrue(names.containsAll(Set.of("election.json", "board.json", "encrypted_tally.json",
        "decryption_shares.json", "result.json", "result.csv", "result.es.html")), names.toString());

    // 5. Publish: the record folder is filled in from the tally; a board that does not answer is said so.
    click(robot, "#navPublish");
    assertEquals(temp.resolve("record").toAbsolutePath().toString(),
        robot.lookup("#publishRecord").queryAs(TextField.class).getText());
    screen("09-publish");
    set(robot, "#publishServer", "http://127.0.0.1:1");
    set(robot, "#adminCredentials", temp.resolve("admin.json").toString());
    click(robot, "#publishTally");
    waitUntil(() -> label(robot, "#publishMessage").startsWith("Not published"));
    assertTrue(robot.lookup("#publishMessage").query().getStyleClass().contains("error"));
    screen("10-publish-error");
  }

  /** Saves the screen and checks that no label on it is cut off at the app's default size. */
  private void screen(String name) throws Exception {
    ScreenChecks.screenshot(stage.getScene(), name);
    assertEquals(java.util.List.of(), ScreenChecks.clippedLabels(stage.getScene()), name);
  }

  private void openKey(FxRobot robot, Path key, String passphrase) {
    set(robot, "#keyFile", key.toString());
    robot.clickOn("#guardianPassphrase").write(passphrase);
    click(robot, "#addGuardian");
  }

  private void typePassphrases(FxRobot robot, String pass, String confirm) {
    robot.clickOn("#passphrase").write(pass);
    robot.clickOn("#passphraseConfirm").write(confirm);
    click(robot, "#enterPassphrase");
  }

  private static void set(FxRobot robot, String query, String text) {
    robot.interact(() -> robot.lookup(query).queryAs(TextField.class).setText(text));
  }

  private static void click(FxRobot robot, String query) {
    robot.clickOn(query);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static String label(FxRobot robot, String query) {
    return robot.lookup(query).queryAs(Label.class).getText();
  }

  private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, condition);
    WaitForAsyncUtils.waitForFxEvents();
  }


}
