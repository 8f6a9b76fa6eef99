package org.evote.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import org.evote.board.client.BoardClient;
import org.evote.board.client.ReceiptCheck;
import org.evote.board.client.ReceiptCheck.Failure;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.note.Ed25519NoteSigner;
import org.evote.crypto.note.SignedNote;
import org.evote.server.testing.TestBoard;
import org.evote.server.testing.TestKiosk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * board-client's {@link ReceiptCheck} (protocol §9.7) on receipts from a real board on a random loopback port:
 * a genuine receipt passes; each single change fails exactly the check it should.
 */
class ReceiptCheckTest {
  @TempDir
  static Path temp;
  static TestBoard t;
  static ReceiptCheck check;
  static TestKiosk.Submission cast;
  static TestKiosk.Submission challenged;
  static String castAnswer;
  static String challengedAnswer;

  @BeforeAll
  static void aBoardWithTwoBallots() throws Exception {
    t = new TestBoard(temp, "manifest-small.json");
    TestKiosk kiosk = t.registerKiosk("kiosk-r");
    t.adminPost("/api/admin/polls/open", "");
    BoardClient client = BoardClient.create(t.base, Duration.ofSeconds(30));
    check = new ReceiptCheck(t.config.extendedHash(), t.board.boardPublicKey(), t.board.checkpointKey());
    cast = kiosk.next(t.randomBallot("ballot-1"), false);
    castAnswer = client.submitForReceipt(EntryKind.BALLOT_CAST, cast.body());
    challenged = kiosk.next(t.randomBallot("ballot-2"), true);
    challengedAnswer = client.submitForReceipt(EntryKind.BALLOT_CHALLENGED, challenged.body());
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  static ReceiptCheck.Invalid invalid(ReceiptCheck.Result r, Failure expected) {
    ReceiptCheck.Invalid i = assertInstanceOf(ReceiptCheck.Invalid.class, r);
    assertEquals(expected, i.failure(), i.reason());
    return i;
  }

  static String with(String answer, String member, jakarta.json.JsonValue value) {
    return JsonText.object(JsonText.parseObject(answer)).add(member, value).build().toString();
  }

  static String withIn(String answer, String object, String member, jakarta.json.JsonValue value) {
    JsonObject a = JsonText.parseObject(answer);
    return JsonText.object(a).add(object, JsonText.object(a.getJsonObject(object)).add(member, value).build())
        .build().toString();
  }

  @Test
  void aReceiptFromTheRealBoard_isValid_forCastAndChallengedBallots() {
    ReceiptCheck.Valid v = assertInstanceOf(ReceiptCheck.Valid.class,
        check.check(EntryKind.BALLOT_CAST, cast.body(), castAnswer));
    assertEquals(cast.ballot().ballotId(), v.receipt().ballotId());
    assertInstanceOf(ReceiptCheck.Valid.class,
        check.check(EntryKind.BALLOT_CHALLENGED, challenged.body(), challengedAnswer));
  }

  @Test
  void aLookAlikeAnswer_isMalformed_neverAnException() {
    invalid(check.check(EntryKind.BALLOT_CAST, cast.body(), "{\"sequence\":4242,\"ballot_id\":\"not-even-yours\"}"),
        Failure.MALFORMED);
    invalid(check.check(EntryKind.BALLOT_CAST, cast.body(), "{\"ballot_id\":\"ballot-1\"}"), Failure.MALFORMED);
    invalid(check.check(EntryKind.BALLOT_CAST, cast.body(), "<html>ok</html>"), Failure.MALFORMED);
    invalid(check.check(EntryKind.BALLOT_CAST, cast.body(), "[]"), Failure.MALFORMED);
    invalid(check.check(EntryKind.BALLOT_CAST, cast.body(), with(castAnswer, "sequence", Json.createValue(-1))),
        Failure.MALFORMED);
  }

  @Test
  void aHeadSignedByAnotherKey_failsTheHeadSignature() {
    ReceiptCheck other = new ReceiptCheck(t.config.extendedHash(),
        Ed25519.PrivateKey.generate(new SecureRandom()).publicKey(), t.board.checkpointKey());
    invalid(other.check(EntryKind.BALLOT_CAST, cast.body(), castAnswer), Failure.HEAD_SIGNATURE);
    String root = JsonText.parseObject(castAnswer).getJsonObject("signed_head").getString("merkle_root");
    String otherRoot = (root.charAt(0) == '0' ? "1" : "0") + root.substring(1);
    invalid(check.check(EntryKind.BALLOT_CAST, cast.body(),
        withIn(castAnswer, "signed_head", "merkle_root", Json.createValue(otherRoot))), Failure.HEAD_SIGNATURE);
  }

  @Test
  void aProofThatDoesNotReachTheRoot_failsTheInclusionProof() {
    JsonObject proof = JsonText.parseObject(challengedAnswer).getJsonObject("inclusion_proof");
    assertTrue(proof.getJsonArray("path").size() > 0);
    String p0 = proof.getJsonArray("path").getString(0);
    String bad = (p0.charAt(0) == '0' ? "1" : "0") + p0.substring(1);
    invalid(check.check(EntryKind.BALLOT_CHALLENGED, challenged.body(), withIn(challengedAnswer, "inclusion_proof",
        "path", Json.createArrayBuilder(proof.getJsonArray("path")).set(0, bad).build())), Failure.INCLUSION_PROOF);
    invalid(check.check(EntryKind.BALLOT_CHALLENGED, challenged.body(), with(challengedAnswer, "entry_hash",
        Json.createValue(JsonText.parseObject(castAnswer).getString("entry_hash")))), Failure.INCLUSION_PROOF);
  }

  @Test
  void anotherEntry_isNotOurs() {
    invalid(check.check(EntryKind.BALLOT_CAST, cast.body(), challengedAnswer), Failure.NOT_OUR_ENTRY);
    invalid(check.check(EntryKind.BALLOT_CHALLENGED, cast.body(),
        with(castAnswer, "kind", Json.createValue("ballot_challenged"))), Failure.NOT_OUR_ENTRY);
    invalid(check.check(EntryKind.BALLOT_CAST, cast.body(),
        with(castAnswer, "timestamp", Json.createValue(1))), Failure.NOT_OUR_ENTRY);
    invalid(check.check(EntryKind.BALLOT_CAST, cast.body(),
        with(castAnswer, "previous_hash", Json.createValue("00".repeat(32)))), Failure.NOT_OUR_ENTRY);
    invalid(check.check(EntryKind.BALLOT_CAST, cast.body(),
        with(castAnswer, "ballot_id", Json.createValue(challenged.ballot().ballotId()))), Failure.NOT_OUR_ENTRY);
    invalid(check.check(EntryKind.BALLOT_CAST, cast.body(),
        with(castAnswer, "confirmation_code", Json.createValue("00".repeat(32)))), Failure.NOT_OUR_ENTRY);
    String otherSubmission = TestKiosk.with(cast.body(), "request_id", Json.createValue("another-request"));
    invalid(check.check(EntryKind.BALLOT_CAST, otherSubmission, castAnswer), Failure.NOT_OUR_ENTRY);
  }

  /** The receipt's checkpoint (§9.8) as another signer signs the checkpoint text of {@code size} and {@code root}. */
  static String withCheckpoint(String answer, Ed25519NoteSigner signer, long size, org.evote.crypto.hash.Digest root) {
    String note = signer.signNote(new org.evote.crypto.board.BoardOrigin(signer.name().substring(0,
        signer.name().lastIndexOf('/')), t.config.extendedHash()).checkpoint(size, root).text()).format();
    return with(answer, "checkpoint", Json.createValue(note));
  }

  @Test
  void theReceiptsCheckpoint_isTheBoardsCheckpointOfTheReceiptsHead() {
    org.evote.crypto.note.Checkpoint cp = org.evote.crypto.note.Checkpoint.parse(SignedNote.parse(
        JsonText.parseObject(castAnswer).getString("checkpoint")).text());
    JsonObject head = JsonText.parseObject(castAnswer).getJsonObject("signed_head");
    assertEquals(head.getJsonNumber("size").longValue(), cp.size());
    assertEquals(head.getString("merkle_root"), cp.rootHash().toHex());
  }

  @Test
  void aCheckpointSignedByAnotherKey_orOfAnotherTree_orMissing_failsTheCheckpointCheck() throws Exception {
    JsonObject head = JsonText.parseObject(castAnswer).getJsonObject("signed_head");
    long size = head.getJsonNumber("size").longValue();
    var root = org.evote.crypto.hash.Digest.decode(head.getString("merkle_root"), "root");
    String origin = t.board.checkpointKey().name();
    Ed25519NoteSigner impostor = Ed25519NoteSigner.generate(origin, new SecureRandom());
    ReceiptCheck.Invalid i = invalid(check.check(EntryKind.BALLOT_CAST, cast.body(),
        withCheckpoint(castAnswer, impostor, size, root)), Failure.CHECKPOINT);
    assertTrue(i.reason().contains("not signed by the board's checkpoint key"), i.reason());

    Ed25519NoteSigner real = t.data.checkpointKey(TestBoard.passphrase());
    assertInstanceOf(ReceiptCheck.Valid.class, check.check(EntryKind.BALLOT_CAST, cast.body(),
        withCheckpoint(castAnswer, real, size, root)), "the real key's checkpoint of the head passes");
    var otherRoot = org.evote.crypto.hash.Digest.decode((head.getString("merkle_root").charAt(0) == '0' ? "1" : "0")
        + head.getString("merkle_root").substring(1), "root");
    i = invalid(check.check(EntryKind.BALLOT_CAST, cast.body(), withCheckpoint(castAnswer, real, size, otherRoot)),
        Failure.CHECKPOINT);
    assertTrue(i.reason().contains("root"), i.reason());
    invalid(check.check(EntryKind.BALLOT_CAST, cast.body(), withCheckpoint(castAnswer, real, size + 1, root)),
        Failure.CHECKPOINT);
    invalid(check.check(EntryKind.BALLOT_CAST, cast.body(), JsonText.object(JsonText.parseObject(castAnswer))
        .remove("checkpoint").build().toString()), Failure.CHECKPOINT);
    invalid(check.check(EntryKind.BALLOT_CAST, cast.body(), with(castAnswer, "checkpoint",
        Json.createValue("not a note"))), Failure.CHECKPOINT);
  }
}
