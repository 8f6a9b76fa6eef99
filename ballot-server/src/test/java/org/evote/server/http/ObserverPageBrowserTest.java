package org.evote.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.evote.crypto.ballot.PlaintextBallot;
import org.evote.crypto.json.JsonText;
import org.evote.server.testing.TestBoard;
import org.evote.server.testing.TestKiosk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The observer page in a real headless Chromium (Debian's chromium and chromium-driver; .ci/run installs them):
 * status, the receipt check with in-browser verification of the inclusion proof and the head signature, and the
 * list of challenged ballots with their disclosed choices.
 */
class ObserverPageBrowserTest {
  @TempDir
  Path temp;
  TestBoard t;
  TestKiosk.Submission cast;
  TestKiosk.Submission challenged;
  TestKiosk kiosk;
  Chromium chromium;
  WebDriver browser;

  @BeforeEach
  void setUp() throws Exception {
    chromium = new Chromium(temp);
    browser = chromium.driver;
    t = new TestBoard(temp, "manifest-small.json");
    TestKiosk k = t.registerKiosk("kiosk-1");
    kiosk = k;
    t.adminPost("/api/admin/polls/open", "");
    cast = k.next(t.randomBallot("ballot-1"), false);
    assertEquals(200, t.post("/api/ballots", cast).statusCode());
    challenged = k.next(new PlaintextBallot("ballot-2", "franklin-county-ozark-schools", Map.of(
        "congressional-race-01", List.of("benjamin-franklin-selection"),
        "ozark-school-board-race", List.of("john-adams-selection", "thomas-jefferson-selection"))), true);
    assertEquals(200, t.post("/api/ballots/challenged", challenged).statusCode());
  }

  @AfterEach
  void tearDown() {
    if (chromium != null) {
      chromium.close();
    }
    if (t != null) {
      t.close();
    }
  }

  WebDriverWait waiting() {
    return chromium.waiting();
  }

  void screenshot(String name) throws Exception {
    chromium.screenshot(name);
  }

  /** Every code the paged list {@code listId} shows, clicking "Next page" until it is disabled. */
  List<String> allPages(String listId, String navId) {
    List<String> shown = new java.util.ArrayList<>();
    By codes = By.cssSelector("#" + listId + " .card .code");
    while (true) {
      // read in one go, again if the list is re-rendered while being read
      List<String> page = waiting().until(d -> {
        List<String> texts = d.findElements(codes).stream().map(WebElement::getText).toList();
        return texts.isEmpty() ? null : texts;
      });
      assertTrue(page.size() <= 10, "at most 10 a page: " + page.size());
      shown.addAll(page);
      List<WebElement> next = browser.findElements(By.cssSelector("#" + navId + " button.next"));
      if (next.isEmpty() || !next.get(0).isEnabled()) {
        return shown;
      }
      String first = page.get(0);
      next.get(0).click();
      waiting().until(d -> !d.findElements(codes).isEmpty() && !d.findElements(codes).get(0).getText().equals(first));
    }
  }

  @Test
  void aPracticeBoardShowsThePracticeBannerAndARealOneDoesNot() throws Exception {
    browser.get(t.base.toString());
    waiting().until(d -> d.findElement(By.id("cast")).getText().equals("1"));
    WebElement banner = browser.findElement(By.id("practice-banner"));
    assertFalse(banner.isDisplayed(), "a real board shows no practice banner");
    assertFalse(browser.getTitle().contains("PRACTICE"), browser.getTitle());
    try (TestBoard practice = new TestBoard(Files.createDirectory(temp.resolve("practice")),
        "manifest-small.json", true)) {
      browser.get(practice.base.toString());
      waiting().until(d -> d.findElement(By.id("practice-banner")).isDisplayed());
      banner = browser.findElement(By.id("practice-banner"));
      assertEquals("status", banner.getAttribute("role"));
      assertEquals("PRACTICE — this is a practice board: ballots here are never counted.", banner.getText());
      assertTrue(browser.getTitle().startsWith("PRACTICE — "), browser.getTitle());
      screenshot("observer-practice-banner");
    }
  }

  @Test
  void aVoterTypesTheirTrackingCodeAndTheBrowserVerifiesTheProof() throws Exception {
    browser.get(t.base.toString());
    waiting().until(d -> d.findElement(By.id("cast")).getText().equals("1"));
    assertEquals("Franklin County Small General Election March 2020",
        browser.findElement(By.id("election-name")).getText());
    assertEquals("Open", browser.findElement(By.id("polls")).getText());
    assertEquals("1", browser.findElement(By.id("challenged")).getText());
    // The input is labelled and operated from the keyboard alone.
    WebElement input = browser.findElement(By.id("code"));
    assertEquals("code", browser.findElement(By.cssSelector("label[for=code]")).getAttribute("for"));
    input.sendKeys(cast.ballot().trackingCode().toLowerCase(), Keys.ENTER);
    waiting().until(d -> d.findElement(By.id("result")).getText().contains("Found"));
    waiting().until(d -> d.findElement(By.id("result")).getText().contains("signature"));
    String result = browser.findElement(By.id("result")).getText();
    assertTrue(result.contains("Inclusion proof checked in this browser"), result);
    assertTrue(result.contains("signature on that signed head is valid"), result);
    assertTrue(result.contains("Cast"), result);
    screenshot("observer-receipt-found");
  }

  @Test
  void theShortCodeAnySpacingAndCaseTheFullCodeAndTheScannedQrUrlAllFindTheBallot() throws Exception {
    String shortCode = cast.ballot().trackingCode();
    String fullCode = cast.ballot().confirmationCode().toHex();
    String qrUrl = t.base + "/?code=" + fullCode;
    String spacedShort = shortCode.replace("-", "").toLowerCase().replaceAll("(.{4})", "$1 ").trim()
        .replace('1', 'l').replace('0', 'o');
    for (String typed : List.of(spacedShort, " " + fullCode.toUpperCase() + " ", qrUrl)) {
      browser.get(t.base.toString());
      waiting().until(d -> d.findElement(By.id("cast")).getText().equals("1"));
      browser.findElement(By.id("code")).sendKeys(typed, Keys.ENTER);
      waiting().until(d -> d.findElement(By.id("result")).getText().contains("signature"));
      String result = browser.findElement(By.id("result")).getText();
      assertTrue(result.contains("Found") && result.contains(shortCode), typed + ": " + result);
      assertTrue(result.contains("Inclusion proof checked in this browser"), typed + ": " + result);
    }
    // Opening the QR code's URL itself (a phone's camera) checks the ballot at once.
    browser.get(qrUrl);
    waiting().until(d -> d.findElement(By.id("result")).getText().contains("Inclusion proof checked"));
    assertTrue(browser.findElement(By.id("result")).getText().contains(shortCode));
    screenshot("observer-receipt-found-by-qr");
  }

  @Test
  void anUnknownCodeIsReportedAsNotFound() throws Exception {
    browser.get(t.base + "/?code=ABCD-EFGH-JKMN-PQRS");
    waiting().until(d -> d.findElement(By.id("result")).getText().contains("Not found"));
    screenshot("observer-not-found");
  }

  @Test
  void challengedBallotsAreListedWithTheirDisclosedChoicesByName() throws Exception {
    browser.get(t.base.toString());
    waiting().until(d -> d.findElement(By.id("challenged-list")).getText().contains(challenged.ballot()
        .trackingCode()));
    browser.findElement(By.cssSelector("#challenged-list details summary")).click();
    String list = browser.findElement(By.id("challenged-list")).getText();
    assertTrue(list.contains("Ozark School Board") && list.contains("Representative to US Congress"), list);
    // manifest-small lists its candidates without names: each is its position, never its id
    assertTrue(list.contains("Choice 2 (no name in the manifest)"), list);
    assertFalse(list.contains("benjamin-franklin") || list.contains("-selection") || list.contains("-race"), list);
    assertTrue(list.contains(" UTC"), list);
    screenshot("observer-challenged");
  }

  @Test
  void aRefusedBallotIsListedAndItsCodeShowsRefusedWithTheReason() throws Exception {
    TestKiosk k2 = t.registerKiosk("kiosk-2");
    TestKiosk.Submission foreign = k2.nextExactly(t.randomBallot("kiosk-1-000009"), false);
    assertEquals(409, t.post("/api/ballots", foreign).statusCode());
    browser.get(t.base.toString());
    waiting().until(d -> d.findElement(By.id("refused")).getText().equals("1"));
    waiting().until(d -> d.findElement(By.id("refused-list")).getText().contains(foreign.ballot().trackingCode()));
    String list = browser.findElement(By.id("refused-list")).getText();
    assertTrue(list.contains("ballot_id_namespace") && list.contains("kiosk-2"), list);
    assertTrue(list.contains(" UTC"), list);
    browser.get(t.base + "/?code=" + foreign.ballot().trackingCode());
    waiting().until(d -> d.findElement(By.id("result")).getText().contains("signature"));
    String result = browser.findElement(By.id("result")).getText();
    assertTrue(result.contains("Refused: its ballot id is not one of its own kiosk's numbers (ballot_id_namespace)"),
        result);
    assertTrue(result.contains("Inclusion proof checked in this browser"), result);
    assertTrue(!result.contains("Cast") && !result.contains("Challenged ("), result);
    screenshot("observer-refused");
  }

  @Test
  void theChallengedListIsShownAPageAtATime_andStaysShort() throws Exception {
    java.util.Set<String> codes = new java.util.HashSet<>(List.of(challenged.ballot().trackingCode()));
    for (int i = 0; i < 50; i++) {
      TestKiosk.Submission s = kiosk.next(t.randomBallot("more-" + i), true);
      assertEquals(200, t.post("/api/ballots/challenged", s).statusCode());
      codes.add(s.ballot().trackingCode());
    }
    browser.get(t.base.toString());
    waiting().until(d -> !d.findElements(By.cssSelector("#challenged-pages button.next")).isEmpty());
    assertEquals(10, browser.findElements(By.cssSelector("#challenged-list .card .code")).size(), "the first page");
    long height = ((Number) chromium.js("return document.getElementById('challenged-list').offsetHeight;"))
        .longValue();
    assertTrue(height < 1500, "a page of the list is " + height + " px high");
    assertFalse(browser.findElement(By.cssSelector("#challenged-pages button.previous")).isEnabled());
    List<String> shown = allPages("challenged-list", "challenged-pages");
    assertEquals(codes, new java.util.HashSet<>(shown));
    assertEquals(51, shown.size(), "each ballot once");
    assertTrue(browser.findElement(By.id("challenged-pages")).getText().contains("Page 6"));
    // and back
    browser.findElement(By.cssSelector("#challenged-pages button.previous")).click();
    waiting().until(d -> d.findElement(By.id("challenged-pages")).getText().contains("Page 5"));
    assertEquals(10, browser.findElements(By.cssSelector("#challenged-list .card .code")).size());
  }

  @Test
  void theChallengedListIsSearchedByCode() throws Exception {
    for (int i = 0; i < 12; i++) {
      assertEquals(200, t.post("/api/ballots/challenged", kiosk.next(t.randomBallot("more-" + i), true))
          .statusCode());
    }
    browser.get(t.base.toString());
    waiting().until(d -> !d.findElements(By.cssSelector("#challenged-list .card")).isEmpty());
    String code = challenged.ballot().trackingCode();
    browser.findElement(By.id("challenged-code")).sendKeys(code.replace("-", " ").toLowerCase(), Keys.ENTER);
    waiting().until(d -> d.findElements(By.cssSelector("#challenged-list .card")).size() == 1
        && d.findElement(By.id("challenged-list")).getText().contains(code));
    String found = browser.findElement(By.id("challenged-list")).getText();
    assertTrue(found.contains("Ozark School Board"), "the found ballot's choices are open: " + found);
    assertEquals("The challenged ballot " + code + ":", browser.findElement(By.id("challenged-status")).getText());
    // a cast ballot's code is not a challenged ballot; an unknown code is not on the board
    browser.findElement(By.id("challenged-code")).clear();
    browser.findElement(By.id("challenged-code")).sendKeys(cast.ballot().trackingCode(), Keys.ENTER);
    waiting().until(d -> d.findElement(By.id("challenged-status")).getText().contains("was not challenged"));
    assertTrue(browser.findElements(By.cssSelector("#challenged-list .card")).isEmpty());
    browser.findElement(By.id("challenged-code")).clear();
    browser.findElement(By.id("challenged-code")).sendKeys("ABCD-EFGH-JKMN-PQRS", Keys.ENTER);
    waiting().until(d -> d.findElement(By.id("challenged-status")).getText().contains("No ballot with this code"));
    browser.findElement(By.id("challenged-show-all")).click();
    waiting().until(d -> d.findElements(By.cssSelector("#challenged-list .card")).size() == 10);
    assertEquals("", browser.findElement(By.id("challenged-status")).getText());
    // the pages work again after a search, and keep the keyboard's focus: on the last page (13 ballots, 10 a
    // page), where "Next page" is disabled, on "Previous page"
    browser.findElement(By.cssSelector("#challenged-pages button.next")).sendKeys(Keys.ENTER);
    waiting().until(d -> d.findElement(By.id("challenged-pages")).getText().contains("Page 2"));
    assertEquals(3, browser.findElements(By.cssSelector("#challenged-list .card")).size());
    assertEquals("previous", chromium.js("return document.activeElement.className;"));
    browser.findElement(By.cssSelector("#challenged-pages button.previous")).sendKeys(Keys.ENTER);
    waiting().until(d -> d.findElement(By.id("challenged-pages")).getText().contains("Page 1"));
    assertEquals("next", chromium.js("return document.activeElement.className;"));
  }

  @Test
  void theRefusedListIsShownAPageAtATime() throws Exception {
    TestKiosk rogue = t.registerKiosk("kiosk-2");
    java.util.Set<String> codes = new java.util.HashSet<>();
    for (int i = 0; i < 21; i++) {
      TestKiosk.Submission s = rogue.nextExactly(t.randomBallot("kiosk-1-" + (100 + i)), false);
      assertEquals(409, t.post("/api/ballots", s).statusCode(), "recorded: ballot_id_namespace");
      codes.add(s.ballot().trackingCode());
    }
    browser.get(t.base.toString());
    waiting().until(d -> !d.findElements(By.cssSelector("#refused-pages button.next")).isEmpty());
    assertEquals(10, browser.findElements(By.cssSelector("#refused-list .card .code")).size(), "the first page");
    List<String> shown = allPages("refused-list", "refused-pages");
    assertEquals(codes, new java.util.HashSet<>(shown));
    assertEquals(21, shown.size(), "each refused ballot once");
  }

  @Test
  void theStatusShownIsTheVerifiedEntrysKind() throws Exception {
    browser.get(t.base + "/?code=" + challenged.ballot().trackingCode());
    waiting().until(d -> d.findElement(By.id("result")).getText().contains("signature"));
    String result = browser.findElement(By.id("result")).getText();
    assertTrue(result.contains("Found") && result.contains("Challenged (opened, not counted)"), result);
    assertTrue(result.contains("Inclusion proof checked in this browser"), result);
    // its disclosed choices, every contest of its style, from the entry the browser checked
    String disclosed = browser.findElement(By.id("disclosed")).getText();
    assertTrue(disclosed.contains("Representative to US Congress: Choice 2 (no name in the manifest)"), disclosed);
    assertTrue(disclosed.contains("Ozark School Board: Choice 1 (no name in the manifest), Choice 3"), disclosed);
    assertTrue(disclosed.contains("The Pineapple Question: no selection"), disclosed);
    assertFalse(disclosed.contains("-selection"), disclosed);
  }

  @Test
  void aBoardThatCallsAChallengedBallotCastIsShownAsFailedNotCast() throws Exception {
    // A proxy in front of the real board: every answer passes unchanged, except that a receipt claims "ballot_cast".
    try (LyingProxy proxy = new LyingProxy(t.base, path -> path,
        receipt -> Json.createObjectBuilder(receipt).add("kind", "ballot_cast").build())) {
      browser.get(proxy.base + "/?code=" + challenged.ballot().trackingCode());
      waiting().until(d -> d.findElement(By.id("result")).getText().contains("signature"));
      String result = browser.findElement(By.id("result")).getText();
      assertTrue(proxy.lied.get() > 0, "the proxy changed a receipt");
      assertFalse(result.contains("Cast"), result);
      assertFalse(result.contains("Found"), result);
      assertTrue(result.contains("does not check out") && result.contains("does NOT match"), result);
      assertFalse(result.contains("Inclusion proof checked in this browser"), result);
      screenshot("observer-kind-mismatch");
    }
  }

  @Test
  void aBoardThatAnswersACodeWithAnotherBallotsRealReceiptIsShownAsFailedNotFound() throws Exception {
    // The board dropped ballot X; asked for X it answers with the cast ballot's genuine receipt (real entry, proof
    // and signed head) relabelled "tracking_code": X. Only the entry's own code can tell the browser it is not X.
    String x = kiosk.next(t.randomBallot("ballot-never-posted"), false).ballot().trackingCode();
    String real = "/api/receipts/" + cast.ballot().trackingCode();
    try (LyingProxy proxy = new LyingProxy(t.base,
        path -> path.equals("/api/receipts/" + x) ? real : path,
        receipt -> Json.createObjectBuilder(receipt).add("tracking_code", x).build())) {
      browser.get(proxy.base + "/?code=" + x);
      waiting().until(d -> d.findElement(By.id("result")).getText().contains("signature"));
      String result = browser.findElement(By.id("result")).getText();
      assertTrue(proxy.lied.get() > 0, "the proxy relabelled a receipt");
      assertFalse(result.contains("Found"), result);
      assertFalse(result.contains("Cast"), result);
      assertTrue(result.contains("does not check out") && result.contains("does NOT match"), result);
      assertFalse(result.contains("Inclusion proof checked in this browser"), result);
      screenshot("observer-relabelled-receipt");
      // The cast ballot's own look-up through the same proxy (its receipt also relabelled X) is still found and
      // shown with its own code: what the page shows and matches comes from the verified entry.
      browser.get(proxy.base + "/?code=" + cast.ballot().trackingCode());
      waiting().until(d -> d.findElement(By.id("result")).getText().contains("signature"));
      String own = browser.findElement(By.id("result")).getText();
      assertTrue(own.contains("Found") && own.contains(cast.ballot().trackingCode()) && !own.contains(x), own);
    }
  }

  @Test
  void aBoardThatAnswersAFullCodeWithAnotherBallotsRealReceiptIsShownAsFailed() throws Exception {
    String x = kiosk.next(t.randomBallot("ballot-never-posted"), false).ballot().confirmationCode().toHex();
    String real = "/api/receipts/" + cast.ballot().confirmationCode().toHex();
    try (LyingProxy proxy = new LyingProxy(t.base,
        path -> path.equals("/api/receipts/" + x) ? real : path,
        receipt -> Json.createObjectBuilder(receipt).add("confirmation_code", x)
            .add("tracking_code", org.evote.crypto.ballot.ConfirmationCodes.shortForm(
                org.evote.crypto.hash.Digest.decode(x, "code"))).build())) {
      browser.get(proxy.base + "/?code=" + x);
      waiting().until(d -> d.findElement(By.id("result")).getText().contains("signature"));
      String result = browser.findElement(By.id("result")).getText();
      assertTrue(proxy.lied.get() > 0, "the proxy relabelled a receipt");
      assertFalse(result.contains("Found"), result);
      assertTrue(result.contains("does not check out"), result);
    }
  }

  /**
   * An HTTP proxy on loopback in front of a board: it asks the board for {@code askInstead} of each request path
   * (with its query) and passes every answer unchanged, except that a 200 receipt ({@code /api/receipts/…}) is
   * rewritten by {@code rewriteReceipt}.
   */
  static final class LyingProxy implements AutoCloseable {
    final HttpServer server;
    final String base;
    final java.util.concurrent.atomic.AtomicInteger lied = new java.util.concurrent.atomic.AtomicInteger();
    final HttpClient http = HttpClient.newHttpClient();

    LyingProxy(URI board, java.util.function.UnaryOperator<String> askInstead,
        java.util.function.UnaryOperator<JsonObject> rewriteReceipt) throws Exception {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/", exchange -> {
        try (exchange) {
          URI target = board.resolve(askInstead.apply(exchange.getRequestURI().toString()));
          HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(target).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
          byte[] body = r.body();
          if (exchange.getRequestURI().getPath().startsWith("/api/receipts/") && r.statusCode() == 200) {
            JsonObject receipt = JsonText.parseObject(new String(body, StandardCharsets.UTF_8));
            body = rewriteReceipt.apply(receipt).toString().getBytes(StandardCharsets.UTF_8);
            lied.incrementAndGet();
          }
          r.headers().firstValue("Content-Type").ifPresent(v -> exchange.getResponseHeaders().set("Content-Type", v));
          exchange.sendResponseHeaders(r.statusCode(), body.length);
          exchange.getResponseBody().write(body);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      server.start();
      base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  @Test
  void overHttps_thePageIsASecureOrigin_andTheBrowserVerifiesAReceipt() throws Exception {
    t.stop();
    t.start(org.evote.server.BoardHost.Witnesses.NONE, org.evote.server.BoardHost.Transport.HTTPS);
    try {
      assertEquals("https", t.base.getScheme());
      browser.get(t.base + "/?code=" + cast.ballot().trackingCode());
      assertEquals(Boolean.TRUE, ((org.openqa.selenium.JavascriptExecutor) browser)
          .executeScript("return window.isSecureContext && location.protocol === 'https:';"));
      waiting().until(d -> d.findElement(By.id("result")).getText().contains("signature"));
      String result = browser.findElement(By.id("result")).getText();
      assertTrue(result.contains("Found") && result.contains(cast.ballot().trackingCode()), result);
      assertTrue(result.contains("Inclusion proof checked in this browser"), result);
      assertTrue(result.contains("signature on that signed head is valid"), result);
      screenshot("observer-receipt-found-over-https");
    } finally {
      // the other tests of this class read the same board over plain HTTP on loopback
      t.stop();
      t.start(org.evote.server.BoardHost.Witnesses.NONE, org.evote.server.BoardHost.Transport.PLAIN_HTTP);
    }
  }
}
