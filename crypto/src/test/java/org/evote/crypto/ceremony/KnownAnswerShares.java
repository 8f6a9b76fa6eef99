package org.evote.crypto.ceremony;

import org.evote.crypto.group.SecretScalar;
import org.evote.crypto.hash.Digest;

/** Share encryption with the ephemeral secret ξ given, for the known-answer test vectors (test code only). */
public final class KnownAnswerShares {
  private KnownAnswerShares() {}

  public static EncryptedShare encrypt(Digest baseHash, GuardianPolynomial sender, GuardianRecord senderRecord,
      GuardianRecord recipient, SecretScalar ephemeralSecret) {
    return ShareEncryption.encrypt(baseHash, sender, senderRecord, recipient, ephemeralSecret);
  }
}
