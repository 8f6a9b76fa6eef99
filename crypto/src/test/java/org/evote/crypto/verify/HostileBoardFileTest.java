package org.evote.crypto.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.evote.crypto.record.BoardFile;
import org.evote.crypto.record.RecordFiles;
import org.evote.crypto.testing.TestElection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile board files (nested very deep, very long strings) fail V5 with the full report, never an exception. */
class HostileBoardFileTest {
  static final SecureRandom RANDOM = new SecureRandom();
  static final int DEPTH = 100_000;
  static Path record;
  @TempDir
  static Path temp;

  @BeforeAll
  static void runElection() throws Exception {
    TestElection election = TestElection.full(TestElection.manifest("manifest-small.json"), 3, 2, 2, RANDOM);
    record = temp.resolve("record");
    election.write(record);
  }

  static VerificationReport verifyBoard(String name, String prefix, String open, String close, String suffix)
      throws IOException {
    return verifyBoard(name, prefix, open, DEPTH, close, DEPTH, suffix);
  }

  /** Verifies a board file made of {@code prefix}, {@code open} n times, {@code close} m times and {@code suffix}. */
  static VerificationReport verifyBoard(String name, String prefix, String open, int n, String close, int m,
      String suffix) throws IOException {
    Path board = temp.resolve(name + ".json");
    try (Writer w = Files.newBufferedWriter(board)) {
      w.write(prefix);
      for (int i = 0; i < n; i++) {
        w.write(open);
      }
      for (int i = 0; i < m; i++) {
        w.write(close);
      }
      w.write(suffix);
    }
    VerificationReport report = RecordFiles.verify(record.resolve(RecordFiles.ELECTION), BoardFile.open(board), null, null, RANDOM, 2,
        p -> { });
    Files.delete(board);
    return report;
  }

  static void failsV5WithTheFullReport(VerificationReport report, String reason) {
    assertFalse(report.isValid());
    VerificationReport.StepOutcome v5 = report.outcome(Step.V5_BOARD_CHAIN);
    assertEquals(VerificationReport.Status.FAIL, v5.status(), report.render());
    assertTrue(v5.failures().toString().contains(reason), v5.failures().toString());
    assertEquals(VerificationReport.Status.PASS, report.outcome(Step.V1_PARAMETERS).status());
    String rendered = report.render();
    for (Step s : Step.values()) {
      assertTrue(rendered.contains(s.id()), s + " missing from the report:\n" + rendered);
    }
  }

  @Test
  void arraysNestedDeepInsideAnEntryFailV5() throws IOException {
    failsV5WithTheFullReport(verifyBoard("deep-array", "{\"entries\":[{\"a\":", "[", "]", "}]}"), "nested");
  }

  @Test
  void objectsNestedDeepInsideAnEntryFailV5() throws IOException {
    failsV5WithTheFullReport(verifyBoard("deep-object", "{\"entries\":[{\"a\":", "{\"a\":", "}", "}]}"), "nested");
  }

  @Test
  void arraysNestedDeepInPlaceOfTheEntriesFailV5() throws IOException {
    failsV5WithTheFullReport(verifyBoard("deep-top", "{\"entries\":", "[", "]", "}"), "nested");
  }

  @Test
  void nestingDeepInPlaceOfTheHeadsFailsV5() throws IOException {
    failsV5WithTheFullReport(verifyBoard("deep-heads", "{\"entries\":[],\"signed_heads\":[", "{\"a\":", "}",
        "]}"), "nested");
  }

  @Test
  void aLongMemberNameOfTheBoardObjectFailsV5AfterReadingABoundedPrefix() throws IOException {
    // 16 MiB of name: Parsson would buffer all of it before the board file could say "unknown field".
    failsV5WithTheFullReport(verifyBoard("long-name", "{\"entries\":[],\"", "a".repeat(1 << 16), 1 << 8, "",
        0, "\":1}"), "longer than 1024 bytes");
  }

  @Test
  void aLongStringInsideAnEntryFailsV5AtTheElementBound() throws IOException {
    failsV5WithTheFullReport(verifyBoard("long-string", "{\"entries\":[{\"a\":\"", "a".repeat(1 << 16),
        (64 << 10) + 1, "", 0, "\"}]}"), "larger than 64 MiB");
  }

  @Test
  void nestingWithinTheBoundStillReadsAsBefore() throws IOException {
    // 120 levels inside an entry: not refused by the bound, so the entry reaches the checks (and fails them).
    VerificationReport report = verifyBoard("deep-ok", "{\"entries\":[{\"a\":", "[", 120, "]", 120, "}]}");
    assertFalse(report.outcome(Step.V5_BOARD_CHAIN).failures().toString().contains("nested"), report.render());
  }
}
