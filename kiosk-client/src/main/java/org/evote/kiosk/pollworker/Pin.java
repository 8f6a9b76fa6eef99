package org.evote.kiosk.pollworker;

/** The rule for a poll worker PIN: 4 to 8 ASCII digits. It only unlocks the poll workers' screens. */
public final class Pin {
  public static final int MIN_DIGITS = 4;
  public static final int MAX_DIGITS = 8;

  private Pin() {}

  /** Whether {@code pin} is 4 to 8 ASCII digits. */
  public static boolean isWellFormed(char[] pin) {
    if (pin.length < MIN_DIGITS || pin.length > MAX_DIGITS) {
      return false;
    }
    for (char c : pin) {
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** @throws IllegalArgumentException unless {@code pin} is 4 to 8 digits */
  public static void requireWellFormed(char[] pin) {
    if (!isWellFormed(pin)) {
      throw new IllegalArgumentException("a poll worker PIN is " + MIN_DIGITS + " to " + MAX_DIGITS + " digits");
    }
  }
}
