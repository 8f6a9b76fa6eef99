package org.evote.server.board;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.ballot.EncryptedBallot;
import org.evote.crypto.ballot.EncryptedContest;
import org.evote.crypto.ballot.EncryptedSelection;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.board.EntryPayload;
import org.evote.crypto.board.KioskSubmissions;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.json.BoardJson;
import org.evote.crypto.json.CanonicalJson;
import org.evote.crypto.json.JsonHashes;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.verify.BallotVerifier;
import org.evote.crypto.verify.ChallengedBallotCheck;
import org.evote.crypto.verify.VerificationResult;

/**
 * Everything the board checks about a kiosk submission that needs no lock (docs/api.md, "Acceptance rules"):
 * JSON and field validity, the election hash, the kiosk's registration and signature, every proof, hash and code
 * of the ballot, and for a challenged ballot that its disclosed seed re-creates it. Runs on the request's own
 * thread, so proof checking never holds the database write lock.
 */
public final class SubmissionChecker {
  private final ElectionConfig config;
  private final BallotVerifier verifier;
  private final ChallengedBallotCheck challengeCheck;
  private final Function<String, Optional<KioskState>> kiosks;

  /** What the checker needs to know about a kiosk. */
  public record KioskState(Ed25519.PublicKey publicKey, boolean revoked) {}

  public SubmissionChecker(ElectionConfig config, SecureRandom random,
      Function<String, Optional<KioskState>> kiosks) {
    this.config = config;
    this.verifier = new BallotVerifier(config, random);
    this.challengeCheck = new ChallengedBallotCheck(config);
    this.kiosks = kiosks;
  }

  /** Checks a request body of {@code kind} ({@link EntryKind#BALLOT_CAST} or {@link EntryKind#BALLOT_CHALLENGED}). */
  public VerifiedSubmission check(EntryKind kind, byte[] body) {
    JsonObject json;
    try {
      json = JsonText.parseObject(body);
    } catch (InvalidFieldException e) {
      throw Rejection.badRequest("malformed_json", e.getMessage(), e.field());
    }
    String electionHash;
    try {
      electionHash = org.evote.crypto.json.Fields.of(json).string("election_hash");
    } catch (InvalidFieldException e) {
      throw Rejection.badRequest("invalid_field", e.getMessage(), e.field());
    }
    if (!electionHash.equals(config.extendedHash().toHex())) {
      throw Rejection.badRequest("wrong_election", "election_hash does not match this board's election "
          + config.extendedHash().toHex(), "election_hash");
    }
    JsonObject payload = Json.createObjectBuilder(json).remove("election_hash").build();
    EntryPayload decoded;
    String payloadText;
    try {
      decoded = BoardJson.decodePayload(kind, payload);
      payloadText = CanonicalJson.write(payload);
    } catch (InvalidFieldException e) {
      throw Rejection.badRequest("invalid_field", e.getMessage(), e.field());
    }
    String requestId;
    EncryptedBallot ballot;
    Ed25519.Signature signature;
    if (decoded instanceof EntryPayload.BallotCast c) {
      requestId = c.requestId();
      ballot = c.ballot();
      signature = c.signature();
    } else if (decoded instanceof EntryPayload.BallotChallenged c) {
      requestId = c.requestId();
      ballot = c.ballot();
      signature = c.signature();
    } else {
      throw new IllegalArgumentException("not a ballot kind: " + kind);
    }
    KioskState kiosk = kiosks.apply(ballot.kioskId()).orElseThrow(() -> new Rejection(403, "unknown_kiosk",
        "kiosk " + ballot.kioskId() + " is not registered on this board", "payload.ballot.kiosk_id"));
    if (kiosk.revoked()) {
      throw new Rejection(403, "revoked_kiosk", "kiosk " + ballot.kioskId() + " has been revoked",
          "payload.ballot.kiosk_id");
    }
    if (!kiosk.publicKey().verifies(KioskSubmissions.message(config.extendedHash(), kind,
        BoardJson.unsignedPayloadText(payload)), signature)) {
      throw new Rejection(403, "bad_signature", "the signature is not kiosk " + ballot.kioskId()
          + "'s signature over this submission", "payload.signature");
    }
    VerificationResult r = verifier.verify(ballot);
    if (r instanceof VerificationResult.Invalid inv) {
      String code = inv.reason().startsWith("unknown ballot style") ? "unknown_style" : "invalid_ballot";
      throw Rejection.badRequest(code, inv.step().id() + " " + inv.object() + ": " + inv.reason(), "payload.ballot");
    }
    if (decoded instanceof EntryPayload.BallotChallenged c) {
      VerificationResult opened = challengeCheck.check(ballot, c.seed(), c.plaintext());
      if (opened instanceof VerificationResult.Invalid inv) {
        throw Rejection.badRequest("challenge_mismatch", inv.object() + ": " + inv.reason(), "payload.plaintext");
      }
    }
    List<String> alphas = new ArrayList<>();
    for (EncryptedContest c : ballot.contests()) {
      for (EncryptedSelection s : c.selections()) {
        alphas.add(s.ciphertext().alpha().toHex());
      }
    }
    return new VerifiedSubmission(kind, requestId, ballot, payloadText, JsonHashes.ofCanonical(payloadText), alphas);
  }
}
