package org.evote.server.board;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.evote.board.client.ApiPaths;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.board.BoardState;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.board.KioskSubmissions;
import org.evote.crypto.board.Rule;
import org.evote.crypto.group.Hex;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.CanonicalJson;
import org.evote.crypto.json.Fields;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.manifest.Ids;

/**
 * The front of the submission check (docs/api.md, "Acceptance rules"): everything the board does with a request
 * before it trusts that a registered kiosk sent it, each step linear in the body's length. In order: the headers'
 * form and the election ({@code wrong_election}), the kiosk (registered; revoked), the Ed25519 signature over the
 * body's raw bytes for the endpoint's kind (protocol §9.5) — and only then is the body parsed (bounded depth and
 * numbers), required to be exactly its own canonical JSON (§2.5, {@code not_canonical}), and its ballot's kiosk
 * required to be the signing kiosk. Nothing here decodes a point or canonicalises unauthenticated input.
 */
final class SubmissionAuthenticator {
  private final Digest extendedHash;
  private final BoardService board;
  private final int maxBodyBytes;

  SubmissionAuthenticator(Digest extendedHash, BoardService board, int maxBodyBytes) {
    this.extendedHash = extendedHash;
    this.board = board;
    this.maxBodyBytes = maxBodyBytes;
  }

  Authenticated authenticate(SubmissionRequest r) {
    String election = header(r.electionHeader(), ApiPaths.ELECTION_HEADER);
    if (election.length() != 64 || !Hex.isLowercaseHex(election)) {
      throw new Refusal(Refusal.Invalid.INVALID_FIELD, ApiPaths.ELECTION_HEADER + ": must be 64 lowercase hex "
          + "characters (the election's extended hash H_E)", ApiPaths.ELECTION_HEADER);
    }
    if (!election.equals(extendedHash.toHex())) {
      throw new Refusal(Refusal.Invalid.WRONG_ELECTION, ApiPaths.ELECTION_HEADER + " does not match this board's "
          + "election " + extendedHash.toHex(), ApiPaths.ELECTION_HEADER);
    }
    String kioskId = header(r.kioskHeader(), ApiPaths.KIOSK_HEADER);
    if (!Ids.isValid(kioskId)) {
      throw new Refusal(Refusal.Invalid.INVALID_FIELD, ApiPaths.KIOSK_HEADER + ": not a kiosk id (1 to 256 "
          + "characters in 0x21-0x7E)", ApiPaths.KIOSK_HEADER);
    }
    Ed25519.Signature signature;
    try {
      signature = new Ed25519.Signature(header(r.signatureHeader(), ApiPaths.SIGNATURE_HEADER));
    } catch (InvalidFieldException e) {
      throw new Refusal(Refusal.Invalid.INVALID_FIELD, ApiPaths.SIGNATURE_HEADER + ": " + e.reason(),
          ApiPaths.SIGNATURE_HEADER);
    }
    Optional<BoardState.Kiosk> kiosk = board.state().kiosk(kioskId);
    if (kiosk.isEmpty()) {
      throw new Refusal(new Refusal.BrokenRule(Rule.BALLOT_KIOSK_REGISTERED), "kiosk " + kioskId
          + " is not registered on this board", ApiPaths.KIOSK_HEADER);
    }
    boolean revoked = kiosk.get().revoked();
    if (!kiosk.get().publicKey().verifies(KioskSubmissions.message(extendedHash, r.kind(), r.body()), signature)) {
      if (revoked) {
        throw new Refusal(new Refusal.BrokenRule(Rule.BALLOT_KIOSK_NOT_REVOKED), "kiosk " + kioskId
            + " has been revoked", ApiPaths.KIOSK_HEADER);
      }
      throw new Refusal(new Refusal.BrokenRule(Rule.BALLOT_SIGNED_BY_KIOSK), "the signature is not kiosk "
          + kioskId + "'s signature over this body as a " + r.kind().wireName() + " submission",
          ApiPaths.SIGNATURE_HEADER);
    }
    // Authenticated: a registered kiosk sent exactly these bytes to this endpoint. Now, and only now, parse.
    JsonObject unsigned;
    try {
      unsigned = JsonText.parseUntrusted(r.body(), maxBodyBytes);
    } catch (InvalidFieldException e) {
      throw new Refusal(Refusal.Invalid.MALFORMED_JSON, e.getMessage(), e.field());
    }
    String canonical;
    try {
      canonical = CanonicalJson.write(unsigned);
    } catch (InvalidFieldException e) {
      throw new Refusal(Refusal.Invalid.INVALID_FIELD, e.getMessage(), e.field());
    }
    byte[] canonicalBytes = canonical.getBytes(StandardCharsets.UTF_8);
    int at = java.util.Arrays.mismatch(canonicalBytes, r.body());
    if (at >= 0) {
      throw new Refusal(Refusal.Invalid.NOT_CANONICAL, "the body is not its own canonical JSON (protocol §2.5: "
          + "no white space, members sorted, minimal escapes, integers spelled plainly): it differs from its "
          + "canonical form at byte " + at + " of " + r.body().length);
    }
    if (unsigned.containsKey("signature")) {
      throw new Refusal(Refusal.Invalid.INVALID_FIELD, "payload.signature: the signature goes in the "
          + ApiPaths.SIGNATURE_HEADER + " header, not in the body", "payload.signature");
    }
    String ballotKiosk;
    try {
      ballotKiosk = Fields.of(unsigned, "payload").object("ballot").id("kiosk_id");
    } catch (InvalidFieldException e) {
      throw new Refusal(Refusal.Invalid.INVALID_FIELD, e.getMessage(), e.field());
    }
    if (!ballotKiosk.equals(kioskId)) {
      throw new Refusal(new Refusal.BrokenRule(Rule.BALLOT_SIGNED_BY_KIOSK), "the ballot is kiosk " + ballotKiosk
          + "'s, but the submission is signed by kiosk " + kioskId, "payload.ballot.kiosk_id");
    }
    return new Authenticated(r.kind(), kioskId, revoked, unsigned, signature);
  }

  private static String header(String value, String name) {
    if (value == null || value.isEmpty()) {
      throw new Refusal(Refusal.Invalid.INVALID_FIELD, name + ": the header is missing", name);
    }
    return value;
  }
}
