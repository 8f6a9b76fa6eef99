package org.evote.crypto.json;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.hash.DomainTags;
import org.evote.crypto.hash.Hasher;

/** H(JSON_OBJECT; canonical JSON), the hash by which board entries refer to record files (protocol §2.5). */
public final class JsonHashes {
  private JsonHashes() {}

  public static Digest of(JsonObject object) {
    return ofCanonical(CanonicalJson.write(object));
  }

  /** The same hash for an object whose canonical text is already at hand. */
  public static Digest ofCanonical(String canonicalJson) {
    return Hasher.tagged(DomainTags.JSON_OBJECT).bytes(canonicalJson.getBytes(StandardCharsets.UTF_8)).digest();
  }

  /** H_JSON of the shares file object {"shares": [...]} (the tally_published entry's shares_hash, §9.1, V17). */
  public static Digest ofShares(java.util.List<jakarta.json.JsonObject> shares) {
    var array = JsonText.array();
    shares.forEach(array::add);
    return of(JsonText.object().add("shares", array).build());
  }
}
