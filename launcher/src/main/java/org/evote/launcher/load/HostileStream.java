package org.evote.launcher.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Posts {@link HostileBodies} at the board at a steady rate until {@link #close}, each on its own raw connection as
 * an attacker would (not through the board client), at most {@link #MAX_IN_FLIGHT} unanswered at once so a slow
 * answer does not slow the stream; counts the answers by kind and status ({@code closed} when the board cut the
 * connection before answering, e.g. after its 413 to a body over the size limit).
 */
final class HostileStream implements AutoCloseable {
  static final int MAX_IN_FLIGHT = 16;
  private static final int TIMEOUT_MILLIS = 30_000;

  private final URI board;
  private final HostileBodies bodies;
  private final double perSecond;
  private final Map<String, Map<String, Long>> answers = new TreeMap<>();
  private final AtomicBoolean stop = new AtomicBoolean();
  private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
  private final ExecutorService senders = Executors.newFixedThreadPool(MAX_IN_FLIGHT, r -> {
    Thread t = new Thread(r, "hostile-body");
    t.setDaemon(true);
    return t;
  });
  private final Thread thread;
  private long sent;

  HostileStream(URI board, HostileBodies bodies, double perSecond) {
    this.board = board;
    this.bodies = bodies;
    this.perSecond = perSecond;
    this.thread = new Thread(this::run, "hostile-stream");
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  private void run() {
    long interval = (long) (1e9 / perSecond);
    long next = System.nanoTime();
    try {
      while (!stop.get()) {
        HostileBodies.Request h = bodies.next(sent);
        inFlight.acquire();
        synchronized (answers) {
          sent++;
        }
        senders.execute(() -> {
          try {
            String outcome = send(h);
            synchronized (answers) {
              answers.computeIfAbsent(h.kind(), k -> new TreeMap<>()).merge(outcome, 1L, Long::sum);
            }
          } finally {
            inFlight.release();
          }
        });
        next += interval;
        long wait = next - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        } else {
          next = System.nanoTime();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One request on its own connection; the status code of the answer, or {@code closed}. */
  private String send(HostileBodies.Request h) {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), board.getPort())) {
      s.setSoTimeout(TIMEOUT_MILLIS);
      StringBuilder head = new StringBuilder("POST ").append(h.path()).append(" HTTP/1.1\r\nHost: ")
          .append(board.getAuthority()).append("\r\nConnection: close\r\nContent-Length: ").append(h.body().length)
          .append("\r\n");
      h.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
      head.append("\r\n");
      OutputStream out = s.getOutputStream();
      try {
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(h.body());
        out.flush();
      } catch (IOException e) {
        // the board may answer and close before the whole body is sent: read what it said
      }
      return statusCode(s.getInputStream());
    } catch (IOException e) {
      return "closed";
    }
  }

  private static String statusCode(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b >= 0 && b != '\r' && b != '\n' && line.length() < 200; b = in.read()) {
      line.append((char) b);
    }
    String[] parts = line.toString().split(" ");
    return parts.length >= 2 && parts[0].startsWith("HTTP/") ? parts[1] : "closed";
  }

  /** Answers so far: kind → status (or {@code closed}) → count. */
  Map<String, Map<String, Long>> answers() {
    synchronized (answers) {
      Map<String, Map<String, Long>> copy = new TreeMap<>();
      answers.forEach((k, v) -> copy.put(k, new TreeMap<>(v)));
      return copy;
    }
  }

  long sent() {
    synchronized (answers) {
      return sent;
    }
  }

  /** Stops sending, and waits up to 30 s for the answers still due. */
  @Override
  public void close() throws InterruptedException {
    stop.set(true);
    thread.interrupt();
    thread.join(10_000);
    senders.shutdown();
    senders.awaitTermination(TIMEOUT_MILLIS + 5_000L, TimeUnit.MILLISECONDS);
  }
}
