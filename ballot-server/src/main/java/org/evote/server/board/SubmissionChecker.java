package org.evote.server.board;

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
  private final java.util.function.BiFunction<String, String, Optional<org.evote.server.store.BallotRow>> prior;

  /** What the checker needs to know about a kiosk. */
  public record KioskState(Ed25519.PublicKey publicKey, boolean revoked) {}

  /** Thrown for an exact retry of a submission already on the board: answer with its original receipt. */
  public static final class AlreadyOnBoard extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient org.evote.server.store.BallotRow row;

    AlreadyOnBoard(org.evote.server.store.BallotRow row) {
      super("already on the board", null, false, false);
      this.row = row;
    }

    public org.evote.server.store.BallotRow row() {
      return row;
    }
  }

  /** A checker against a board's registered kiosks and accepted requests. */
  public SubmissionChecker(ElectionConfig config, SecureRandom random, BoardService board) {
    this(config, random, board::kiosk, board::priorSubmission);
  }

  /**
   * @param kiosks the registration of a kiosk id
   * @param prior the stored ballot row for (kiosk id, request id), if that request was already accepted
   */
  public SubmissionChecker(ElectionConfig config, SecureRandom random,
      Function<String, Optional<KioskState>> kiosks,
      java.util.function.BiFunction<String, String, Optional<org.evote.server.store.BallotRow>> prior) {
    this.config = config;
    this.verifier = new BallotVerifier(config, random);
    this.challengeCheck = new ChallengedBallotCheck(config);
    this.kiosks = kiosks;
    this.prior = prior;
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
    JsonObject payload = JsonText.object(json).remove("election_hash").build();
    // Cheap checks first, on the raw JSON: an exact retry, the kiosk, its signature. Only a submission signed by
    // a registered kiosk gets its points decoded and its proofs checked.
    String payloadText;
    String kioskId;
    String requestId;
    String unsigned;
    Ed25519.Signature signature;
    try {
      org.evote.crypto.json.Fields f = org.evote.crypto.json.Fields.of(payload, "payload");
      requestId = f.id("request_id");
      kioskId = f.object("ballot").id("kiosk_id");
      signature = new Ed25519.Signature(f.string("signature"));
      payloadText = CanonicalJson.write(payload);
      unsigned = BoardJson.unsignedPayloadText(payload);
    } catch (InvalidFieldException e) {
      throw Rejection.badRequest("invalid_field", e.getMessage(), e.field());
    }
    org.evote.crypto.hash.Digest submissionHash = JsonHashes.ofCanonical(payloadText);
    Optional<org.evote.server.store.BallotRow> earlier = prior.apply(kioskId, requestId);
    if (earlier.isPresent() && earlier.get().submissionHash().equals(submissionHash.toHex())) {
      throw new AlreadyOnBoard(earlier.get());
    }
    KioskState kiosk = kiosks.apply(kioskId).orElseThrow(() -> new Rejection(403, "unknown_kiosk",
        "kiosk " + kioskId + " is not registered on this board", "payload.ballot.kiosk_id"));
    if (kiosk.revoked()) {
      throw new Rejection(403, "revoked_kiosk", "kiosk " + kioskId + " has been revoked", "payload.ballot.kiosk_id");
    }
    if (!kiosk.publicKey().verifies(KioskSubmissions.message(config.extendedHash(), kind, unsigned), signature)) {
      throw new Rejection(403, "bad_signature", "the signature is not kiosk " + kioskId
          + "'s signature over this submission", "payload.signature");
    }
    if (earlier.isPresent()) {
      throw Rejection.conflict("request_id_reused", "request id " + requestId + " of kiosk " + kioskId
          + " was already used for a different submission");
    }
    EntryPayload decoded;
    try {
      decoded = BoardJson.decodePayload(kind, payload);
    } catch (InvalidFieldException e) {
      throw Rejection.badRequest("invalid_field", e.getMessage(), e.field());
    }
    EncryptedBallot ballot;
    if (decoded instanceof EntryPayload.BallotCast c) {
      ballot = c.ballot();
    } else if (decoded instanceof EntryPayload.BallotChallenged c) {
      ballot = c.ballot();
    } else {
      throw new IllegalArgumentException("not a ballot kind: " + kind);
    }
    List<String> alphas = new ArrayList<>();
    java.util.Set<String> distinct = new java.util.HashSet<>();
    for (EncryptedContest c : ballot.contests()) {
      for (EncryptedSelection s : c.selections()) {
        String alpha = s.ciphertext().alpha().toHex();
        if (!distinct.add(alpha)) {
          throw Rejection.conflict("duplicate_ciphertext", "ballot " + ballot.ballotId()
              + " repeats a ciphertext (a reused nonce)");
        }
        alphas.add(alpha);
      }
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
    return new VerifiedSubmission(kind, requestId, ballot, payloadText, submissionHash, alphas);
  }
}
