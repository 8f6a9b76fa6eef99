package org.evote.kiosk.pollworker;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import org.evote.kiosk.session.VotingSession;

/** Activation screens for tests, with a real PIN file (PIN {@link #PIN}) in a test's directory. */
public final class TestActivation {
  public static final String PIN = "2468";

  private TestActivation() {}

  /** Locked behind {@link #PIN}, as the kiosk starts; the credential passphrase is never right. */
  public static ActivationModel locked(VotingSession session, Path dir) throws IOException {
    Path pin = dir.resolve(PinGate.FILE_NAME);
    PinGate.setPin(pin, PIN.toCharArray(), new SecureRandom());
    return new ActivationModel(session, new PinLock(PinGate.open(pin, Clock.systemUTC()), typed -> false,
        ZoneOffset.UTC));
  }

  /** Opened with the PIN for the first ballot. */
  public static ActivationModel opened(VotingSession session, Path dir) throws IOException {
    ActivationModel m = locked(session, dir);
    if (m.door().submitPin(PIN.toCharArray()) != PinLock.Step.OPEN) {
      throw new IllegalStateException("the test PIN did not open the activation screen");
    }
    return m;
  }
}
