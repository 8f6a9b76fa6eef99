package org.evote.launcher.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Posts {@link HostileBodies} at the board at a steady rate until {@link #close} (asynchronously, at most
 * {@link #MAX_IN_FLIGHT} unanswered at once, so a slow answer does not slow the stream), counting the answers by kind
 * and status ({@code closed} when the board cut the connection before answering, e.g. at 413 over the size limit).
 */
final class HostileStream implements AutoCloseable {
  private final URI board;
  private final HostileBodies bodies;
  private final double perSecond;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final Map<String, Map<String, Long>> answers = new TreeMap<>();
  private final AtomicBoolean stop = new AtomicBoolean();
  private final Thread thread;
  private final java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(MAX_IN_FLIGHT);
  private long sent;

  static final int MAX_IN_FLIGHT = 64;

  HostileStream(URI board, HostileBodies bodies, double perSecond) {
    this.board = board;
    this.bodies = bodies;
    this.perSecond = perSecond;
    this.thread = new Thread(this::run, "hostile-bodies");
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  private void run() {
    long interval = (long) (1e9 / perSecond);
    long next = System.nanoTime();
    while (!stop.get()) {
      HostileBodies.Request h = bodies.next(sent);
      HttpRequest.Builder b = HttpRequest.newBuilder(board.resolve(h.path())).timeout(Duration.ofSeconds(30))
          .POST(HttpRequest.BodyPublishers.ofByteArray(h.body()));
      h.headers().forEach(b::header);
      try {
        inFlight.acquire();
      } catch (InterruptedException e) {
        break;
      }
      synchronized (answers) {
        sent++;
      }
      http.sendAsync(b.build(), HttpResponse.BodyHandlers.discarding()).whenComplete((r, failure) -> {
        String outcome = r != null ? String.valueOf(r.statusCode()) : "closed";
        synchronized (answers) {
          answers.computeIfAbsent(h.kind(), k -> new TreeMap<>()).merge(outcome, 1L, Long::sum);
        }
        inFlight.release();
      });
      next += interval;
      long wait = next - System.nanoTime();
      if (wait > 0) {
        try {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        } catch (InterruptedException e) {
          break;
        }
      } else {
        next = System.nanoTime();
      }
    }
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
    if (inFlight.tryAcquire(MAX_IN_FLIGHT, 30, java.util.concurrent.TimeUnit.SECONDS)) {
      inFlight.release(MAX_IN_FLIGHT);
    }
  }
}
