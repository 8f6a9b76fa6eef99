package org.evote.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.evote.server.board.SubmissionChecker;
import org.evote.server.testing.TestBoard;
import org.evote.server.testing.TestKiosk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review finding H2: clients that read large answers (the export, big board pages) a byte at a time through a tiny
 * receive buffer hold at most {@link HttpLimits#maxHeavyReads} threads (the others wait for their turn, holding
 * none), so {@code GET /api/status} keeps answering in under a second; and each is cut off once its response rate is
 * checked ({@link HttpLimits#minResponseBytesPerSecond} after {@link HttpLimits#bodyGrace}), so the heavy reads'
 * turns come free for honest readers.
 */
class SlowReadersTest {
  /** More slow readers than the HTTP threads: without the heavy reads' own admission they would hold them all. */
  static final int SLOW_READERS = HttpLimits.DEFAULT.maxThreads() + 10;
  static final int MIN_EXPORT_BYTES = 400_000;

  /** The first bytes each slow reader received: its status line. */
  private final StringBuilder[] heads = new StringBuilder[SLOW_READERS];

  @TempDir
  Path temp;

  @Test
  @Timeout(170)
  void slowReadersOfLargeAnswersLeaveStatusAnsweringAndAreCutOff() throws Exception {
    try (TestBoard t = new TestBoard(temp, "manifest-small.json")) {
      int exportBytes = fill(t);
      // The same board served again with the default limits, on a port whose sockets have a small send buffer:
      // this board's answers (under 1 MB) then stand for a real board's, far larger than the system's buffers
      // (up to 4 MiB a socket here), which a slow reader makes the writing thread wait for.
      Javalin app = BulletinBoardApp.create(t.board, new SubmissionChecker(t.board.config(), t.random, t.board),
          AdminTimeMark.load(temp.resolve("admin-time.txt")))
          .start("127.0.0.1", 0);
      for (Connector c : app.jettyServer().server().getConnectors()) {
        ((ServerConnector) c).setAcceptedSendBufferSize(16 * 1024);
      }
      URI base = URI.create("http://127.0.0.1:" + app.port());
      List<Socket> slow = new ArrayList<>();
      for (int i = 0; i < SLOW_READERS; i++) {
        heads[i] = new StringBuilder();
      }
      try {
        for (int i = 0; i < SLOW_READERS; i++) {
          Socket s = new Socket();
          s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0." + (30 + i % 3)), 0)); // 3 client hosts
          s.setReceiveBufferSize(1024); // before connecting: the window the server sees stays tiny
          s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), base.getPort()));
          s.setSoTimeout(20);
          String target = i % 2 == 0 ? "/api/board/export" : "/api/board?from=0&limit=1000";
          s.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
          s.getOutputStream().flush();
          slow.add(s);
        }
        long allOpen = System.nanoTime();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<Long> millis = new ArrayList<>();
        long[] received = new long[SLOW_READERS];
        long phaseEnd = allOpen + Duration.ofSeconds(6).toNanos();
        while (System.nanoTime() < phaseEnd) {
          readAByteEach(slow, received);
          long start = System.nanoTime();
          HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/status"))
              .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
          millis.add((System.nanoTime() - start) / 1_000_000);
          assertEquals(200, r.statusCode(), r.body());
          Thread.sleep(150);
        }
        assertTrue(millis.size() >= 10, "status was asked often enough: " + millis);
        assertTrue(millis.stream().allMatch(m -> m < 1000), "every GET /api/status under 1 s while " + SLOW_READERS
            + " clients read the export or big pages slowly: " + millis);

        // Still reading a byte at a time until the last ones admitted have been cut off (each is, once its rate is
        // checked after the grace) or refused for waiting too long (503 board_busy), then reading fast: a reader
        // cut off gets what was already on its way and then the end of the stream, never its whole answer.
        long cutOffBy = allOpen + HttpLimits.DEFAULT.maxWait().plus(HttpLimits.DEFAULT.bodyGrace())
            .plusSeconds(3).toNanos();
        while (System.nanoTime() < cutOffBy) {
          readAByteEach(slow, received);
          Thread.sleep(50);
        }
        int whole = Math.min(exportBytes, get(http, base, "/api/board?from=0&limit=1000").body().length());
        int cut = 0;
        int busy = 0;
        for (int i = 0; i < SLOW_READERS; i++) {
          String how = drain(slow.get(i), received, i);
          assertTrue(how.equals("closed") || how.equals("busy"), "slow reader " + i + " was cut off or refused; "
              + how + " after " + received[i] + " bytes");
          assertTrue(received[i] < whole, "slow reader " + i + " did not get its whole answer: " + received[i]
              + " bytes of " + whole);
          cut += how.equals("closed") ? 1 : 0;
          busy += how.equals("busy") ? 1 : 0;
        }
        System.out.println(cut + " slow readers cut off, " + busy + " refused after waiting for a turn");
        assertTrue(cut >= 2 * HttpLimits.DEFAULT.maxHeavyReads(), "the turns came free as readers were cut off: "
            + cut);
        HttpResponse<String> export = get(http, base, "/api/board/export");
        assertEquals(200, export.statusCode(), "the export's turns are free again");
        assertEquals(exportBytes, export.body().length());
      } finally {
        for (Socket s : slow) {
          s.close();
        }
        app.stop();
      }
    }
  }

  private static HttpResponse<String> get(HttpClient http, URI base, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Casts ballots from a few kiosks until the export is large; returns its length. */
  private static int fill(TestBoard t) throws Exception {
    List<TestKiosk> kiosks = new ArrayList<>();
    for (int k = 1; k <= 4; k++) {
      kiosks.add(t.registerKiosk("K" + k));
    }
    assertEquals(200, t.adminPost("/api/admin/polls/open", "").statusCode());
    ExecutorService pool = Executors.newFixedThreadPool(kiosks.size());
    java.util.concurrent.atomic.AtomicInteger ids = new java.util.concurrent.atomic.AtomicInteger();
    try {
      int n = 0;
      while (true) {
        String body = t.get("/api/board/export").body();
        if (body.length() >= MIN_EXPORT_BYTES) {
          System.out.println("the export: " + body.length() + " bytes, " + n + " ballots");
          return body.length();
        }
        int per = Math.max(5, (int) ((long) n * (MIN_EXPORT_BYTES - body.length()) / Math.max(1, body.length())
            / kiosks.size()) + 5);
        List<Future<?>> done = new ArrayList<>();
        for (TestKiosk kiosk : kiosks) {
          done.add(pool.submit(() -> {
            for (int i = 0; i < per; i++) {
              HttpResponse<String> r = t.submit(kiosk.next(t.randomBallot("b" + ids.incrementAndGet()), false).signed());
              assertEquals(200, r.statusCode(), r.body());
            }
            return null;
          }));
        }
        for (Future<?> f : done) {
          f.get();
        }
        n += per * kiosks.size();
      }
    } finally {
      pool.shutdown();
    }
  }

  /**
   * Reads all that comes, fast: "busy" if the answer is a 503, "closed" if the stream ended (or was reset), "quiet"
   * if nothing came for 5 s.
   */
  private String drain(Socket s, long[] received, int i) throws IOException {
    s.setSoTimeout(5_000);
    StringBuilder head = heads[i];
    try {
      InputStream in = s.getInputStream();
      while (true) {
        if (head.toString().startsWith("HTTP/1.1 503")) {
          return "busy";
        }
        int b = in.read();
        if (b < 0) {
          return "closed";
        }
        received[i]++;
        if (head.length() < 12) {
          head.append((char) b);
        }
      }
    } catch (SocketTimeoutException e) {
      return "quiet";
    } catch (IOException e) {
      return "closed";
    }
  }

  private void readAByteEach(List<Socket> sockets, long[] received) {
    for (int i = 0; i < sockets.size(); i++) {
      readAByte(sockets.get(i), received, i);
    }
  }

  /** Reads one byte if one is there, without waiting. */
  private void readAByte(Socket s, long[] received, int i) {
    try {
      InputStream in = s.getInputStream();
      if (in.available() > 0) {
        int b = in.read();
        if (b >= 0) {
          received[i]++;
          if (heads[i].length() < 12) {
            heads[i].append((char) b);
          }
        }
      }
    } catch (IOException e) {
      // cut off: drain() sees it
    }
  }
}
