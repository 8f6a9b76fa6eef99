package org.evote.crypto.json;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.board.EntryPayload;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.manifest.Ids;

/**
 * A kiosk submission as it goes on the wire (docs/api.md, "Kiosk submissions"; protocol §9.5): {@code body} is the
 * canonical JSON (§2.5) of the entry payload without its {@code "signature"} member — exactly the bytes the kiosk
 * signed — and the kiosk's id, its signature and the election hash travel beside it (in HTTP headers). The board
 * entry's payload is the body's object plus {@code "signature"} ({@link #entryPayload}).
 *
 * <p>A kiosk keeps a submission in its store as the entry payload plus {@code "election_hash"} ({@link #stored});
 * {@link #fromStored} reads that back, so the very same body and signature are sent on every retry.
 */
public record SignedSubmission(Digest electionHash, EntryKind kind, String kioskId, String body,
    Ed25519.Signature signature) {
  public SignedSubmission {
    if (electionHash == null || kind == null || kioskId == null || body == null || signature == null) {
      throw new IllegalArgumentException("a signed submission is complete");
    }
    if (kind != EntryKind.BALLOT_CAST && kind != EntryKind.BALLOT_CHALLENGED) {
      throw new IllegalArgumentException("kiosks submit only cast and challenged ballots, not " + kind);
    }
    if (!Ids.isValid(kioskId)) {
      throw new IllegalArgumentException("not a kiosk id: " + kioskId);
    }
  }

  /** The submission of a signed ballot payload ({@link Submissions#cast}, {@link Submissions#challenged}). */
  public static SignedSubmission of(Digest electionHash, EntryPayload payload) {
    if (payload instanceof EntryPayload.BallotCast c) {
      return new SignedSubmission(electionHash, EntryKind.BALLOT_CAST, c.ballot().kioskId(),
          BoardJson.unsignedPayloadText(BoardJson.encodePayload(c)), c.signature());
    }
    if (payload instanceof EntryPayload.BallotChallenged c) {
      return new SignedSubmission(electionHash, EntryKind.BALLOT_CHALLENGED, c.ballot().kioskId(),
          BoardJson.unsignedPayloadText(BoardJson.encodePayload(c)), c.signature());
    }
    throw new IllegalArgumentException("not a ballot payload: " + payload.kind());
  }

  /**
   * Reads a submission a kiosk stored ({@link #stored}): the entry payload with {@code "signature"}, plus
   * {@code "election_hash"}.
   *
   * @throws InvalidFieldException if {@code stored} is not one
   */
  public static SignedSubmission fromStored(EntryKind kind, String stored) {
    JsonObject o = JsonText.parseObject(stored);
    Fields f = Fields.of(o);
    Digest he = f.digest("election_hash");
    Ed25519.Signature signature;
    try {
      signature = new Ed25519.Signature(f.string("signature"));
    } catch (InvalidFieldException e) {
      throw new InvalidFieldException("signature", e.reason());
    }
    String kioskId = f.object("ballot").id("kiosk_id");
    JsonObject unsigned = JsonText.object(o).remove("election_hash").remove("signature").build();
    return new SignedSubmission(he, kind, kioskId, CanonicalJson.write(unsigned), signature);
  }

  /** The request body's bytes (UTF-8). */
  public byte[] bodyBytes() {
    return body.getBytes(StandardCharsets.UTF_8);
  }

  /** The board entry's payload: the body's members plus {@code "signature"} (protocol §9.1). */
  public JsonObject entryPayload() {
    return JsonText.object(JsonText.parseObject(body)).add("signature", signature.hex()).build();
  }

  /** The entry payload in canonical form: what the entry hash covers (protocol §9.2). */
  public String canonicalEntryPayload() {
    return CanonicalJson.write(entryPayload());
  }

  /** What a kiosk keeps in its store: the entry payload plus {@code "election_hash"} (read by {@link #fromStored}). */
  public String stored() {
    return JsonText.object(entryPayload()).add("election_hash", electionHash.toHex()).build().toString();
  }
}
