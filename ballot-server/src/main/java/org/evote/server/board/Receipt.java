package org.evote.server.board;

import jakarta.json.JsonObject;
import org.evote.crypto.board.InclusionProof;
import org.evote.crypto.board.SignedHead;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.BoardJson;
import org.evote.crypto.json.JsonText;

/**
 * A signed receipt for a ballot on the board (docs/api.md): its confirmation and tracking codes, where it is
 * (sequence number, entry hash, time, the previous entry's hash — with the kiosk's own submission, what the entry
 * hash is recomputed from, protocol §9.2 and §9.7), and a signed head covering it with the inclusion proof from the entry to
 * that head's Merkle root. Given only after the entry and the head are durable on disk.
 */
public record Receipt(String ballotId, String kind, String confirmationCode, String trackingCode, long sequence,
    Digest entryHash, Digest previousHash, long timestamp, SignedHead signedHead, InclusionProof inclusionProof) {

  public JsonObject toJson() {
    return JsonText.object().add("ballot_id", ballotId).add("kind", kind)
        .add("confirmation_code", confirmationCode).add("tracking_code", trackingCode).add("sequence", sequence)
        .add("entry_hash", entryHash.toHex()).add("previous_hash", previousHash.toHex()).add("timestamp", timestamp)
        .add("signed_head", BoardJson.encode(signedHead)).add("inclusion_proof", BoardJson.encode(inclusionProof))
        .build();
  }
}
