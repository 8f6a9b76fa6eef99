package org.evote.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.evote.crypto.ballot.EncryptedBallot;
import org.evote.crypto.ballot.EncryptedContest;
import org.evote.crypto.ballot.EncryptedSelection;
import org.evote.crypto.json.Submissions;
import org.evote.server.testing.TestBoard;
import org.evote.server.testing.TestKiosk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retries, replays and hostile submissions never stop the board or get past it. Each test has its own board. */
class BoardRobustnessTest {
  @TempDir
  Path temp;
  TestBoard t;

  @BeforeEach
  void setUp() throws Exception {
    java.nio.file.Files.createDirectories(temp.resolve("main"));
    t = new TestBoard(temp.resolve("main"), "manifest-small.json");
    t.adminPost("/api/admin/polls/open", "");
  }

  @AfterEach
  void tearDown() {
    t.close();
  }

  static String code(HttpResponse<String> r) {
    return TestBoard.json(r).getJsonObject("error").getString("code");
  }

  @Test
  void identicalRetriesArrivingTogetherAreStoredOnceAndTheBoardKeepsWorking() throws Exception {
    TestKiosk k = t.registerKiosk("retry-kiosk");
    TestKiosk.Submission s = k.next(t.randomBallot("retry-1"), false);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      answers.add(pool.submit((Callable<HttpResponse<String>>) () -> t.post("/api/ballots", s)));
    }
    long sequence = -1;
    int stored = 0;
    for (Future<HttpResponse<String>> f : answers) {
      HttpResponse<String> r = f.get();
      if (r.statusCode() == 503) {
        // beyond the kiosk's limit of submissions in flight (KioskLimitsTest): the kiosk retries it later
        assertEquals("board_busy", code(r), r.body());
        continue;
      }
      assertEquals(200, r.statusCode(), r.body());
      long seq = TestBoard.json(r).getJsonNumber("sequence").longValue();
      assertTrue(sequence < 0 || sequence == seq, "every retry gets the same entry");
      sequence = seq;
      stored++;
    }
    pool.shutdown();
    assertTrue(stored > 0, "the copies within the kiosk's limit were answered");
    HttpResponse<String> later = t.post("/api/ballots", s);
    assertEquals(200, later.statusCode(), later.body());
    assertEquals(sequence, TestBoard.json(later).getJsonNumber("sequence").longValue(), "stored once");
    assertEquals(200, t.post("/api/ballots", k.next(t.randomBallot("retry-2"), false)).statusCode(),
        "the board still accepts ballots");
    assertTrue(t.board.brokenReason().isEmpty());
  }

  @Test
  void aBallotRepeatingACiphertextIsRefusedWithoutStoppingTheBoard() throws Exception {
    TestKiosk k = t.registerKiosk("nonce-kiosk");
    TestKiosk.Submission s = k.next(new org.evote.crypto.ballot.PlaintextBallot("nonce-1",
        "franklin-county-no-schooldistrict", java.util.Map.of()), false);
    EncryptedBallot b = s.ballot();
    EncryptedContest c0 = b.contests().get(0);
    List<EncryptedSelection> sels = new ArrayList<>(c0.selections());
    sels.set(1, new EncryptedSelection(sels.get(1).selectionId(), sels.get(0).ciphertext(), sels.get(0).proof()));
    List<EncryptedContest> contests = new ArrayList<>(b.contests());
    contests.set(0, new EncryptedContest(c0.contestId(), sels, c0.proof(), c0.ranks(), c0.writeIns(), c0.contestHash()));
    EncryptedBallot reused = new EncryptedBallot(b.ballotId(), b.styleId(), b.kioskId(), b.timestamp(),
        b.previousCode(), contests, b.confirmationCode());
    HttpResponse<String> r = t.post("/api/ballots", k.signed(Submissions.cast(t.config.extendedHash(), "nonce-req",
        reused, k.key)));
    assertEquals(409, r.statusCode(), r.body());
    assertEquals("duplicate_ciphertext", code(r));
    assertEquals("ballot_refused", TestBoard.json(r).getJsonObject("receipt").getString("kind"),
        "recorded: the kiosk's chain goes on from it");
    assertEquals(200, t.post("/api/ballots", k.next(t.randomBallot("nonce-2"), false)).statusCode());
  }

  @Test
  void aRevokedKioskRetryingAnAcceptedBallotGetsItsReceipt() throws Exception {
    TestKiosk k = t.registerKiosk("revoked-retry");
    TestKiosk.Submission s = k.next(t.randomBallot("rr-1"), false);
    HttpResponse<String> first = t.post("/api/ballots", s);
    assertEquals(200, first.statusCode());
    t.adminPost("/api/admin/kiosks/revoked-retry/revoke", "");
    HttpResponse<String> again = t.post("/api/ballots", s);
    assertEquals(200, again.statusCode(), again.body());
    assertEquals(TestBoard.json(first), TestBoard.json(again));
  }

  @Test
  void aKioskCannotRatchetTheBoardClockForward() throws Exception {
    TestKiosk k = t.registerKiosk("clock-kiosk");
    k.setTime(System.currentTimeMillis() / 1000 + 250);
    HttpResponse<String> r = t.post("/api/ballots", k.next(t.randomBallot("clock-1"), false));
    assertEquals(400, r.statusCode(), r.body());
    assertEquals("future_ballot", code(r));
    long entryTime = TestBoard.json(r).getJsonObject("receipt").getJsonNumber("timestamp").longValue();
    assertTrue(entryTime <= System.currentTimeMillis() / 1000, "the board's time never follows a kiosk's");
    k.setTime(System.currentTimeMillis() / 1000 - 1);
    HttpResponse<String> next = t.post("/api/ballots", k.next(t.randomBallot("clock-2"), false));
    assertEquals(200, next.statusCode(), next.body());
    assertTrue(TestBoard.json(next).getJsonNumber("timestamp").longValue() <= System.currentTimeMillis() / 1000);
  }

  @Test
  void hostileHttpGetsJsonErrorsNeverHtmlOrStackTraces() throws Exception {
    String deep = "[".repeat(5000) + "]".repeat(5000);
    TestKiosk k = t.registerKiosk("deep-kiosk");
    HttpResponse<String> nested = t.post("/api/ballots", k.sign(org.evote.crypto.board.EntryKind.BALLOT_CAST, deep));
    assertEquals(400, nested.statusCode(), nested.body());
    assertEquals("malformed_json", code(nested));
    String raw = rawGet("/api/receipts/%zz");
    assertTrue(raw.startsWith("HTTP/1.1 400"), raw);
    assertTrue(raw.contains("{\"error\""), raw);
    assertTrue(!raw.contains("<html"), raw);
    HttpResponse<String> unknown = t.get("/api/nothing-here");
    assertEquals(404, unknown.statusCode());
    assertEquals("not_found", code(unknown));
    assertEquals("nosniff", unknown.headers().firstValue("X-Content-Type-Options").orElse(""));
  }

  /** A request the JDK's client would refuse to send (a malformed escape), written on a raw socket. */
  String rawGet(String path) throws Exception {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", t.base.getPort())) {
      socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
          .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @Test
  void theTallyIsPublishedOnce() throws Exception {
    java.nio.file.Files.createDirectories(temp.resolve("tally"));
    TestBoard other = new TestBoard(temp.resolve("tally"), "manifest-minimal.json");
    try {
      other.adminPost("/api/admin/polls/open", "");
      other.adminPost("/api/admin/polls/close", "");
      String body = "{\"tally_hash\":\"" + "11".repeat(32) + "\",\"shares_hash\":\"" + "22".repeat(32)
          + "\",\"result_hash\":\"" + "33".repeat(32) + "\"}";
      assertEquals(200, other.adminPost("/api/admin/tally", body).statusCode());
      HttpResponse<String> again = other.adminPost("/api/admin/tally", body);
      assertEquals(409, again.statusCode());
      JsonObject error = TestBoard.json(again).getJsonObject("error");
      assertEquals("tally_published", error.getString("code"));
    } finally {
      other.close();
    }
  }
}
