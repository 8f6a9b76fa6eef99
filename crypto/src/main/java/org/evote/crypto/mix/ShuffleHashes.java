package org.evote.crypto.mix;

import java.util.List;
import org.evote.crypto.elgamal.Ciphertext;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.Scalar;
import org.evote.crypto.hash.DomainTags;
import org.evote.crypto.hash.Hasher;

/**
 * The two Fiat–Shamir hashes of a proof of shuffle (protocol §13.3), each over the whole statement: the challenges
 * u_1 … u_N and the challenge c. The only code that computes them, for prover and verifier alike.
 */
final class ShuffleHashes {
  private ShuffleHashes() {}

  /** The statement's items, in the order of §13.3: H_E, K, contest id, p, ℓ, N, w, the input list, the output list. */
  static Hasher statement(Hasher h, ShuffleStatement st) {
    h.digest(st.extendedHash()).element(st.jointKey().element()).string(st.contestId())
        .integer(st.position()).integer(st.mixer()).integer(st.size()).integer(st.width());
    rows(h, st.input());
    rows(h, st.output());
    return h;
  }

  /** For each row in order, for each ciphertext in order: ELEMENT α, ELEMENT β. */
  static void rows(Hasher h, List<MixRow> rows) {
    for (MixRow r : rows) {
      for (Ciphertext c : r.ciphertexts()) {
        h.element(c.alpha()).element(c.beta());
      }
    }
  }

  /**
   * u_i = H_q(PROOF_SHUFFLE_CHALLENGES; statement, c_1 … c_N, INTEGER i) for i = 1 … N, returned 0-based
   * ({@code u[i − 1]}).
   */
  static Scalar[] challenges(ShuffleStatement st, List<Element> commitments) {
    Hasher prefix = statement(Hasher.tagged(DomainTags.PROOF_SHUFFLE_CHALLENGES), st);
    for (Element c : commitments) {
      prefix.element(c);
    }
    Scalar[] u = new Scalar[commitments.size()];
    for (int i = 0; i < u.length; i++) {
      u[i] = prefix.copy().integer(i + 1).toScalar();
    }
    return u;
  }

  /**
   * c = H_q(PROOF_SHUFFLE; statement, c_1 … c_N, ĉ_1 … ĉ_N, t_1, t_2, t_3, t_{4,1}^α, t_{4,1}^β, …,
   * t_{4,w}^α, t_{4,w}^β, t̂_1 … t̂_N).
   */
  static Scalar challenge(ShuffleStatement st, List<Element> commitments, List<Element> chain, Element t1,
      Element t2, Element t3, List<Element> t4Alpha, List<Element> t4Beta, List<Element> tHat) {
    Hasher h = statement(Hasher.tagged(DomainTags.PROOF_SHUFFLE), st);
    commitments.forEach(h::element);
    chain.forEach(h::element);
    h.element(t1).element(t2).element(t3);
    for (int j = 0; j < t4Alpha.size(); j++) {
      h.element(t4Alpha.get(j)).element(t4Beta.get(j));
    }
    tHat.forEach(h::element);
    return h.toScalar();
  }
}
