package org.evote.crypto.elgamal;

import org.evote.crypto.group.Element;

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
    org.bouncycastle.math.ec.ECPoint a = Element.IDENTITY.point();
    org.bouncycastle.math.ec.ECPoint b = a;
    for (Ciphertext c : cts) {
      a = a.add(c.alpha.point());
      b = b.add(c.beta.point());
    }
    org.bouncycastle.math.ec.ECPoint[] both = {a, b};
    org.evote.crypto.group.P256.CURVE.normalizeAll(both);
    return new Ciphertext(new Element(both[0]), new Element(both[1]));
  }

  /** Homomorphic addition: Enc(m1; r1) + Enc(m2; r2) = Enc(m1 + m2; r1 + r2). */
  public Ciphertext add(Ciphertext o) {
    return new Ciphertext(alpha.add(o.alpha), beta.add(o.beta));
  }
}
