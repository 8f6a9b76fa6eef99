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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;

/**
 * The observer page on the Riverton example manifest (ranked contests, write-in lines) in a real headless Chromium:
 * the browser recomputes a ballot's confirmation code from all its ciphertexts — selections, ranks, write-in names —
 * and shows a challenged ballot's ranking in rank order and the names written.
 */
class ObserverPageRankedBrowserTest {
  @TempDir
  Path temp;
  TestBoard t;
  TestKiosk kiosk;
  TestKiosk.Submission cast;
  TestKiosk.Submission challenged;
  Chromium chromium;
  WebDriver browser;

  @BeforeEach
  void setUp() throws Exception {
    chromium = new Chromium(temp);
    browser = chromium.driver;
    t = new TestBoard(temp, "docs/examples/manifest-riverton-rcv.json");
    kiosk = t.registerKiosk("kiosk-1");
    t.adminPost("/api/admin/polls/open", "");
    cast = kiosk.next(new PlaintextBallot("kiosk-1-1", "ward-2", Map.of(
        "mayor", List.of("sel-mayor-ramirez", "sel-write-in-mayor"),
        "school-board-ward-2", List.of("sel-school-kowalski", "sel-school-haddad")),
        Map.of("mayor", Map.of("sel-write-in-mayor", "Ngozi Adébáyò"))), false);
    assertEquals(200, t.post("/api/ballots", cast).statusCode());
    challenged = kiosk.next(new PlaintextBallot("kiosk-1-2", "ward-1", Map.of(
        "mayor", List.of("sel-mayor-chen", "sel-write-in-mayor", "sel-mayor-okafor"),
        "city-council", List.of("sel-council-novak", "sel-write-in-council")),
        Map.of("mayor", Map.of("sel-write-in-mayor", "Zoë Ñúñez-Øvergård"),
            "city-council", Map.of("sel-write-in-council", "Søren Kierkegaard"))), true);
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

  @Test
  void theBrowserRecomputesTheCodeOfARankedBallotWithWriteIns() throws Exception {
    browser.get(t.base.toString());
    chromium.waiting().until(d -> d.findElement(By.id("cast")).getText().equals("1"));
    browser.findElement(By.id("code")).sendKeys(cast.ballot().trackingCode(), Keys.ENTER);
    chromium.waiting().until(d -> !d.findElements(By.id("code-recomputed")).isEmpty());
    String line = browser.findElement(By.id("code-recomputed")).getText();
    assertTrue(line.contains("recomputed in this browser") && line.endsWith("it matches."), line);
    assertEquals("check-ok", browser.findElement(By.id("code-recomputed")).getAttribute("class"));
    chromium.screenshot("observer-ranked-receipt");
  }

  @Test
  void aBallotWhoseRanksDoNotMatchItsCodeIsShownAsNotMatching() throws Exception {
    // the kiosk's next ballot with its first two mayor ranks swapped, χ and H_C kept: the board refuses it
    // (invalid_ballot, recorded) and the browser's recomputation of its code from the ciphertexts fails
    TestKiosk.Submission honest = kiosk.next(new PlaintextBallot("kiosk-1-3", "ward-1", Map.of(
        "mayor", List.of("sel-mayor-lindqvist", "sel-mayor-tremblay"))), false);
    var b = honest.ballot();
    var contests = new java.util.ArrayList<>(b.contests());
    var mayor = contests.get(0);
    contests.set(0, new org.evote.crypto.ballot.EncryptedContest(mayor.contestId(), mayor.selections(),
        mayor.proof(), List.of(mayor.ranks().get(1), mayor.ranks().get(0), mayor.ranks().get(2),
            mayor.ranks().get(3), mayor.ranks().get(4)), mayor.writeIns(), mayor.contestHash()));
    var swapped = new org.evote.crypto.ballot.EncryptedBallot(b.ballotId(), b.styleId(), b.kioskId(),
        b.timestamp(), b.previousCode(), contests, b.confirmationCode());
    var payload = org.evote.crypto.json.Submissions.cast(t.config.extendedHash(), "kiosk-1-req-swapped", swapped,
        kiosk.key);
    assertEquals(400, t.submit(kiosk.signed(payload)).statusCode());
    browser.get(t.base + "/?code=" + b.trackingCode());
    chromium.waiting().until(d -> !d.findElements(By.id("code-recomputed")).isEmpty());
    String line = browser.findElement(By.id("code-recomputed")).getText();
    assertTrue(line.contains("does NOT match"), line);
    assertEquals("check-bad", browser.findElement(By.id("code-recomputed")).getAttribute("class"));
  }

  @Test
  void aChallengedBallotShowsItsRankingInOrderAndTheNamesWritten() throws Exception {
    browser.get(t.base.toString());
    chromium.waiting().until(d -> d.findElement(By.id("challenged-list")).getText().contains(challenged.ballot()
        .trackingCode()));
    browser.findElement(By.cssSelector("#challenged-list details summary")).click();
    String list = browser.findElement(By.id("challenged-list")).getText();
    assertTrue(list.contains("Mayor: 1. Wei Chen, 2. Write-in “Zoë Ñúñez-Øvergård”, 3. Adaeze Okafor"), list);
    assertTrue(list.contains("City Council At-Large: "), list);
    assertTrue(list.contains("Write-in “Søren Kierkegaard”"), list);
    assertFalse(list.contains("1. Petra Novák") || list.contains("sel-"), list);
    // the receipt check of the challenged ballot shows the same disclosure, read from the verified entry itself
    browser.findElement(By.id("code")).sendKeys(challenged.ballot().trackingCode(), Keys.ENTER);
    chromium.waiting().until(d -> !d.findElements(By.id("disclosed")).isEmpty());
    String disclosed = browser.findElement(By.id("disclosed")).getText();
    assertTrue(disclosed.contains("Mayor: 1. Wei Chen, 2. Write-in “Zoë Ñúñez-Øvergård”, 3. Adaeze Okafor"),
        disclosed);
    assertTrue(disclosed.contains("Write-in “Søren Kierkegaard”"), disclosed);
    assertTrue(browser.findElement(By.id("code-recomputed")).getText().endsWith("it matches."));
    chromium.screenshot("observer-ranked-challenged");
  }
}
