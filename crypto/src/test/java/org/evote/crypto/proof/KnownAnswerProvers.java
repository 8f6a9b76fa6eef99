package org.evote.crypto.proof;

import java.util.function.BiFunction;
import org.evote.crypto.group.SecretScalar;
import org.evote.crypto.hash.Digest;

/**
 * The explicit-nonce provers, for the known-answer test vectors (test code only): the library's public provers
 * draw their own nonces.
 */
public final class KnownAnswerProvers {
  private KnownAnswerProvers() {}

  public static SchnorrProof schnorr(Digest baseHash, int guardian, int coefficient, SecretScalar secret,
      SecretScalar u) {
    return SchnorrProof.prove(baseHash, guardian, coefficient, secret, u);
  }

  public static DecryptionProof decryption(DecryptionProof.Statement st, SecretScalar share, SecretScalar u) {
    return DecryptionProof.prove(st, share, u);
  }

  public static RangeProof range(RangeStatement st, long m, SecretScalar r,
      BiFunction<String, Integer, SecretScalar> nonces) {
    return RangeProof.prove(st, m, r, NonceSource.explicit(nonces));
  }
}
