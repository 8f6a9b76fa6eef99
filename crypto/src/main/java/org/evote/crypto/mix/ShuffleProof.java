package org.evote.crypto.mix;

import java.util.List;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.Scalar;

/**
 * A proof of shuffle (protocol §13.3) of N rows of width w: the permutation commitment c_1 … c_N, the commitment
 * chain ĉ_1 … ĉ_N (ĉ_0 = h), the prover's commitments t_1, t_2, t_3, t_{4,j} = (t_{4,j}^α, t_{4,j}^β) for
 * j = 1 … w and t̂_1 … t̂_N, and the responses s_1, s_2, s_3, s_{4,1} … s_{4,w}, ŝ_1 … ŝ_N and s'_1 … s'_N. The
 * commitments t are kept (not only the challenge) so that a verifier can check every equation as one random
 * linear combination (§13.4). JSON in {@code json/MixJson}.
 */
public record ShuffleProof(List<Element> permutationCommitments, List<Element> chain, Element t1, Element t2,
    Element t3, List<Element> t4Alpha, List<Element> t4Beta, List<Element> tHat, Scalar s1, Scalar s2, Scalar s3,
    List<Scalar> s4, List<Scalar> sHat, List<Scalar> sPrime) {
  public ShuffleProof {
    if (t1 == null || t2 == null || t3 == null || s1 == null || s2 == null || s3 == null) {
      throw new IllegalArgumentException("proof of shuffle fields must not be null");
    }
    permutationCommitments = List.copyOf(permutationCommitments);
    chain = List.copyOf(chain);
    t4Alpha = List.copyOf(t4Alpha);
    t4Beta = List.copyOf(t4Beta);
    tHat = List.copyOf(tHat);
    s4 = List.copyOf(s4);
    sHat = List.copyOf(sHat);
    sPrime = List.copyOf(sPrime);
    int n = permutationCommitments.size();
    if (n < 1 || chain.size() != n || tHat.size() != n || sHat.size() != n || sPrime.size() != n) {
      throw new IllegalArgumentException("a proof of shuffle has N ≥ 1 commitments, chain links, t̂, ŝ and s' each");
    }
    int w = t4Alpha.size();
    if (w < 1 || t4Beta.size() != w || s4.size() != w) {
      throw new IllegalArgumentException("a proof of shuffle has w ≥ 1 commitments t_4 (α and β) and responses s_4");
    }
  }

  /** N. */
  public int size() {
    return permutationCommitments.size();
  }

  /** w. */
  public int width() {
    return t4Alpha.size();
  }
}
