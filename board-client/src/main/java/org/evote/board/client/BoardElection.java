package org.evote.board.client;

import jakarta.json.JsonObject;
import java.util.Objects;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.verify.ElectionChecks;

/**
 * What {@code GET /api/election} serves: the election (decoded and checked, so its extended hash H_E is
 * recomputed, not taken from the board) and the key the board signs its heads with.
 */
public record BoardElection(ElectionConfig config, Ed25519.PublicKey boardPublicKey) {
  public BoardElection {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(boardPublicKey, "boardPublicKey");
  }

  static BoardElection decode(JsonObject json) {
    ElectionConfig config = ElectionChecks.accept(json.getJsonObject("election"));
    if (!config.extendedHash().toHex().equals(json.getString("extended_hash"))) {
      throw new IllegalArgumentException("the extended hash the board states is not its election's");
    }
    return new BoardElection(config, new Ed25519.PublicKey(json.getString("board_public_key")));
  }
}
