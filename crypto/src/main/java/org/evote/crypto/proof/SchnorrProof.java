package org.evote.crypto.proof;

import java.security.SecureRandom;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.Scalar;
import org.evote.crypto.group.SecretScalar;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.hash.DomainTags;
import org.evote.crypto.hash.Hasher;

/**
 * Schnorr proof of knowledge of the coefficient a_i,j behind a guardian's commitment K_i,j = a_i,j·G (protocol
 * §4.3): commitment h = u·G, challenge c = H(tag; H_B, i, j, K_i,j, h), response v = u + c·a_i,j; valid when
 * v·G = h + c·K_i,j.
 */
public record SchnorrProof(Element commitment, Scalar response) {
  static final String EQUATION_FAILS = "the Schnorr proof of the coefficient commitment does not hold";

  public SchnorrProof {
    if (commitment == null || response == null) {
      throw new IllegalArgumentException("Schnorr proof fields must not be null");
    }
  }

  /** The public statement: guardian i's commitment K_i,j to coefficient j, in the election with base hash H_B. */
  public record Statement(Digest baseHash, int guardian, int coefficient, Element publicValue) {
    public Statement {
      if (baseHash == null || publicValue == null) {
        throw new IllegalArgumentException("Schnorr statement fields must not be null");
      }
    }

    Scalar challenge(Element h) {
      return Hasher.tagged(DomainTags.PROOF_SCHNORR).digest(baseHash).integer(guardian).integer(coefficient)
          .element(publicValue).element(h).toScalar();
    }
  }

  /** Proves knowledge of {@code secret} for K_i,j = secret·G, with a fresh nonce u from {@code random}. */
  public static SchnorrProof prove(Digest baseHash, int guardian, int coefficient, SecretScalar secret,
      SecureRandom random) {
    return prove(baseHash, guardian, coefficient, secret, SecretScalar.random(random));
  }

  /** As the public prover, with nonce u given (known-answer tests). */
  static SchnorrProof prove(Digest baseHash, int guardian, int coefficient, SecretScalar secret, SecretScalar u) {
    Statement st = new Statement(baseHash, guardian, coefficient, Element.gPow(secret));
    Element h = Element.gPow(u);
    Scalar c = st.challenge(h);
    return new SchnorrProof(h, u.add(secret.multiply(c)).revealSecret());
  }

  /** Checks the proof against its statement. */
  public ProofCheck verify(Statement st) {
    EquationChecker direct = EquationChecker.direct();
    ProofCheck pre = require(st, direct);
    if (!pre.isValid()) {
      return pre;
    }
    return direct.holds() ? ProofCheck.VALID : ProofCheck.invalid(EQUATION_FAILS);
  }

  /** Runs the checks that need no point arithmetic, then hands the equation to {@code checker}. */
  ProofCheck require(Statement st, EquationChecker checker) {
    if (st.publicValue().isIdentity() || commitment.isIdentity()) {
      return ProofCheck.invalid("Schnorr proof statement or commitment is the identity");
    }
    Scalar c = st.challenge(commitment);
    checker.require(new Equation().g(response).minus(commitment).term(c.negate(), st.publicValue()));
    return ProofCheck.VALID;
  }
}
