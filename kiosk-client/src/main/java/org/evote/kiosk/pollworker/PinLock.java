package org.evote.kiosk.pollworker;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import org.evote.kiosk.session.Texts;

/**
 * One door the poll worker PIN opens, without JavaFX: the poll workers' screen and the activation of each ballot
 * each have their own, over the one {@link PinGate} (so wrong PINs count together). It opens with the PIN under
 * the gate's attempt limits, or with the credential passphrase once too many wrong PINs were typed; every wrong
 * attempt is said plainly, with how many are left before the lock. The checks are slow (a slow hash): call
 * {@link #submitPin} and {@link #submitPassphrase} off the JavaFX thread. Thread-safe.
 */
public final class PinLock {
  /** Where the door stands. */
  public enum Step { PIN, PASSPHRASE, OPEN }

  /** Checks the kiosk's credential passphrase (it opens the credential file). */
  public interface PassphraseCheck {
    boolean opens(char[] passphrase);
  }

  private final PinGate gate;
  private final PassphraseCheck passphrase;
  private final ZoneId zone;
  private Step step;
  private PinGate.Attempt last;
  private boolean passphraseWrong;

  public PinLock(PinGate gate, PassphraseCheck passphrase, ZoneId zone) {
    this.gate = Objects.requireNonNull(gate, "gate");
    this.passphrase = Objects.requireNonNull(passphrase, "passphrase");
    this.zone = Objects.requireNonNull(zone, "zone");
    lock();
  }

  public synchronized Step step() {
    return step;
  }

  public synchronized boolean isOpen() {
    return step == Step.OPEN;
  }

  /** Closes the door: the PIN (or the passphrase, if the PIN is blocked for it) is needed again. */
  public synchronized void lock() {
    last = gate.blocked().orElse(null);
    step = last instanceof PinGate.PassphraseRequired ? Step.PASSPHRASE : Step.PIN;
    passphraseWrong = false;
  }

  /** One PIN attempt (slow: off the JavaFX thread); {@code pin} is wiped. */
  public synchronized Step submitPin(char[] pin) throws IOException {
    if (step != Step.PIN) {
      java.util.Arrays.fill(pin, '\0');
      return step;
    }
    last = gate.attempt(pin);
    step = last instanceof PinGate.Unlocked ? Step.OPEN
        : last instanceof PinGate.PassphraseRequired ? Step.PASSPHRASE : Step.PIN;
    return step;
  }

  /** The credential passphrase, after too many wrong PINs (slow: off the JavaFX thread); it is wiped. */
  public synchronized Step submitPassphrase(char[] typed) throws IOException {
    try {
      if (step != Step.PASSPHRASE) {
        return step;
      }
      if (passphrase.opens(typed)) {
        gate.passphraseConfirmed();
        last = null;
        passphraseWrong = false;
        step = Step.OPEN;
      } else {
        passphraseWrong = true;
      }
      return step;
    } finally {
      java.util.Arrays.fill(typed, '\0');
    }
  }

  /** Whether the last attempt failed (the message then says so, and the screen marks it as an alarm). */
  public synchronized boolean lastAttemptFailed() {
    return step == Step.PASSPHRASE ? passphraseWrong
        : step == Step.PIN && (last instanceof PinGate.Wrong || last instanceof PinGate.Locked);
  }

  /** What the door says about the last attempt (empty when there is nothing to say). */
  public synchronized String message(Texts t) {
    if (step == Step.PASSPHRASE) {
      return passphraseWrong ? t.get("pollworker.passphraseWrong") : t.get("pollworker.passphrase");
    }
    if (step == Step.OPEN || last == null) {
      return "";
    }
    if (last instanceof PinGate.Wrong w) {
      return t.get("pollworker.wrong", w.leftBeforeLock(), PinGate.lockFor(PinGate.LOCK_AFTER).toSeconds());
    }
    if (last instanceof PinGate.Locked l) {
      return t.get("pollworker.locked", DateTimeFormatter.ofPattern("HH:mm:ss").format(l.until().atZone(zone)),
          PinGate.PASSPHRASE_AFTER - l.failures());
    }
    return "";
  }
}
