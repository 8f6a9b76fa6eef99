package org.evote.kiosk.pollworker;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.evote.kiosk.service.BoardClock;
import org.evote.kiosk.session.Texts;

/**
 * The poll workers' notice about the kiosk's clock, shown before a ballot is started (and so before it is
 * encrypted): pending while the kiosk's clock is off from the board's by more than {@link BoardClock#TOLERANCE}, or
 * the board's time was never measured, until a poll worker acknowledges it. An acknowledged notice comes back when
 * the clock's state changes (never measured to off, or the offset moves by more than the tolerance).
 */
public final class ClockNotice {
  private final Supplier<BoardClock.State> clock;
  private volatile Optional<BoardClock.State> acknowledged = Optional.empty();

  public ClockNotice(Supplier<BoardClock.State> clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The state the poll workers must be told about, if any. */
  public Optional<BoardClock.State> pending() {
    BoardClock.State s = clock.get();
    if (s instanceof BoardClock.InStep) {
      return Optional.empty();
    }
    return acknowledged.filter(a -> same(a, s)).isPresent() ? Optional.empty() : Optional.of(s);
  }

  /** A poll worker read the notice of the current state. */
  public void acknowledge() {
    acknowledged = Optional.of(clock.get());
  }

  /** The notice for {@code state} in the words of {@code texts}. */
  public static String text(Texts texts, BoardClock.State state) {
    if (state instanceof BoardClock.Off off) {
      return texts.get("clock.off", Math.abs(off.offsetSeconds()));
    }
    if (state instanceof BoardClock.InStep) {
      return texts.get("clock.ok", BoardClock.TOLERANCE.toSeconds());
    }
    return texts.get("clock.unmeasured");
  }

  private static boolean same(BoardClock.State a, BoardClock.State b) {
    if (a instanceof BoardClock.Off x && b instanceof BoardClock.Off y) {
      return Math.abs(x.offsetSeconds() - y.offsetSeconds()) <= BoardClock.TOLERANCE.toSeconds();
    }
    return a.getClass() == b.getClass();
  }
}
