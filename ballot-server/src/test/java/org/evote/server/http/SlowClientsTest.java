package org.evote.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
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
 * Issue 12, part 3: 500 connections sending their bodies one byte every two seconds leave the board's public reads
 * answering in under a second (no body holds a thread while it arrives), and each is cut off with 408 once its
 * rate is checked ({@link HttpLimits#bodyGrace}). Loopback only; 500 client and 500 server sockets in this JVM, the
 * clients from four loopback addresses (one address may hold at most {@link HttpLimits#maxConnectionsPerAddress}).
 */
class SlowClientsTest {
  static final int SLOW_CLIENTS = 500;
  static final int DECLARED_BYTES = 100_000;

  @TempDir
  Path temp;

  @Test
  @Timeout(90)
  void fiveHundredSlowBodiesLeaveStatusAnsweringAndAreCutOff() throws Exception {
    try (TestBoard t = new TestBoard(temp, "manifest-small.json")) {
      List<Socket> slow = new ArrayList<>();
      try {
        for (int i = 0; i < SLOW_CLIENTS; i++) {
          // from 4 loopback addresses, as several hosts: one address may hold at most 256 connections
          Socket s = new Socket(InetAddress.getLoopbackAddress(), t.base.getPort(),
              InetAddress.getByName("127.0.0." + (40 + i % 4)), 0);
          s.setSoTimeout(100);
          OutputStream out = s.getOutputStream();
          out.write(("POST /api/ballots HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
              + "Content-Length: " + DECLARED_BYTES + "\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
          out.flush();
          slow.add(s);
        }
        long allOpen = System.nanoTime();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<Long> millis = new ArrayList<>();
        // from the moment all 500 are open, for 6 s (the first ones' grace ends 10 s after they opened)
        long phaseEnd = allOpen + Duration.ofSeconds(6).toNanos();
        long nextDrip = System.nanoTime();
        while (System.nanoTime() < phaseEnd) {
          if (System.nanoTime() >= nextDrip) {
            drip(slow);
            nextDrip = System.nanoTime() + Duration.ofSeconds(2).toNanos();
          }
          long start = System.nanoTime();
          HttpResponse<String> r = http.send(HttpRequest.newBuilder(t.base.resolve("/api/status"))
              .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
          millis.add((System.nanoTime() - start) / 1_000_000);
          assertEquals(200, r.statusCode(), r.body());
          Thread.sleep(200);
        }
        assertTrue(millis.size() >= 10, "status was asked often enough: " + millis);
        assertTrue(millis.stream().allMatch(m -> m < 1000), "every GET /api/status under 1 s while " + SLOW_CLIENTS
            + " slow bodies arrive: " + millis);

        // The rate check (after the 10 s grace, then every second) cuts each one off with 408.
        long cutOffBy = allOpen + HttpLimits.DEFAULT.bodyGrace().plusSeconds(8).toNanos();
        int cut = 0;
        List<String> others = new ArrayList<>();
        for (Socket s : slow) {
          String answer = answer(s, cutOffBy);
          if (answer.startsWith("HTTP/1.1 408")) {
            cut++;
          } else {
            others.add(answer);
          }
        }
        assertEquals(SLOW_CLIENTS, cut, "every slow body was cut off with 408: " + others.subList(0,
            Math.min(3, others.size())));
        assertEquals(200, t.get("/api/status").statusCode(), "the board still answers");
      } finally {
        for (Socket s : slow) {
          s.close();
        }
      }
    }
  }

  private static void drip(List<Socket> sockets) {
    for (Socket s : sockets) {
      try {
        s.getOutputStream().write(' ');
        s.getOutputStream().flush();
      } catch (IOException e) {
        // already cut off
      }
    }
  }

  /** The status line the server sent on this socket by {@code deadline} (empty if none). */
  private static String answer(Socket s, long deadline) throws IOException {
    InputStream in = s.getInputStream();
    StringBuilder line = new StringBuilder();
    while (System.nanoTime() < deadline) {
      try {
        int b = in.read();
        if (b < 0 || b == '\r' || b == '\n') {
          break;
        }
        line.append((char) b);
      } catch (SocketTimeoutException e) {
        // not yet
      } catch (IOException e) {
        return "closed: " + e;
      }
    }
    return line.toString();
  }
}
