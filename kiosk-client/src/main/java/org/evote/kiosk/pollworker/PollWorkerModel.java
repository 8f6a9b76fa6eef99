package org.evote.kiosk.pollworker;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
  /** Where the screen stands. */
  public enum Step { PIN, PASSPHRASE, OPEN }

  /** Checks the kiosk's credential passphrase (it opens the credential file). */
  public interface PassphraseCheck {
    boolean opens(char[] passphrase);
  }

  private final PinGate gate;
  private final PassphraseCheck passphrase;
  private final Supplier<List<RefusedBallot>> refused;
  private final Supplier<BoardClock.State> clock;
  private final ZoneId zone;
  private Step step;
  private PinGate.Attempt last;
  private boolean passphraseWrong;

  public PollWorkerModel(PinGate gate, PassphraseCheck passphrase, Supplier<List<RefusedBallot>> refused,
      Supplier<BoardClock.State> clock, ZoneId zone) {
    this.gate = Objects.requireNonNull(gate, "gate");
    this.passphrase = Objects.requireNonNull(passphrase, "passphrase");
    this.refused = Objects.requireNonNull(refused, "refused");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.zone = Objects.requireNonNull(zone, "zone");
    lock();
  }

  public synchronized Step step() {
    return step;
  }

  /** Closes the screen: the PIN (or the passphrase, if the PIN is blocked for it) is needed again. */
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

  /** What the screen says about the last attempt (empty when there is nothing to say). */
  public synchronized String message(Texts t) {
    if (step == Step.PASSPHRASE) {
      return passphraseWrong ? t.get("pollworker.passphraseWrong") : t.get("pollworker.passphrase");
    }
    if (step == Step.OPEN || last == null) {
      return "";
    }
    if (last instanceof PinGate.Wrong w) {
      return t.get("pollworker.wrong", w.leftBeforeLock());
    }
    if (last instanceof PinGate.Locked l) {
      return t.get("pollworker.locked", DateTimeFormatter.ofPattern("HH:mm:ss").format(l.until().atZone(zone)));
    }
    return "";
  }

  /** The kiosk's clock against the board's (shown once open). */
  public String clockLine(Texts t) {
    return ClockNotice.text(t, clock.get());
  }

  /** Every ballot the board refused, with its reason, oldest first (shown once open; empty before). */
  public List<String> refusedLines(Texts t) {
    if (step() != Step.OPEN) {
      return List.of();
    }
    return refused.get().stream().map(r -> r.recorded()
        ? t.get("pollworker.refused.recorded", r.ballotId(), r.trackingCode(), RefusalWords.of(t, r.reason()),
            r.sequence().orElseThrow())
        : t.get("pollworker.refused.unrecorded", r.ballotId(), r.trackingCode(), RefusalWords.of(t, r.reason())))
        .toList();
  }
}
