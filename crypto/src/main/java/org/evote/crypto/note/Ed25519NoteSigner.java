package org.evote.crypto.note;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.evote.crypto.InvalidFieldException;

/**
 * An Ed25519 note key (signature type 0x01, c2sp.org/signed-note "Ed25519 signatures"): signs the note text
 * itself. The board signs its checkpoints with one. A secret: not a record; {@link #seedHex()} is for key files.
 */
public final class Ed25519NoteSigner implements NoteSigner {
  private final String name;
  private final Ed25519PrivateKeyParameters key;
  private final VerifierKey verifierKey;

  private Ed25519NoteSigner(String name, Ed25519PrivateKeyParameters key) {
    this.name = NoteText.requireKeyName(name, "key_name");
    this.key = key;
    this.verifierKey = new VerifierKey(name, SignatureType.ED25519, key.generatePublicKey().getEncoded());
  }

  public static Ed25519NoteSigner generate(String name, SecureRandom random) {
    return new Ed25519NoteSigner(name, new Ed25519PrivateKeyParameters(random));
  }

  /** Restores a key from its 32-byte seed (64 hex characters), naming {@code field} on failure. */
  public static Ed25519NoteSigner fromSeedHex(String name, String seedHex, String field) {
    return new Ed25519NoteSigner(name, new Ed25519PrivateKeyParameters(Seeds.decode(seedHex, field), 0));
  }

  /** The seed — secret. */
  public String seedHex() {
    return HexFormat.of().formatHex(key.getEncoded());
  }

  public String name() {
    return name;
  }

  @Override
  public VerifierKey verifierKey() {
    return verifierKey;
  }

  /** This key's signature line over {@code text} (which must be a valid note text). */
  public NoteSignature sign(String text) {
    if (text.isEmpty() || !text.endsWith("\n")) {
      throw new InvalidFieldException("note.text", "a note text is non-empty and ends in a newline");
    }
    NoteText.requireNoControlCharacters(text, "note.text");
    Ed25519Signer s = new Ed25519Signer();
    s.init(true, key);
    byte[] m = text.getBytes(StandardCharsets.UTF_8);
    s.update(m, 0, m.length);
    return new NoteSignature(name, verifierKey.keyId(), s.generateSignature());
  }

  /** The note of {@code text} signed by this key. */
  public SignedNote signNote(String text) {
    return new SignedNote(text, java.util.List.of(sign(text)));
  }

  @Override
  public String toString() {
    return "Ed25519NoteSigner[" + name + ", redacted]";
  }
}
