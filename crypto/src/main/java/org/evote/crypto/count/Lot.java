package org.evote.crypto.count;

import java.util.Arrays;
import java.util.List;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.hash.DomainTags;
import org.evote.crypto.hash.Hasher;

/**
 * The public lot of an instant-runoff count (protocol §13.6): deterministic from a seed every verifier computes from
 * the record, so every recount draws the same lots. No randomness is involved after the seed, and the seed is fixed
 * by the final mixed list, which no one controls once the last mixer published it.
 */
public final class Lot {
  private Lot() {}

  /**
   * The contest's lot seed: {@code H(COUNT_LOT; DIGEST H_E, STRING contest id, DIGEST h_final)} with {@code h_final}
   * the MIX_LIST hash of the contest's final mixed list (§13.6).
   */
  public static Digest seed(Digest electionHash, String contestId, Digest finalListHash) {
    return Hasher.tagged(DomainTags.COUNT_LOT).digest(electionHash).string(contestId).digest(finalListHash)
        .digest();
  }

  /**
   * A candidate's ticket in round {@code round}: {@code H(COUNT_LOT; DIGEST lotSeed, INTEGER round, STRING
   * selection id)}.
   */
  public static Digest ticket(Digest lotSeed, int round, String selectionId) {
    return Hasher.tagged(DomainTags.COUNT_LOT).digest(lotSeed).integer(round).string(selectionId).digest();
  }

  /**
   * The candidate the lot defeats among {@code tied} (selection ids, in manifest order) in round {@code round}: the
   * one whose ticket, read as a 256-bit unsigned big-endian number, is smallest (on equal tickets, the earlier in
   * {@code tied}).
   */
  public static String defeated(Digest lotSeed, int round, List<String> tied) {
    if (tied.size() < 2) {
      throw new IllegalArgumentException("a lot is drawn among 2 or more candidates");
    }
    String best = null;
    byte[] lowest = null;
    for (String id : tied) {
      byte[] t = ticket(lotSeed, round, id).toBytes();
      if (lowest == null || Arrays.compareUnsigned(t, lowest) < 0) {
        lowest = t;
        best = id;
      }
    }
    return best;
  }
}
