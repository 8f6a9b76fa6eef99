package org.evote.crypto.proof;

import java.security.SecureRandom;
import org.evote.crypto.elgamal.Ciphertext;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.Scalar;
import org.evote.crypto.group.SecretScalar;
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
  static final String EQUATIONS_FAIL = "the Chaum–Pedersen proof of the partial decryption does not hold";

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

  /** Proves the statement for share s_ℓ, with a fresh nonce u from {@code random}. */
  public static DecryptionProof prove(Statement st, SecretScalar share, SecureRandom random) {
    return prove(st, share, SecretScalar.random(random));
  }

  /** As the public prover, with nonce u given (known-answer tests). */
  static DecryptionProof prove(Statement st, SecretScalar share, SecretScalar u) {
    Element a = Element.gPow(u);
    Element b = st.ciphertext().alpha().multiply(u);
    Scalar c = st.challenge(a, b);
    return new DecryptionProof(a, b, u.add(share.multiply(c)).revealSecret());
  }

  /** Checks the proof against its statement. */
  public ProofCheck verify(Statement st) {
    EquationChecker direct = EquationChecker.direct();
    ProofCheck pre = require(st, direct);
    if (!pre.isValid()) {
      return pre;
    }
    return direct.holds() ? ProofCheck.VALID : ProofCheck.invalid(EQUATIONS_FAIL);
  }

  /** Runs the checks that need no point arithmetic, then hands the two equations to {@code checker}. */
  ProofCheck require(Statement st, EquationChecker checker) {
    if (a.isIdentity()) {
      return ProofCheck.invalid("decryption proof commitment a is the identity");
    }
    Scalar negC = st.challenge(a, b).negate();
    checker.require(new Equation().g(response).minus(a).term(negC, st.verificationKey()));
    checker.require(new Equation().term(response, st.ciphertext().alpha()).minus(b).term(negC, st.partial()));
    return ProofCheck.VALID;
  }
}
