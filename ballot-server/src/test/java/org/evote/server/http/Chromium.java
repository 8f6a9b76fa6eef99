package org.evote.server.http;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium for the observer page's tests (Debian's chromium and chromium-driver; .ci/run installs
 * them), with what those tests need: a viewport of a given width, screenshots under target/screenshots, and the
 * axe-core accessibility check (from npm, ballot-server/src/test/axe; .ci/run installs it with npm ci).
 */
final class Chromium implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path AXE = Path.of("src/test/axe/node_modules/axe-core/axe.min.js");
  static final String AXE_INSTALL = "npm ci --prefix ballot-server/src/test/axe";

  final ChromeDriver driver;

  Chromium(Path profileParent) throws Exception {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException("this test needs Debian's chromium and chromium-driver "
          + "(apt-get install chromium chromium-driver; .ci/run installs them)");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // The board's self-signed test certificate (the HTTPS test): a browser has no pin, and no CA signed it.
    options.setAcceptInsecureCerts(true);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--window-size=1200,1600", "--lang=en-US",
        "--user-data-dir=" + Files.createTempDirectory(profileParent, "chrome"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
  }

  /** A wait of up to 20 s that retries while the page re-renders what it looks at (a stale element). */
  WebDriverWait waiting() {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    return wait;
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** The page's layout viewport is {@code width} CSS pixels wide from now on (as on a phone of that width). */
  void viewport(int width, int height) {
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
        "deviceScaleFactor", 1, "mobile", false));
  }

  /** How wide the page is laid out: wider than the viewport means a person must scroll sideways. */
  long scrollWidth() {
    return ((Number) js("return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);"))
        .longValue();
  }

  void screenshot(String name) throws Exception {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  /** The whole page, not only what the viewport shows, as target/screenshots/{name}.png. */
  @SuppressWarnings("unchecked")
  void fullPageScreenshot(String name) throws Exception {
    Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
    Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
    Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
        "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", size.get("width"),
            "height", size.get("height"), "scale", 1)));
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Files.write(dir.resolve(name + ".png"), java.util.Base64.getDecoder().decode((String) shot.get("data")));
  }

  /**
   * axe-core's violations on the page as it is now, one line each ("rule (impact): help — nodes"); empty if none.
   * Fails, never skips, when axe-core is not installed.
   */
  @SuppressWarnings("unchecked")
  List<String> axeViolations() throws Exception {
    if (!Files.isRegularFile(AXE)) {
      throw new IllegalStateException("axe-core is not installed (" + AXE.toAbsolutePath() + " is missing): run `"
          + AXE_INSTALL + "` from the repository's root (.ci/run does)");
    }
    js(Files.readString(AXE));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    Object out = ((JavascriptExecutor) driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
        + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map(v => v.id + ' ('"
        + " + v.impact + '): ' + v.help + ' — ' + v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary)"
        + ".join(' | '))), e => done(['axe failed: ' + e]));");
    return (List<String>) out;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
