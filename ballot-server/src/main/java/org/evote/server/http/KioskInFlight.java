package org.evote.server.http;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How many submissions of each kiosk are being checked or written at once, taken right after a submission is
 * authenticated: at most {@code limit} of one kiosk (docs/api.md, "Limits"), so that one kiosk — a rogue one, or one
 * retrying too eagerly — cannot hold the proof-checking permits and admission slots every other kiosk needs. A
 * submission beyond it is answered 503 {@code board_busy}, which kiosks retry like an unavailable board. Only
 * authenticated kiosks are counted, and a kiosk with nothing in flight holds no entry.
 */
final class KioskInFlight {
  private final int limit;
  private final ConcurrentHashMap<String, Integer> inFlight = new ConcurrentHashMap<>();

  KioskInFlight(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("a kiosk may have at least one submission in flight");
    }
    this.limit = limit;
  }

  int limit() {
    return limit;
  }

  /** A slot for one submission of the kiosk, or empty if it already has {@code limit} in flight. */
  Optional<Slot> enter(String kioskId) {
    boolean[] entered = {false};
    inFlight.compute(kioskId, (k, n) -> {
      int now = n == null ? 0 : n;
      if (now >= limit) {
        return n;
      }
      entered[0] = true;
      return now + 1;
    });
    return entered[0] ? Optional.of(new Slot(kioskId)) : Optional.empty();
  }

  /** Submissions of the kiosk in flight now. */
  int inFlight(String kioskId) {
    return inFlight.getOrDefault(kioskId, 0);
  }

  /** One submission's place; closing it (once; again does nothing) frees it. */
  final class Slot implements AutoCloseable {
    private final String kioskId;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Slot(String kioskId) {
      this.kioskId = kioskId;
    }

    @Override
    public void close() {
      if (closed.compareAndSet(false, true)) {
        inFlight.computeIfPresent(kioskId, (k, n) -> n <= 1 ? null : n - 1);
      }
    }
  }
}
