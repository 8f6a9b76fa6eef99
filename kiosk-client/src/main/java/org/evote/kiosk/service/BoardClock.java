package org.evote.kiosk.service;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The kiosk's reckoning of the board's time (protocol §9.7): the board never follows a kiosk's clock, and refuses a
 * ballot dated after its own time, so the kiosk measures its offset from the board's clock — from the {@code time}
 * of {@code GET /api/status}, at start and with every status poll — and dates each ballot by the board's time:
 * {@code t = max(previous t, local clock + offset − 2 s)}. The poll workers are told, before a ballot is
 * encrypted, when the kiosk's own clock differs from the board's by more than {@link #TOLERANCE}, or when the
 * board's time was never measured. Thread-safe.
 */
public final class BoardClock {
  /** How far the kiosk's clock may be from the board's before the poll workers are told. */
  public static final Duration TOLERANCE = Duration.ofSeconds(30);
  /** How far behind the board's time ballots are dated, for the measurement's error. */
  static final long MARGIN_SECONDS = 2;
  /**
   * The longest round trip a measurement is taken from: its error (half the round trip, and half a second for the
   * board's whole seconds) then stays within {@link #MARGIN_SECONDS}.
   */
  static final long MAX_ROUND_TRIP_MILLIS = 3000;

  private final Clock local;
  private volatile Optional<Long> offsetMillis = Optional.empty();

  /** What the kiosk knows of its clock against the board's. */
  public sealed interface State permits InStep, Off, NeverMeasured {}

  /** The kiosk's clock is within {@link #TOLERANCE} of the board's ({@code offsetSeconds}: board minus kiosk). */
  public record InStep(long offsetSeconds) implements State {}

  /** The kiosk's clock is off by more than {@link #TOLERANCE}: {@code offsetSeconds} is board minus kiosk. */
  public record Off(long offsetSeconds) implements State {}

  /** The board's time was never measured (the board has not answered yet). */
  public record NeverMeasured() implements State {}

  public BoardClock(Clock local) {
    this.local = Objects.requireNonNull(local, "local");
  }

  /** The kiosk's own clock, in milliseconds (to bracket a status request). */
  public long localMillis() {
    return local.millis();
  }

  /**
   * A status answer said the board's time was {@code boardSeconds}: the request left at {@code sentMillis} and the
   * answer arrived at {@code receivedMillis} on the kiosk's clock. The board's second is taken at its middle, and
   * the request's round trip at its middle. A round trip longer than 3 s (or a local clock that stepped back
   * during it) measures nothing: the last measurement stays.
   */
  public void measured(long boardSeconds, long sentMillis, long receivedMillis) {
    if (receivedMillis < sentMillis || receivedMillis - sentMillis > MAX_ROUND_TRIP_MILLIS || boardSeconds < 0) {
      return;
    }
    long middle = sentMillis + (receivedMillis - sentMillis) / 2;
    offsetMillis = Optional.of(boardSeconds * 1000 + 500 - middle);
  }

  /** The board's time now as the kiosk reckons it, in whole seconds (its own clock before any measurement). */
  public long boardSecondsNow() {
    return Math.floorDiv(local.millis() + offsetMillis.orElse(0L), 1000);
  }

  /** The time for the kiosk's next ballot after one dated {@code previous}: never earlier than it. */
  public long ballotTime(long previous) {
    return Math.max(previous, boardSecondsNow() - MARGIN_SECONDS);
  }

  public State state() {
    Optional<Long> o = offsetMillis;
    if (o.isEmpty()) {
      return new NeverMeasured();
    }
    long seconds = Math.round(o.get() / 1000.0);
    return Math.abs(o.get()) > TOLERANCE.toMillis() ? new Off(seconds) : new InStep(seconds);
  }
}
