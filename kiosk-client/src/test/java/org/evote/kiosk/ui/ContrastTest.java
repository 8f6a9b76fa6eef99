package org.evote.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/**
 * The kiosk's colours as kiosk.css declares them, per mode (normal and large text share their colours; high
 * contrast has its own rules): every text colour against the background it is declared with, and every text colour
 * declared alone against every surface of its mode — WCAG contrast at least 4.5:1, and 10:1 in high contrast
 * (VVSG 2.0). {@link VoterScreenshotsTest} checks the same on every screen as drawn.
 */
class ContrastTest {
  record Rule(String selector, Map<String, String> declarations) {
    boolean highContrast() {
      return selector.contains(".high-contrast");
    }

    /** The last colour of a property (a layered background paints its last layer on top). */
    Color colour(String property) {
      String v = declarations.get(property);
      if (v == null) {
        return null;
      }
      Matcher m = Pattern.compile("#[0-9a-fA-F]{6}\\b|#[0-9a-fA-F]{3}\\b").matcher(v);
      Color last = null;
      while (m.find()) {
        last = Color.web(m.group());
      }
      return last;
    }
  }

  static List<Rule> rules() throws IOException {
    String css;
    try (InputStream in = KioskView.class.getResourceAsStream("kiosk.css")) {
      css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    css = css.replaceAll("(?s)/\\*.*?\\*/", "");
    List<Rule> out = new ArrayList<>();
    Matcher m = Pattern.compile("([^{}]+)\\{([^}]*)\\}").matcher(css);
    while (m.find()) {
      Map<String, String> decl = new LinkedHashMap<>();
      for (String d : m.group(2).split(";")) {
        int colon = d.indexOf(':');
        if (colon > 0) {
          decl.put(d.substring(0, colon).strip(), d.substring(colon + 1).strip());
        }
      }
      for (String selector : m.group(1).split(",")) {
        out.add(new Rule(selector.strip(), decl));
      }
    }
    return out;
  }

  /** Backgrounds that text sits on (scroll bars and the dimming overlay carry no text). */
  static boolean surface(Rule r) {
    return r.colour("-fx-background-color") != null && r.colour("-fx-text-fill") == null
        && !r.selector().contains("scroll-bar") && !r.selector().contains("overlay");
  }

  @Test
  void theRatioIsWcags() {
    assertEquals(21, Contrast.ratio(Color.BLACK, Color.WHITE), 0.01);
    assertEquals(4.54, Contrast.ratio(Color.web("#767676"), Color.WHITE), 0.01);
    assertEquals(1, Contrast.ratio(Color.web("#0b3d91"), Color.web("#0b3d91")), 0.001);
  }

  @Test
  void everyDeclaredTextColourMeetsItsModesMinimum() throws IOException {
    List<Rule> rules = rules();
    List<String> failures = new ArrayList<>();
    int pairs = 0;
    for (boolean high : List.of(false, true)) {
      double min = high ? 10 : 4.5;
      List<Rule> mode = rules.stream().filter(r -> r.highContrast() == high).toList();
      List<Rule> surfaces = mode.stream().filter(ContrastTest::surface).toList();
      assertTrue(surfaces.size() >= 3, "surfaces of " + (high ? "high contrast" : "normal") + ": " + surfaces);
      for (Rule r : mode) {
        Color fg = r.colour("-fx-text-fill");
        if (fg == null) {
          continue;
        }
        Color own = r.colour("-fx-background-color");
        for (Rule s : own != null ? List.of(r) : surfaces) {
          Color bg = s.colour("-fx-background-color");
          double ratio = Contrast.ratio(fg, bg);
          pairs++;
          if (ratio < min) {
            failures.add(r.selector() + " " + fg + " on " + s.selector() + " " + bg + ": "
                + String.format("%.2f", ratio));
          }
        }
      }
    }
    assertTrue(pairs >= 20, "pairs checked: " + pairs);
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }
}
