package org.evote.kiosk.session;

/**
 * Inactivity rules for a voter's session: a warning after 120 s without input, and the
 * ballot cleared 45 s after the warning. Pure timekeeping on a clock the caller gives; the view ticks it.
 */
public final class InactivityTimer {
  public static final long WARN_AFTER_SECONDS = 120;
  public static final long RESET_AFTER_WARNING_SECONDS = 45;

  private long lastInput;

  /** Where the session stands. */
  public sealed interface State {
    record Active() implements State {}

    record Warning(long secondsLeft) implements State {}

    record Expired() implements State {}
  }

  public InactivityTimer(long nowSeconds) {
    lastInput = nowSeconds;
  }

  /** The voter did something. */
  public void touch(long nowSeconds) {
    lastInput = nowSeconds;
  }

  public State state(long nowSeconds) {
    long idle = nowSeconds - lastInput;
    if (idle < WARN_AFTER_SECONDS) {
      return new State.Active();
    }
    long left = WARN_AFTER_SECONDS + RESET_AFTER_WARNING_SECONDS - idle;
    return left > 0 ? new State.Warning(left) : new State.Expired();
  }
}
