package org.evote.server.http;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Log lines an unauthenticated client can cause, at most one per interval for each kind (a closed set: refusal
 * codes, the server's cut-off reasons), so that an attacker cannot grow the log without bound: the lines left out
 * are counted, and the count is written with the next line of that kind.
 */
final class ThrottledLog {
  private final Consumer<String> sink;
  private final LongSupplier nanoTime;
  private final long intervalNanos;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  ThrottledLog(Consumer<String> sink, LongSupplier nanoTime, Duration interval) {
    this.sink = sink;
    this.nanoTime = nanoTime;
    this.intervalNanos = interval.toNanos();
  }

  /** One line a second for each kind, to this sink, on the system's monotonic clock. */
  static ThrottledLog perSecond(Consumer<String> sink) {
    return new ThrottledLog(sink, System::nanoTime, Duration.ofSeconds(1));
  }

  /** Writes the line unless one of this kind was written less than an interval ago (then only counts it). */
  void log(String kind, Supplier<String> line) {
    long suppressed = windows.computeIfAbsent(kind, k -> new Window()).admit(nanoTime.getAsLong());
    if (suppressed >= 0) {
      String text = line.get();
      sink.accept(suppressed == 0 ? text : text + " (and " + suppressed + " more " + kind
          + " lines not logged since the last)");
    }
  }

  private final class Window {
    private boolean any;
    private long last;
    private long suppressed;

    /** The count of lines left out since the last one written, if this one is written; -1 if it is left out. */
    synchronized long admit(long now) {
      if (any && now - last < intervalNanos) {
        suppressed++;
        return -1;
      }
      any = true;
      last = now;
      long n = suppressed;
      suppressed = 0;
      return n;
    }
  }
}
