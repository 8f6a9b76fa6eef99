package org.evote.crypto.note;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.MLDSAParameters;
import org.bouncycastle.crypto.params.MLDSAPublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.MLDSASigner;
import org.evote.crypto.InvalidFieldException;

/**
 * A signed-note verifier key (c2sp.org/signed-note, "Verifier keys"):
 * {@code <key name>+hex(key ID)+base64(signature type || public key)}. The key ID is always the one the
 * specifications define for the type, SHA-256(name || 0x0A || type || public key)[:4]; a vkey whose ID differs is
 * refused. Knows how to check one of its own signature lines over a note text.
 */
public record VerifierKey(String name, SignatureType type, byte[] publicKey) {
  public VerifierKey {
    NoteText.requireKeyName(name, "vkey.name");
    if (type == null) {
      throw new InvalidFieldException("vkey.type", "missing");
    }
    if (publicKey == null || publicKey.length != type.publicKeyLength()) {
      throw new InvalidFieldException("vkey.public_key",
          "a " + type + " public key has " + type.publicKeyLength() + " bytes");
    }
    publicKey = publicKey.clone();
    if (type != SignatureType.COSIGNATURE_ML_DSA_44
        && !org.bouncycastle.math.ec.rfc8032.Ed25519.validatePublicKeyFull(publicKey, 0)) {
      throw new InvalidFieldException("vkey.public_key", "not a valid Ed25519 public key");
    }
  }

  /** Parses a vkey string, naming {@code field} on failure. */
  public static VerifierKey parse(String vkey, String field) {
    if (vkey == null || vkey.length() > 4096) {
      throw new InvalidFieldException(field, "missing or longer than 4096 characters");
    }
    String[] parts = vkey.split("\\+", 3);
    if (parts.length != 3) {
      throw new InvalidFieldException(field, "a verifier key is <name>+<key id>+<base64 key>");
    }
    if (!parts[1].matches("[0-9a-f]{8}")) {
      throw new InvalidFieldException(field, "the key ID must be 8 lowercase hex characters");
    }
    byte[] material = NoteText.base64(parts[2], field);
    SignatureType type = SignatureType.of(material[0] & 0xff);
    if (type == null) {
      throw new InvalidFieldException(field, "unsupported signature type 0x" + String.format("%02x", material[0]));
    }
    VerifierKey key;
    try {
      key = new VerifierKey(parts[0], type, Arrays.copyOfRange(material, 1, material.length));
    } catch (InvalidFieldException e) {
      throw new InvalidFieldException(field, e.reason());
    }
    if (!HexFormat.of().formatHex(ByteBuffer.allocate(4).putInt(key.keyId()).array()).equals(parts[1])) {
      throw new InvalidFieldException(field, "the key ID does not match the name, type and key");
    }
    return key;
  }

  /** SHA-256(name || 0x0A || type || public key)[:4], big-endian. */
  public int keyId() {
    byte[] h = NoteText.sha256(name.getBytes(StandardCharsets.UTF_8), new byte[] {0x0A, (byte) type.id()},
        publicKey);
    return ByteBuffer.wrap(h, 0, 4).getInt();
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** The vkey string. */
  public String encoded() {
    byte[] material = new byte[publicKey.length + 1];
    material[0] = (byte) type.id();
    System.arraycopy(publicKey, 0, material, 1, publicKey.length);
    return name + "+" + HexFormat.of().formatHex(ByteBuffer.allocate(4).putInt(keyId()).array()) + "+"
        + NoteText.base64(material);
  }

  /** True if a signature line names this key (the same name and key ID). */
  public boolean matches(NoteSignature line) {
    return line.keyName().equals(name) && line.keyId() == keyId();
  }

  /**
   * True if {@code signature} (the line's bytes after the key ID) is this key's valid signature over the note
   * {@code text}. For cosignature types the signature is a timestamped_signature and the signed message is the
   * tlog-cosignature message for the checkpoint in {@code text}.
   */
  public boolean verifies(String text, byte[] signature) {
    if (text == null || signature == null) {
      return false;
    }
    byte[] t = text.getBytes(StandardCharsets.UTF_8);
    switch (type) {
      case ED25519:
        return signature.length == 64 && ed25519(t, signature);
      case COSIGNATURE_ED25519: {
        if (signature.length != 8 + 64) {
          return false;
        }
        long time = ByteBuffer.wrap(signature, 0, 8).getLong();
        // c2sp.org/tlog-cosignature: the timestamp is a uint64 that MUST NOT be 0 (tlog-witness); a long read of
        // one above 2^63 - 1 is negative. Protocol §9.9: never 0.
        return time > 0 && ed25519(CosignedMessages.ed25519(time, text), Arrays.copyOfRange(signature, 8, 72));
      }
      case COSIGNATURE_ML_DSA_44: {
        if (signature.length != 8 + CosignedMessages.ML_DSA_44_SIGNATURE_BYTES) {
          return false;
        }
        long time = ByteBuffer.wrap(signature, 0, 8).getLong();
        if (time <= 0) {
          return false;
        }
        Checkpoint cp;
        try {
          cp = Checkpoint.parse(text);
        } catch (InvalidFieldException e) {
          return false;
        }
        // A message that cannot be formed (an origin or a key name over 255 bytes) is one no key signed.
        if (!CosignedMessages.canFormMlDsa44(name, cp)) {
          return false;
        }
        MLDSASigner v = new MLDSASigner();
        v.init(false, new MLDSAPublicKeyParameters(MLDSAParameters.ml_dsa_44, publicKey));
        byte[] m = CosignedMessages.mlDsa44(name, time, cp);
        v.update(m, 0, m.length);
        return v.verifySignature(Arrays.copyOfRange(signature, 8, signature.length));
      }
      default:
        return false;
    }
  }

  private boolean ed25519(byte[] message, byte[] signature) {
    Ed25519Signer v = new Ed25519Signer();
    v.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
    v.update(message, 0, message.length);
    return v.verifySignature(signature);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VerifierKey k && k.encoded().equals(encoded());
  }

  @Override
  public int hashCode() {
    return encoded().hashCode();
  }

  @Override
  public String toString() {
    return encoded();
  }
}
