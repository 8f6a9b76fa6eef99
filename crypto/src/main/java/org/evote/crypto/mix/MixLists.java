package org.evote.crypto.mix;

import java.util.List;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.hash.DomainTags;
import org.evote.crypto.hash.Hasher;

/** The hash of a list of rows (protocol §13.2), by which mix files and the count's lot name a list. */
public final class MixLists {
  private MixLists() {}

  /**
   * H(MIX_LIST; DIGEST H_E, STRING contest id, INTEGER N, INTEGER w, then for each row in order and each of its
   * ciphertexts in order ELEMENT α, ELEMENT β). The rows must all have width w; N ≥ 1.
   */
  public static Digest hash(Digest extendedHash, String contestId, List<MixRow> rows) {
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("a mixed list has at least one row");
    }
    int w = rows.get(0).width();
    for (MixRow r : rows) {
      if (r.width() != w) {
        throw new IllegalArgumentException("every row of a list has width " + w);
      }
    }
    Hasher h = Hasher.tagged(DomainTags.MIX_LIST).digest(extendedHash).string(contestId).integer(rows.size())
        .integer(w);
    ShuffleHashes.rows(h, rows);
    return h.digest();
  }
}
