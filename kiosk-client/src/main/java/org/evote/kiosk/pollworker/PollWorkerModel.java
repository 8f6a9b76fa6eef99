package org.evote.kiosk.pollworker;

import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.evote.kiosk.service.BoardClock;
import org.evote.kiosk.service.RefusedBallot;
import org.evote.kiosk.session.Texts;

/**
 * The poll workers' screen, without JavaFX: it opens with the PIN (under {@link PinGate}'s attempt limits), or with
 * the credential passphrase once too many wrong PINs were typed; open, it shows the kiosk's clock against the
 * board's and every ballot the board refused with its reason, and lets the poll workers leave kiosk mode. The PIN
 * and passphrase checks are slow (a slow hash, scrypt): call {@link #submitPin} and {@link #submitPassphrase} off
 * the JavaFX thread. Thread-safe.
 */
public final class PollWorkerModel {
  private final PinLock door;
  private final Supplier<List<RefusedBallot>> refused;
  private final Supplier<BoardClock.State> clock;

  public PollWorkerModel(PinGate gate, PinLock.PassphraseCheck passphrase, Supplier<List<RefusedBallot>> refused,
      Supplier<BoardClock.State> clock, ZoneId zone) {
    this.door = new PinLock(gate, passphrase, zone);
    this.refused = Objects.requireNonNull(refused, "refused");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The PIN (or passphrase) that opens this screen. */
  public PinLock door() {
    return door;
  }

  public PinLock.Step step() {
    return door.step();
  }

  /** Closes the screen: the PIN (or the passphrase, if the PIN is blocked for it) is needed again. */
  public void lock() {
    door.lock();
  }

  /** One PIN attempt (slow: off the JavaFX thread); {@code pin} is wiped. */
  public PinLock.Step submitPin(char[] pin) throws IOException {
    return door.submitPin(pin);
  }

  /** The credential passphrase, after too many wrong PINs (slow: off the JavaFX thread); it is wiped. */
  public PinLock.Step submitPassphrase(char[] typed) throws IOException {
    return door.submitPassphrase(typed);
  }

  /** What the screen says about the last attempt (empty when there is nothing to say). */
  public String message(Texts t) {
    return door.message(t);
  }

  /** The kiosk's clock against the board's (shown once open). */
  public String clockLine(Texts t) {
    return ClockNotice.text(t, clock.get());
  }

  /** Every ballot the board refused, with its reason, oldest first (shown once open; empty before). */
  public List<String> refusedLines(Texts t) {
    if (step() != PinLock.Step.OPEN) {
      return List.of();
    }
    return refused.get().stream().map(r -> r.recorded()
        ? t.get("pollworker.refused.recorded", r.ballotId(), r.trackingCode(), RefusalWords.of(t, r.reason()),
            r.sequence().orElseThrow())
        : t.get("pollworker.refused.unrecorded", r.ballotId(), r.trackingCode(), RefusalWords.of(t, r.reason())))
        .toList();
  }
}
