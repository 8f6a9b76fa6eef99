package org.evote.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.evote.board.client.ApiPaths;
import org.evote.crypto.ballot.PlaintextBallot;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.board.MerkleTree;
import org.evote.crypto.board.SignedHead;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.BoardJson;
import org.evote.crypto.json.Fields;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.record.RecordFiles;
import org.evote.crypto.verify.Step;
import org.evote.crypto.verify.VerificationReport;
import org.evote.server.testing.Copies;
import org.evote.server.testing.TestBoard;
import org.evote.server.testing.TestKiosk;
import org.evote.server.board.Refusal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP API against a real board on a random loopback port: every acceptance rule, receipts and proofs. Each
 * test has a board of its own with two registered kiosks.
 */
class BoardApiTest {
  @TempDir
  Path temp;
  TestBoard t;
  TestKiosk k1;
  TestKiosk k2;

  @BeforeEach
  void setUp() throws Exception {
    t = new TestBoard(temp, "manifest-small.json");
    k1 = t.registerKiosk("kiosk-1");
    k2 = t.registerKiosk("kiosk-2");
  }

  @AfterEach
  void tearDown() {
    t.close();
  }

  void openPolls() throws Exception {
    assertEquals(200, t.adminPost("/api/admin/polls/open", "").statusCode());
  }

  void cast(TestKiosk k, String ballotId) throws Exception {
    HttpResponse<String> r = t.post("/api/ballots", k.next(t.randomBallot(ballotId), false));
    assertEquals(200, r.statusCode(), r.body());
  }

  static String code(HttpResponse<String> r) {
    return TestBoard.json(r).getJsonObject("error").getString("code");
  }

  static void assertRejected(HttpResponse<String> r, int status, String code) {
    assertEquals(status, r.statusCode(), r.body());
    assertEquals(code, code(r), r.body());
  }

  @Test
  void ballotsAreRefusedBeforeThePollsOpen() throws Exception {
    HttpResponse<String> r = t.post("/api/ballots", k1.next(t.randomBallot("early-1"), false));
    assertRejected(r, 409, "polls_not_open");
    k1.setChain(org.evote.crypto.ballot.ConfirmationCodes.chainStart(t.config.extendedHash(), "kiosk-1"));
    openPolls();
    cast(k1, "early-1");
  }

  @Test
  void everyAdministratorEndpointNeedsTheCredential() throws Exception {
    long entries = TestBoard.json(t.get("/api/status")).getJsonNumber("entries").longValue();
    for (String path : new String[] {ApiPaths.OPEN_POLLS, ApiPaths.CLOSE_POLLS, ApiPaths.KIOSKS,
        ApiPaths.revokeKiosk("kiosk-1"), ApiPaths.TALLY}) {
      assertRejected(t.post(path, "{}"), 401, "admin_header_missing");
      assertRejected(t.send(path, "Bearer " + "ab".repeat(32)), 401, "admin_header_missing");
    }
    JsonObject status = TestBoard.json(t.get("/api/status"));
    assertEquals("not_opened", status.getString("polls"));
    assertEquals(entries, status.getJsonNumber("entries").longValue(), "nothing was written");
  }

  @Test
  void administratorsNeedTheirCredential() throws Exception {
    HttpResponse<String> none = t.post("/api/admin/polls/open", "");
    assertRejected(none, 401, "admin_header_missing");
    HttpResponse<String> wrong = t.send("/api/admin/polls/open", "Bearer " + "ab".repeat(32));
    assertRejected(wrong, 401, "admin_header_missing");
    HttpResponse<String> ok = t.adminPost("/api/admin/polls/open", "");
    assertEquals(200, ok.statusCode(), ok.body());
    assertRejected(t.adminPost("/api/admin/polls/open", ""), 409, "polls_state");
    assertEquals("open", TestBoard.json(t.get("/api/status")).getString("polls"));
  }

  @Test
  void aCastBallotGetsASignedDurableReceiptWithAnInclusionProof() throws Exception {
    openPolls();
    TestKiosk.Submission s = k1.next(t.randomBallot("ballot-1"), false);
    HttpResponse<String> r = t.post("/api/ballots", s);
    assertEquals(200, r.statusCode(), r.body());
    JsonObject receipt = TestBoard.json(r);
    assertEquals(s.ballot().confirmationCode().toHex(), receipt.getString("confirmation_code"));
    assertEquals(s.ballot().trackingCode(), receipt.getString("tracking_code"));
    SignedHead head = BoardJson.decodeHead(Fields.of(receipt.getJsonObject("signed_head")));
    assertTrue(head.signatureValid(t.config.extendedHash(), t.board.boardPublicKey()));
    var proof = BoardJson.decodeInclusion(Fields.of(receipt.getJsonObject("inclusion_proof")));
    assertEquals(receipt.getJsonNumber("sequence").longValue(), proof.index());
    assertTrue(proof.verifies(Digest.decode(receipt.getString("entry_hash"), "h"), head.merkleRoot()));
    // Durable: the entry is in the database file, read through a fresh connection.
    var fresh = org.evote.server.store.BoardStore.open(t.data.database());
    assertTrue(fresh.ballotByCode(s.ballot().confirmationCode().toHex()).isPresent());
    fresh.close();
    // Findable by tracking code (typed loosely) and by full code.
    HttpResponse<String> byCode = t.get("/api/receipts/" + s.ballot().trackingCode().toLowerCase().replace("-", "")
        .replace('0', 'o'));
    assertEquals(200, byCode.statusCode(), byCode.body());
    assertEquals(s.ballot().ballotId(), TestBoard.json(byCode).getString("ballot_id"));
    assertEquals(200, t.get("/api/receipts/" + s.ballot().confirmationCode().toHex()).statusCode());
    assertRejected(t.get("/api/receipts/" + "ZZZZ-ZZZZ-ZZZZ-ZZZZ"), 404, "not_found");
    assertRejected(t.get("/api/receipts/nonsense"), 400, "invalid_code");
  }

  @Test
  void retryingTheSameSubmissionReturnsTheOriginalReceiptAndStoresNothingNew() throws Exception {
    openPolls();
    TestKiosk.Submission s = k1.next(t.randomBallot("ballot-2"), false);
    HttpResponse<String> first = t.post("/api/ballots", s);
    assertEquals(200, first.statusCode(), first.body());
    long entries = TestBoard.json(t.get("/api/status")).getJsonNumber("entries").longValue();
    HttpResponse<String> again = t.post("/api/ballots", s);
    assertEquals(200, again.statusCode(), again.body());
    assertEquals(TestBoard.json(first), TestBoard.json(again));
    assertEquals(entries, TestBoard.json(t.get("/api/status")).getJsonNumber("entries").longValue());
    // The same request id with a different ballot is a conflict, not a duplicate.
    TestKiosk.Submission other = k1.next(t.randomBallot("ballot-2b"), false);
    var reused = TestKiosk.tampered(other.signed(), "request_id", Json.createValue(s.requestId()));
    HttpResponse<String> r = t.post("/api/ballots", reused);
    assertEquals(403, r.statusCode(), "the signature covers the request id: " + r.body());
    k1.setChain(s.ballot().confirmationCode());
  }

  @Test
  void aChallengedBallotIsPostedWithItsOpeningAndListed() throws Exception {
    openPolls();
    PlaintextBallot p = new PlaintextBallot("ballot-3", "franklin-county-no-schooldistrict", Map.of(
        "congressional-race-01", List.of("john-hancock-selection")));
    TestKiosk.Submission s = k2.next(p, true);
    HttpResponse<String> r = t.post("/api/ballots/challenged", s);
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("ballot_challenged", TestBoard.json(r).getString("kind"));
    JsonObject list = TestBoard.json(t.get("/api/challenged"));
    var first = list.getJsonArray("challenged").getJsonObject(0);
    assertEquals(s.ballot().trackingCode(), first.getString("tracking_code"));
    assertTrue(first.toString().contains("john-hancock-selection"), first.toString());
    // A lie about the opening is refused.
    PlaintextBallot lie = new PlaintextBallot("ballot-4", "franklin-county-no-schooldistrict", Map.of(
        "congressional-race-01", List.of("benjamin-franklin-selection")));
    TestKiosk.Submission honest = k2.next(new PlaintextBallot("ballot-4", "franklin-county-no-schooldistrict",
        Map.of("congressional-race-01", List.of("john-hancock-selection"))), true);
    var lying = TestKiosk.tampered(honest.signed(), "plaintext", org.evote.crypto.json.BallotJson.encode(lie));
    HttpResponse<String> bad = t.post("/api/ballots/challenged", lying);
    assertEquals(403, bad.statusCode(), "the kiosk's signature covers the plaintext: " + bad.body());
    k2.setChain(s.ballot().confirmationCode());
  }

  @Test
  void everyAcceptanceRuleRefusesAndStoresNothing() throws Exception {
    openPolls();
    long before = TestBoard.json(t.get("/api/status")).getJsonNumber("entries").longValue();
    // Unknown kiosk.
    TestKiosk stranger = new TestKiosk("kiosk-x", t.config, t.random);
    assertRejected(t.post("/api/ballots", stranger.next(t.randomBallot("s-1"), false)), 403,
        "unknown_kiosk");
    // Wrong signature: a body signed by another key under kiosk-1's name.
    TestKiosk impostor = new TestKiosk("kiosk-1", t.config, t.random);
    impostor.setChain(k1.chain());
    assertRejected(t.post("/api/ballots", impostor.next(t.randomBallot("s-2"), false)), 403,
        "bad_signature");
    // Wrong election hash.
    TestKiosk.Submission s = k1.next(t.randomBallot("s-3"), false);
    k1.setChain(s.ballot().previousCode());
    assertRejected(t.post("/api/ballots", new org.evote.crypto.json.SignedSubmission(Digest.decode("00".repeat(32),
        "h"), s.kind(), s.signed().kioskId(), s.body(), s.signed().signature())), 400, "wrong_election");
    // Unknown style.
    PlaintextBallot noStyle = new PlaintextBallot("s-4", "franklin-county-no-schooldistrict", Map.of());
    TestKiosk.Submission good = k1.next(noStyle, false);
    k1.setChain(good.ballot().previousCode());
    var badStyle = TestKiosk.withBody(good.signed(), good.body().replace("\"style_id\":\"franklin-county-no-schooldistrict\"",
        "\"style_id\":\"atlantis\""));
    HttpResponse<String> r = t.post("/api/ballots", badStyle);
    assertEquals(403, r.statusCode(), "changing any byte breaks the kiosk's signature: " + r.body());
    // Invalid point, signed by the kiosk: named field, 400.
    JsonObject goodBody = JsonText.parseObject(good.body());
    String badText = goodBody.getJsonObject("ballot").toString().replaceFirst("\"alpha\":\"[A-Za-z0-9_-]{87}\"",
        "\"alpha\":\"" + org.evote.crypto.testing.HostilePoints.xNotBelowP() + "\"");
    assertTrue(!badText.equals(goodBody.getJsonObject("ballot").toString()), "a point was replaced");
    JsonObject unsigned = Json.createObjectBuilder().add("request_id", "req-bad-point")
        .add("ballot", JsonText.parseObject(badText)).build();
    var badPoint = k1.sign(org.evote.crypto.board.EntryKind.BALLOT_CAST,
        org.evote.crypto.json.CanonicalJson.write(unsigned));
    HttpResponse<String> bp = t.post("/api/ballots", badPoint);
    assertRejected(bp, 400, "invalid_field");
    assertTrue(TestBoard.json(bp).getJsonObject("error").getString("field").contains("ciphertext.alpha"));
    // Malformed JSON and an oversized body.
    assertRejected(t.post("/api/ballots", k1.sign(org.evote.crypto.board.EntryKind.BALLOT_CAST, "{\"ballot\": ")),
        400, "malformed_json");
    // A body without the submission headers, or with a malformed one: refused naming the header, before parsing.
    HttpResponse<String> bare = t.post("/api/ballots", good.body());
    assertRejected(bare, 400, "invalid_field");
    assertEquals(org.evote.board.client.ApiPaths.ELECTION_HEADER,
        TestBoard.json(bare).getJsonObject("error").getString("field"));
    // An oversized body is refused with 413; the server may also close the connection while the client is still
    // sending the rest of the 5 MiB (the client then sees no response at all). Either way nothing is stored (below).
    try {
      HttpResponse<String> big = t.post("/api/ballots", "{\"pad\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}");
      assertEquals(413, big.statusCode());
    } catch (java.io.IOException closedWhileSending) {
      assertTrue(closedWhileSending.getMessage() != null, "the server closed the connection");
    }
    // A ballot that does not continue the kiosk's chain.
    k1.setChain(Digest.ZERO);
    assertRejected(t.post("/api/ballots", k1.next(t.randomBallot("s-5"), false)), 409, "chain_broken");
    k1.setChain(good.ballot().previousCode());
    // Nothing was stored by any of these.
    assertEquals(before, TestBoard.json(t.get("/api/status")).getJsonNumber("entries").longValue());
    // Signed by the kiosk, authenticated and decodable, but refused by the checks: recorded (docs/api.md).
    // A ballot the kiosk signed for a style the election does not have.
    var unknownStyle = new org.evote.crypto.ballot.EncryptedBallot("kiosk-1-s4b", "atlantis", "kiosk-1",
        good.ballot().timestamp(), good.ballot().previousCode(), List.of(), good.ballot().confirmationCode());
    assertRejected(t.post("/api/ballots", k1.signed(org.evote.crypto.json.Submissions.cast(t.config.extendedHash(),
        "req-style", unknownStyle, k1.key))), 400, "unknown_style");
    // Recorded as a refusal: the chain goes on from the refused ballot's code.
    // A ballot the kiosk signed whose proof is wrong (one response changed).
    var b = good.ballot();
    var c0 = b.contests().get(0);
    var sel = c0.selections().get(0);
    var br = new java.util.ArrayList<>(sel.proof().branches());
    var b0 = br.get(0);
    br.set(0, new org.evote.crypto.proof.RangeProof.Branch(b0.a(), b0.b(), b0.c(), b0.v().add(
        org.evote.crypto.group.Scalar.ONE)));
    var sels = new java.util.ArrayList<>(c0.selections());
    sels.set(0, new org.evote.crypto.ballot.EncryptedSelection(sel.selectionId(), sel.ciphertext(),
        new org.evote.crypto.proof.RangeProof(br)));
    var contests = new java.util.ArrayList<>(b.contests());
    contests.set(0, new org.evote.crypto.ballot.EncryptedContest(c0.contestId(), sels, c0.proof(), c0.ranks(), c0.writeIns(),
        c0.contestHash()));
    var badProof = new org.evote.crypto.ballot.EncryptedBallot("kiosk-1-s4c", b.styleId(), b.kioskId(), b.timestamp(),
        unknownStyle.confirmationCode(), contests, b.confirmationCode());
    HttpResponse<String> bpf = t.post("/api/ballots", k1.signed(org.evote.crypto.json.Submissions.cast(
        t.config.extendedHash(), "req-proof", badProof, k1.key)));
    assertRejected(bpf, 400, "invalid_ballot");
    assertEquals("ballot_refused", TestBoard.json(bpf).getJsonObject("receipt").getString("kind"), bpf.body());
  }

  @Test
  void aBallotIdOrCiphertextAlreadyOnTheBoardIsRefusedAndRecorded() throws Exception {
    openPolls();
    TestKiosk.Submission s = k1.next(t.randomBallot("dup-1"), false);
    assertEquals(200, t.post("/api/ballots", s).statusCode());
    // The same ballot id again from its kiosk (valid proofs, continuing its chain): recorded as refused.
    TestKiosk.Submission copy = k1.nextExactly(t.randomBallot(s.ballot().ballotId()), false);
    HttpResponse<String> dup = t.post("/api/ballots", copy);
    assertRejected(dup, 409, "duplicate_ballot_id");
    assertEquals("ballot_refused", TestBoard.json(dup).getJsonObject("receipt").getString("kind"));
    // The same id from the other kiosk: not in its namespace.
    TestKiosk.Submission foreign = k2.nextExactly(t.randomBallot(s.ballot().ballotId()), false);
    assertRejected(t.post("/api/ballots", foreign), 409, "ballot_id_namespace");
    // A submission whose ciphertexts are already on the board (checked by the writer).
    TestKiosk.Submission fresh = k2.next(t.randomBallot("dup-2"), false);
    var copied = Copies.withCiphertextOf(t, fresh, s.ballot());
    var e = org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.ExecutionException.class,
        () -> t.board.submit(copied).get());
    assertEquals(new Refusal.BrokenRule(org.evote.crypto.board.Rule.CIPHERTEXTS_UNIQUE),
        ((Refusal) e.getCause()).reason());
    assertEquals("duplicate_ciphertext", ((Refusal) e.getCause()).code());
    assertTrue(((Refusal) e.getCause()).recordedReceipt().isPresent());
    // Every refusal was a chain link: both kiosks go on from their refused ballots.
    assertEquals(200, t.post("/api/ballots", k1.next(t.randomBallot("dup-3"), false)).statusCode());
    assertEquals(200, t.post("/api/ballots", k2.next(t.randomBallot("dup-4"), false)).statusCode());
    assertEquals(3, TestBoard.json(t.get("/api/refused")).getJsonArray("refused").size());
  }

  @Test
  void revokedKiosksAreRefused() throws Exception {
    openPolls();
    TestKiosk k3 = t.registerKiosk("kiosk-3");
    assertEquals(200, t.post("/api/ballots", k3.next(t.randomBallot("k3-1"), false)).statusCode());
    assertEquals(200, t.adminPost("/api/admin/kiosks/kiosk-3/revoke", "{\"reason\":\"stolen\"}").statusCode());
    assertRejected(t.post("/api/ballots", k3.next(t.randomBallot("k3-2"), false)), 403, "revoked_kiosk");
  }

  @Test
  void proofsConnectHeadsAndEntries() throws Exception {
    openPolls();
    cast(k1, "p-1");
    cast(k2, "p-2");
    JsonObject head = TestBoard.json(t.get("/api/board/head"));
    long size = head.getJsonNumber("size").longValue();
    JsonObject inc = TestBoard.json(t.get("/api/board/proof/inclusion?seq=2&size=" + size));
    assertTrue(BoardJson.decodeInclusion(Fields.of(Json.createObjectBuilder(inc).remove("entry_hash").build()))
        .verifies(Digest.decode(inc.getString("entry_hash"), "h"), Digest.decode(head.getString("merkle_root"), "r")));
    JsonObject page = TestBoard.json(t.get("/api/board?from=0&limit=3"));
    assertEquals(3, page.getJsonArray("entries").size());
    assertEquals(3, page.getInt("next"));
    List<Digest> leaves = new java.util.ArrayList<>();
    for (var e : TestBoard.json(t.get("/api/board?from=0&limit=1000")).getJsonArray("entries")) {
      leaves.add(BoardJson.decodeEntry(Fields.of(e.asJsonObject())).entryHash());
    }
    MerkleTree tree = MerkleTree.of(leaves.subList(0, (int) size));
    JsonObject con = TestBoard.json(t.get("/api/board/proof/consistency?from=3&to=" + size));
    assertTrue(BoardJson.decodeConsistency(Fields.of(con)).verifies(tree.root(3), tree.root()));
    assertEquals(400, t.get("/api/board/proof/inclusion?seq=" + size + "&size=" + size).statusCode());
    assertEquals(400, t.get("/api/board?limit=abc").statusCode());
  }

  @Test
  void theExportedBoardVerifiesWithTheRecordVerifier() throws Exception {
    openPolls();
    for (int i = 0; i < 4; i++) {
      cast(i % 2 == 0 ? k1 : k2, "e-" + i);
    }
    assertEquals(200, t.post("/api/ballots/challenged", k2.next(t.randomBallot("e-c"), true)).statusCode());
    assertEquals(200, t.adminPost("/api/admin/polls/close", "").statusCode());
    assertRejected(t.post("/api/ballots", k1.next(t.randomBallot("late"), false)), 409, "polls_not_open");
    HttpResponse<byte[]> export = t.http.send(java.net.http.HttpRequest.newBuilder(t.base.resolve(
        "/api/board/export")).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, export.statusCode());
    // The record's board part as tally fetch downloads it: the board file and its checkpoint (V19).
    Path dir = temp.resolve("record");
    new org.evote.board.client.BoardDownload(org.evote.board.client.BoardClient.create(t.base,
        java.time.Duration.ofSeconds(10)), java.time.Duration.ofSeconds(30), java.time.Duration.ofMillis(50))
        .into(dir, java.util.Optional.empty());
    assertEquals(new String(export.body()), Files.readString(dir.resolve(RecordFiles.BOARD)), "the same export");
    Files.copy(t.data.electionFile(), dir.resolve(RecordFiles.ELECTION));
    VerificationReport report = RecordFiles.verify(dir, t.random, 2, n -> { });
    assertTrue(report.isValid(), report.render());
    assertEquals(VerificationReport.Status.PASS, report.outcome(Step.V19_BOARD_CHECKPOINT).status());
    assertEquals(VerificationReport.Status.PASS, report.outcome(Step.V12_KIOSK_CHAINS).status());
    assertTrue(report.outcome(Step.V8_BALLOT_STRUCTURE).checked() >= 5, report.render());
    assertFalse(new String(export.body()).contains("token"));
    assertEquals(new Ed25519.PublicKey(TestBoard.json(t.get("/api/election")).getString("board_public_key")),
        t.board.boardPublicKey());
    assertTrue(JsonText.parseObject(new ByteArrayInputStream(export.body())).containsKey("signed_heads"));
  }
}
