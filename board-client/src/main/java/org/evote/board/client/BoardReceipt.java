package org.evote.board.client;

import jakarta.json.JsonObject;
import java.util.Objects;
import java.util.Optional;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.board.InclusionProof;
import org.evote.crypto.board.SignedHead;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.BoardJson;
import org.evote.crypto.json.Fields;
import org.evote.crypto.note.SignedNote;

/**
 * A ballot's signed receipt (docs/api.md): where it is on the board and a signed head with the inclusion proof
 * from its entry to that head's Merkle root. The client only decodes it; a kiosk checks it with
 * {@link ReceiptCheck} (protocol §9.7) before it believes it.
 *
 * @param previousHash the hash of the entry before it (with the entry's payload, its hash can be recomputed)
 * @param json the receipt exactly as the board sent it (what a kiosk keeps)
 */
public record BoardReceipt(String ballotId, EntryKind kind, String confirmationCode, String trackingCode,
    long sequence, Digest entryHash, Digest previousHash, long timestamp, SignedHead signedHead,
    InclusionProof inclusionProof, JsonObject json) {
  public BoardReceipt {
    Objects.requireNonNull(ballotId, "ballotId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(confirmationCode, "confirmationCode");
    Objects.requireNonNull(trackingCode, "trackingCode");
    Objects.requireNonNull(entryHash, "entryHash");
    Objects.requireNonNull(previousHash, "previousHash");
    Objects.requireNonNull(signedHead, "signedHead");
    Objects.requireNonNull(inclusionProof, "inclusionProof");
    Objects.requireNonNull(json, "json");
  }

  /**
   * The board-signed C2SP checkpoint of {@link #signedHead} (protocol §9.8), parsed but not verified, if the board
   * sent one.
   */
  public Optional<SignedNote> checkpoint() {
    return note("checkpoint");
  }

  /**
   * The newest checkpoint covering the ballot that the board's witness quorum cosigned, with the inclusion proof to
   * its size (a receipt looked up after cosigning; parsed but not verified), if the board sent one.
   */
  public Optional<CosignedCheckpoint> cosignedCheckpoint() {
    return note("cosigned_checkpoint").map(n -> new CosignedCheckpoint(n,
        BoardJson.decodeInclusion(Fields.of(json).object("cosigned_inclusion_proof"))));
  }

  /** A witness-cosigned checkpoint and the inclusion proof from the receipt's entry to its root. */
  public record CosignedCheckpoint(SignedNote checkpoint, InclusionProof inclusionProof) {}

  private Optional<SignedNote> note(String member) {
    return json.containsKey(member) ? Optional.of(SignedNote.parse(Fields.of(json).string(member)))
        : Optional.empty();
  }

  static BoardReceipt decode(JsonObject json) {
    Fields f = Fields.of(json);
    EntryKind kind = EntryKind.fromWire(f.string("kind")).orElseThrow(() -> new IllegalArgumentException(
        "unknown entry kind " + f.string("kind")));
    return new BoardReceipt(f.string("ballot_id"), kind, f.string("confirmation_code"), f.string("tracking_code"),
        f.integer("sequence", 0, Long.MAX_VALUE), f.digest("entry_hash"), f.digest("previous_hash"),
        f.integer("timestamp", 0, Long.MAX_VALUE),
        BoardJson.decodeHead(f.object("signed_head")), BoardJson.decodeInclusion(f.object("inclusion_proof")),
        json);
  }
}
