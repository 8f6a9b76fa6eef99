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
 * Chaum–Pedersen proof that guardian ℓ's partial decryption M_ℓ = s_ℓ·A of one ciphertext (A, B) of a final mixed
 * list uses the s_ℓ of its verification key V_ℓ = s_ℓ·G (protocol §13.5): commitments a = u·G, b = u·A, challenge
 * c = H(PROOF_MIX_DECRYPTION; H_E, K, ℓ, V_ℓ, contest id, row i, column j, A, B, M_ℓ, a, b), response
 * v = u + c·s_ℓ; valid when a ≠ O, v·G = a + c·V_ℓ and v·A = b + c·M_ℓ.
 */
public record MixDecryptionProof(Element a, Element b, Scalar response) {
  static final String EQUATIONS_FAIL = "the Chaum–Pedersen proof of the partial decryption does not hold";

  public MixDecryptionProof {
    if (a == null || b == null || response == null) {
      throw new IllegalArgumentException("mix decryption proof fields must not be null");
    }
  }

  /** The public statement: ciphertext (row, column) of the contest's final list and guardian ℓ's M_ℓ. */
  public record Statement(Digest extendedHash, Element jointKey, int guardian, Element verificationKey,
      String contestId, int row, int column, Ciphertext ciphertext, Element partial) {
    public Statement {
      if (extendedHash == null || jointKey == null || verificationKey == null || contestId == null
          || ciphertext == null || partial == null) {
        throw new IllegalArgumentException("mix decryption statement fields must not be null");
      }
      if (guardian < 1 || row < 0 || column < 0) {
        throw new IllegalArgumentException("guardian index starts at 1, row and column at 0");
      }
    }

    Scalar challenge(Element a, Element b) {
      return Hasher.tagged(DomainTags.PROOF_MIX_DECRYPTION).digest(extendedHash).element(jointKey)
          .integer(guardian).element(verificationKey).string(contestId).integer(row).integer(column)
          .element(ciphertext.alpha()).element(ciphertext.beta()).element(partial).element(a).element(b)
          .toScalar();
    }
  }

  /** Proves the statement for share s_ℓ, with a fresh nonce u from {@code random}. */
  public static MixDecryptionProof prove(Statement st, SecretScalar share, SecureRandom random) {
    return prove(st, share, SecretScalar.random(random));
  }

  /** As the public prover, with nonce u given (known-answer tests). */
  static MixDecryptionProof prove(Statement st, SecretScalar share, SecretScalar u) {
    Element a = Element.gPow(u);
    Element b = st.ciphertext().alpha().multiply(u);
    Scalar c = st.challenge(a, b);
    return new MixDecryptionProof(a, b, u.add(share.multiply(c)).revealSecret());
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
      return ProofCheck.invalid("mix decryption proof commitment a is the identity");
    }
    Scalar negC = st.challenge(a, b).negate();
    checker.require(new Equation().g(response).minus(a).term(negC, st.verificationKey()));
    checker.require(new Equation().term(response, st.ciphertext().alpha()).minus(b).term(negC, st.partial()));
    return ProofCheck.VALID;
  }
}
