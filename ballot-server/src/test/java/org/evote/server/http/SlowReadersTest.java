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
  /** More slow readers than heavy reads admitted at once, some of them waiting for a turn. */
  static final int SLOW_READERS = HttpLimits.DEFAULT.maxHeavyReads() + 8;
  static final int MIN_EXPORT_BYTES = 400_000;

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
      Javalin app = BulletinBoardApp.create(t.board, new SubmissionChecker(t.board.config(), t.random, t.board))
          .start("127.0.0.1", 0);
      for (Connector c : app.jettyServer().server().getConnectors()) {
        ((ServerConnector) c).setAcceptedSendBufferSize(16 * 1024);
      }
      URI base = URI.create("http://127.0.0.1:" + app.port());
      List<Socket> slow = new ArrayList<>();
      try {
        for (int i = 0; i < SLOW_READERS; i++) {
          Socket s = new Socket();
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

        // Still reading a byte at a time until each has surely been cut off (its rate checked after the grace;
        // the last ones admitted waited for a turn first, one round of the grace), then reading fast: a reader cut
        // off gets what was already on its way and then the end of the stream, never its whole answer.
        long cutOffBy = allOpen + HttpLimits.DEFAULT.bodyGrace().multipliedBy(2).plusSeconds(8).toNanos();
        while (System.nanoTime() < cutOffBy) {
          readAByteEach(slow, received);
          Thread.sleep(50);
        }
        int whole = Math.min(exportBytes, get(http, base, "/api/board?from=0&limit=1000").body().length());
        for (int i = 0; i < SLOW_READERS; i++) {
          boolean closed = drain(slow.get(i), received, i);
          assertTrue(closed, "slow reader " + i + " was cut off; it had read " + received[i] + " bytes");
          assertTrue(received[i] < whole, "slow reader " + i + " did not get its whole answer: " + received[i]
              + " bytes of " + whole);
        }
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

  /** Reads all that comes, fast; true if the stream ended (or was reset), false if it went quiet for 5 s. */
  private static boolean drain(Socket s, long[] received, int i) throws IOException {
    s.setSoTimeout(5_000);
    byte[] buffer = new byte[65536];
    try {
      InputStream in = s.getInputStream();
      while (true) {
        int n = in.read(buffer);
        if (n < 0) {
          return true;
        }
        received[i] += n;
      }
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  private static void readAByteEach(List<Socket> sockets, long[] received) {
    for (int i = 0; i < sockets.size(); i++) {
      readAByte(sockets.get(i), received, i);
    }
  }

  /** Reads one byte if one is there; true once the connection is closed (end of stream or reset). */
  private static boolean readAByte(Socket s, long[] received, int i) {
    try {
      InputStream in = s.getInputStream();
      if (in.read() < 0) {
        return true;
      }
      received[i]++;
      return false;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }
}
