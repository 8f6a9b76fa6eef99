package org.evote.crypto.mix;

import java.util.List;
import org.evote.crypto.elgamal.Ciphertext;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.hash.DomainTags;
import org.evote.crypto.hash.Hasher;
import org.evote.crypto.manifest.Ids;

/**
 * One mixed contest's list at one point of the cascade (protocol §13.5): the contest id and its N rows of width w,
 * N ≥ 0 (a contest no cast ballot had has the empty list, which is not shuffled).
 */
public record MixList(String contestId, List<MixRow> rows) {
  public MixList {
    if (!Ids.isValid(contestId)) {
      throw new IllegalArgumentException("invalid contest id");
    }
    rows = List.copyOf(rows);
    if (!rows.isEmpty()) {
      int w = rows.get(0).width();
      for (MixRow r : rows) {
        if (r.width() != w) {
          throw new IllegalArgumentException("every row of the list of " + contestId + " has width " + w);
        }
      }
    }
  }

  /** N. */
  public int size() {
    return rows.size();
  }

  /**
   * The list's hash (§13.5): H(MIX_LIST; DIGEST H_E, STRING contest id, INT N, INT w, then for each row i = 1 … N
   * and each ciphertext j = 1 … w of it, ELEMENT α_{i,j}, ELEMENT β_{i,j}) — {@link MixLists#hash} — and
   * H(MIX_LIST; DIGEST H_E, STRING contest id, INT 0, INT 0) for the empty list.
   */
  public Digest hash(Digest extendedHash) {
    if (!rows.isEmpty()) {
      return MixLists.hash(extendedHash, contestId, rows);
    }
    Hasher h = Hasher.tagged(DomainTags.MIX_LIST).digest(extendedHash).string(contestId).integer(rows.size())
        .integer(rows.isEmpty() ? 0 : rows.get(0).width());
    for (MixRow r : rows) {
      for (Ciphertext c : r.ciphertexts()) {
        h.element(c.alpha()).element(c.beta());
      }
    }
    return h.digest();
  }
}
