package org.evote.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on loopback between kiosks and the board on a slow link: while throttled, what the kiosk sends is
 * forwarded to the board {@code chunk} bytes every {@code pauseMillis} (the kiosk itself sends at full speed into
 * the proxy, as into a modem's buffer); the board's answers go back at once. It counts the answers with status 408
 * it passed back, so a test can tell the board really cut a slow body off.
 */
final class ThrottlingProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final int targetPort;
  private final int chunk;
  private final long pauseMillis;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger answers408 = new AtomicInteger();
  private volatile boolean throttled = true;

  ThrottlingProxy(int targetPort, int chunk, long pauseMillis) throws IOException {
    this.targetPort = targetPort;
    this.chunk = chunk;
    this.pauseMillis = pauseMillis;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t = new Thread(this::accept, "throttling-proxy");
    t.setDaemon(true);
    t.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  /** From now on, what kiosks send goes through at full speed. */
  void fullSpeed() {
    throttled = false;
  }

  /** How many answers with status 408 the board sent back through the proxy. */
  int answers408() {
    return answers408.get();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        open.add(client);
        open.add(server);
        daemon(() -> upstream(client, server));
        daemon(() -> downstream(server, client));
      } catch (IOException e) {
        // listener closed
      }
    }
  }

  /** Kiosk to board, slowly while throttled; once the board has gone, the rest is read and dropped. */
  private void upstream(Socket client, Socket server) {
    byte[] buffer = new byte[16384];
    boolean boardGone = false;
    try (InputStream in = client.getInputStream()) {
      int n;
      while ((n = in.read(buffer, 0, throttled ? chunk : buffer.length)) >= 0) {
        if (boardGone) {
          continue;
        }
        try {
          OutputStream out = server.getOutputStream();
          out.write(buffer, 0, n);
          out.flush();
        } catch (IOException e) {
          boardGone = true; // the board cut the connection; its answer goes back downstream
          continue;
        }
        if (throttled) {
          Thread.sleep(pauseMillis);
        }
      }
    } catch (IOException | InterruptedException e) {
      // the kiosk went away
    } finally {
      closeQuietly(client);
      closeQuietly(server);
    }
  }

  /** Board to kiosk at full speed; at the board's end, the kiosk's side is half-closed (its request may go on). */
  private void downstream(Socket server, Socket client) {
    byte[] buffer = new byte[16384];
    try (InputStream in = server.getInputStream()) {
      OutputStream out = client.getOutputStream();
      int n;
      while ((n = in.read(buffer)) >= 0) {
        String text = new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
        for (int i = text.indexOf("HTTP/1.1 408 "); i >= 0; i = text.indexOf("HTTP/1.1 408 ", i + 1)) {
          answers408.incrementAndGet();
        }
        out.write(buffer, 0, n);
        out.flush();
      }
      client.shutdownOutput();
    } catch (IOException e) {
      closeQuietly(client);
    }
  }

  private static void daemon(Runnable r) {
    Thread t = new Thread(r, "throttling-proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    for (Socket s : open) {
      closeQuietly(s);
    }
  }
}
