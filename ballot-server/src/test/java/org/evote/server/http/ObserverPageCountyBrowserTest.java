package org.evote.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.evote.crypto.ballot.PlaintextBallot;
import org.evote.server.testing.TestBoard;
import org.evote.server.testing.TestKiosk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The observer page on the county's manifest (English and Spanish; selections that name candidates it does not
 * list, "soliz" and "rengel"; write-in lines; candidate names in English only) in a real headless Chromium: names
 * by the one display-name rule in the reader's language, never a raw id; a challenged ballot's disclosed choices;
 * times in UTC; a 320 px wide screen without sideways scrolling; and axe-core's check with zero violations at 320
 * and 1280 px, after real data: cast, challenged and refused ballots and a looked-up code.
 */
class ObserverPageCountyBrowserTest {
  static final String STYLE = "congress-district-5-hamilton-county";
  static final String UTC_TIME = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC";
  @TempDir
  static Path temp;
  static TestBoard t;
  static TestKiosk.Submission cast;
  static TestKiosk.Submission challenged;
  static TestKiosk.Submission refused;
  static Chromium chromium;
  static WebDriver browser;

  @BeforeAll
  static void setUp() throws Exception {
    chromium = new Chromium(temp);
    browser = chromium.driver;
    t = new TestBoard(temp, "manifest-hamilton-general.json");
    TestKiosk k = t.registerKiosk("kiosk-1");
    t.adminPost("/api/admin/polls/open", "");
    cast = k.next(t.randomBallot("ballot-1"), false);
    assertEquals(200, t.post("/api/ballots", cast).statusCode());
    challenged = k.next(new PlaintextBallot("ballot-2", STYLE, Map.of(
        "president-vice-president-contest", List.of("barchi-hallaren-selection"),
        "ozark-governor", List.of("write-in-selection-governor"),
        "congress-district-5-contest", List.of("rangel-selection")),
        Map.of("ozark-governor", Map.of("write-in-selection-governor", "Mariana Villaseñor"))), true);
    assertEquals(200, t.post("/api/ballots/challenged", challenged).statusCode());
    TestKiosk rogue = t.registerKiosk("kiosk-2");
    refused = rogue.nextExactly(t.randomBallot("kiosk-1-000009"), false);
    assertEquals(409, t.post("/api/ballots", refused).statusCode(), "recorded: ballot_id_namespace");
  }

  @AfterAll
  static void tearDown() {
    if (chromium != null) {
      chromium.close();
    }
    if (t != null) {
      t.close();
    }
  }

  @BeforeEach
  void wide() {
    chromium.viewport(1280, 900);
  }

  /** The page in {@code lang} with the challenged ballot looked up, its list's choices open, all loaded. */
  void openWithChallengedLookedUp(String lang) {
    browser.get(t.base + "/?lang=" + lang + "&code=" + challenged.ballot().trackingCode());
    chromium.waiting().until(d -> !d.findElements(By.id("disclosed")).isEmpty()
        && !d.findElements(By.cssSelector("#refused-list .card")).isEmpty()
        && !d.findElements(By.cssSelector("#challenged-list .card")).isEmpty()
        && !d.findElement(By.id("head-time")).getText().equals("…"));
    browser.findElements(By.cssSelector("#challenged-list details"))
        .forEach(d -> chromium.js("arguments[0].open = true;", d));
  }

  String bodyText() {
    return browser.findElement(By.tagName("body")).getText();
  }

  @Test
  void inEnglish_everyNameIsTheManifestsOrThePagesWords_neverARawId() throws Exception {
    openWithChallengedLookedUp("en");
    String disclosed = browser.findElement(By.id("disclosed")).getText();
    assertTrue(disclosed.contains("President and Vice President of the United States: Joseph Barchi and Joseph "
        + "Hallaren"), disclosed);
    assertTrue(disclosed.contains("Governor of the Commonwealth of Ozark: Write-in “Mariana Villaseñor”"),
        disclosed);
    // "rangel-selection" names candidate "rengel", whom the manifest does not list: the third choice
    assertTrue(disclosed.contains("House of Representatives Congressional District 5: Choice 3 (no name in the "
        + "manifest)"), disclosed);
    String list = browser.findElement(By.id("challenged-list")).getText();
    assertTrue(list.contains("Choice 3 (no name in the manifest)") && list.contains("Write-in"), list);
    assertEquals("Hamiltion County General Election", browser.findElement(By.id("election-name")).getText());
    String all = bodyText();
    for (String id : List.of("rangel", "rengel", "soliz", "-selection", "-contest", "write-in", STYLE)) {
      assertFalse(all.contains(id), id + " shown: " + all);
    }
    chromium.fullPageScreenshot("observer-county-en");
  }

  @Test
  void inSpanish_chosenWithTheLanguageSelector_theManifestsTranslationsAndVisibleFallbacks() throws Exception {
    browser.get(t.base + "/?code=" + challenged.ballot().trackingCode());
    chromium.waiting().until(d -> !d.findElements(By.id("disclosed")).isEmpty());
    Select language = new Select(browser.findElement(By.id("lang")));
    assertEquals(List.of("English", "Español"), language.getOptions().stream().map(o -> o.getText()).toList());
    language.selectByValue("es");
    browser.findElement(By.id("language-go")).click();
    chromium.waiting().until(d -> d.getCurrentUrl().contains("lang=es"));
    // the page comes back in Spanish with the same code checked again
    chromium.waiting().until(d -> !d.findElements(By.id("disclosed")).isEmpty());
    assertEquals(challenged.ballot().trackingCode(), browser.findElement(By.id("code")).getAttribute("value"));
    assertEquals("es", browser.findElement(By.tagName("html")).getAttribute("lang"));
    assertEquals("Elección general del condado de Hamilton", browser.findElement(By.id("election-name")).getText());
    assertEquals("Compruebe su papeleta", browser.findElement(By.id("check-title")).getText());
    String disclosed = browser.findElement(By.id("disclosed")).getText();
    assertTrue(disclosed.contains("Presidente y Vicepresidente de los Estados Unidos: Joseph Barchi and Joseph "
        + "Hallaren (en inglés)"), "an untranslated name is marked: " + disclosed);
    assertTrue(disclosed.contains("Gobernador de la Mancomunidad de Ozark: Por escrito"), disclosed);
    assertTrue(disclosed.contains("Cámara de Representantes de Distrito 5 del Congreso de Ozark: Opción 3 (sin "
        + "nombre en el manifiesto)"), disclosed);
    assertTrue(browser.findElement(By.id("result")).getText().contains("Impugnada (abierta, no se cuenta)"));
    assertTrue(browser.findElement(By.id("refused-list")).getText().contains("Motivo\nsu identificador no es uno "
        + "de los números de su propia máquina (ballot_id_namespace)"), browser.findElement(By.id("refused-list"))
        .getText());
    // the English name is marked as English for a screen reader
    assertEquals("en", browser.findElement(By.cssSelector("#disclosed .untranslated span[lang]"))
        .getAttribute("lang"));
    String all = bodyText();
    for (String id : List.of("rangel", "rengel", "-selection", "write-in")) {
      assertFalse(all.contains(id), id + " shown: " + all);
    }
    chromium.fullPageScreenshot("observer-county-es");
  }

  @Test
  void timesAreInUtcWithTheZone() {
    openWithChallengedLookedUp("en");
    assertTrue(browser.findElement(By.id("head-time")).getText().matches(UTC_TIME + " \\(\\d+ entries\\)"),
        browser.findElement(By.id("head-time")).getText());
    String result = browser.findElement(By.id("result")).getText();
    assertTrue(java.util.regex.Pattern.compile("Received\\n" + UTC_TIME).matcher(result).find(), result);
    String card = browser.findElement(By.cssSelector("#refused-list .card")).getText();
    assertTrue(java.util.regex.Pattern.compile("Time\\n" + UTC_TIME).matcher(card).find(), card);
  }

  @Test
  void at320PixelsWide_nothingOverflows() throws Exception {
    chromium.viewport(320, 900);
    for (String lang : List.of("en", "es")) {
      openWithChallengedLookedUp(lang);
      assertEquals(320L, ((Number) chromium.js("return window.innerWidth;")).longValue());
      assertTrue(chromium.scrollWidth() <= 320, lang + ": the page is " + chromium.scrollWidth() + " px wide");
      chromium.fullPageScreenshot("observer-county-320-" + lang);
    }
    // the measure itself: a box wider than the screen is seen
    chromium.js("const d = document.createElement('div'); d.style.width = '400px'; d.style.height = '1px';"
        + "document.querySelector('main').append(d);");
    assertTrue(chromium.scrollWidth() > 320, "a 400 px box makes the page " + chromium.scrollWidth() + " px wide");
  }

  @Test
  void axeCoreFindsNoViolations_at320And1280PixelsWide() throws Exception {
    for (int width : List.of(320, 1280)) {
      chromium.viewport(width, 900);
      for (String lang : List.of("en", "es")) {
        openWithChallengedLookedUp(lang);
        List<String> violations = chromium.axeViolations();
        assertEquals(List.of(), violations, lang + " at " + width + " px");
        chromium.fullPageScreenshot("observer-county-" + width + "-" + lang);
      }
    }
    // the check itself: an image without a text alternative is found
    chromium.js("const i = document.createElement('img'); i.src = '/none.png'; document.querySelector('main')"
        + ".append(i);");
    assertTrue(chromium.axeViolations().stream().anyMatch(v -> v.startsWith("image-alt")), "axe-core ran");
  }
}
