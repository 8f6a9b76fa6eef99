package org.evote.server.board;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Optional;
import org.evote.crypto.board.InclusionProof;
import org.evote.crypto.board.SignedHead;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.BoardJson;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.note.SignedNote;

/**
 * A signed receipt for a ballot on the board (docs/api.md): its confirmation and tracking codes, where it is
 * (sequence number, entry hash, time, the previous entry's hash — with the kiosk's own submission, what the entry
 * hash is recomputed from, protocol §9.2 and §9.7), and a signed head covering it with the inclusion proof from the entry to
 * that head's Merkle root, the board-signed C2SP checkpoint of that head (§9.8) and, on a later look-up, the newest
 * checkpoint covering it that the witness quorum cosigned. Given only after the entry, the head and the checkpoint
 * file are durable on disk.
 */
public record Receipt(String ballotId, String kind, String confirmationCode, String trackingCode, long sequence,
    Digest entryHash, Digest previousHash, long timestamp, SignedHead signedHead, InclusionProof inclusionProof,
    SignedNote checkpoint, Optional<Cosigned> cosigned) {

  /**
   * The newest checkpoint covering the ballot that the witness quorum cosigned (§9.8), and the inclusion proof from
   * the entry to its root.
   */
  public record Cosigned(SignedNote checkpoint, InclusionProof inclusionProof) {}

  /** The same receipt carrying {@code c}. */
  public Receipt withCosigned(Cosigned c) {
    return new Receipt(ballotId, kind, confirmationCode, trackingCode, sequence, entryHash, previousHash, timestamp,
        signedHead, inclusionProof, checkpoint, Optional.of(c));
  }

  public JsonObject toJson() {
    JsonObjectBuilder b = JsonText.object().add("ballot_id", ballotId).add("kind", kind)
        .add("confirmation_code", confirmationCode).add("tracking_code", trackingCode).add("sequence", sequence)
        .add("entry_hash", entryHash.toHex()).add("previous_hash", previousHash.toHex()).add("timestamp", timestamp)
        .add("signed_head", BoardJson.encode(signedHead)).add("inclusion_proof", BoardJson.encode(inclusionProof))
        .add("checkpoint", checkpoint.format());
    cosigned.ifPresent(c -> b.add("cosigned_checkpoint", c.checkpoint().format())
        .add("cosigned_inclusion_proof", BoardJson.encode(c.inclusionProof())));
    return b.build();
  }
}
