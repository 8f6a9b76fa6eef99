package org.evote.crypto.mix;

import org.evote.crypto.proof.ProofCheck;

/** Checks a proof of shuffle against its statement (protocol §13.4, step V21). */
public final class ShuffleVerifier {
  private ShuffleVerifier() {}

  /** Valid, or Invalid naming the first equation that fails. */
  public static ProofCheck verify(ShuffleStatement statement, ShuffleProof proof) {
    throw new UnsupportedOperationException("shuffle15: not yet implemented");
  }
}
