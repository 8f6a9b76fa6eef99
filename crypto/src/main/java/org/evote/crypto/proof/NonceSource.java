package org.evote.crypto.proof;

import java.security.SecureRandom;
import org.evote.crypto.group.Scalar;

/**
 * Where a prover's secret nonces come from: derived from a ballot seed (so a disclosed seed re-creates the whole
 * ballot, protocol §3.2) or drawn from the caller's one SecureRandom.
 */
@FunctionalInterface
public interface NonceSource {
  /** The nonce named {@code purpose} ("u", "c", "v") for branch {@code index}. */
  Scalar nonce(String purpose, int index);

  /** Fresh randomness for every request. */
  static NonceSource random(SecureRandom random) {
    return (purpose, index) -> Scalar.random(random);
  }
}
