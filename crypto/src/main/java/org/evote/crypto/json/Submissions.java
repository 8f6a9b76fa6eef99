package org.evote.crypto.json;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.evote.crypto.ballot.BallotSeed;
import org.evote.crypto.ballot.EncryptedBallot;
import org.evote.crypto.ballot.PlaintextBallot;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.board.EntryPayload;
import org.evote.crypto.board.KioskSubmissions;
import org.evote.crypto.hash.Digest;

/** Builds the signed board payloads a kiosk submits (protocol §9.5). */
public final class Submissions {
  private Submissions() {}

  /** A cast ballot signed by the kiosk key. */
  public static EntryPayload.BallotCast cast(Digest extendedHash, String requestId, EncryptedBallot ballot,
      Ed25519.PrivateKey kioskKey) {
    JsonObject unsigned = JsonText.object().add("request_id", requestId)
        .add("ballot", BallotJson.encode(ballot)).build();
    return new EntryPayload.BallotCast(requestId, ballot, sign(extendedHash, EntryKind.BALLOT_CAST, unsigned,
        kioskKey));
  }

  /** A challenged ballot with its disclosed seed and plaintext, signed by the kiosk key. */
  public static EntryPayload.BallotChallenged challenged(Digest extendedHash, String requestId,
      EncryptedBallot ballot, BallotSeed seed, PlaintextBallot plaintext, Ed25519.PrivateKey kioskKey) {
    JsonObjectBuilder b = JsonText.object().add("request_id", requestId)
        .add("ballot", BallotJson.encode(ballot)).add("seed", seed.toHex())
        .add("plaintext", BallotJson.encode(plaintext));
    return new EntryPayload.BallotChallenged(requestId, ballot, seed, plaintext,
        sign(extendedHash, EntryKind.BALLOT_CHALLENGED, b.build(), kioskKey));
  }

  private static Ed25519.Signature sign(Digest extendedHash, EntryKind kind, JsonObject unsigned,
      Ed25519.PrivateKey key) {
    return key.sign(KioskSubmissions.message(extendedHash, kind, CanonicalJson.write(unsigned)));
  }
}
