package org.evote.crypto.note;

/**
 * The C2SP signed-note signature types this system uses (c2sp.org/signed-note, "Signature types"): the type byte
 * goes into the key ID and the verifier key, and fixes how a signature line is checked.
 */
public enum SignatureType {
  /** {@code 0x01}: Ed25519 over the note text (signed-note); the board's checkpoint key. */
  ED25519(0x01, 32),
  /** {@code 0x04}: timestamped Ed25519 checkpoint cosignature (c2sp.org/tlog-cosignature). */
  COSIGNATURE_ED25519(0x04, 32),
  /** {@code 0x06}: timestamped ML-DSA-44 checkpoint cosignature (c2sp.org/tlog-cosignature). */
  COSIGNATURE_ML_DSA_44(0x06, 1312);

  private final int id;
  private final int publicKeyLength;

  SignatureType(int id, int publicKeyLength) {
    this.id = id;
    this.publicKeyLength = publicKeyLength;
  }

  /** The identifier byte. */
  public int id() {
    return id;
  }

  /** The length of the public key material in a verifier key. */
  public int publicKeyLength() {
    return publicKeyLength;
  }

  /** True for the two cosignature types. */
  public boolean isCosignature() {
    return this != ED25519;
  }

  /** The type with identifier byte {@code id}, or null for one this system does not use. */
  static SignatureType of(int id) {
    for (SignatureType t : values()) {
      if (t.id == id) {
        return t;
      }
    }
    return null;
  }
}
