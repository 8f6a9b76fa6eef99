package org.evote.crypto.proof;

import java.util.Optional;
import org.evote.crypto.elgamal.Ciphertext;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.Scalar;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.hash.DomainTags;
import org.evote.crypto.hash.Hasher;

/**
 * Chaum–Pedersen proof that a guardian's partial decryption M_ℓ = s_ℓ·A uses the same s_ℓ as its verification key
 * V_ℓ = s_ℓ·G (protocol §4.4): commitments a = u·G, b = u·A, challenge
 * c = H(tag; H_E, K, ℓ, V_ℓ, contest id, selection id, A, B, M_ℓ, a, b), response v = u + c·s_ℓ; valid when
 * v·G = a + c·V_ℓ and v·A = b + c·M_ℓ.
 */
public record DecryptionProof(Element a, Element b, Scalar response) {
  public DecryptionProof {
    if (a == null || b == null || response == null) {
      throw new IllegalArgumentException("decryption proof fields must not be null");
    }
  }

  /** The public statement of one partial decryption. */
  public record Statement(Digest extendedHash, Element jointKey, int guardian, Element verificationKey,
      String contestId, String selectionId, Ciphertext ciphertext, Element partial) {
    Scalar challenge(Element a, Element b) {
      return Hasher.tagged(DomainTags.PROOF_DECRYPTION).digest(extendedHash).element(jointKey).integer(guardian)
          .element(verificationKey).string(contestId).string(selectionId).element(ciphertext.alpha())
          .element(ciphertext.beta()).element(partial).element(a).element(b).toScalar();
    }
  }

  /** Proves the statement for share s_ℓ with nonce u. */
  public static DecryptionProof prove(Statement st, Scalar share, Scalar u) {
    Element a = Element.gPow(u);
    Element b = st.ciphertext().alpha().multiply(u);
    Scalar c = st.challenge(a, b);
    return new DecryptionProof(a, b, u.add(c.multiply(share)));
  }

  /** Checks the proof, handing its two equations to {@code checker}. */
  public Optional<String> verify(Statement st, EquationChecker checker) {
    if (a.isIdentity()) {
      return Optional.of("decryption proof commitment a is the identity");
    }
    Scalar negC = st.challenge(a, b).negate();
    checker.require(new Equation().g(response).minus(a).term(negC, st.verificationKey()));
    checker.require(new Equation().term(response, st.ciphertext().alpha()).minus(b).term(negC, st.partial()));
    return Optional.empty();
  }
}
