package org.evote.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.evote.server.testing.TestBoard;
import org.evote.server.testing.TestKiosk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/challenged} costs the same however many ballots were challenged (their display forms are stored
 * when they are appended), and its pages list every challenged ballot exactly once — also after a restart that
 * rebuilds the stored display forms, and on a data directory made before they were stored.
 */
class ChallengedPageCostTest {
  static final int SMALL = 25;
  /** The page measured: as many ballots as the small board has, so both boards answer full pages. */
  static final int PAGE = SMALL;
  @TempDir
  Path temp;
  TestBoard t;
  final List<TestKiosk> kiosks = new ArrayList<>();
  final List<String> challengedIds = java.util.Collections.synchronizedList(new ArrayList<>());

  @AfterEach
  void tearDown() {
    if (t != null) {
      t.close();
    }
  }

  /**
   * Posts {@code n} challenged ballots from the kiosks at once (each kiosk's in chain order), with a cast ballot
   * after every tenth so the challenged ballots' sequence numbers have gaps.
   */
  void challenge(int n) throws Exception {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(kiosks.size());
    try {
      List<java.util.concurrent.Future<?>> done = new ArrayList<>();
      int start = challengedIds.size();
      for (int k = 0; k < kiosks.size(); k++) {
        TestKiosk kiosk = kiosks.get(k);
        int first = k;
        done.add(pool.submit(() -> {
          for (int i = first; i < n; i += kiosks.size()) {
            String id = "c-" + (start + i);
            TestKiosk.Submission c = kiosk.next(t.randomBallot(id), true);
            HttpResponse<String> r = t.post("/api/ballots/challenged", c);
            assertEquals(200, r.statusCode(), r.body());
            challengedIds.add(c.ballot().ballotId()); // in the kiosk's namespace
            if (i % 10 == 9) {
              assertEquals(200, t.post("/api/ballots", kiosk.next(t.randomBallot("v-" + id), false))
                  .statusCode());
            }
          }
          return null;
        }));
      }
      for (java.util.concurrent.Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  /** Every challenged ballot's id read page by page, sorted (the pages themselves are checked for board order). */
  List<String> everyChallengedBallot(int limit) throws Exception {
    List<String> ids = new ArrayList<>(allPages(limit));
    ids.sort(null);
    return ids;
  }

  List<String> posted() {
    List<String> ids = new ArrayList<>(challengedIds);
    ids.sort(null);
    return ids;
  }

  /** The fastest of several views of the first page of the challenged list, in ns. */
  long pageView() throws Exception {
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 40; i++) {
      long start = System.nanoTime();
      HttpResponse<String> r = t.get("/api/challenged?limit=" + PAGE);
      long took = System.nanoTime() - start;
      assertEquals(200, r.statusCode(), r.body());
      assertEquals(PAGE, TestBoard.json(r).getJsonArray("challenged").size());
      best = Math.min(best, took);
    }
    return best;
  }

  /** Every challenged ballot's id, in board order, read page by page following {@code next}. */
  List<String> allPages(int limit) throws Exception {
    List<String> ids = new ArrayList<>();
    String from = "0";
    long previous = -1;
    while (true) {
      JsonObject page = TestBoard.json(t.get("/api/challenged?from=" + from + "&limit=" + limit));
      assertTrue(page.getJsonArray("challenged").size() <= limit, page.toString());
      for (JsonValue v : page.getJsonArray("challenged")) {
        JsonObject b = v.asJsonObject();
        long seq = b.getJsonNumber("sequence").longValue();
        assertTrue(seq > previous, "board order");
        previous = seq;
        ids.add(b.getString("ballot_id"));
        assertTrue(b.getJsonArray("contests").size() > 0, b.toString());
      }
      if (!page.containsKey("next")) {
        return ids;
      }
      from = page.getJsonNumber("next").toString();
    }
  }

  @Test
  void aPageViewCostsTheSameOnABoardWithFourTimesTheChallengedBallots() throws Exception {
    t = new TestBoard(temp, "manifest-small.json");
    for (int k = 1; k <= 4; k++) {
      kiosks.add(t.registerKiosk("kiosk-" + k));
    }
    assertEquals(200, t.adminPost("/api/admin/polls/open", "").statusCode());
    challenge(SMALL);
    pageView(); // warm up
    long small = pageView();
    challenge(3 * SMALL);
    long large = pageView();
    assertTrue(large < 3 * small + 20_000_000L, "a page view took " + large / 1000 + " µs on a board of "
        + 4 * SMALL + " challenged ballots and " + small / 1000 + " µs on one of " + SMALL);

    System.out.println("a page view of the challenged list: " + small / 1000 + " µs with " + SMALL
        + " challenged ballots, " + large / 1000 + " µs with " + 4 * SMALL);
    assertEquals(4 * SMALL, posted().size());
    assertEquals(posted(), everyChallengedBallot(7), "every ballot exactly once");
    assertEquals(posted(), everyChallengedBallot(200));
    JsonObject firstPage = TestBoard.json(t.get("/api/challenged"));
    assertEquals(50, firstPage.getJsonArray("challenged").size(), "the default page");
    assertTrue(firstPage.containsKey("next"), firstPage.toString());
    assertEquals(400, t.get("/api/challenged?limit=201").statusCode(), "the largest page is 200");

    // A restart rebuilds the display forms from the entries: the same pages.
    List<String> before = List.of(t.get("/api/challenged?from=0&limit=200").body());
    t.stop();
    t.start();
    assertEquals(before, List.of(t.get("/api/challenged?from=0&limit=200").body()));
    // A data directory made before the display forms were stored (no such table) gets them at start.
    t.stop();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + t.data.database().toAbsolutePath());
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE challenged_display");
    }
    t.start();
    assertEquals(before, List.of(t.get("/api/challenged?from=0&limit=200").body()));
    assertEquals(posted(), everyChallengedBallot(7));
  }
}
