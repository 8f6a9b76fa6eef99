package org.evote.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The per-kiosk limit of submissions in flight, on its own (the HTTP behaviour is in KioskLimitsTest). */
class KioskInFlightTest {
  @Test
  void atMostTheLimitPerKioskEachKioskApartAndAClosedSlotFreesOnce() {
    KioskInFlight limit = new KioskInFlight(2);
    KioskInFlight.Slot a = limit.enter("K1").orElseThrow();
    KioskInFlight.Slot b = limit.enter("K1").orElseThrow();
    assertTrue(limit.enter("K1").isEmpty(), "a third submission of K1 waits for none: it is refused busy");
    Optional<KioskInFlight.Slot> other = limit.enter("K2");
    assertTrue(other.isPresent(), "K2 is not held up by K1");
    a.close();
    a.close();
    assertEquals(1, limit.inFlight("K1"), "closing a slot twice frees it once");
    KioskInFlight.Slot c = limit.enter("K1").orElseThrow();
    assertTrue(limit.enter("K1").isEmpty());
    b.close();
    c.close();
    other.get().close();
    assertEquals(0, limit.inFlight("K1"));
    assertEquals(0, limit.inFlight("K2"));
    assertThrows(IllegalArgumentException.class, () -> new KioskInFlight(0));
  }
}
