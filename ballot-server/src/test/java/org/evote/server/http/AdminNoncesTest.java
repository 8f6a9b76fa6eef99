package org.evote.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The board's memory of recent administrator nonces: each accepted once, kept for twice the window (and a second)
 * of a monotonic clock — whatever the wall clock does — and bounded.
 */
class AdminNoncesTest {
  static final long SECOND = 1_000_000_000L;

  @Test
  void aNonceIsAcceptedOnceWhileARequestWithItCouldBeAccepted() {
    AtomicLong ticks = new AtomicLong(-5 * SECOND); // any origin, even negative: only differences count
    AdminNonces n = new AdminNonces(10, 60, ticks::get);
    assertEquals(AdminNonces.Outcome.RECORDED, n.record("a"));
    ticks.addAndGet(121 * SECOND);
    assertTrue(n.seen("a"), "kept 2 × 60 + 1 s: a request within 60 s of the clock when recorded stays refused");
    assertEquals(AdminNonces.Outcome.REPLAYED, n.record("a"));
    ticks.addAndGet(1);
    assertFalse(n.seen("a"));
    assertEquals(0, n.size());
  }

  @Test
  void whenFull_aNewNonceIsRefusedUntilOldOnesExpire() {
    AtomicLong ticks = new AtomicLong(Long.MAX_VALUE - 100 * SECOND); // the monotonic clock may wrap
    AdminNonces n = new AdminNonces(3, 60, ticks::get);
    assertEquals(AdminNonces.Outcome.RECORDED, n.record("a"));
    ticks.addAndGet(30 * SECOND);
    assertEquals(AdminNonces.Outcome.RECORDED, n.record("b"));
    ticks.addAndGet(10 * SECOND);
    assertEquals(AdminNonces.Outcome.RECORDED, n.record("c"));
    assertEquals(AdminNonces.Outcome.FULL, n.record("d"));
    assertEquals(3, n.size(), "the memory did not grow");
    assertEquals(AdminNonces.Outcome.REPLAYED, n.record("b"), "a replay is still told as one");
    ticks.addAndGet(82 * SECOND); // a was recorded 122 s ago
    assertEquals(AdminNonces.Outcome.RECORDED, n.record("d"), "a expired");
    assertTrue(n.seen("b") && n.seen("c"));
  }
}
