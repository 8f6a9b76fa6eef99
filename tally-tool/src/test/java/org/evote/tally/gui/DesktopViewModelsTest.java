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
