package org.evote.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.evote.board.client.ErrorCodes;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.json.CanonicalJson;
import org.evote.crypto.json.JsonText;
import org.evote.server.testing.TestBoard;
import org.evote.server.testing.TestKiosk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review finding M2 against a real board on a loopback port: one kiosk cannot starve the others — at most
 * {@value SubmissionController#MAX_IN_FLIGHT_PER_KIOSK} of its submissions are checked or written at once (the rest
 * 503 {@code board_busy}, which kiosks retry), and a ballot too large for its style is refused before any of its
 * points is decoded.
 */
class KioskLimitsTest {
  @TempDir
  Path temp;
  TestBoard t;
  TestKiosk rogue;
  TestKiosk honest;

  @BeforeEach
  void start() throws Exception {
    t = new TestBoard(temp, "manifest-small.json");
    rogue = t.registerKiosk("rogue");
    honest = t.registerKiosk("honest");
    assertEquals(200, t.adminPost("/api/admin/polls/open", "").statusCode());
  }

  @AfterEach
  void stop() {
    t.close();
  }

  private static String code(HttpResponse<String> r) {
    return TestBoard.json(r).getJsonObject("error").getString("code");
  }

  private long entries() throws Exception {
    return TestBoard.json(t.get("/api/status")).getJsonNumber("entries").longValue();
  }

  @Test
  void aKioskFloodingTheBoardWithOneSubmissionIsToldBusyAndTheOtherKiosksAreNot() throws Exception {
    TestKiosk.Submission s = rogue.next(t.randomBallot("rogue-1"), false);
    int copies = 24;
    ExecutorService pool = Executors.newFixedThreadPool(copies + 1);
    try {
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      for (int i = 0; i < copies; i++) {
        answers.add(pool.submit(() -> {
          go.await();
          return t.post("/api/ballots", s);
        }));
      }
      TestKiosk.Submission other = honest.next(t.randomBallot("honest-1"), false);
      Callable<HttpResponse<String>> otherPost = () -> {
        go.await();
        return t.post("/api/ballots", other);
      };
      Future<HttpResponse<String>> honestAnswer = pool.submit(otherPost);
      go.countDown();
      int busy = 0;
      Set<JsonObject> receipts = new HashSet<>();
      for (Future<HttpResponse<String>> f : answers) {
        HttpResponse<String> r = f.get();
        if (r.statusCode() == 503) {
          assertEquals(ErrorCodes.BOARD_BUSY, code(r), r.body());
          busy++;
        } else {
          assertEquals(200, r.statusCode(), r.body());
          receipts.add(TestBoard.json(r));
        }
      }
      assertTrue(busy > 0, "24 copies at once: some were beyond the kiosk's limit of "
          + SubmissionController.MAX_IN_FLIGHT_PER_KIOSK);
      assertTrue(receipts.size() <= 1, "every accepted copy has the one original receipt: " + receipts);
      HttpResponse<String> h = honestAnswer.get();
      assertEquals(200, h.statusCode(), "another kiosk is never told busy for this one's flood: " + h.body());
      // The kiosk retries the same request later, as for an unavailable board: stored exactly once.
      HttpResponse<String> retry = t.post("/api/ballots", s);
      assertEquals(200, retry.statusCode(), retry.body());
      receipts.add(TestBoard.json(retry));
      assertEquals(1, receipts.size());
      assertEquals(2, TestBoard.json(t.get("/api/status")).getInt("cast_ballots"));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aBallotTooLargeForItsStyleIsRefusedBeforeAnyPointIsDecoded() throws Exception {
    TestKiosk.Submission s = rogue.next(t.randomBallot("rogue-1"), false);
    JsonObject body = JsonText.parseObject(s.body());
    JsonObject ballot = body.getJsonObject("ballot");
    JsonArray contests = ballot.getJsonArray("contests");
    JsonObject first = contests.getJsonObject(0);
    // Extra selections whose points are well-formed text but not points (x ≥ p): decoding any of them would fail
    // naming its ciphertext.
    jakarta.json.JsonArrayBuilder sels = Json.createArrayBuilder(first.getJsonArray("selections"));
    for (int i = 0; i < 500; i++) {
      String notAPoint = org.evote.crypto.testing.HostilePoints.text(4, org.evote.crypto.group.P256.P.add(
          java.math.BigInteger.valueOf(i)), java.math.BigInteger.ONE);
      sels.add(Json.createObjectBuilder(first.getJsonArray("selections").getJsonObject(0)).add("ciphertext",
          Json.createObjectBuilder().add("alpha", notAPoint).add("beta", notAPoint)));
    }
    JsonObject big = Json.createObjectBuilder(body).add("ballot", Json.createObjectBuilder(ballot).add("contests",
        Json.createArrayBuilder(contests).set(0, Json.createObjectBuilder(first).add("selections", sels)))).build();
    long size = entries();
    HttpResponse<String> r = t.post("/api/ballots", rogue.sign(EntryKind.BALLOT_CAST, CanonicalJson.write(big)));
    assertEquals(400, r.statusCode(), r.body());
    assertEquals(ErrorCodes.INVALID_FIELD, code(r), r.body());
    JsonObject error = TestBoard.json(r).getJsonObject("error");
    assertEquals("payload.ballot.contests[0].selections", error.getString("field"), r.body());
    assertTrue(error.getString("message").contains("selections"), r.body());
    assertTrue(!TestBoard.json(r).containsKey("receipt"), "not recorded: it does not decode");
    assertEquals(size, entries(), "nothing stored");
    // A contest too many, likewise.
    JsonObject extraContest = Json.createObjectBuilder(body).add("ballot", Json.createObjectBuilder(ballot)
        .add("contests", Json.createArrayBuilder(contests).add(first))).build();
    HttpResponse<String> more = t.post("/api/ballots", rogue.sign(EntryKind.BALLOT_CAST,
        CanonicalJson.write(extraContest)));
    assertEquals(400, more.statusCode(), more.body());
    assertEquals("payload.ballot.contests", TestBoard.json(more).getJsonObject("error").getString("field"));
    // The kiosk's honest ballot still goes through.
    assertEquals(200, t.post("/api/ballots", s).statusCode());
  }
}
