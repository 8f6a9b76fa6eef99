package org.evote.tally.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.evote.crypto.verify.ElectionChecks;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.json.JsonText;
import org.evote.tally.testing.MockPolling;
import org.evote.tally.service.CeremonyService;
import org.evote.tally.service.TallyService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desktop app's view models without any screen: refusals and failure paths officials must see. */
class DesktopViewModelsTest {
  final SecureRandom random = new SecureRandom();
  final Background background = new Background(Runnable::run, Runnable::run);
  @TempDir
  Path temp;

  Path manifest() throws Exception {
    Path m = temp.resolve("manifest.json");
    if (!Files.exists(m)) {
      try (InputStream in = org.evote.tally.TallyTool.class.getResourceAsStream("sample/manifest.json")) {
        Files.copy(in, m);
      }
    }
    return m;
  }

  CeremonyViewModel ceremony(Path out) throws Exception {
    CeremonyViewModel vm = new CeremonyViewModel(new CeremonyService(random), background);
    vm.manifestPathProperty().set(manifest().toString());
    vm.outDirProperty().set(out.toString());
    return vm;
  }

  Path runCeremony(Path out) throws Exception {
    CeremonyViewModel vm = ceremony(out);
    vm.begin();
    vm.acceptManifest(); // the sample manifest's candidate names are in English only
    for (int g = 1; g <= 3; g++) {
      vm.enterPassphrase(("guardian " + g + " secret").toCharArray(), ("guardian " + g + " secret").toCharArray());
    }
    assertEquals(CeremonyViewModel.Step.DONE, vm.stepProperty().get(), vm.messageProperty().get());
    return vm.electionFileProperty().get();
  }

  @Test
  void ceremonyRefusesBadSetupAndWeakPassphrasesAndWipesWhatItWasGiven() throws Exception {
    CeremonyViewModel vm = ceremony(temp.resolve("e"));
    vm.quorumProperty().set(4);
    vm.begin();
    assertEquals(CeremonyViewModel.Step.SETUP, vm.stepProperty().get());
    assertTrue(vm.messageProperty().get().contains("quorum"));

    vm.quorumProperty().set(2);
    vm.manifestPathProperty().set(temp.resolve("missing.json").toString());
    vm.begin();
    assertEquals("Cannot read the manifest: file not found: " + temp.resolve("missing.json"),
        vm.messageProperty().get());

    vm.manifestPathProperty().set(manifest().toString());
    vm.begin();
    assertEquals(CeremonyViewModel.Step.CONFIRM_MANIFEST, vm.stepProperty().get());
    vm.acceptManifest();
    assertEquals(CeremonyViewModel.Step.PASSPHRASES, vm.stepProperty().get());
    char[] shortOne = "short".toCharArray();
    char[] again = "short".toCharArray();
    vm.enterPassphrase(shortOne, again);
    assertEquals("Guardian 1: use at least 10 characters.", vm.messageProperty().get());
    assertEquals(1, vm.currentGuardianProperty().get());
    assertEquals("\0\0\0\0\0", new String(shortOne), "the typed passphrase is wiped");
    assertEquals("\0\0\0\0\0", new String(again));

    vm.cancel();
    assertEquals(CeremonyViewModel.Step.SETUP, vm.stepProperty().get());
    assertFalse(Files.exists(temp.resolve("e")), "nothing written on cancel");
  }

  @Test
  void ceremonyRefusesAFolderThatAlreadyHoldsAnElection() throws Exception {
    Path out = temp.resolve("e");
    runCeremony(out);
    byte[] before = Files.readAllBytes(out.resolve("election.json"));
    CeremonyViewModel again = ceremony(out);
    again.begin();
    assertEquals(CeremonyViewModel.Step.SETUP, again.stepProperty().get());
    assertTrue(again.messageProperty().get().contains("already holds an election.json"));
    assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(out.resolve("election.json"))));
  }

  @Test
  void aBoardThatPassesIsShownWithTheTrustChecksNotMadeAndNotAsAnchored() throws Exception {
    Path election = runCeremony(temp.resolve("e1"));
    ElectionConfig config = ElectionChecks.accept(JsonText.readObject(election));
    Path board = temp.resolve("board.json");
    new MockPolling(config, random).vote(3, 0).writeBoard(board);
    GuiTexts texts = new GuiTexts(java.util.Locale.ROOT);
    BoardViewModel boardModel = new BoardViewModel(new TallyService(random, 2), background, texts);
    boardModel.electionPathProperty().set(election.toString());
    boardModel.boardPathProperty().set(board.toString());
    boardModel.importBoard();
    boardModel.verify();
    assertTrue(boardModel.verifiedProperty().get(), boardModel.messageProperty().get());
    java.util.List<String> lines = java.util.List.of(boardModel.messageProperty().get().split("\n"));
    // The verdict says it is not anchored, then every trust check not made (the desktop gives no notice), each in
    // the bundle's words, then how to make them.
    assertEquals(texts.get("board.passedNotAnchored"), lines.get(0));
    assertTrue(lines.get(0).contains("NOT anchored to an election notice"), lines.get(0));
    java.util.List<String> expected = new java.util.ArrayList<>();
    for (org.evote.crypto.verify.VerificationReport.TrustCheck t
        : org.evote.crypto.verify.VerificationReport.TrustCheck.values()) {
      expected.add("\u2022 " + texts.get("trust." + t.name()));
    }
    assertEquals(expected, lines.subList(1, 4));
    assertEquals("\u2022 the board's head-signing and checkpoint keys are the ones the officials published",
        lines.get(1));
    assertEquals("Check the record against the officials' election notice with: tally verify --notice FILE",
        lines.get(4));
    assertEquals(5, lines.size());
    assertTrue(boardModel.steps().stream().allMatch(r -> !r.status().isEmpty() && !r.status().startsWith("status.")));
    assertTrue(boardModel.steps().stream().anyMatch(r -> r.id().equals("V20") && r.status().equals("not checked")),
        boardModel.steps().toString());
  }

  @Test
  void everyTextKeyTheViewModelUsesIsInEveryBundle() throws Exception {
    java.util.List<Path> bundles;
    Path dir = Path.of(GuiTexts.class.getResource("texts.properties").toURI()).getParent();
    try (var files = Files.list(dir)) {
      bundles = files.filter(f -> f.getFileName().toString().matches("texts(_[A-Za-z_]+)?\\.properties")).toList();
    }
    java.util.Properties base = new java.util.Properties();
    try (InputStream in = Files.newInputStream(dir.resolve("texts.properties"))) {
      base.load(in);
    }
    for (org.evote.crypto.verify.VerificationReport.TrustCheck t
        : org.evote.crypto.verify.VerificationReport.TrustCheck.values()) {
      assertTrue(base.containsKey("trust." + t.name()), t.name());
    }
    for (org.evote.crypto.verify.VerificationReport.Status st
        : org.evote.crypto.verify.VerificationReport.Status.values()) {
      assertTrue(base.containsKey("status." + st.name()), st.name());
    }
    for (Path b : bundles) {
      java.util.Properties p = new java.util.Properties();
      try (InputStream in = Files.newInputStream(b)) {
        p.load(in);
      }
      assertEquals(base.keySet(), p.keySet(), b.getFileName().toString());
    }
  }

  @Test
  void aBoardOfAnotherElectionDoesNotVerifyAndCannotBeTallied() throws Exception {
    Path election = runCeremony(temp.resolve("e1"));
    Path other = runCeremony(temp.resolve("e2"));
    ElectionConfig otherConfig = ElectionChecks.accept(JsonText.readObject(other));
    Path board = temp.resolve("board.json");
    new MockPolling(otherConfig, random).vote(4, 0).writeBoard(board);

    TallyService service = new TallyService(random, 2);
    BoardViewModel boardModel = new BoardViewModel(service, background);
    TallyViewModel tally = new TallyViewModel(service, background, boardModel);
    boardModel.electionPathProperty().set(election.toString());
    boardModel.boardPathProperty().set(board.toString());
    boardModel.importBoard();
    assertEquals(4, boardModel.summaryProperty().get().cast());
    boardModel.verify();
    assertFalse(boardModel.verifiedProperty().get());
    assertTrue(boardModel.messageProperty().get().startsWith("The board does NOT verify"),
        boardModel.messageProperty().get());
    assertTrue(boardModel.steps().stream().anyMatch(r -> r.status().equals("FAIL")));
    assertTrue(boardModel.messageProperty().get().contains("not anchored to an election notice either"),
        boardModel.messageProperty().get());

    tally.keyFilePathProperty().set(temp.resolve("e1").resolve("guardian-1.key.json").toString());
    tally.addGuardian("guardian 1 secret".toCharArray());
    tally.keyFilePathProperty().set(temp.resolve("e1").resolve("guardian-2.key.json").toString());
    tally.addGuardian("guardian 2 secret".toCharArray());
    assertEquals(2, tally.present().size());
    assertFalse(tally.canTallyProperty().get(), "an unverified board is never decrypted");
    tally.outDirProperty().set(temp.resolve("record").toString());
    tally.tally();
    assertNull(tally.resultProperty().get());
    assertFalse(Files.exists(temp.resolve("record")));

    tally.keyFilePathProperty().set(temp.resolve("e2").resolve("guardian-3.key.json").toString());
    tally.addGuardian("guardian 3 secret".toCharArray());
    assertEquals("Key not opened: guardian-3.key.json belongs to another election", tally.messageProperty().get());
  }
}
