package org.evote.server.http;

import java.time.Duration;

/**
 * What one client may cost the board's HTTP server before it is cut off (docs/api.md, "Limits on every client"): no
 * request body holds a thread while it arrives ({@link BodyLoader}), bodies and responses must move at a minimum
 * rate, request headers must arrive within a deadline, requests with bodies and heavy reads are admitted to the
 * application a bounded number at a time so public reads always find a thread, and connections are capped in all
 * and per client address.
 *
 * @param maxBodyBytes the largest request body (413 {@code body_too_large} beyond it)
 * @param minBodyBytesPerSecond the body's average rate since its headers, checked once {@code bodyGrace} has passed
 *     (408 {@code body_too_slow} below it)
 * @param bodyGrace how long any body, or any response to a read, may take before its rate is checked
 * @param maxLoadingBytes the bytes of all bodies received and not yet answered (503 {@code board_busy} beyond it)
 * @param maxBodyRequests requests with a body handled by the application at once (the rest wait, holding no thread)
 * @param maxWaitingBodyRequests requests with a body waiting for their turn (503 {@code board_busy} beyond it)
 * @param maxWait how long a request with a body, or a heavy read, waits for its turn (then 503 {@code board_busy})
 * @param maxConnections open connections; beyond it the server stops accepting until one closes
 * @param idleTimeout a connection that sends nothing this long is closed
 * @param maxThreads the HTTP thread pool's size
 * @param minResponseBytesPerSecond a read's response: its average rate since the request reached the application,
 *     checked once {@code bodyGrace} has passed; below it the connection is closed
 * @param maxHeavyReads heavy reads (board pages, proofs, the export, the challenged and refused lists) handled at
 *     once; the rest wait, holding no thread
 * @param maxWaitingHeavyReads heavy reads waiting for their turn (503 {@code board_busy} beyond it)
 * @param headerDeadline how long a request's headers may take to arrive, from their first byte; then the connection
 *     is closed
 * @param maxConnectionsPerAddress open connections from one client address; beyond it new ones are closed at once
 */
public record HttpLimits(int maxBodyBytes, int minBodyBytesPerSecond, Duration bodyGrace, long maxLoadingBytes,
    int maxBodyRequests, int maxWaitingBodyRequests, Duration maxWait, int maxConnections, Duration idleTimeout,
    int maxThreads, int minResponseBytesPerSecond, int maxHeavyReads, int maxWaitingHeavyReads,
    Duration headerDeadline, int maxConnectionsPerAddress) {
  /** The board's limits (a ballot of the county sample is about 90 kB). */
  public static final HttpLimits DEFAULT = new HttpLimits(
      org.evote.server.board.SubmissionChecker.MAX_BODY_BYTES, 8 * 1024, Duration.ofSeconds(10),
      256L * 1024 * 1024, 64, 1024, Duration.ofSeconds(30), 2048, Duration.ofSeconds(30), 250,
      8 * 1024, 16, 256, Duration.ofSeconds(10), 256);

  public HttpLimits {
    if (maxBodyBytes < 1 || minBodyBytesPerSecond < 1 || maxLoadingBytes < maxBodyBytes || maxBodyRequests < 1
        || maxWaitingBodyRequests < 0 || maxConnections < 1 || minResponseBytesPerSecond < 1 || maxHeavyReads < 1
        || maxWaitingHeavyReads < 0 || maxConnectionsPerAddress < 1) {
      throw new IllegalArgumentException("HTTP limits must be positive, and room for one whole body at least");
    }
    if (bodyGrace.isNegative() || bodyGrace.isZero() || maxWait.isNegative() || idleTimeout.isNegative()
        || idleTimeout.isZero() || headerDeadline.isNegative() || headerDeadline.isZero()) {
      throw new IllegalArgumentException("HTTP time limits must be positive");
    }
    if (maxThreads < maxBodyRequests + maxHeavyReads + 8) {
      throw new IllegalArgumentException("the thread pool (" + maxThreads + ") must leave at least 8 threads beside "
          + "the " + maxBodyRequests + " requests with a body and the " + maxHeavyReads + " heavy reads");
    }
  }

  /** The same limits with another grace and minimum rate for bodies (tests cut slow clients off sooner). */
  public HttpLimits withBodyRate(int bytesPerSecond, Duration grace) {
    return new HttpLimits(maxBodyBytes, bytesPerSecond, grace, maxLoadingBytes, maxBodyRequests,
        maxWaitingBodyRequests, maxWait, maxConnections, idleTimeout, maxThreads, minResponseBytesPerSecond,
        maxHeavyReads, maxWaitingHeavyReads, headerDeadline, maxConnectionsPerAddress);
  }

  /** The same limits with another per-address connection cap and header deadline (tests). */
  public HttpLimits withConnectionGuard(int perAddress, Duration deadline) {
    return new HttpLimits(maxBodyBytes, minBodyBytesPerSecond, bodyGrace, maxLoadingBytes, maxBodyRequests,
        maxWaitingBodyRequests, maxWait, maxConnections, idleTimeout, maxThreads, minResponseBytesPerSecond,
        maxHeavyReads, maxWaitingHeavyReads, deadline, perAddress);
  }
}
