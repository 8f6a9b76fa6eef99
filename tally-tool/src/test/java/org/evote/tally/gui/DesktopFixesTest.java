package org.evote.tally.gui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.evote.crypto.ceremony.GuardianKey;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.keystore.AdminCredentials;
import org.evote.crypto.keystore.GuardianKeyFile;
import org.evote.crypto.verify.ElectionChecks;
import org.evote.crypto.verify.VerificationReport;
import org.evote.tally.service.CeremonyService;
import org.evote.tally.service.PublishService;
import org.evote.tally.service.TallyService;
import org.evote.tally.testing.MockPolling;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The issue-13 fixes of the desktop app's view models: the wrong election said first, the counts, "not applicable"
 * apart from PASS, the manifest confirmed or refused before anything is written, the election hash, results by
 * display name, and the publish step's refusals and failures.
 */
class DesktopFixesTest {
  final SecureRandom random = new SecureRandom();
  final Background background = new Background(Runnable::run, Runnable::run);
  final GuiTexts texts = new GuiTexts(Locale.ROOT);
  @TempDir
  Path temp;

  /** The sample manifest; with {@code unlisted}, its third County Executive selection names an unlisted candidate. */
  Path manifest(boolean unlisted) throws Exception {
    Path m = temp.resolve(unlisted ? "manifest-unlisted.json" : "manifest.json");
    try (InputStream in = org.evote.tally.TallyTool.class.getResourceAsStream("sample/manifest.json")) {
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      if (unlisted) {
        json = json.replace("\"candidate_id\": \"chen-li\"", "\"candidate_id\": \"soliz\"");
      }
      Files.writeString(m, json);
    }
    return m;
  }

  CeremonyViewModel ceremony(Path manifest, Path out) {
    CeremonyViewModel vm = new CeremonyViewModel(new CeremonyService(random), background, texts);
    vm.manifestPathProperty().set(manifest.toString());
    vm.outDirProperty().set(out.toString());
    return vm;
  }

  CeremonyViewModel runCeremony(Path manifest, Path out) {
    CeremonyViewModel vm = ceremony(manifest, out);
    vm.begin();
    vm.acceptManifest();
    for (int g = 1; g <= 3; g++) {
      vm.enterPassphrase(("guardian " + g + " secret").toCharArray(), ("guardian " + g + " secret").toCharArray());
    }
    assertEquals(CeremonyViewModel.Step.DONE, vm.stepProperty().get(), vm.messageProperty().get());
    return vm;
  }

  BoardViewModel importBoard(TallyService service, Path election, Path board) {
    BoardViewModel vm = new BoardViewModel(service, background, texts);
    vm.electionPathProperty().set(election.toString());
    vm.boardPathProperty().set(board.toString());
    vm.importBoard();
    return vm;
  }

  @Test
  void theManifestsWarningsAreListedAndRefusingWritesNothing() throws Exception {
    Path out = temp.resolve("e");
    CeremonyViewModel vm = ceremony(manifest(true), out);
    vm.begin();
    assertEquals(CeremonyViewModel.Step.CONFIRM_MANIFEST, vm.stepProperty().get());
    assertEquals(Feedback.Kind.WARNING, vm.message().kind());
    List<String> w = vm.manifestWarnings();
    assertEquals(2, w.size(), w.toString());
    assertEquals("Contest \u201cCounty Executive\u201d, choice 3: the manifest names candidate \u201csoliz\u201d but "
        + "does not list that candidate with a name. Voters, results and receipts will show \u201cChoice 3 (no name "
        + "in the manifest)\u201d.", w.get(0));
    assertTrue(w.get(1).startsWith("Spanish: "), w.get(1));
    assertTrue(w.get(1).endsWith("texts are not translated; voters who choose Spanish see them in English, marked "
        + "as untranslated."), w.get(1));
    vm.enterPassphrase("guardian 1 secret".toCharArray(), "guardian 1 secret".toCharArray());
    assertEquals(CeremonyViewModel.Step.CONFIRM_MANIFEST, vm.stepProperty().get(), "no passphrase before confirming");

    vm.refuseManifest();
    assertEquals(CeremonyViewModel.Step.SETUP, vm.stepProperty().get());
    assertTrue(vm.manifestWarnings().isEmpty());
    assertTrue(vm.messageProperty().get().startsWith("The manifest was refused; nothing was written."));
    assertFalse(Files.exists(out), "nothing written on refusal");

    vm.begin();
    vm.acceptManifest();
    assertEquals(CeremonyViewModel.Step.PASSPHRASES, vm.stepProperty().get());
    assertEquals(1, vm.currentGuardianProperty().get());
  }

  @Test
  void afterTheCeremonyTheElectionHashKiosksNeedIsShown() throws Exception {
    CeremonyViewModel vm = runCeremony(manifest(false), temp.resolve("e"));
    ElectionConfig config = ElectionChecks.accept(JsonText.readObject(vm.electionFileProperty().get()));
    assertEquals(config.extendedHash().toHex(), vm.electionHashProperty().get());
    assertEquals(64, vm.electionHashProperty().get().length());
    assertEquals(Feedback.Kind.SUCCESS, vm.message().kind());
  }

  @Test
  void aBoardOfAnotherElectionIsSaidFirstAtImportAndAboveTheSteps() throws Exception {
    Path election = runCeremony(manifest(false), temp.resolve("e1")).electionFileProperty().get();
    Path other = runCeremony(manifest(false), temp.resolve("e2")).electionFileProperty().get();
    ElectionConfig mine = ElectionChecks.accept(JsonText.readObject(election));
    ElectionConfig theirs = ElectionChecks.accept(JsonText.readObject(other));
    Path board = temp.resolve("board.json");
    new MockPolling(theirs, random).vote(3, 0).writeBoard(board);

    BoardViewModel vm = importBoard(new TallyService(random, 2), election, board);
    VerificationReport.WrongElection wrong = vm.summaryProperty().get().wrongElection().orElseThrow();
    assertEquals(mine.extendedHash().toHex(), wrong.electionFileHash());
    assertEquals(theirs.extendedHash().toHex(), wrong.boardElectionHash());
    assertEquals(Feedback.Kind.ERROR, vm.headline().kind());
    assertEquals("This board belongs to another election: its first entry names election hash "
        + theirs.extendedHash().toHex().substring(0, 16) + "\u2026, but the election.json chosen has "
        + mine.extendedHash().toHex().substring(0, 16) + "\u2026", vm.headline().text());
    assertEquals(Feedback.Kind.ERROR, vm.message().kind());
    assertTrue(vm.messageProperty().get().startsWith("This election.json and this board do not belong together"));

    vm.verify();
    assertTrue(vm.headline().text().startsWith("This board belongs to another election"), vm.headline().text());
    assertFalse(vm.verifiedProperty().get());
    assertTrue(vm.stepCountsProperty().get().failed() > 0);
    assertTrue(vm.messageProperty().get().startsWith("The board does NOT verify for this election.json: the steps "
        + "below were checked against the wrong election."), vm.messageProperty().get());

    BoardViewModel right = importBoard(new TallyService(random, 2), other, board);
    assertTrue(right.summaryProperty().get().wrongElection().isEmpty());
    assertEquals("", right.headline().text());
  }

  @Test
  void verificationShowsCountsAndNotApplicableApartFromPass() throws Exception {
    Path election = runCeremony(manifest(false), temp.resolve("e")).electionFileProperty().get();
    ElectionConfig config = ElectionChecks.accept(JsonText.readObject(election));
    Path board = temp.resolve("board.json");
    MockPolling.Polling polling = new MockPolling(config, random).vote(6, 0.34);
    polling.writeBoard(board);
    BoardViewModel vm = importBoard(new TallyService(random, 2), election, board);
    BoardViewModel.BoardSummary s = vm.summaryProperty().get();
    assertEquals(polling.cast(), s.cast());
    assertEquals(polling.challenged(), s.challenged());
    assertEquals(0, s.refused());
    assertNull(vm.stepCountsProperty().get());
    vm.verify();
    assertTrue(vm.verifiedProperty().get(), vm.messageProperty().get());
    BoardViewModel.StepCounts c = vm.stepCountsProperty().get();
    assertEquals(vm.steps().size(), c.passed() + c.failed() + c.notApplicable() + c.notChecked() + c.notRun());
    assertEquals(vm.steps().stream().filter(r -> r.state() == VerificationReport.Status.PASS).count(), c.passed());
    assertEquals(0, c.failed());
    assertTrue(c.notApplicable() > 0, vm.steps().toString());
    for (BoardViewModel.StepRow r : vm.steps()) {
      if (r.state() == VerificationReport.Status.NOT_APPLICABLE) {
        assertEquals("not applicable", r.status());
        assertEquals("na", BoardPage.styleOf(r.state()));
      } else if (r.state() == VerificationReport.Status.PASS) {
        assertEquals("PASS", r.status());
      }
    }
    assertEquals(Feedback.Kind.WARNING, vm.message().kind(), "passed but not anchored to a notice");
  }

  @Test
  void resultsShowDisplayNamesNeverIds() throws Exception {
    CeremonyViewModel ceremony = runCeremony(manifest(true), temp.resolve("e"));
    Path election = ceremony.electionFileProperty().get();
    ElectionConfig config = ElectionChecks.accept(JsonText.readObject(election));
    Path board = temp.resolve("board.json");
    new MockPolling(config, random).vote(4, 0).writeBoard(board);
    TallyService service = new TallyService(random, 2);
    BoardViewModel boardModel = importBoard(service, election, board);
    boardModel.verify();
    assertTrue(boardModel.verifiedProperty().get(), boardModel.messageProperty().get());
    TallyViewModel tally = new TallyViewModel(service, background, boardModel, texts);
    for (int g = 1; g <= 2; g++) {
      tally.keyFilePathProperty().set(CeremonyService.keyFile(temp.resolve("e"), g).toString());
      tally.addGuardian(("guardian " + g + " secret").toCharArray());
    }
    tally.outDirProperty().set(temp.resolve("record").toString());
    tally.tally();
    ResultViewModel r = tally.resultProperty().get();
    assertEquals(Feedback.Kind.SUCCESS, tally.message().kind(), tally.messageProperty().get());
    ResultViewModel.ContestResult exec = r.contests().get(0);
    assertEquals(List.of("Ana Reyes", "Ben Okafor", "Choice 3 (no name in the manifest)"),
        exec.bars().stream().map(ResultViewModel.Bar::name).toList());
    for (ResultViewModel.ContestResult c : r.contests()) {
      assertFalse(config.manifest().contest(c.contestId()).orElseThrow().id().equals(c.name()));
      for (ResultViewModel.Bar b : c.bars()) {
        assertNotEquals(b.selectionId(), b.name());
        assertFalse(b.name().contains("soliz") || b.name().contains("-"), b.name());
      }
    }
  }

  @Test
  void publishRefusesIncompleteInputAndReportsAnUnreachableBoardInOneLine() throws Exception {
    PublishViewModel vm = new PublishViewModel(new PublishService(random), background, texts, Duration.ofSeconds(1));
    char[] secret = "admin passphrase".toCharArray();
    vm.publish(secret);
    assertArrayEquals(new char[secret.length], secret, "the passphrase is wiped");
    assertEquals(Feedback.Kind.ERROR, vm.message().kind());
    assertEquals("Fill in the record folder, the board address and the administrator credential file.",
        vm.message().text());

    Path record = Files.createDirectories(temp.resolve("record"));
    Path cred = temp.resolve("admin.json");
    vm.recordPathProperty().set(record.toString());
    vm.credentialsPathProperty().set(cred.toString());
    vm.serverProperty().set("board.example");
    vm.publish("x".toCharArray());
    assertEquals("Not a board address: board.example (write it as https://host:port)", vm.message().text());

    vm.serverProperty().set("http://127.0.0.1:1");
    vm.publish("x".toCharArray());
    assertEquals("The folder " + record + " holds no tallied record (no result.json): tally first.",
        vm.message().text());

    // A tallied record, a real credential file and a board that does not answer.
    CeremonyViewModel ceremony = runCeremony(manifest(false), temp.resolve("e"));
    ElectionConfig config = ElectionChecks.accept(JsonText.readObject(ceremony.electionFileProperty().get()));
    Path board = temp.resolve("board.json");
    new MockPolling(config, random).vote(2, 0).writeBoard(board);
    List<GuardianKey> keys = List.of(
        GuardianKeyFile.open(CeremonyService.keyFile(temp.resolve("e"), 1), "guardian 1 secret".toCharArray()),
        GuardianKeyFile.open(CeremonyService.keyFile(temp.resolve("e"), 2), "guardian 2 secret".toCharArray()));
    new TallyService(random, 2).tally(ceremony.electionFileProperty().get(), board, keys, record, n -> { });
    byte[] boardBytes = Files.readAllBytes(record.resolve("board.json"));
    AdminCredentials.generate("admin", config.extendedHash(), random).write(cred, "admin passphrase".toCharArray(),
        random);
    vm.publish("not the passphrase".toCharArray());
    assertEquals("Not published: admin.json: wrong passphrase", vm.message().text());
    vm.publish("admin passphrase".toCharArray());
    assertEquals(Feedback.Kind.ERROR, vm.message().kind());
    assertTrue(vm.message().text().startsWith("Not published: "), vm.message().text());
    assertFalse(vm.message().text().contains("\n") || vm.message().text().contains("Exception"),
        vm.message().text());
    assertEquals("Not published: the board at http://127.0.0.1:1 does not answer (is it running, and is the address "
        + "right?)", vm.message().text());
    assertNull(vm.publishedProperty().get());
    assertArrayEquals(boardBytes, Files.readAllBytes(record.resolve("board.json")), "nothing downloaded");
  }
}
