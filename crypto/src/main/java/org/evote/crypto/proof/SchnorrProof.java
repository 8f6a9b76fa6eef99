package org.evote.crypto.proof;

import java.util.Optional;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.Scalar;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.hash.DomainTags;
import org.evote.crypto.hash.Hasher;

/**
 * Schnorr proof of knowledge of the coefficient a_i,j behind a guardian's commitment K_i,j = a_i,j·G (protocol
 * §4.3): commitment h = u·G, challenge c = H(tag; H_B, i, j, K_i,j, h), response v = u + c·a_i,j; valid when
 * v·G = h + c·K_i,j.
 */
public record SchnorrProof(Element commitment, Scalar response) {
  public SchnorrProof {
    if (commitment == null || response == null) {
      throw new IllegalArgumentException("Schnorr proof fields must not be null");
    }
  }

  static Scalar challenge(Digest baseHash, int guardian, int coefficient, Element publicValue, Element h) {
    return Hasher.tagged(DomainTags.PROOF_SCHNORR).digest(baseHash).integer(guardian).integer(coefficient)
        .element(publicValue).element(h).toScalar();
  }

  /** Proves knowledge of {@code secret} for K_i,j = secret·G with nonce u (explicit for known-answer tests). */
  public static SchnorrProof prove(Digest baseHash, int guardian, int coefficient, Scalar secret, Scalar u) {
    Element publicValue = Element.gPow(secret);
    Element h = Element.gPow(u);
    Scalar c = challenge(baseHash, guardian, coefficient, publicValue, h);
    return new SchnorrProof(h, u.add(c.multiply(secret)));
  }

  /** Checks the proof for K_i,j, handing its equation to {@code checker}. */
  public Optional<String> verify(Digest baseHash, int guardian, int coefficient, Element publicValue,
      EquationChecker checker) {
    if (publicValue.isIdentity() || commitment.isIdentity()) {
      return Optional.of("Schnorr proof statement or commitment is the identity");
    }
    Scalar c = challenge(baseHash, guardian, coefficient, publicValue, commitment);
    checker.require(new Equation().g(response).minus(commitment).term(c.negate(), publicValue));
    return Optional.empty();
  }
}
