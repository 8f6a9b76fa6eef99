package org.evote.tally.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.evote.crypto.record.RecordFiles;
import org.evote.crypto.testing.DeterministicRandom;
import org.evote.crypto.testing.TestElection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tally verify} says what is wrong first, in a sentence naming the option and file; never PASS unchecked. */
class VerifyWordingTest {
  @TempDir
  static Path temp;
  static TestElection election;
  static TestElection other;
  static Path record;

  @BeforeAll
  static void elections() throws Exception {
    election = TestElection.full(TestElection.manifest("manifest-small.json"), 3, 2, 3,
        new DeterministicRandom("verify wording"));
    other = new TestElection(election.manifest, 3, 2, new DeterministicRandom("another election"));
    record = temp.resolve("record");
    election.write(record);
  }

  @Test
  void aBoardOfAnotherElectionIsTheHeadline() throws Exception {
    Path otherDir = temp.resolve("other");
    other.write(otherDir);
    Cli run = Cli.tally("verify", "--election", otherDir.resolve(RecordFiles.ELECTION).toString(), "--board",
        record.resolve(RecordFiles.BOARD).toString(), "--threads", "1");
    assertEquals(1, run.code(), run.printed());
    String expected = "This board belongs to another election: the election file's hash is "
        + other.config.extendedHash().toHex() + ", the board's is " + election.config.extendedHash().toHex();
    assertTrue(run.out().startsWith(expected), run.out());
    assertTrue(run.out().indexOf(expected) < run.out().indexOf("V1 "), run.out());
  }

  @Test
  void theTallyOfABoardOfAnotherElectionSaysSoFirstAndDecryptsNothing() throws Exception {
    Path otherDir = temp.resolve("other-tally");
    other.write(otherDir);
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("tally", "--election",
        otherDir.resolve(RecordFiles.ELECTION).toString(), "--board", record.resolve(RecordFiles.BOARD).toString()));
    for (int g = 1; g <= 2; g++) {
      Path key = otherDir.resolve("guardian-" + g + ".key.json");
      Path pass = Files.writeString(otherDir.resolve("guardian-" + g + ".pass"), "guardian passphrase " + g + "\n");
      org.evote.crypto.keystore.GuardianKeyFile.write(key, other.keys.get(g - 1), other.config.extendedHash(),
          ("guardian passphrase " + g).toCharArray(), new java.security.SecureRandom());
      args.addAll(java.util.List.of("--guardian-key", key.toString(), "--passphrase-file", pass.toString()));
    }
    Path out = temp.resolve("other-record");
    args.addAll(java.util.List.of("--out", out.toString()));
    Cli run = Cli.tally(args.toArray(String[]::new));
    assertEquals(1, run.code(), run.printed());
    // What a terminal shows: the progress bar's line was cleared (carriage returns), then the error alone.
    String shown = run.err().substring(run.err().lastIndexOf('\r') + 1);
    assertTrue(shown.startsWith("error: This board belongs to another election: the election file's hash is "
        + other.config.extendedHash().toHex() + ", the board's is " + election.config.extendedHash().toHex()),
        run.err());
    assertTrue(run.err().contains("/" + election.board.entries().size() + " "), "a real total: " + run.err());
    assertFalse(Files.exists(out.resolve(RecordFiles.RESULT)), "nothing decrypted");
  }

  @Test
  void aMissingRecordFileIsASentenceNamingTheOptionAndTheFile() throws Exception {
    Path x = Files.createDirectories(temp.resolve("x"));
    Cli run = Cli.tally("verify", "--record", x.toString());
    assertEquals(2, run.code(), run.printed());
    assertEquals("error: --record: no election.json in " + x + " (expected " + x.resolve("election.json") + ")",
        run.err().strip());
    assertEquals("", run.out());

    Files.copy(record.resolve(RecordFiles.ELECTION), x.resolve(RecordFiles.ELECTION));
    Cli noBoard = Cli.tally("verify", "--record", x.toString());
    assertEquals(2, noBoard.code(), noBoard.printed());
    assertEquals("error: --record: no board.json in " + x + " (expected " + x.resolve("board.json") + ")",
        noBoard.err().strip());
    assertFalse(noBoard.printed().contains("PASS"), noBoard.printed());

    Path nothing = temp.resolve("nothing");
    Cli noDir = Cli.tally("verify", "--record", nothing.toString());
    assertEquals("error: --record: no such directory " + nothing, noDir.err().strip());
  }

  @Test
  void aMissingBoardFileNamesTheOptionAndNothingPasses() {
    Path board = temp.resolve("no-board.json");
    Cli run = Cli.tally("verify", "--election", record.resolve(RecordFiles.ELECTION).toString(), "--board",
        board.toString());
    assertEquals(2, run.code(), run.printed());
    assertEquals("error: --board: no such file " + board, run.err().strip());
    assertFalse(run.printed().contains("PASS"), run.printed());
    assertFalse(run.printed().contains("%"), "no progress bar before the error: " + run.printed());
  }

  @Test
  void aGoodRecordLeavesNoProgressLineAndPasses() {
    Cli run = Cli.tally("verify", "--record", record.toString(), "--threads", "1");
    assertEquals(0, run.code(), run.printed());
    long entries = org.evote.crypto.record.BoardFile.open(record.resolve(RecordFiles.BOARD)).countEntries()
        .orElseThrow();
    assertEquals(election.board.entries().size(), entries);
    assertTrue(run.err().contains(entries + "/" + entries), "the bar's total is the board's entries: " + run.err());
    assertFalse(run.err().contains("/?"), run.err());
    // The bar's line is cleared at the end: what is left after the last carriage return is blank.
    String lastLine = run.err().substring(run.err().lastIndexOf('\r') + 1);
    assertTrue(lastLine.isBlank(), "'" + lastLine + "'");
    assertTrue(run.out().startsWith("V1   PASS"), run.out());
  }

  @Test
  void v17WithoutATallyEntryIsNotPass() throws Exception {
    Path dir = temp.resolve("no-entry");
    election.write(dir);
    var entries = election.board.entries();
    var before = entries.subList(0, entries.size() - 1);
    org.evote.crypto.record.RecordWriter.writeElectionAndBoard(dir, election.config, before,
        election.board.heads().stream().filter(h -> h.size() <= before.size()).toList());
    Files.copy(record.resolve(RecordFiles.TRANSCRIPT), dir.resolve(RecordFiles.TRANSCRIPT),
        StandardCopyOption.REPLACE_EXISTING);
    Files.delete(dir.resolve(RecordFiles.CHECKPOINT));
    Cli run = Cli.tally("verify", "--record", dir.toString(), "--threads", "1");
    assertTrue(run.out().contains("V17  ----"), run.out());
    assertFalse(run.out().contains("V17  PASS"), run.out());
  }
}
