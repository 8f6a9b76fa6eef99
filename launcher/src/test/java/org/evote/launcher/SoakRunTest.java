package org.evote.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.evote.launcher.load.HostileBodies;
import org.evote.server.testing.Console;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evote load --soak} in miniature (the real figures come from the full run in docs/performance.md): the same
 * code with 3 kiosks, 4 s phases, 30 slow clients and 10 hostile requests a second. Its own checks hold — every
 * receipt on the board once, no honest upload failed, the status observer saw no 5xx — with a generous p99 bound
 * (this machine is shared); and every kind of hostile request was answered with a 4xx (or cut off), none with a 5xx.
 */
class SoakRunTest {
  @TempDir
  Path temp;

  @Test
  @Timeout(150)
  void aShortSoakRunHoldsItsChecks() {
    Console run = MockElectionTest.evote("load", "--soak", "--kiosks", "3", "--seconds", "4", "--warmup-seconds",
        "1", "--slow-clients", "30", "--hostile-per-second", "10", "--p99-factor", "5", "--out", temp.toString());
    System.out.println(run.out()); // the miniature's figures, in the build log
    assertEquals(0, run.code(), run.out() + run.err());
    assertTrue(run.out().contains("no 5xx to an honest client: yes"), run.out());
    assertTrue(run.out().matches("(?s).*quiet +[0-9.]+ s: [1-9][0-9]* ballots.*"), run.out());
    assertTrue(run.out().matches("(?s).*attack +[0-9.]+ s: [1-9][0-9]* ballots.*"), run.out());
    Matcher slow = Pattern.compile("slow clients: (\\d+) connections opened").matcher(run.out());
    assertTrue(slow.find() && Integer.parseInt(slow.group(1)) >= 30, run.out());
    String answers = run.out().lines().filter(l -> l.startsWith("hostile requests:")).findFirst().orElseThrow();
    for (String kind : HostileBodies.KINDS) {
      assertTrue(answers.contains(kind + "={"), "every kind was sent: " + kind + " in " + answers);
    }
    assertFalse(answers.matches(".*=\\{[^}]*\\b5\\d\\d=.*"), "no hostile request got a 5xx: " + answers);
  }
}
