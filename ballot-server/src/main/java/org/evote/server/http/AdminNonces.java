package org.evote.server.http;

import java.util.HashSet;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The nonces of the administrator requests accepted recently, so that none is accepted twice. A nonce is kept only
 * while a request with it could still be accepted — until its request's time plus the window — and at most
 * {@code capacity} are kept: when that many are live, a new request is refused ({@link Outcome#FULL}) rather than
 * the memory grown. Only authenticated requests are recorded, so filling it takes an administrator's key.
 */
final class AdminNonces {
  /** What recording a nonce did. */
  enum Outcome { RECORDED, REPLAYED, FULL }

  private record Kept(long expiresAt, String nonce) {}

  private final int capacity;
  private final long windowSeconds;
  private final Set<String> live = new HashSet<>();
  private final PriorityQueue<Kept> byExpiry = new PriorityQueue<>((a, b) -> Long.compare(a.expiresAt, b.expiresAt));

  AdminNonces(int capacity, long windowSeconds) {
    if (capacity < 1 || windowSeconds < 0) {
      throw new IllegalArgumentException("a positive capacity and a non-negative window");
    }
    this.capacity = capacity;
    this.windowSeconds = windowSeconds;
  }

  /** True if {@code nonce} was recorded and is still kept at board time {@code now} (Unix seconds). */
  synchronized boolean seen(String nonce, long now) {
    expire(now);
    return live.contains(nonce);
  }

  /** Records the nonce of a request dated {@code requestTime}, at board time {@code now} (both Unix seconds). */
  synchronized Outcome record(String nonce, long requestTime, long now) {
    expire(now);
    if (live.contains(nonce)) {
      return Outcome.REPLAYED;
    }
    if (live.size() >= capacity) {
      return Outcome.FULL;
    }
    live.add(nonce);
    byExpiry.add(new Kept(requestTime + windowSeconds, nonce));
    return Outcome.RECORDED;
  }

  /** How many nonces are kept at board time {@code now}. */
  synchronized int size(long now) {
    expire(now);
    return live.size();
  }

  private void expire(long now) {
    while (!byExpiry.isEmpty() && byExpiry.peek().expiresAt < now) {
      live.remove(byExpiry.poll().nonce);
    }
  }
}
