package org.evote.launcher.load;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.evote.board.client.BoardClient;
import org.evote.board.client.BoardException;
import org.evote.board.client.BoardUnavailableException;

/**
 * An honest observer reading {@code GET /api/status} through the board client four times a second until
 * {@link #close}: its latencies, and how many answers were a 5xx or none at all.
 */
final class StatusProbe implements AutoCloseable {
  private final BoardClient client;
  private final List<Long> nanos = new ArrayList<>();
  private final AtomicBoolean stop = new AtomicBoolean();
  private final Thread thread;
  private int serverErrors;
  private int failures;

  StatusProbe(URI board) {
    this.client = BoardClient.create(board, Duration.ofSeconds(10));
    this.thread = new Thread(this::run, "status-probe");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  private void run() {
    while (!stop.get()) {
      long start = System.nanoTime();
      try {
        client.status();
        synchronized (this) {
          nanos.add(System.nanoTime() - start);
        }
      } catch (BoardUnavailableException e) {
        synchronized (this) {
          if (e.status().isPresent() && e.status().getAsInt() >= 500) {
            serverErrors++;
          } else {
            failures++;
          }
        }
      } catch (BoardException e) {
        synchronized (this) {
          failures++;
        }
      } catch (InterruptedException e) {
        return;
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  synchronized SoakRun.Reads seen() {
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    return new SoakRun.Reads(sorted.length, LoadRun.percentile(sorted, 0.99), LoadRun.percentile(sorted, 1.0),
        serverErrors, failures);
  }

  @Override
  public void close() throws InterruptedException {
    stop.set(true);
    thread.interrupt();
    thread.join(15_000);
  }
}
