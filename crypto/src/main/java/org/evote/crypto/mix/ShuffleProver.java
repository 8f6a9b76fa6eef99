package org.evote.crypto.mix;

import java.security.SecureRandom;

/**
 * The proof of shuffle (protocol §13.3): Terelius–Wikström, as the pseudo-code of Haenni, Locher, Koenig and Dubuis
 * (FC 2017) gives it for CHVote, on P-256 and for rows of w ciphertexts, made non-interactive by strong Fiat–Shamir
 * over the whole {@link ShuffleStatement}, with commitment generators from {@link Generators}.
 */
public final class ShuffleProver {
  private ShuffleProver() {}

  /** Proves {@code statement} with its witness; every nonce fresh from {@code random}. */
  public static ShuffleProof prove(ShuffleStatement statement, ShuffleWitness witness, SecureRandom random) {
    throw new UnsupportedOperationException("shuffle15: not yet implemented");
  }
}
