package org.evote.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.evote.server.testing.TestBoard;
import org.evote.server.testing.TestKiosk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review finding L5: refusals anyone can cause write at most one line a second for each kind, with the count of
 * those left out, so a flood of unauthenticated submissions cannot grow the log without bound.
 */
class ThrottledLogTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final List<String> lines = new ArrayList<>();
  private final ThrottledLog log = new ThrottledLog(lines::add, now::get, Duration.ofSeconds(1));

  @Test
  void aFloodOfOneKindWritesOneLineASecondWithTheCountLeftOut() {
    for (int second = 0; second < 10; second++) {
      for (int i = 0; i < 10_000; i++) {
        int n = i;
        log.log("bad_signature", () -> "rejected " + n);
        now.addAndGet(90_000); // 10,000 in 0.9 s
      }
      now.addAndGet(100_000_000L);
    }
    assertEquals(10, lines.size(), "one line a second for 100,000 refusals: " + lines);
    assertEquals("rejected 0", lines.get(0));
    assertEquals("rejected 0 (and 9999 more bad_signature lines not logged since the last)", lines.get(1));
  }

  @Test
  void eachKindHasItsOwnAllowance() {
    log.log("unknown_kiosk", () -> "a");
    log.log("bad_signature", () -> "b");
    log.log("unknown_kiosk", () -> "c");
    now.addAndGet(1_000_000_000L);
    log.log("unknown_kiosk", () -> "d");
    assertEquals(List.of("a", "b", "d (and 1 more unknown_kiosk lines not logged since the last)"), lines);
  }

  @TempDir
  java.nio.file.Path temp;

  /** A real board: 300 submissions of an unregistered kiosk as fast as they go, then one more after a second. */
  @Test
  @Timeout(60)
  void aFloodOfUnauthenticatedSubmissionsCostsALineASecond() throws Exception {
    try (TestBoard t = new TestBoard(temp, "manifest-small.json")) {
      assertEquals(200, t.adminPost("/api/admin/polls/open", "").statusCode());
      TestKiosk ghost = new TestKiosk("ghost", t.config, t.random); // never registered
      TestKiosk.Submission s = ghost.next(t.randomBallot("g1"), false);
      PrintStream oldErr = System.err;
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      long start = System.nanoTime();
      long seconds;
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      try {
        for (int i = 0; i < 300; i++) {
          HttpResponse<String> r = t.submit(s.signed());
          assertEquals(403, r.statusCode(), r.body());
        }
        seconds = (System.nanoTime() - start) / 1_000_000_000L;
        Thread.sleep(1100);
        assertEquals(403, t.submit(s.signed()).statusCode());
      } finally {
        System.setErr(oldErr);
      }
      List<String> rejected = err.toString(StandardCharsets.UTF_8).lines()
          .filter(l -> l.contains("rejected ballot_cast from")).toList();
      assertTrue(rejected.size() >= 2 && rejected.size() <= seconds + 3, "one line a second ("
          + seconds + " s of flood): " + rejected);
      assertTrue(rejected.get(rejected.size() - 1).matches(".*unknown_kiosk .*\\(and [0-9]+ more unknown_kiosk "
          + "lines not logged since the last\\)"), rejected.toString());
    }
  }
}
