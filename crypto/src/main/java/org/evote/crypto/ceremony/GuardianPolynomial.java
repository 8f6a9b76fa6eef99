package org.evote.crypto.ceremony;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.SecretScalar;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.proof.SchnorrProof;

/**
 * Guardian i's secret polynomial P_i(x) = Σ_{j<k} a_i,j·x^j (protocol §7.1). A secret: not a record, no
 * printable state; {@link #coefficient} is the one accessor a grep finds (for saving the guardian's key file).
 */
public final class GuardianPolynomial {
  private final int index;
  private final SecretScalar[] coefficients;

  private GuardianPolynomial(int index, SecretScalar[] coefficients) {
    if (index < 1) {
      throw new IllegalArgumentException("guardian index must be at least 1");
    }
    this.index = index;
    this.coefficients = coefficients;
  }

  /** A fresh polynomial of degree quorum − 1 with uniformly random non-zero coefficients. */
  public static GuardianPolynomial generate(int index, int quorum, SecureRandom random) {
    SecretScalar[] a = new SecretScalar[quorum];
    for (int j = 0; j < quorum; j++) {
      a[j] = SecretScalar.random(random);
    }
    return new GuardianPolynomial(index, a);
  }

  /** A polynomial with given coefficients (restoring a saved key, or known-answer tests). */
  public static GuardianPolynomial of(int index, List<SecretScalar> coefficients) {
    if (coefficients.isEmpty() || coefficients.get(0).isZero()) {
      throw new IllegalArgumentException("a guardian polynomial needs a non-zero constant coefficient");
    }
    return new GuardianPolynomial(index, coefficients.toArray(new SecretScalar[0]));
  }

  public int index() {
    return index;
  }

  public int quorum() {
    return coefficients.length;
  }

  /** a_i,j — secret. */
  public SecretScalar coefficient(int j) {
    return coefficients[j];
  }

  /** P_i(ℓ), the share for guardian ℓ — secret. */
  public SecretScalar shareFor(int recipient) {
    return Polynomials.evaluate(coefficients, recipient);
  }

  /** The public record: commitments with Schnorr proofs bound to H_B. */
  public GuardianRecord publicRecord(Digest baseHash, SecureRandom random) {
    List<Element> commitments = new ArrayList<>();
    List<SchnorrProof> proofs = new ArrayList<>();
    for (int j = 0; j < coefficients.length; j++) {
      commitments.add(Element.gPow(coefficients[j]));
      proofs.add(SchnorrProof.prove(baseHash, index, j, coefficients[j], random));
    }
    return new GuardianRecord(index, commitments, proofs);
  }

  @Override
  public String toString() {
    return "GuardianPolynomial[guardian " + index + ", secret]";
  }
}
