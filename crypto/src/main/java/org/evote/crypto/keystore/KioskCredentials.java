package org.evote.crypto.keystore;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.group.Hex;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.Fields;
import org.evote.crypto.json.JsonText;

/**
 * A kiosk's credential file: its id, the election it serves and its Ed25519 signing key, sealed under a passphrase
 * (docs/api.md, "Kiosk credentials"). The public part — id, public key, election hash — is readable without it.
 */
public final class KioskCredentials {
  public static final String KIND = "evote-kiosk-credentials";
  private final String kioskId;
  private final Digest electionHash;
  private final Ed25519.PrivateKey key;

  public KioskCredentials(String kioskId, Digest electionHash, Ed25519.PrivateKey key) {
    this.kioskId = kioskId;
    this.electionHash = electionHash;
    this.key = key;
  }

  public static KioskCredentials generate(String kioskId, Digest electionHash, SecureRandom random) {
    return new KioskCredentials(kioskId, electionHash, Ed25519.PrivateKey.generate(random));
  }

  public void write(Path file, char[] passphrase, SecureRandom random) throws IOException {
    JsonObject pub = JsonText.object().add("kiosk_id", kioskId).add("public_key", key.publicKey().hex())
        .add("election_hash", electionHash.toHex()).build();
    byte[] seed = Hex.decode(key.seedHex(), 32, "seed");
    try {
      SecretFiles.writeOwnerOnly(file, JsonText.pretty(EncryptedKeyFile.seal(KIND, pub, seed, passphrase, random)));
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  public static KioskCredentials read(Path file, char[] passphrase)
      throws IOException, EncryptedKeyFile.WrongPassphraseException {
    JsonObject json = JsonText.readObject(file);
    Fields pub = Fields.of(EncryptedKeyFile.publicPart(json, KIND), "public");
    byte[] seed = EncryptedKeyFile.open(json, KIND, passphrase);
    try {
      Ed25519.PrivateKey key = Ed25519.PrivateKey.fromSeedHex(Hex.encode(seed), "seed");
      if (!key.publicKey().hex().equals(pub.string("public_key"))) {
        throw new org.evote.crypto.InvalidFieldException("public.public_key", "does not match the sealed key");
      }
      return new KioskCredentials(pub.id("kiosk_id"), pub.digest("election_hash"), key);
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  public String kioskId() {
    return kioskId;
  }

  public Digest electionHash() {
    return electionHash;
  }

  /** The signing key — secret. */
  public Ed25519.PrivateKey key() {
    return key;
  }

  @Override
  public String toString() {
    return "KioskCredentials[" + kioskId + ", key redacted]";
  }
}
