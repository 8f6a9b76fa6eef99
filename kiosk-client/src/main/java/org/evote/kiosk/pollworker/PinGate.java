package org.evote.kiosk.pollworker;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The poll worker PIN with its attempt limits: it unlocks the poll workers' screens (leaving kiosk mode, the list
 * of refused ballots), nothing else — the kiosk's key is sealed by the separate credential passphrase. After
 * {@link #LOCK_AFTER} wrong PINs in a row the PIN is locked for {@link #FIRST_LOCK}, doubling with each further
 * wrong PIN; after {@link #PASSPHRASE_AFTER} only the credential passphrase unlocks the kiosk again (and resets the
 * count). While locked, a PIN is not even compared. The count and the lock are kept in the PIN file, so a restart
 * does not reset them. Thread-safe.
 */
public final class PinGate {
  public static final int LOCK_AFTER = 5;
  public static final int PASSPHRASE_AFTER = 10;
  public static final Duration FIRST_LOCK = Duration.ofSeconds(30);
  /** The PIN file's name in the kiosk's data directory. */
  public static final String FILE_NAME = "poll-worker-pin.json";

  /** What one attempt found. */
  public sealed interface Attempt permits Unlocked, Wrong, Locked, PassphraseRequired {}

  /** The PIN was right: the poll workers' screens open; the count of wrong PINs is reset. */
  public record Unlocked() implements Attempt {}

  /** A wrong PIN; {@code leftBeforeLock} more wrong PINs lock it. */
  public record Wrong(int failures, int leftBeforeLock) implements Attempt {}

  /** Locked until {@code until} after too many wrong PINs (the PIN was not compared). */
  public record Locked(Instant until, int failures) implements Attempt {
    public Locked {
      Objects.requireNonNull(until, "until");
    }
  }

  /** Too many wrong PINs: only the credential passphrase unlocks the kiosk now. */
  public record PassphraseRequired() implements Attempt {}

  private final PinFile file;
  private final Clock clock;

  private PinGate(PinFile file, Clock clock) {
    this.file = file;
    this.clock = clock;
  }

  /** Sets (or replaces) the PIN in {@code file}, as a salted slow hash; the attempt count starts at zero. */
  public static void setPin(Path file, char[] pin, SecureRandom random) throws IOException {
    PinFile.create(file, pin, random);
  }

  /** Whether a PIN was set in {@code file}. */
  public static boolean isSet(Path file) {
    return PinFile.exists(file);
  }

  /** The gate of the PIN set in {@code file}. */
  public static PinGate open(Path file, Clock clock) throws IOException {
    return new PinGate(PinFile.read(file), Objects.requireNonNull(clock, "clock"));
  }

  /** How long the PIN is locked after {@code failures} wrong PINs in a row (zero below {@link #LOCK_AFTER}). */
  public static Duration lockFor(int failures) {
    if (failures < LOCK_AFTER) {
      return Duration.ZERO;
    }
    return FIRST_LOCK.multipliedBy(1L << Math.min(20, failures - LOCK_AFTER));
  }

  /** Where the gate stands without an attempt: locked, passphrase required, or (empty) open to a PIN. */
  public synchronized java.util.Optional<Attempt> blocked() {
    if (file.failures() >= PASSPHRASE_AFTER) {
      return java.util.Optional.of(new PassphraseRequired());
    }
    Instant now = clock.instant();
    if (now.getEpochSecond() < file.lockedUntil()) {
      return java.util.Optional.of(new Locked(Instant.ofEpochSecond(file.lockedUntil()), file.failures()));
    }
    return java.util.Optional.empty();
  }

  /**
   * One PIN attempt; {@code pin} is wiped. The attempt is first recorded as a failure in the PIN file (with the lock
   * it would bring), then the PIN compared, and the count reset if it matched; a failure to record it throws and
   * the PIN is not compared.
   */
  public synchronized Attempt attempt(char[] pin) throws IOException {
    try {
      java.util.Optional<Attempt> blocked = blocked();
      if (blocked.isPresent()) {
        return blocked.get();
      }
      // The attempt is counted as wrong, durably, before the PIN is compared, and the count reset only once it
      // matched: cutting the power during the slow comparison cannot buy a free guess.
      int failures = file.failures() + 1;
      Duration lock = failures >= PASSPHRASE_AFTER ? Duration.ZERO : lockFor(failures);
      long until = lock.isZero() ? 0 : clock.instant().plus(lock).getEpochSecond();
      file.record(failures, until);
      if (Pin.isWellFormed(pin) && file.matches(pin)) {
        file.record(0, 0);
        return new Unlocked();
      }
      if (failures >= PASSPHRASE_AFTER) {
        return new PassphraseRequired();
      }
      return lock.isZero() ? new Wrong(failures, LOCK_AFTER - failures)
          : new Locked(Instant.ofEpochSecond(until), failures);
    } finally {
      java.util.Arrays.fill(pin, '\0');
    }
  }

  /**
   * The credential passphrase was given and opened the kiosk's credentials: the count of wrong PINs and any lock
   * are reset. Only call this after the passphrase was checked.
   */
  public synchronized void passphraseConfirmed() throws IOException {
    file.record(0, 0);
  }
}
