package org.evote.crypto.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.List;
import org.evote.crypto.board.BoardEntry;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.record.RecordFiles;
import org.evote.crypto.record.RecordWriter;
import org.evote.crypto.testing.TestElection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report says PASS only for a step that ran and held, and says first when the board is of another election. */
class HonestReportTest {
  static final SecureRandom RANDOM = new SecureRandom();
  static TestElection election;
  static TestElection other;
  @TempDir
  static Path temp;

  @BeforeAll
  static void elections() throws Exception {
    election = TestElection.full(TestElection.manifest("manifest-small.json"), 3, 2, 6, RANDOM);
    other = new TestElection(election.manifest, 3, 2, RANDOM);
  }

  static VerificationReport verify(Path dir) throws IOException {
    return RecordFiles.verify(dir, RANDOM, 2, n -> { });
  }

  @Test
  void aBoardOfAnotherElectionIsSaidFirstWithBothHashes() throws IOException {
    Path dir = temp.resolve("wrong-election");
    election.write(dir);
    Path otherDir = temp.resolve("other");
    other.write(otherDir);
    Files.copy(otherDir.resolve(RecordFiles.ELECTION), dir.resolve(RecordFiles.ELECTION),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    VerificationReport report = verify(dir);
    VerificationReport.WrongElection wrong = report.wrongElection().orElseThrow();
    assertEquals(other.config.extendedHash().toHex(), wrong.electionFileHash());
    assertEquals(election.config.extendedHash().toHex(), wrong.boardElectionHash());
    assertFalse(report.isValid());
    String text = report.render();
    assertTrue(text.startsWith("This board belongs to another election: the election file's hash is "
        + wrong.electionFileHash() + ", the board's is " + wrong.boardElectionHash()), text);
  }

  @Test
  void theRightElectionHasNoWrongElection() throws IOException {
    Path dir = temp.resolve("right");
    election.write(dir);
    VerificationReport report = verify(dir);
    assertTrue(report.wrongElection().isEmpty());
    assertTrue(report.isValid(), report.render());
  }

  @Test
  void aMissingBoardFailsV5NamingTheFileAndRunsNothingOverTheBoard() throws IOException {
    Path dir = temp.resolve("no-board");
    election.write(dir);
    Files.delete(dir.resolve(RecordFiles.BOARD));
    VerificationReport report = verify(dir);
    assertFalse(report.isValid());
    VerificationReport.StepOutcome v5 = report.outcome(Step.V5_BOARD_CHAIN);
    assertEquals(VerificationReport.Status.FAIL, v5.status());
    assertTrue(v5.failures().get(0).reason().contains(RecordFiles.BOARD), v5.failures().toString());
    EnumSet<Step> mayPass = EnumSet.of(Step.V1_PARAMETERS, Step.V2_MANIFEST, Step.V3_GUARDIANS, Step.V4_JOINT_KEY,
        Step.V18_CEREMONY_TRANSCRIPT);
    for (VerificationReport.StepOutcome s : report.steps()) {
      if (!mayPass.contains(s.step())) {
        assertNotEquals(VerificationReport.Status.PASS, s.status(), s.step() + " " + s.note());
      }
    }
    for (Step s : List.of(Step.V7_BOARD_SEQUENCE, Step.V9_SELECTION_PROOFS, Step.V13_CHALLENGED_BALLOTS)) {
      assertEquals(VerificationReport.Status.NOT_RUN, report.outcome(s).status(), s.toString());
    }
    assertFalse(report.render().contains("V7   PASS"), report.render());
  }

  @Test
  void v17WithoutATallyEntryOnTheBoardIsNotChecked() throws IOException {
    Path dir = temp.resolve("no-tally-entry");
    election.write(dir);
    List<BoardEntry> entries = election.board.entries();
    assertEquals(EntryKind.TALLY_PUBLISHED, entries.get(entries.size() - 1).kind());
    List<BoardEntry> before = entries.subList(0, entries.size() - 1);
    RecordWriter.writeElectionAndBoard(dir, election.config, before,
        election.board.heads().stream().filter(h -> h.size() <= before.size()).toList());
    Files.delete(dir.resolve(RecordFiles.CHECKPOINT));
    VerificationReport report = verify(dir);
    VerificationReport.StepOutcome v17 = report.outcome(Step.V17_TALLY_PUBLISHED);
    assertEquals(VerificationReport.Status.NOT_CHECKED, v17.status(), report.render());
    assertTrue(v17.note().contains("no tally entry"), v17.note());
  }

  @Test
  void stepsAfterAnUnreadableElectionAreNotRun() {
    VerificationReport report = RecordVerifier.unreadableElection("not JSON");
    assertEquals(VerificationReport.Status.FAIL, report.outcome(Step.V1_PARAMETERS).status());
    assertEquals(VerificationReport.Status.NOT_RUN, report.outcome(Step.V9_SELECTION_PROOFS).status());
    assertTrue(report.render().contains("V9   SKIP"), report.render());
  }
}
