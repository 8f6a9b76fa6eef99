package org.evote.crypto.keystore;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import org.evote.crypto.ceremony.GuardianKey;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.Scalar;
import org.evote.crypto.group.SecretScalar;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.Fields;
import org.evote.crypto.json.JsonText;

/**
 * A guardian's private key file: its secret share s_ℓ sealed under the guardian's passphrase (scrypt + AES-GCM,
 * {@link EncryptedKeyFile}); the guardian index, the election's extended hash and the verification key V_ℓ are
 * readable without it, so a tally can tell which guardian's file is which before asking for a passphrase.
 */
public final class GuardianKeyFile {
  public static final String KIND = "evote-guardian-key";

  private GuardianKeyFile() {}

  /** What a guardian key file says without its passphrase. */
  public record Public(int guardian, Digest extendedHash, Element verificationKey) {}

  public static void write(Path file, GuardianKey key, Digest extendedHash, char[] passphrase, SecureRandom random)
      throws IOException {
    JsonObject pub = JsonText.object().add("guardian", key.index())
        .add("extended_hash", extendedHash.toHex()).add("verification_key", key.verificationKey().encode()).build();
    byte[] secret = key.share().revealSecret().toBytes();
    try {
      SecretFiles.writeOwnerOnly(file, JsonText.pretty(EncryptedKeyFile.seal(KIND, pub, secret, passphrase, random)));
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  public static Public readPublic(Path file) throws IOException {
    Fields f = Fields.of(EncryptedKeyFile.publicPart(JsonText.readObject(file), KIND), "public");
    return new Public(f.smallInt("guardian", 1, 1000), f.digest("extended_hash"), f.element("verification_key"));
  }

  /** Opens the file; the key must match its public part. */
  public static GuardianKey open(Path file, char[] passphrase)
      throws IOException, EncryptedKeyFile.WrongPassphraseException {
    JsonObject json = JsonText.readObject(file);
    Public pub = readPublic(file);
    byte[] secret = EncryptedKeyFile.open(json, KIND, passphrase);
    try {
      GuardianKey key = new GuardianKey(pub.guardian(),
          SecretScalar.of(Scalar.of(new java.math.BigInteger(1, secret))));
      if (!key.verificationKey().equals(pub.verificationKey())) {
        throw new org.evote.crypto.InvalidFieldException("public.verification_key", "does not match the sealed share");
      }
      return key;
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }
}
