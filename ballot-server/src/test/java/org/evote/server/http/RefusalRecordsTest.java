package org.evote.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.evote.board.client.BoardClient;
import org.evote.board.client.BoardDownload;
import org.evote.board.client.BoardRefusedException;
import org.evote.board.client.BoardStatus;
import org.evote.board.client.ErrorCodes;
import org.evote.board.client.ReceiptCheck;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.record.RecordFiles;
import org.evote.crypto.verify.Step;
import org.evote.crypto.verify.VerificationReport;
import org.evote.server.testing.TestBoard;
import org.evote.server.testing.TestKiosk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #12, part 1, against a real board on a random loopback port: no kiosk can silence another (ballot ids are
 * in their kiosk's namespace), and a refused ballot is recorded visibly as a link of its kiosk's chain, so it never
 * blocks the kiosk's later ballots; the board's time never follows a kiosk's.
 */
class RefusalRecordsTest {
  @TempDir
  Path temp;
  TestBoard t;
  TestKiosk k1;
  TestKiosk k2;
  BoardClient client;

  @BeforeEach
  void setUp() throws Exception {
    t = new TestBoard(temp, "manifest-small.json");
    k1 = t.registerKiosk("K1");
    k2 = t.registerKiosk("K2");
    assertEquals(200, t.adminPost("/api/admin/polls/open", "").statusCode());
    client = BoardClient.create(t.base, Duration.ofSeconds(10));
  }

  @AfterEach
  void tearDown() {
    t.close();
  }

  private ReceiptCheck receiptCheck() {
    return new ReceiptCheck(t.config.extendedHash(), t.board.boardPublicKey(), t.board.checkpointKey());
  }

  private static String code(HttpResponse<String> r) {
    return TestBoard.json(r).getJsonObject("error").getString("code");
  }

  private long entries() throws Exception {
    return TestBoard.json(t.get("/api/status")).getJsonNumber("entries").longValue();
  }

  @Test
  void aKioskPostingUnderAnotherKiosksNextIdsIsRefusedAndCannotSilenceIt() throws Exception {
    // The attack of the issue: K1 posts challenged ballots under K2's next ids K2-000001, K2-000002, …
    for (int i = 1; i <= 3; i++) {
      TestKiosk.Submission attack = k1.nextExactly(t.randomBallot(String.format("K2-%06d", i)), true);
      HttpResponse<String> r = t.post("/api/ballots/challenged", attack);
      assertEquals(409, r.statusCode(), r.body());
      assertEquals(ErrorCodes.BALLOT_ID_NAMESPACE, code(r));
      assertEquals("ballot_refused", TestBoard.json(r).getJsonObject("receipt").getString("kind"));
    }
    // K2's real ballots, under those very ids, are all accepted.
    for (int i = 1; i <= 3; i++) {
      TestKiosk.Submission real = k2.nextExactly(t.randomBallot(String.format("K2-%06d", i)), i == 2);
      HttpResponse<String> r = t.post(i == 2 ? "/api/ballots/challenged" : "/api/ballots", real);
      assertEquals(200, r.statusCode(), r.body());
    }
    // K1 itself goes on after its refused ballots (each was a link of its chain).
    assertEquals(200, t.post("/api/ballots", k1.nextExactly(t.randomBallot("K1-000001"), false))
        .statusCode());
    JsonObject status = TestBoard.json(t.get("/api/status"));
    assertEquals(3, status.getInt("cast_ballots"));
    assertEquals(1, status.getInt("challenged_ballots"));
    assertEquals(3, status.getInt("refused_ballots"));
    // Poll workers see every refusal with its reason.
    JsonArray refused = TestBoard.json(t.get("/api/refused")).getJsonArray("refused");
    assertEquals(3, refused.size());
    for (int i = 0; i < 3; i++) {
      JsonObject r = refused.getJsonObject(i);
      assertEquals("K1", r.getString("kiosk_id"));
      assertEquals(String.format("K2-%06d", i + 1), r.getString("ballot_id"));
      assertEquals("ballot_id_namespace", r.getString("reason"));
      assertEquals("ballot_challenged", r.getString("submission_kind"));
    }
    assertEquals(1, TestBoard.json(t.get("/api/refused?from=0&limit=1")).getJsonArray("refused").size());
    // A refused ballot's code is found, as refused.
    HttpResponse<String> lookup = t.get("/api/receipts/" + refused.getJsonObject(0).getString("tracking_code"));
    assertEquals(200, lookup.statusCode(), lookup.body());
    assertEquals("ballot_refused", TestBoard.json(lookup).getString("kind"));
  }

  @Test
  void aFutureBallotIsRecordedRefusedWithAReceiptAndDoesNotBlockTheKiosk() throws Exception {
    long before = System.currentTimeMillis() / 1000;
    BoardStatus status = client.status();
    assertTrue(status.time() >= before && status.time() <= System.currentTimeMillis() / 1000 + 1, "status time");
    assertEquals(200, t.post("/api/ballots", k1.next(t.randomBallot("K1-000001"), false)).statusCode());
    // A kiosk clock 400 s fast.
    k1.setTime(System.currentTimeMillis() / 1000 + 400);
    TestKiosk.Submission future = k1.next(t.randomBallot("K1-000002"), false);
    BoardRefusedException refused = assertThrows(BoardRefusedException.class,
        () -> client.submit(future.signed()));
    assertEquals(400, refused.status());
    assertEquals(ErrorCodes.FUTURE_BALLOT, refused.code());
    String receipt = refused.recordedReceipt().orElseThrow();
    ReceiptCheck.Valid valid = assertInstanceOf(ReceiptCheck.Valid.class,
        receiptCheck().checkRefusal(EntryKind.BALLOT_CAST, future.stored(), refused.code(), receipt));
    assertEquals(EntryKind.BALLOT_REFUSED, valid.receipt().kind());
    assertEquals(future.ballot().trackingCode(), valid.receipt().trackingCode());
    assertTrue(valid.receipt().timestamp() <= System.currentTimeMillis() / 1000,
        "the entry is dated by the board's clock, never by the ballot's");
    // What the receipt does not prove is refused: another reason, or the refusal taken for an accepted ballot.
    assertEquals(ReceiptCheck.Failure.NOT_OUR_ENTRY, ((ReceiptCheck.Invalid) receiptCheck().checkRefusal(
        EntryKind.BALLOT_CAST, future.stored(), ErrorCodes.CHAIN_TIME, receipt)).failure());
    assertEquals(ReceiptCheck.Failure.NOT_OUR_ENTRY, ((ReceiptCheck.Invalid) receiptCheck().check(
        EntryKind.BALLOT_CAST, future.stored(), receipt)).failure());
    // A retry gets the same refusal with the original receipt, and stores nothing.
    long size = client.status().entries();
    BoardRefusedException again = assertThrows(BoardRefusedException.class,
        () -> client.submit(future.signed()));
    assertEquals(ErrorCodes.FUTURE_BALLOT, again.code());
    assertEquals(receipt, again.recordedReceipt().orElseThrow());
    assertEquals(size, client.status().entries());
    // The kiosk's next ballot (its clock fixed) continues its chain from the refused one and is accepted.
    k1.setTime(System.currentTimeMillis() / 1000 - 1);
    TestKiosk.Submission next = k1.next(t.randomBallot("K1-000003"), false);
    assertEquals(future.ballot().confirmationCode(), next.ballot().previousCode());
    String answer = client.submitForReceipt(next.signed());
    ReceiptCheck.Valid accepted = assertInstanceOf(ReceiptCheck.Valid.class,
        receiptCheck().check(EntryKind.BALLOT_CAST, next.stored(), answer));
    assertTrue(accepted.receipt().timestamp() <= System.currentTimeMillis() / 1000);
    assertTrue(accepted.receipt().timestamp() >= valid.receipt().timestamp());
    // Entry times never move ahead of the board's clock.
    for (var e : client.entries(0, 100).entries()) {
      assertTrue(e.timestamp() <= System.currentTimeMillis() / 1000, "entry " + e.sequence());
    }
    // The refusal survives a restart: the retry still gets its receipt.
    t.stop();
    t.start();
    client = BoardClient.create(t.base, Duration.ofSeconds(10));
    BoardRefusedException afterRestart = assertThrows(BoardRefusedException.class,
        () -> client.submit(future.signed()));
    assertEquals(receipt, afterRestart.recordedReceipt().orElseThrow());
    assertEquals(1, client.status().refusedBallots());
  }

  @Test
  void anExactRetryOfARecordedRefusalGetsItsReceiptEvenAfterTheKioskIsRevoked() throws Exception {
    TestKiosk.Submission foreign = k1.nextExactly(t.randomBallot("K2-000001"), false);
    HttpResponse<String> first = t.post("/api/ballots", foreign);
    assertEquals(409, first.statusCode(), first.body());
    assertEquals(ErrorCodes.BALLOT_ID_NAMESPACE, code(first));
    JsonObject receipt = TestBoard.json(first).getJsonObject("receipt");
    assertEquals(200, t.adminPost("/api/admin/kiosks/K1/revoke", "").statusCode());
    long size = entries();
    HttpResponse<String> again = t.post("/api/ballots", foreign);
    assertEquals(409, again.statusCode(), again.body());
    assertEquals(ErrorCodes.BALLOT_ID_NAMESPACE, code(again), "the recorded refusal, not revoked_kiosk");
    assertEquals(receipt.getInt("sequence"), TestBoard.json(again).getJsonObject("receipt").getInt("sequence"));
    assertEquals(receipt.getString("entry_hash"), TestBoard.json(again).getJsonObject("receipt")
        .getString("entry_hash"));
    assertEquals(size, entries(), "a retry stores nothing");
    // Anything else of the revoked kiosk, even under the refused request id, is refused revoked_kiosk.
    TestKiosk.Submission other = k1.next(t.randomBallot("K1-000002"), false);
    HttpResponse<String> revoked = t.post("/api/ballots", other);
    assertEquals(403, revoked.statusCode(), revoked.body());
    assertEquals(ErrorCodes.REVOKED_KIOSK, code(revoked));
    String underRefusedId = org.evote.crypto.json.CanonicalJson.write(jakarta.json.Json.createObjectBuilder(
        org.evote.crypto.json.JsonText.parseObject(other.body())).add("request_id", foreign.requestId()).build());
    HttpResponse<String> reused = t.post("/api/ballots", k1.sign(EntryKind.BALLOT_CAST, underRefusedId));
    assertEquals(403, reused.statusCode(), reused.body());
    assertEquals(ErrorCodes.REVOKED_KIOSK, code(reused), reused.body());
    assertEquals(size, entries());
  }

  @Test
  void aRefusalThatDoesNotContinueTheChainIsNotRecorded() throws Exception {
    k1.setChain(org.evote.crypto.hash.Digest.ZERO);
    long size = entries();
    HttpResponse<String> r = t.post("/api/ballots", k1.nextExactly(t.randomBallot("K2-000001"), false));
    assertEquals(409, r.statusCode(), r.body());
    assertEquals(ErrorCodes.CHAIN_BROKEN, code(r));
    assertTrue(!TestBoard.json(r).containsKey("receipt"), r.body());
    assertEquals(size, entries());
  }

  @Test
  void theVerifierPassesABoardWithRefusalsAndListsThem() throws Exception {
    assertEquals(200, t.post("/api/ballots", k1.next(t.randomBallot("K1-000001"), false)).statusCode());
    assertEquals(409, t.post("/api/ballots/challenged", k1.nextExactly(t.randomBallot("K2-000001"), true))
        .statusCode());
    k1.setTime(System.currentTimeMillis() / 1000 + 400);
    assertEquals(400, t.post("/api/ballots", k1.next(t.randomBallot("K1-000002"), false)).statusCode());
    k1.setTime(System.currentTimeMillis() / 1000 - 1);
    assertEquals(200, t.post("/api/ballots", k1.next(t.randomBallot("K1-000003"), false)).statusCode());
    // A kiosk clock 30 s ahead of the board's is within BALLOT_NOT_AFTER_ENTRY's tolerance (60 s): accepted, and
    // the verifier agrees (it runs the same rule).
    k2.setTime(System.currentTimeMillis() / 1000 + 30);
    HttpResponse<String> ahead = t.post("/api/ballots", k2.next(t.randomBallot("K2-000001"), false));
    assertEquals(200, ahead.statusCode(), ahead.body());
    assertTrue(TestBoard.json(ahead).getJsonNumber("timestamp").longValue() <= System.currentTimeMillis() / 1000,
        "the entry is dated by the board's clock, not the ballot's");
    assertEquals(200, t.adminPost("/api/admin/polls/close", "").statusCode());
    JsonObject close = client.entries(0, 100).entries().stream().filter(e -> e.kind() == EntryKind.POLLS_CLOSED)
        .map(e -> org.evote.crypto.json.JsonText.parseObject(e.payload())).findFirst().orElseThrow();
    assertEquals(4, close.getJsonArray("chains").getJsonObject(0).getInt("ballots"),
        "K1's chain close counts its 2 accepted and 2 refused links");
    Path dir = temp.resolve("record");
    new BoardDownload(client, Duration.ofSeconds(30), Duration.ofMillis(50)).into(dir, Optional.empty());
    Files.copy(t.data.electionFile(), dir.resolve(RecordFiles.ELECTION));
    VerificationReport report = RecordFiles.verify(dir, t.random, 2, n -> { });
    assertTrue(report.isValid(), report.render());
    assertEquals(VerificationReport.Status.PASS, report.outcome(Step.V12_KIOSK_CHAINS).status());
    assertEquals(List.of("ballot_id_namespace", "future_ballot"), report.refusedBallots().stream()
        .map(VerificationReport.RefusedBallot::reason).toList());
    assertTrue(report.render().contains("kiosk K1: ballot K2-000001"), report.render());
  }
}
