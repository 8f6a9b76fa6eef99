package org.evote.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.evote.kiosk.session.Screen;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Evidence for issue 13 (headless Monocle, 1280×900): one voter walks every screen — activation as the poll
 * workers leave it, language, every contest, review, the confirmations, the challenged ballot, voting again, the
 * receipt — in normal, large text, high contrast and Spanish, and each screen is saved as a PNG under
 * target/screenshots/ for a person to look at. On every screen every visible text has a WCAG contrast ratio of at
 * least 4.5:1 (10:1 in high contrast, VVSG 2.0), and Finish is inside the window.
 */
@ExtendWith(ApplicationExtension.class)
class VoterScreenshotsTest {
  @TempDir
  static Path temp;
  VoterKiosk kiosk;
  final List<Path> shots = new ArrayList<>();
  final List<String> lowContrast = new ArrayList<>();
  int texts;

  @Start
  void start(Stage stage) throws Exception {
    kiosk = new VoterKiosk(stage, temp);
  }

  @AfterEach
  void stop() {
    kiosk.close();
  }

  void shoot(FxRobot robot, String mode, String name) throws Exception {
    shots.add(kiosk.shot(robot, mode + "-" + name));
    double min = mode.equals("high-contrast") ? 10 : 4.5;
    robot.interact(() -> {
      List<Contrast.Pair> pairs = Contrast.pairs(kiosk.stage.getScene());
      texts += pairs.size();
      pairs.stream().filter(p -> p.ratio() < min).forEach(p -> lowContrast.add(mode + "/" + name + ": " + p));
    });
  }

  void click(FxRobot robot, String query) {
    robot.clickOn(query);
    WaitForAsyncUtils.waitForFxEvents();
  }

  void walk(FxRobot robot, String mode) throws Exception {
    String language = mode.equals("spanish") ? "es" : "en";
    if (mode.equals("large-text") || mode.equals("high-contrast")) {
      click(robot, "#" + mode);
    }
    shoot(robot, mode, "01-activation");
    kiosk.activate(robot);
    kiosk.waitFor(Screen.LANGUAGE);
    shoot(robot, mode, "02-language");
    click(robot, "#lang-" + language);
    kiosk.waitFor(Screen.CONTEST);
    for (int i = 1; kiosk.session().screen() == Screen.CONTEST; i++) {
      shoot(robot, mode, "03-contest-" + i);
      click(robot, ".choice");
      click(robot, "#next");
    }
    kiosk.waitFor(Screen.REVIEW);
    shoot(robot, mode, "04-review");
    click(robot, "#encrypt");
    kiosk.waitFor(Screen.DECIDE);
    shoot(robot, mode, "05-decide");
    click(robot, "#challenge");
    shoot(robot, mode, "06-confirm-challenge");
    click(robot, "#confirm-yes");
    kiosk.waitFor(Screen.CHALLENGED);
    shoot(robot, mode, "07-challenged");
    click(robot, "#vote-again");
    kiosk.waitFor(Screen.CONTEST);
    assertTrue(kiosk.session().ballotChoices().values().stream().allMatch(List::isEmpty),
        "voting again starts with no choices");
    while (kiosk.session().screen() == Screen.CONTEST) {
      click(robot, "#next");
    }
    click(robot, "#encrypt");
    kiosk.waitFor(Screen.DECIDE);
    click(robot, "#cast");
    shoot(robot, mode, "08-confirm-cast");
    click(robot, "#confirm-yes");
    kiosk.waitFor(Screen.RECEIPT);
    shoot(robot, mode, "09-receipt");
    Node done = robot.lookup("#done").query();
    Bounds b = VoterKiosk.inScene(done);
    assertTrue(b.getMinY() >= 0 && b.getMaxY() <= VoterKiosk.HEIGHT && b.getMaxX() <= VoterKiosk.WIDTH,
        mode + ": Finish is inside the 1280×900 window: " + b);
    click(robot, "#done");
    kiosk.waitFor(Screen.ACTIVATION);

    assertTrue(texts >= 100, "texts checked: " + texts);
    assertTrue(lowContrast.isEmpty(), String.join("\n", lowContrast));
    assertTrue(shots.size() >= 11, shots.toString());
    for (Path shot : shots) {
      assertTrue(Files.size(shot) > 20_000, shot + " is " + Files.size(shot) + " bytes");
      BufferedImage img = ImageIO.read(shot.toFile());
      assertEquals(VoterKiosk.WIDTH, img.getWidth(), shot.toString());
      assertEquals(VoterKiosk.HEIGHT, img.getHeight(), shot.toString());
      assertTrue(colours(img) >= 2, shot + " is blank");
    }
  }

  /** How many distinct colours a screenshot has (a blank window has one). */
  static long colours(BufferedImage img) {
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    for (int y = 0; y < img.getHeight(); y += 7) {
      for (int x = 0; x < img.getWidth(); x += 7) {
        seen.add(img.getRGB(x, y));
      }
    }
    return seen.size();
  }

  @Test
  void normal(FxRobot robot) throws Exception {
    walk(robot, "normal");
  }

  @Test
  void largeText(FxRobot robot) throws Exception {
    walk(robot, "large-text");
  }

  @Test
  void highContrast(FxRobot robot) throws Exception {
    walk(robot, "high-contrast");
  }

  @Test
  void spanish(FxRobot robot) throws Exception {
    walk(robot, "spanish");
  }
}
