package org.evote.system;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import org.evote.crypto.manifest.DisplayNames;
import org.evote.kiosk.pollworker.ActivationModel;
import org.evote.kiosk.pollworker.PinGate;
import org.evote.kiosk.pollworker.PinLock;
import org.evote.kiosk.session.VotingSession;
import org.evote.kiosk.ui.KioskView;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The kiosk's activation screen in the system tests: locked behind a real PIN file (PIN {@link #PIN}); a poll
 * worker starts each ballot by typing the PIN, then the style's name into the search, then Enter.
 */
final class KioskActivation {
  static final String PIN = "2468";

  private KioskActivation() {}

  static ActivationModel locked(VotingSession session, Path dir) throws IOException {
    Path pin = dir.resolve(PinGate.FILE_NAME);
    PinGate.setPin(pin, PIN.toCharArray(), new SecureRandom());
    return new ActivationModel(session, new PinLock(PinGate.open(pin, Clock.systemUTC()), typed -> false,
        ZoneOffset.UTC));
  }

  /** Types the PIN if the screen is locked. */
  static void unlock(FxRobot robot, KioskView view, ActivationModel activation) throws Exception {
    if (activation.isLocked()) {
      robot.clickOn("#activation-pin").write(PIN).type(KeyCode.ENTER);
      WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !view.activationChecking() && !activation.isLocked());
      WaitForAsyncUtils.waitForFxEvents();
    }
  }

  /** Types the PIN if the screen is locked, then the style's name, then Enter (from the keyboard alone). */
  static void start(FxRobot robot, KioskView view, ActivationModel activation, String style) throws Exception {
    unlock(robot, view, activation);
    String name = new DisplayNames(activation.session().manifest()).style(style).replace(" · ", " ");
    robot.interact(() -> robot.lookup("#style-search").queryAs(javafx.scene.control.TextField.class).clear());
    robot.clickOn("#style-search").write(name).type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
  }
}
