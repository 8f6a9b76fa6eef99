package org.evote.crypto.proof;

import java.util.List;
import org.evote.crypto.elgamal.Ciphertext;
import org.evote.crypto.elgamal.ElectionPublicKey;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.hash.DomainTags;
import org.evote.crypto.hash.Hasher;

/**
 * What a range proof is about (protocol §4.1, §4.2): the ciphertext (α, β) encrypts an integer in 0..bound under K,
 * in the election with extended hash H_E, at the position named by {@code ids} (ballot id, contest id and, for a
 * selection, selection id). All of it enters the challenge, so a proof cannot be moved to another election, ballot,
 * contest, selection, key or bound.
 */
public record RangeStatement(String tag, Digest extendedHash, ElectionPublicKey key, List<String> ids,
    Ciphertext ciphertext, int bound, List<Ciphertext> parts) {
  public RangeStatement {
    parts = List.copyOf(parts);
    if (!tag.equals(DomainTags.PROOF_SELECTION_RANGE) && !tag.equals(DomainTags.PROOF_CONTEST_RANGE)
        && !tag.equals(DomainTags.PROOF_RANK_RANGE)) {
      throw new IllegalArgumentException("not a range-proof tag: " + tag);
    }
    if (bound < 1) {
      throw new IllegalArgumentException("bound must be at least 1");
    }
    ids = List.copyOf(ids);
  }

  /** The statement for one selection: Enc(m) with m ∈ {0, …, R}. */
  public static RangeStatement selection(Digest extendedHash, ElectionPublicKey key, String ballotId,
      String contestId, String selectionId, Ciphertext ciphertext, int limit) {
    return new RangeStatement(DomainTags.PROOF_SELECTION_RANGE, extendedHash, key,
        List.of(ballotId, contestId, selectionId), ciphertext, limit, List.of());
  }

  /**
   * The statement for rank {@code rank} (1 … L) of a ranked contest (§4.6): Enc(m) with m ∈ {0, …, n}, n the
   * contest's number of selections; the ids are ballot id, contest id and the rank in decimal.
   */
  public static RangeStatement rank(Digest extendedHash, ElectionPublicKey key, String ballotId, String contestId,
      int rank, Ciphertext ciphertext, int selections) {
    return new RangeStatement(DomainTags.PROOF_RANK_RANGE, extendedHash, key,
        List.of(ballotId, contestId, Integer.toString(rank)), ciphertext, selections, List.of());
  }

  /** The statement for a contest: the sum of its selection ciphertexts encrypts a value in {0, …, L}. */
  public static RangeStatement contest(Digest extendedHash, ElectionPublicKey key, String ballotId,
      String contestId, Ciphertext sum, int votesAllowed) {
    return new RangeStatement(DomainTags.PROOF_CONTEST_RANGE, extendedHash, key, List.of(ballotId, contestId), sum,
        votesAllowed, List.of());
  }

  /**
   * The contest statement for the sum of {@code selections}. Verification equations then carry the terms on the
   * sum's α and β over to the selections' own α and β (the same value, since the sum is their sum), so a batch
   * needs no multi-scalar terms for the sums.
   */
  public static RangeStatement contestOf(Digest extendedHash, ElectionPublicKey key, String ballotId,
      String contestId, List<Ciphertext> selections, int votesAllowed) {
    return new RangeStatement(DomainTags.PROOF_CONTEST_RANGE, extendedHash, key, List.of(ballotId, contestId),
        Ciphertext.sum(selections), votesAllowed, selections);
  }

  /**
   * The challenge's prefix: H(tag; H_E, K, |ids|, ids…, R, α, β; the prover and verifier then add R + 1 and the
   * commitments a_0, b_0, …, a_R, b_R) mod q.
   */
  Hasher challengeHasher() {
    Hasher h = Hasher.tagged(tag).digest(extendedHash).element(key.element()).integer(ids.size());
    for (String id : ids) {
      h.string(id);
    }
    return h.integer(bound).element(ciphertext.alpha()).element(ciphertext.beta());
  }
}
