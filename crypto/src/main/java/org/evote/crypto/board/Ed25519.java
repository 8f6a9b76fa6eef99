package org.evote.crypto.board;

import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.evote.crypto.group.Hex;
import org.evote.crypto.hash.Digest;

/**
 * Ed25519 (RFC 8032) signatures for the board key and kiosk keys (protocol §9.4, §9.5). What is signed is always
 * the 32-byte output of a tagged hash, never raw JSON.
 */
public final class Ed25519 {
  private Ed25519() {}

  /** A public key: 32 bytes, 64 lowercase hex characters. */
  public record PublicKey(String hex) {
    public PublicKey {
      byte[] b = Hex.decode(hex, 32, "public_key");
      if (!org.bouncycastle.math.ec.rfc8032.Ed25519.validatePublicKeyFull(b, 0)) {
        throw new org.evote.crypto.InvalidFieldException("public_key", "not a valid Ed25519 public key");
      }
    }

    /** True if {@code signature} is this key's signature over {@code message}. */
    public boolean verifies(Digest message, Signature signature) {
      Ed25519Signer v = new Ed25519Signer();
      v.init(false, new Ed25519PublicKeyParameters(Hex.decode(hex, 32, "public_key"), 0));
      byte[] m = message.toBytes();
      v.update(m, 0, m.length);
      return v.verifySignature(Hex.decode(signature.hex(), 64, "signature"));
    }
  }

  /** A signature: 64 bytes, 128 lowercase hex characters. */
  public record Signature(String hex) {
    public Signature {
      Hex.decode(hex, 64, "signature");
    }
  }

  /** A private signing key. A secret: not a record; {@link #seedHex()} is the one accessor, for key files. */
  public static final class PrivateKey {
    private final Ed25519PrivateKeyParameters key;

    private PrivateKey(Ed25519PrivateKeyParameters key) {
      this.key = key;
    }

    public static PrivateKey generate(SecureRandom random) {
      return new PrivateKey(new Ed25519PrivateKeyParameters(random));
    }

    /** Restores a key from its 32-byte seed. */
    public static PrivateKey fromSeedHex(String hex, String field) {
      return new PrivateKey(new Ed25519PrivateKeyParameters(Hex.decode(hex, 32, field), 0));
    }

    /** The seed — secret. */
    public String seedHex() {
      return Hex.encode(key.getEncoded());
    }

    public PublicKey publicKey() {
      return new PublicKey(Hex.encode(key.generatePublicKey().getEncoded()));
    }

    public Signature sign(Digest message) {
      Ed25519Signer s = new Ed25519Signer();
      s.init(true, key);
      byte[] m = message.toBytes();
      s.update(m, 0, m.length);
      return new Signature(Hex.encode(s.generateSignature()));
    }

    @Override
    public String toString() {
      return "Ed25519.PrivateKey[redacted]";
    }
  }
}
