package org.evote.crypto.verify;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.board.SignedHead;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.BoardJson;
import org.evote.crypto.json.Fields;

/**
 * V6, after the pass over the entries: every signed head decodes, is signed by the board key of entry 0, and
 * matches the hash and Merkle root of the entries it covers, recomputed from their contents ({@link ChainCheck}).
 */
final class HeadsCheck {
  private HeadsCheck() {}

  static void run(List<JsonObject> heads, Optional<Ed25519.PublicKey> boardKey, Digest extendedHash,
      ChainCheck chain, VerificationReport.Recorder v6) {
    if (boardKey.isEmpty()) {
      v6.fail("board", "no board key: entry 0 does not publish the election");
      return;
    }
    if (heads.isEmpty()) {
      v6.fail("board", "no signed head covers the board");
    }
    long largest = 0;
    for (int i = 0; i < heads.size(); i++) {
      String object = "signed head " + i;
      v6.checked(1);
      SignedHead h;
      try {
        h = BoardJson.decodeHead(Fields.of(heads.get(i), "signed_heads[" + i + "]"));
      } catch (InvalidFieldException ex) {
        v6.fail(object, ex.getMessage());
        continue;
      }
      if (h.size() > chain.size()) {
        v6.fail(object, "covers " + h.size() + " entries but the board has " + chain.size());
        continue;
      }
      if (!h.signatureValid(extendedHash, boardKey.get())) {
        v6.fail(object, "signature by the board key does not verify");
      }
      if (!h.headHash().equals(chain.recomputedHash(h.size() - 1))) {
        v6.fail(object, "head hash is not the hash of entry " + (h.size() - 1));
      }
      if (!h.merkleRoot().equals(chain.root(h.size()))) {
        v6.fail(object, "Merkle root does not match the first " + h.size() + " entries");
      }
      largest = Math.max(largest, h.size());
    }
    if (largest > 0 && largest < chain.size()) {
      v6.note("the latest signed head covers " + largest + " of " + chain.size() + " entries");
    }
  }
}
