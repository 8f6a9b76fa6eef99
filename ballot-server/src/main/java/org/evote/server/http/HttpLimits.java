package org.evote.server.http;

import java.time.Duration;

/**
 * What one client may cost the board's HTTP server before it is cut off (docs/api.md, "Limits"): no request body
 * holds a thread while it arrives ({@link BodyLoader}), bodies must arrive at a minimum rate, requests with bodies
 * are admitted to the application a bounded number at a time so public reads always find a thread, and the number
 * of connections is capped.
 *
 * @param maxBodyBytes the largest request body (413 {@code body_too_large} beyond it)
 * @param minBodyBytesPerSecond the body's average rate since its headers, checked once {@code bodyGrace} has passed
 *     (408 {@code body_too_slow} below it)
 * @param bodyGrace how long any body may take before its rate is checked
 * @param maxLoadingBytes the bytes of all bodies being received at once (503 {@code board_busy} beyond it)
 * @param maxBodyRequests requests with a body handled by the application at once (the rest wait, holding no thread)
 * @param maxWaitingBodyRequests requests with a body waiting for their turn (503 {@code board_busy} beyond it)
 * @param maxWait how long a request with a body waits for its turn (then 503 {@code board_busy})
 * @param maxConnections open connections; beyond it the server stops accepting until one closes
 * @param idleTimeout a connection that sends nothing this long is closed
 * @param maxThreads the HTTP thread pool's size
 */
public record HttpLimits(int maxBodyBytes, int minBodyBytesPerSecond, Duration bodyGrace, long maxLoadingBytes,
    int maxBodyRequests, int maxWaitingBodyRequests, Duration maxWait, int maxConnections, Duration idleTimeout,
    int maxThreads) {
  /** The board's limits (a ballot of the county sample is about 90 kB). */
  public static final HttpLimits DEFAULT = new HttpLimits(
      org.evote.server.board.SubmissionChecker.MAX_BODY_BYTES, 8 * 1024, Duration.ofSeconds(10),
      256L * 1024 * 1024, 64, 1024, Duration.ofSeconds(30), 2048, Duration.ofSeconds(30), 250);

  public HttpLimits {
    if (maxBodyBytes < 1 || minBodyBytesPerSecond < 1 || maxLoadingBytes < maxBodyBytes || maxBodyRequests < 1
        || maxWaitingBodyRequests < 0 || maxConnections < 1) {
      throw new IllegalArgumentException("HTTP limits must be positive, and room for one whole body at least");
    }
    if (bodyGrace.isNegative() || bodyGrace.isZero() || maxWait.isNegative() || idleTimeout.isNegative()
        || idleTimeout.isZero()) {
      throw new IllegalArgumentException("HTTP time limits must be positive");
    }
    if (maxThreads < maxBodyRequests + 8) {
      throw new IllegalArgumentException("the thread pool (" + maxThreads + ") must leave at least 8 threads beside "
          + "the " + maxBodyRequests + " requests with a body");
    }
  }

  /** The same limits with another grace and minimum rate for bodies (tests cut slow clients off sooner). */
  public HttpLimits withBodyRate(int bytesPerSecond, Duration grace) {
    return new HttpLimits(maxBodyBytes, bytesPerSecond, grace, maxLoadingBytes, maxBodyRequests,
        maxWaitingBodyRequests, maxWait, maxConnections, idleTimeout, maxThreads);
  }
}
