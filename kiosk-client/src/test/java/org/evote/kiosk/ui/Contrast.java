package org.evote.kiosk.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Text;

/**
 * WCAG 2.x contrast (relative luminance of sRGB colours) of the text a person actually sees: every visible text
 * node of a scene, its fill as the kiosk's style sheet resolved it, against the colour of the nearest region behind
 * it that paints a background.
 */
final class Contrast {
  private Contrast() {}

  /** One text and the colours it is drawn with. */
  record Pair(String text, Color foreground, Color background, double ratio) {
    @Override
    public String toString() {
      return "\"" + text + "\" " + foreground + " on " + background + ": " + String.format("%.2f", ratio) + ":1";
    }
  }

  static double luminance(Color c) {
    return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
  }

  private static double linear(double v) {
    return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  }

  static double ratio(Color a, Color b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  /** Every visible, enabled text of the scene with its colours (disabled controls are exempt, WCAG 1.4.3). */
  static List<Pair> pairs(Scene scene) {
    List<Pair> out = new ArrayList<>();
    collect(scene.getRoot(), out);
    return out;
  }

  private static void collect(Node n, List<Pair> out) {
    if (!n.isVisible() || n.isDisabled()) {
      return;
    }
    if (n instanceof Text t && t.getText() != null && !t.getText().isBlank() && t.getOpacity() > 0) {
      Paint fill = t.getFill();
      if (fill instanceof Color fg) {
        Color bg = behind(t);
        out.add(new Pair(t.getText(), fg, bg, ratio(fg, bg)));
      }
    }
    if (n instanceof Parent p) {
      for (Node c : p.getChildrenUnmodifiable()) {
        collect(c, out);
      }
    }
  }

  /** The opaque colour behind a node: the top fill of the nearest ancestor that paints one (blended over what is below). */
  static Color behind(Node n) {
    for (Node p = n.getParent(); p != null; p = p.getParent()) {
      if (p instanceof Region r && r.getBackground() != null && !r.getBackground().getFills().isEmpty()) {
        List<BackgroundFill> fills = r.getBackground().getFills();
        for (int i = fills.size() - 1; i >= 0; i--) {
          if (fills.get(i).getFill() instanceof Color c && c.getOpacity() > 0) {
            return c.getOpacity() >= 1 ? c : blend(c, behind(p));
          }
        }
      }
    }
    return n.getScene().getFill() instanceof Color c ? c : Color.WHITE;
  }

  private static Color blend(Color top, Color below) {
    double a = top.getOpacity();
    return new Color(top.getRed() * a + below.getRed() * (1 - a), top.getGreen() * a + below.getGreen() * (1 - a),
        top.getBlue() * a + below.getBlue() * (1 - a), 1);
  }
}
