package org.evote.board.client;

import jakarta.json.JsonObject;
import java.util.Objects;
import org.evote.crypto.board.InclusionProof;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.BoardJson;
import org.evote.crypto.json.Fields;
import org.evote.crypto.json.JsonText;

/** An inclusion proof as {@code GET /api/board/proof/inclusion} serves it: with the hash of the entry it proves. */
public record EntryInclusion(InclusionProof proof, Digest entryHash) {
  public EntryInclusion {
    Objects.requireNonNull(proof, "proof");
    Objects.requireNonNull(entryHash, "entryHash");
  }

  static EntryInclusion decode(JsonObject json) {
    Digest entryHash = Fields.of(json).digest("entry_hash");
    return new EntryInclusion(BoardJson.decodeInclusion(Fields.of(JsonText.object(json).remove("entry_hash")
        .build())), entryHash);
  }
}
