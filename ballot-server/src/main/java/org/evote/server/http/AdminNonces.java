package org.evote.server.http;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * The nonces of the administrator requests accepted recently, so that none is accepted twice. A request is accepted
 * only while its time is within the window of the board's clock, so once recorded a nonce is kept for twice the
 * window (and a second) of a <em>monotonic</em> clock: a wall clock stepped forward does not forget it early. At most
 * {@code capacity} are kept: when that many are live, a new request is refused ({@link Outcome#FULL}) rather than
 * the memory grown. Only authenticated requests are recorded, so filling it takes an administrator's key.
 */
final class AdminNonces {
  /** What recording a nonce did. */
  enum Outcome { RECORDED, REPLAYED, FULL }

  private record Kept(long expiresAt, String nonce) {}

  private final int capacity;
  private final long keepNanos;
  private final java.util.function.LongSupplier nanoTime;
  private final Set<String> live = new HashSet<>();
  /** In order of recording, which is the order of expiry: every nonce is kept as long. */
  private final ArrayDeque<Kept> byExpiry = new ArrayDeque<>();

  /** Nonces of requests accepted within {@code windowSeconds} of the clock, expired by {@link System#nanoTime}. */
  AdminNonces(int capacity, long windowSeconds) {
    this(capacity, windowSeconds, System::nanoTime);
  }

  /** As {@link #AdminNonces(int, long)}, with {@code nanoTime} as the monotonic clock (tests step it). */
  AdminNonces(int capacity, long windowSeconds, java.util.function.LongSupplier nanoTime) {
    if (capacity < 1 || windowSeconds < 0) {
      throw new IllegalArgumentException("a positive capacity and a non-negative window");
    }
    this.capacity = capacity;
    this.keepNanos = (2 * windowSeconds + 1) * 1_000_000_000L;
    this.nanoTime = nanoTime;
  }

  /** True if {@code nonce} was recorded and is still kept. */
  synchronized boolean seen(String nonce) {
    expire(nanoTime.getAsLong());
    return live.contains(nonce);
  }

  /** Records the nonce of an accepted request. */
  synchronized Outcome record(String nonce) {
    long now = nanoTime.getAsLong();
    expire(now);
    if (live.contains(nonce)) {
      return Outcome.REPLAYED;
    }
    if (live.size() >= capacity) {
      return Outcome.FULL;
    }
    live.add(nonce);
    byExpiry.add(new Kept(now + keepNanos, nonce));
    return Outcome.RECORDED;
  }

  /** How many nonces are kept now. */
  synchronized int size() {
    expire(nanoTime.getAsLong());
    return live.size();
  }

  private void expire(long now) {
    while (!byExpiry.isEmpty() && byExpiry.peek().expiresAt - now < 0) {
      live.remove(byExpiry.poll().nonce);
    }
  }
}
