package org.evote.launcher.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.evote.board.client.ApiPaths;

/**
 * An honest observer reading {@code GET /api/status} four times a second on its own connection until
 * {@link #close}: its latencies, and how many answers were a 5xx or none at all.
 */
final class StatusProbe implements AutoCloseable {
  private final URI board;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final List<Long> nanos = new ArrayList<>();
  private final AtomicBoolean stop = new AtomicBoolean();
  private final Thread thread;
  private int serverErrors;
  private int failures;

  StatusProbe(URI board) {
    this.board = board;
    this.thread = new Thread(this::run, "status-probe");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  private void run() {
    HttpRequest get = HttpRequest.newBuilder(board.resolve(ApiPaths.STATUS)).timeout(Duration.ofSeconds(10)).build();
    while (!stop.get()) {
      long start = System.nanoTime();
      try {
        int status = http.send(get, HttpResponse.BodyHandlers.discarding()).statusCode();
        synchronized (this) {
          nanos.add(System.nanoTime() - start);
          if (status >= 500) {
            serverErrors++;
          }
        }
        Thread.sleep(250);
      } catch (IOException e) {
        synchronized (this) {
          failures++;
        }
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  synchronized SoakRun.Reads seen() {
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    return new SoakRun.Reads(sorted.length, LoadRun.percentile(sorted, 0.99), LoadRun.percentile(sorted, 1.0), serverErrors,
        failures);
  }

  @Override
  public void close() throws InterruptedException {
    stop.set(true);
    thread.interrupt();
    thread.join(15_000);
  }
}
