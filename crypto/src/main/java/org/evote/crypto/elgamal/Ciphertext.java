package org.evote.crypto.elgamal;

import org.bouncycastle.math.ec.ECPoint;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.internal.Curve;
import org.evote.crypto.group.internal.Points;

/**
 * An exponential ElGamal ciphertext (α, β) = (r·G, m·G + r·K) (protocol §3.1). Ciphertexts on ballots never hold
 * the identity (decoding rejects it); sums in a tally may.
 */
public record Ciphertext(Element alpha, Element beta) {
  public Ciphertext {
    if (alpha == null || beta == null) {
      throw new IllegalArgumentException("ciphertext components must not be null");
    }
  }

  /** The ciphertext with both components the identity: the neutral element of {@link #add}. */
  public static final Ciphertext ZERO = new Ciphertext(Element.IDENTITY, Element.IDENTITY);

  /** Σ of the ciphertexts (normalized once at the end); {@link #ZERO} for an empty list. */
  public static Ciphertext sum(java.util.Collection<Ciphertext> cts) {
    ECPoint a = Curve.infinity();
    ECPoint b = a;
    for (Ciphertext c : cts) {
      a = a.add(Points.raw(c.alpha));
      b = b.add(Points.raw(c.beta));
    }
    ECPoint[] both = {a, b};
    Curve.normalizeAll(both);
    return new Ciphertext(Points.element(both[0]), Points.element(both[1]));
  }

  /** Homomorphic addition: Enc(m1; r1) + Enc(m2; r2) = Enc(m1 + m2; r1 + r2). */
  public Ciphertext add(Ciphertext o) {
    return new Ciphertext(alpha.add(o.alpha), beta.add(o.beta));
  }
}
