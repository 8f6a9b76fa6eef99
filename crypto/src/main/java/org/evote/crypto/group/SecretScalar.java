package org.evote.crypto.group;

import java.security.SecureRandom;

/**
 * A secret integer modulo q (protocol §1): a guardian's polynomial coefficient a_i,j or share s_ℓ, an encryption
 * nonce r, a proof nonce u, a share-encryption ephemeral ξ. Public scalars (challenges, responses, Lagrange
 * coefficients) are {@link Scalar}s; the two types do not mix by accident.
 *
 * <p>Security guarantees: a secret scalar has no {@code equals} or {@code hashCode} of its own (two are never
 * compared by value, so no map or set can be keyed by one and no early-exit comparison leaks it), and
 * {@link #toString()} never prints it. {@link #revealSecret()} is the one accessor of the value: every place where
 * a secret (or a value masked by one, such as a proof response) leaves this type is found by a grep for it.
 */
public final class SecretScalar {
  private final Scalar value;

  private SecretScalar(Scalar value) {
    this.value = value;
  }

  /** A uniformly random non-zero secret from the caller's one SecureRandom (protocol §1.5). */
  public static SecretScalar random(SecureRandom random) {
    return new SecretScalar(Scalar.random(random));
  }

  /** Treats {@code value} as a secret from now on (a key file just opened, a share just decrypted). */
  public static SecretScalar of(Scalar value) {
    if (value == null) {
      throw new IllegalArgumentException("secret scalar is null");
    }
    return new SecretScalar(value);
  }

  /** this + o mod q. */
  public SecretScalar add(SecretScalar o) {
    return new SecretScalar(value.add(o.value));
  }

  /** this + o mod q, for a public o. */
  public SecretScalar add(Scalar o) {
    return new SecretScalar(value.add(o));
  }

  /** this · o mod q, for a public o. */
  public SecretScalar multiply(Scalar o) {
    return new SecretScalar(value.multiply(o));
  }

  /** −this mod q. */
  public SecretScalar negate() {
    return new SecretScalar(value.negate());
  }

  public boolean isZero() {
    return value.isZero();
  }

  /**
   * The value itself. The one accessor: call it only where the secret is written to its owner's sealed file, fed
   * to point arithmetic, or has been masked into a public value (a proof response v = u + c·x).
   */
  public Scalar revealSecret() {
    return value;
  }

  /** Never prints the value. */
  @Override
  public String toString() {
    return "SecretScalar[redacted]";
  }
}
