package org.evote.tally.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.evote.crypto.record.RecordFiles;
import org.evote.crypto.testing.DeterministicRandom;
import org.evote.crypto.testing.TestElection;
import org.evote.crypto.verify.Step;
import org.evote.tally.TallyTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tally verify} over a hostile board file: the full report with V5 failed, exit 1, no stack trace. */
class VerifyCommandTest {
  @TempDir
  Path temp;

  @Test
  void aBoardFileNested100000LevelsDeepFailsV5WithTheFullReport() throws Exception {
    TestElection election = TestElection.full(TestElection.manifest("manifest-small.json"), 3, 2, 1,
        new DeterministicRandom("verify command"));
    Path record = temp.resolve("record");
    election.write(record);
    Path board = temp.resolve("deep.json");
    try (Writer w = Files.newBufferedWriter(board)) {
      w.write("{\"entries\":[{\"a\":");
      w.write("[".repeat(100_000));
      w.write("]".repeat(100_000));
      w.write("}]}");
    }
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      code = TallyTool.run("verify", "--election", record.resolve(RecordFiles.ELECTION).toString(), "--board",
          board.toString(), "--threads", "1");
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    String report = o.toString(StandardCharsets.UTF_8);
    String errors = e.toString(StandardCharsets.UTF_8);
    assertEquals(1, code, report + errors);
    for (Step s : Step.values()) {
      assertTrue(report.contains(s.id()), s + " missing from:\n" + report);
    }
    assertTrue(report.contains("nested deeper than"), report);
    assertFalse(errors.contains("Exception") || errors.contains("\tat "), errors);
    assertFalse(report.contains("Exception"), report);
  }
}
