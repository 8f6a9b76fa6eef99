package org.evote.witness;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.json.Fields;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.keystore.EncryptedKeyFile;
import org.evote.crypto.keystore.SecretFiles;
import org.evote.crypto.note.Cosigner;
import org.evote.crypto.note.SignatureType;
import org.evote.crypto.note.VerifierKey;

/**
 * A witness's two cosigning keys under one name (c2sp.org/tlog-cosignature): Ed25519 (type 0x04) and ML-DSA-44
 * (type 0x06). At rest in {@code witness-key.json}: both 32-byte seeds sealed under a passphrase
 * ({@link EncryptedKeyFile}), the name and both verifier keys readable without it. A secret: not a record.
 */
public final class WitnessKeys {
  public static final String KIND = "evote-witness-key";
  private final Cosigner ed25519;
  private final Cosigner mlDsa44;

  private WitnessKeys(Cosigner ed25519, Cosigner mlDsa44) {
    this.ed25519 = ed25519;
    this.mlDsa44 = mlDsa44;
  }

  /** New keys named {@code name}; {@code random} also hedges ML-DSA-44 signing. */
  public static WitnessKeys generate(WitnessName name, SecureRandom random) {
    return new WitnessKeys(Cosigner.generate(name.value(), SignatureType.COSIGNATURE_ED25519, random),
        Cosigner.generate(name.value(), SignatureType.COSIGNATURE_ML_DSA_44, random));
  }

  /** The cosigners, Ed25519 first. */
  public List<Cosigner> cosigners() {
    return List.of(ed25519, mlDsa44);
  }

  /** The verifier keys (signed-note vkey format) that clients configure, Ed25519 first. */
  public List<VerifierKey> verifierKeys() {
    return List.of(ed25519.verifierKey(), mlDsa44.verifierKey());
  }

  public String name() {
    return ed25519.name();
  }

  /** Writes the sealed key file, readable by its owner only. */
  public void write(Path file, char[] passphrase, SecureRandom random) throws IOException {
    JsonObject pub = JsonText.object().add("name", name())
        .add("ed25519_vkey", ed25519.verifierKey().encoded())
        .add("ml_dsa_44_vkey", mlDsa44.verifierKey().encoded()).build();
    byte[] secret = HexFormat.of().parseHex(ed25519.seedHex() + mlDsa44.seedHex());
    try {
      SecretFiles.writeOwnerOnly(file, JsonText.pretty(EncryptedKeyFile.seal(KIND, pub, secret, passphrase, random)));
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  /** The verifier keys a key file names, without its passphrase. */
  public static List<VerifierKey> readVerifierKeys(Path file) throws IOException {
    Fields f = publicPart(JsonText.readObject(file));
    return List.of(VerifierKey.parse(f.string("ed25519_vkey"), f.path("ed25519_vkey")),
        VerifierKey.parse(f.string("ml_dsa_44_vkey"), f.path("ml_dsa_44_vkey")));
  }

  /** Opens the key file; both keys must match the verifier keys in its public part. */
  public static WitnessKeys open(Path file, char[] passphrase, SecureRandom random)
      throws IOException, EncryptedKeyFile.WrongPassphraseException {
    JsonObject json = JsonText.readObject(file);
    Fields pub = publicPart(json);
    String name = new WitnessName(pub.string("name")).value();
    byte[] secret = EncryptedKeyFile.open(json, KIND, passphrase);
    try {
      if (secret.length != 64) {
        throw new InvalidFieldException("cipher.ciphertext", "a witness key file seals two 32-byte seeds");
      }
      String hex = HexFormat.of().formatHex(secret);
      Cosigner ed = Cosigner.fromSeedHex(name, SignatureType.COSIGNATURE_ED25519, hex.substring(0, 64), "seed", random);
      Cosigner ml = Cosigner.fromSeedHex(name, SignatureType.COSIGNATURE_ML_DSA_44, hex.substring(64), "seed", random);
      if (!ed.verifierKey().encoded().equals(pub.string("ed25519_vkey"))) {
        throw new InvalidFieldException(pub.path("ed25519_vkey"), "does not match the sealed key");
      }
      if (!ml.verifierKey().encoded().equals(pub.string("ml_dsa_44_vkey"))) {
        throw new InvalidFieldException(pub.path("ml_dsa_44_vkey"), "does not match the sealed key");
      }
      return new WitnessKeys(ed, ml);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  private static Fields publicPart(JsonObject file) {
    return Fields.of(EncryptedKeyFile.publicPart(file, KIND), "public")
        .only(Set.of("name", "ed25519_vkey", "ml_dsa_44_vkey"));
  }

  @Override
  public String toString() {
    return "WitnessKeys[" + name() + ", redacted]";
  }
}
