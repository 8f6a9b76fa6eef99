package org.evote.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.evote.server.testing.TestBoard;
import org.evote.server.testing.TestKiosk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review finding H2: a board page is bounded in bytes as well as in entries ({@link BoardController#MAX_PAGE_BYTES}),
 * so a 1,000-entry page of large ballots costs no more than a megabyte; following {@code next} still lists every
 * entry exactly once, in order.
 */
class BoardPageBytesTest {
  @TempDir
  Path temp;

  @Test
  @Timeout(170)
  void aPageStopsAtItsByteBoundAndNextListsEveryEntryOnce() throws Exception {
    try (TestBoard t = new TestBoard(temp, "manifest-small.json")) {
      long size = fill(t, BoardController.MAX_PAGE_BYTES + 200_000);
      HttpResponse<String> first = t.get("/api/board?from=0&limit=1000");
      assertEquals(200, first.statusCode());
      JsonObject page = TestBoard.json(first);
      int entries = page.getJsonArray("entries").size();
      assertTrue(entries < size, "the page stopped before the board's " + size + " entries: " + entries);
      assertTrue(first.body().length() <= BoardController.MAX_PAGE_BYTES + 1000, "at most 1 MiB of JSON: "
          + first.body().length());
      assertEquals(entries, page.getJsonNumber("next").longValue(), "next follows the page's last entry");

      List<Long> seen = new ArrayList<>();
      long from = 0;
      while (true) {
        JsonObject p = TestBoard.json(t.get("/api/board?from=" + from + "&limit=1000"));
        for (JsonValue v : p.getJsonArray("entries")) {
          seen.add(v.asJsonObject().getJsonNumber("sequence").longValue());
        }
        if (!p.containsKey("next")) {
          break;
        }
        from = p.getJsonNumber("next").longValue();
      }
      List<Long> expected = new ArrayList<>();
      for (long i = 0; i < size; i++) {
        expected.add(i);
      }
      assertEquals(expected, seen, "every entry exactly once, in board order");
    }
  }

  /** Casts ballots from a few kiosks until the board's entries take over {@code bytes} of JSON; its size. */
  static long fill(TestBoard t, int bytes) throws Exception {
    List<TestKiosk> kiosks = new ArrayList<>();
    for (int k = 1; k <= 4; k++) {
      kiosks.add(t.registerKiosk("K" + k));
    }
    assertEquals(200, t.adminPost("/api/admin/polls/open", "").statusCode());
    ExecutorService pool = Executors.newFixedThreadPool(kiosks.size());
    AtomicInteger ids = new AtomicInteger();
    try {
      while (true) {
        HttpResponse<String> export = t.get("/api/board/export");
        if (export.body().length() >= bytes) {
          return TestBoard.json(t.get("/api/status")).getJsonNumber("entries").longValue();
        }
        List<Future<?>> done = new ArrayList<>();
        for (TestKiosk kiosk : kiosks) {
          done.add(pool.submit(() -> {
            for (int i = 0; i < 10; i++) {
              HttpResponse<String> r = t.submit(kiosk.next(t.randomBallot("b" + ids.incrementAndGet()), false)
                  .signed());
              assertEquals(200, r.statusCode(), r.body());
            }
            return null;
          }));
        }
        for (Future<?> f : done) {
          f.get();
        }
      }
    } finally {
      pool.shutdown();
    }
  }
}
