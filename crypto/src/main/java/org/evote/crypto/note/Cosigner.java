package org.evote.crypto.note;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.MLDSAParameters;
import org.bouncycastle.crypto.params.MLDSAPrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.MLDSASigner;

/**
 * A witness's cosigning key (c2sp.org/tlog-cosignature): a timestamped Ed25519 (type 0x04) or ML-DSA-44 (type
 * 0x06) cosignature over a checkpoint. A secret: not a record; {@link #seedHex()} is for sealed key files.
 */
public final class Cosigner implements NoteSigner {
  private final String name;
  private final SignatureType type;
  private final byte[] seed;
  private final Ed25519PrivateKeyParameters ed25519;
  private final MLDSAPrivateKeyParameters mlDsa;
  private final SecureRandom random;
  private final VerifierKey verifierKey;

  private Cosigner(String name, SignatureType type, byte[] seed, SecureRandom random) {
    this.name = NoteText.requireKeyName(name, "cosigner.name");
    if (!type.isCosignature()) {
      throw new IllegalArgumentException("not a cosignature type: " + type);
    }
    this.type = type;
    this.seed = seed.clone();
    this.random = random;
    if (type == SignatureType.COSIGNATURE_ED25519) {
      this.ed25519 = new Ed25519PrivateKeyParameters(seed, 0);
      this.mlDsa = null;
      this.verifierKey = new VerifierKey(name, type, ed25519.generatePublicKey().getEncoded());
    } else {
      this.ed25519 = null;
      this.mlDsa = new MLDSAPrivateKeyParameters(MLDSAParameters.ml_dsa_44, seed);
      this.verifierKey = new VerifierKey(name, type, mlDsa.getPublicKey());
    }
  }

  /** A new cosigner of {@code type} named {@code name}; ML-DSA-44 signing is hedged with {@code random}. */
  public static Cosigner generate(String name, SignatureType type, SecureRandom random) {
    byte[] seed = new byte[32];
    random.nextBytes(seed);
    return new Cosigner(name, type, seed, random);
  }

  /** Restores a cosigner from its 32-byte seed, naming {@code field} on failure. */
  public static Cosigner fromSeedHex(String name, SignatureType type, String seedHex, String field,
      SecureRandom random) {
    return new Cosigner(name, type, Seeds.decode(seedHex, field), random);
  }

  /** The seed (the Ed25519 private key, or the ML-DSA-44 key generation seed ξ) — secret. */
  public String seedHex() {
    return HexFormat.of().formatHex(seed);
  }

  public String name() {
    return name;
  }

  public SignatureType type() {
    return type;
  }

  @Override
  public VerifierKey verifierKey() {
    return verifierKey;
  }

  /** The cosignature line over {@code checkpoint} at POSIX time {@code timestamp} (seconds, &gt; 0). */
  public NoteSignature cosign(Checkpoint checkpoint, long timestamp) {
    if (timestamp <= 0) {
      throw new IllegalArgumentException("a cosignature's timestamp must be positive");
    }
    byte[] sig;
    if (ed25519 != null) {
      Ed25519Signer s = new Ed25519Signer();
      s.init(true, ed25519);
      byte[] m = CosignedMessages.ed25519(timestamp, checkpoint.text());
      s.update(m, 0, m.length);
      sig = s.generateSignature();
    } else {
      MLDSASigner s = new MLDSASigner();
      s.init(true, new ParametersWithRandom(mlDsa, random));
      byte[] m = CosignedMessages.mlDsa44(name, timestamp, checkpoint);
      s.update(m, 0, m.length);
      try {
        sig = s.generateSignature();
      } catch (CryptoException e) {
        throw new IllegalStateException("ML-DSA-44 signing failed", e);
      }
    }
    byte[] out = ByteBuffer.allocate(8 + sig.length).putLong(timestamp).put(sig).array();
    return new NoteSignature(name, verifierKey.keyId(), out);
  }

  @Override
  public String toString() {
    return "Cosigner[" + name + ", " + type + ", redacted]";
  }
}
