package org.evote.board.client;

import jakarta.json.JsonObject;
import java.util.Objects;
import org.evote.crypto.board.BoardOrigin;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.note.VerifierKey;
import org.evote.crypto.verify.ElectionChecks;

/**
 * What {@code GET /api/election} serves: the election (decoded and checked, so its extended hash H_E is
 * recomputed, not taken from the board), the key the board signs its heads with, and its checkpoint key
 * (protocol §9.8), checked to name this election.
 */
public record BoardElection(ElectionConfig config, Ed25519.PublicKey boardPublicKey, VerifierKey checkpointKey) {
  public BoardElection {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(boardPublicKey, "boardPublicKey");
    BoardOrigin.ofCheckpointKey(checkpointKey, config.extendedHash(), "checkpoint_key");
  }

  static BoardElection decode(JsonObject json) {
    ElectionConfig config = ElectionChecks.accept(json.getJsonObject("election"));
    if (!config.extendedHash().toHex().equals(json.getString("extended_hash"))) {
      throw new IllegalArgumentException("the extended hash the board states is not its election's");
    }
    return new BoardElection(config, new Ed25519.PublicKey(json.getString("board_public_key")),
        VerifierKey.parse(json.getString("checkpoint_key"), "checkpoint_key"));
  }
}
