package org.evote.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.evote.server.testing.Console;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evote load} in miniature (the real figures come from the full run in docs/performance.md): a few kiosks for
 * a few seconds, and the run's own checks — every receipt on the board once, the board verifies — hold.
 */
class LoadRunTest {
  @TempDir
  Path temp;

  @Test
  void aShortLoadRunFindsEveryReceiptOnTheBoardOnce() {
    Console run = MockElectionTest.evote("load", "--kiosks", "3", "--seconds", "2",
        "--baseline-seconds", "1", "--out", temp.toString());
    assertEquals(0, run.code(), run.out() + run.err());
    assertTrue(run.out().contains("every receipt on the board exactly once: yes; board verifies: yes"), run.out());
    assertTrue(run.out().matches("(?s).*kiosks 3, [0-9.]+ s: [1-9][0-9]* ballots.*"), run.out());
    assertTrue(run.out().contains("baseline, 1 kiosk alone"), run.out());
  }
}
