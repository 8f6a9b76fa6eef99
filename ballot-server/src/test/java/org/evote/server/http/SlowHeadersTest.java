package org.evote.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.evote.server.testing.TestBoard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review finding H3: request headers that trickle in a byte a second (each byte restarting the idle timeout) are cut
 * off once {@link HttpLimits#headerDeadline} has passed, while {@code GET /api/status} keeps answering in under a
 * second; and one client address cannot open more than {@link HttpLimits#maxConnectionsPerAddress} connections.
 * Clients use several loopback source addresses (127.0.0.x), as several hosts would.
 */
class SlowHeadersTest {
  static final int DRIBBLERS = 300;
  static final int ADDRESSES = 3;

  @TempDir
  Path temp;

  @Test
  @Timeout(90)
  void headersTricklingInAreCutOffAtTheDeadlineAndStatusKeepsAnswering() throws Exception {
    try (TestBoard t = new TestBoard(temp, "manifest-small.json")) {
      List<Socket> slow = new ArrayList<>();
      try {
        for (int i = 0; i < DRIBBLERS; i++) {
          Socket s = open(t, "127.0.0." + (10 + i % ADDRESSES));
          s.getOutputStream().write("GET /api/status HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "
              .getBytes(StandardCharsets.US_ASCII));
          slow.add(s);
        }
        long allOpen = System.nanoTime();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<Long> millis = new ArrayList<>();
        long nextDrip = 0;
        long phaseEnd = allOpen + Duration.ofSeconds(6).toNanos();
        while (System.nanoTime() < phaseEnd) {
          if (System.nanoTime() >= nextDrip) {
            drip(slow);
            nextDrip = System.nanoTime() + 1_000_000_000L;
          }
          long start = System.nanoTime();
          HttpResponse<String> r = http.send(HttpRequest.newBuilder(t.base.resolve("/api/status"))
              .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
          millis.add((System.nanoTime() - start) / 1_000_000);
          assertEquals(200, r.statusCode(), r.body());
          Thread.sleep(200);
        }
        assertTrue(millis.size() >= 10, "status was asked often enough: " + millis);
        assertTrue(millis.stream().allMatch(m -> m < 1000), "every GET /api/status under 1 s while " + DRIBBLERS
            + " connections dribble their headers: " + millis);

        // Still a byte a second each, far inside the 30 s idle timeout: closed once the headers' deadline passes.
        long cutOffBy = allOpen + HttpLimits.DEFAULT.headerDeadline().plusSeconds(10).toNanos();
        boolean[] closed = new boolean[DRIBBLERS];
        int cut = 0;
        while (cut < DRIBBLERS && System.nanoTime() < cutOffBy) {
          if (System.nanoTime() >= nextDrip) {
            drip(slow);
            nextDrip = System.nanoTime() + 1_000_000_000L;
          }
          cut = 0;
          for (int i = 0; i < DRIBBLERS; i++) {
            closed[i] = closed[i] || closed(slow.get(i));
            cut += closed[i] ? 1 : 0;
          }
          Thread.sleep(100);
        }
        assertEquals(DRIBBLERS, cut, "every connection dribbling its headers was closed by the deadline");
        assertEquals(200, t.get("/api/status").statusCode(), "the board still answers");
      } finally {
        for (Socket s : slow) {
          s.close();
        }
      }
    }
  }

  @Test
  @Timeout(60)
  void oneAddressCannotOpenMoreThanItsShareOfConnections() throws Exception {
    int cap = HttpLimits.DEFAULT.maxConnectionsPerAddress();
    try (TestBoard t = new TestBoard(temp, "manifest-small.json")) {
      List<Socket> sockets = new ArrayList<>();
      try {
        for (int i = 0; i < cap + 20; i++) {
          sockets.add(open(t, "127.0.0.20"));
        }
        Thread.sleep(1000);
        int open = 0;
        int closed = 0;
        for (Socket s : sockets) {
          if (closed(s)) {
            closed++;
          } else {
            open++;
          }
        }
        assertEquals(cap, open, "connections from one address beyond the cap are closed at once");
        assertEquals(20, closed);
        assertEquals(200, t.get("/api/status").statusCode(), "another address still gets in");
        Socket other = open(t, "127.0.0.21");
        sockets.add(other);
        other.getOutputStream().write("GET /api/status HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII));
        other.setSoTimeout(5_000);
        byte[] line = other.getInputStream().readNBytes(12);
        assertEquals("HTTP/1.1 200", new String(line, StandardCharsets.US_ASCII));
        sockets.get(0).close();
        Thread.sleep(500);
        Socket again = open(t, "127.0.0.20");
        sockets.add(again);
        Thread.sleep(500);
        assertTrue(!closed(again), "once one closes, the address may open another");
      } finally {
        for (Socket s : sockets) {
          s.close();
        }
      }
    }
  }

  private static Socket open(TestBoard t, String from) throws IOException {
    Socket s = new Socket();
    s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
    s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), t.base.getPort()), 5_000);
    s.setSoTimeout(5);
    return s;
  }

  private static void drip(List<Socket> sockets) {
    for (Socket s : sockets) {
      try {
        s.getOutputStream().write('a');
        s.getOutputStream().flush();
      } catch (IOException e) {
        // already cut off
      }
    }
  }

  /** True if the server closed the connection (end of stream or reset); false if it is quiet. */
  private static boolean closed(Socket s) {
    try {
      return s.getInputStream().read() < 0;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }
}
