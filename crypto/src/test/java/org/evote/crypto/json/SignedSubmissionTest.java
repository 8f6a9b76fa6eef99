package org.evote.crypto.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.ballot.BallotSeed;
import org.evote.crypto.ballot.EncryptedBallot;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.board.EntryPayload;
import org.evote.crypto.board.KioskSubmissions;
import org.evote.crypto.testing.TestElection;
import org.junit.jupiter.api.Test;

/** The wire form of a kiosk submission: the canonical unsigned body, signed over its bytes; the stored form. */
class SignedSubmissionTest {
  static final SecureRandom RANDOM = new SecureRandom();

  @Test
  void theBodyIsTheCanonicalUnsignedPayloadAndTheSignatureCoversItsBytes() {
    TestElection e = new TestElection(TestElection.manifest("manifest-small.json"), 3, 2, RANDOM);
    e.registerKiosk("K1");
    String style = e.manifest.ballotStyles().get(0).id();
    EncryptedBallot b = e.polling.encrypt("K1", e.randomPlaintext("K1-000001", style), BallotSeed.random(RANDOM));
    EntryPayload.BallotCast payload = Submissions.cast(e.config.extendedHash(), "req-1", b, e.polling.kioskKey("K1"));
    SignedSubmission s = SignedSubmission.of(e.config.extendedHash(), payload);

    assertEquals(EntryKind.BALLOT_CAST, s.kind());
    assertEquals("K1", s.kioskId());
    assertEquals(CanonicalJson.write(JsonText.parseObject(s.body())), s.body(), "the body is canonical");
    assertFalse(JsonText.parseObject(s.body()).containsKey("signature"));
    assertTrue(e.polling.kioskKey("K1").publicKey().verifies(KioskSubmissions.message(e.config.extendedHash(),
        EntryKind.BALLOT_CAST, s.bodyBytes()), s.signature()), "signed over the body's bytes");
    assertFalse(e.polling.kioskKey("K1").publicKey().verifies(KioskSubmissions.message(e.config.extendedHash(),
        EntryKind.BALLOT_CHALLENGED, s.bodyBytes()), s.signature()), "for its kind only");
    assertEquals(BoardJson.payloadText(payload), s.canonicalEntryPayload(), "the entry payload is unchanged (§9.1)");

    SignedSubmission back = SignedSubmission.fromStored(EntryKind.BALLOT_CAST, s.stored());
    assertEquals(s, back, "the kiosk sends the very same body and signature on every retry");
    assertThrows(InvalidFieldException.class, () -> SignedSubmission.fromStored(EntryKind.BALLOT_CAST, s.body()),
        "a stored submission carries its signature and election hash");
  }
}
