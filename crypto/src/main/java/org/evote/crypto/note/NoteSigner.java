package org.evote.crypto.note;

/** A private key that signs note texts or cosigns checkpoints; its public half is {@link #verifierKey()}. */
public sealed interface NoteSigner permits Ed25519NoteSigner, Cosigner {
  /** The verifier key others configure to trust this signer. */
  VerifierKey verifierKey();
}
