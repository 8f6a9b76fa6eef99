package org.evote.tally.gui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** What the desktop tests check on every screen: no label cut off, contrast, and a screenshot for people. */
final class ScreenChecks {
  private ScreenChecks() {}

  /**
   * Every visible {@link Labeled} whose rendered text differs from its text (JavaFX replaces the end by "…" when a
   * label is narrower than its text): "text ⇒ rendered" for each.
   */
  static List<String> clippedLabels(Scene scene) throws Exception {
    List<String> out = new ArrayList<>();
    WaitForAsyncUtils.asyncFx(() -> {
      scene.getRoot().applyCss();
      scene.getRoot().layout();
      walk(scene.getRoot(), out);
    }).get(30, TimeUnit.SECONDS);
    return out;
  }

  private static void walk(Node n, List<String> out) {
    if (!n.isVisible()) {
      return;
    }
    if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
      for (Node c : l.getChildrenUnmodifiable()) {
        if (c instanceof Text t && t.isVisible() && !t.getText().equals(l.getText())) {
          out.add(l.getText() + " \u21d2 " + t.getText());
        }
      }
    }
    if (n instanceof Parent p) {
      for (Node c : p.getChildrenUnmodifiable()) {
        walk(c, out);
      }
    }
  }

  /** WCAG 2 contrast ratio of two opaque colours. */
  static double contrast(Color a, Color b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  private static double luminance(Color c) {
    return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
  }

  private static double channel(double v) {
    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  }

  /** Saves the scene as target/screenshots/desktop-NAME.png. */
  static void screenshot(Scene scene, String name) throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    WritableImage[] img = new WritableImage[1];
    WaitForAsyncUtils.asyncFx(() -> img[0] = scene.snapshot(null)).get(30, TimeUnit.SECONDS);
    ImageIO.write(SwingFXUtils.fromFXImage(img[0], null), "png", dir.resolve("desktop-" + name + ".png").toFile());
  }
}
