package org.evote.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.evote.server.testing.ServerProcess;
import org.evote.server.testing.TestBoard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, part 5: a client that sends part of a body and goes away is a client error — no 5xx and exactly one log
 * line (INFO), never a stack trace. The server runs as its own process so its whole log is read as an operator
 * would.
 */
class AbortedUploadTest {
  @TempDir
  Path temp;

  @Test
  @Timeout(120)
  void anAbortedUploadIsOneLogLineAndNo5xx() throws Exception {
    TestBoard t = new TestBoard(temp, "manifest-small.json");
    t.stop();
    Path pass = temp.resolve("passphrase");
    Files.writeString(pass, new String(TestBoard.passphrase()));
    Path log = temp.resolve("server.log");
    try (ServerProcess server = ServerProcess.start(t.data.dir(), pass, ServerProcess.freePort(), log)) {
      int port = server.base.getPort();

      // Half a body, then the client closes its side: the answer it can still read is a 4xx.
      long before = Files.size(log);
      String status;
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
        s.setSoTimeout(20_000);
        OutputStream out = s.getOutputStream();
        out.write(head(port, 100_000).getBytes(StandardCharsets.US_ASCII));
        out.write("{\"election_hash\":\"".repeat(1000).getBytes(StandardCharsets.US_ASCII));
        out.flush();
        s.shutdownOutput();
        status = statusLine(s.getInputStream());
      }
      assertTrue(status.matches("HTTP/1\\.1 4\\d\\d .*"), "a client error, not a 5xx: " + status);
      List<String> lines = newLines(log, before, 1);
      assertEquals(1, lines.size(), "one log line: " + lines);
      assertTrue(lines.get(0).contains(" INFO ") || lines.get(0).contains(" WARN "), lines.get(0));

      // Half a body, then the connection is reset (no answer can reach the client): one line, no stack trace.
      before = Files.size(log);
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
        OutputStream out = s.getOutputStream();
        out.write(head(port, 100_000).getBytes(StandardCharsets.US_ASCII));
        out.write(new byte[20_000]);
        out.flush();
        Thread.sleep(300);
        s.setSoLinger(true, 0); // RST on close
      }
      lines = newLines(log, before, 1);
      assertEquals(1, lines.size(), "one log line: " + lines);
      assertFalse(lines.get(0).contains("ERROR"), lines.get(0));

      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.base.resolve(
          "/api/status")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), "the board still answers");
      assertEquals(0, newLines(log, Files.size(log), 0).size());
    }
  }

  private static String head(int port, int length) {
    return "POST /api/ballots HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + length + "\r\n\r\n";
  }

  private static String statusLine(InputStream in) throws java.io.IOException {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b >= 0 && b != '\r' && b != '\n'; b = in.read()) {
      line.append((char) b);
    }
    return line.toString();
  }

  /** The lines the server logged after {@code offset}, once they have stopped growing (waiting for at least n). */
  private static List<String> newLines(Path log, long offset, int atLeast) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    List<String> lines = List.of();
    while (System.nanoTime() < deadline) {
      lines = read(log, offset);
      if (lines.size() >= atLeast) {
        break;
      }
      Thread.sleep(100);
    }
    Thread.sleep(1500); // anything more it would log (a stack trace) comes right after
    return read(log, offset);
  }

  private static List<String> read(Path log, long offset) throws java.io.IOException {
    byte[] all = Files.readAllBytes(log);
    String tail = new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset),
        StandardCharsets.UTF_8);
    return tail.lines().filter(l -> !l.isBlank()).toList();
  }
}
