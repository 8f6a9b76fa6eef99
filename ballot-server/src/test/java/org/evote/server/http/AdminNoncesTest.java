package org.evote.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The board's memory of recent administrator nonces: each accepted once, kept for the window only, bounded. */
class AdminNoncesTest {
  @Test
  void aNonceIsAcceptedOnceWhileARequestWithItCouldBeAccepted() {
    AdminNonces n = new AdminNonces(10, 60);
    assertEquals(AdminNonces.Outcome.RECORDED, n.record("a", 1000, 1000));
    assertTrue(n.seen("a", 1060));
    assertEquals(AdminNonces.Outcome.REPLAYED, n.record("a", 1000, 1060));
    // Past its request's time plus the window the request itself is stale, and the nonce is forgotten.
    assertFalse(n.seen("a", 1061));
    assertEquals(0, n.size(1061));
  }

  @Test
  void whenFull_aNewNonceIsRefusedUntilOldOnesExpire() {
    AdminNonces n = new AdminNonces(3, 60);
    assertEquals(AdminNonces.Outcome.RECORDED, n.record("a", 1000, 1000));
    assertEquals(AdminNonces.Outcome.RECORDED, n.record("b", 1030, 1030));
    assertEquals(AdminNonces.Outcome.RECORDED, n.record("c", 1050, 1040));
    assertEquals(AdminNonces.Outcome.FULL, n.record("d", 1040, 1040));
    assertEquals(3, n.size(1040), "the memory did not grow");
    assertEquals(AdminNonces.Outcome.REPLAYED, n.record("b", 1030, 1040), "a replay is still told as one");
    assertEquals(AdminNonces.Outcome.RECORDED, n.record("d", 1061, 1061), "a expired at 1060");
    assertTrue(n.seen("c", 1110));
    assertFalse(n.seen("b", 1091));
  }
}
