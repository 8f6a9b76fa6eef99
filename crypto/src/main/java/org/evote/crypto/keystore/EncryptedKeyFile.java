package org.evote.crypto.keystore;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Set;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.SCrypt;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.group.Hex;
import org.evote.crypto.json.CanonicalJson;
import org.evote.crypto.json.Fields;
import org.evote.crypto.json.JsonText;

/**
 * A secret sealed under a passphrase, for private key files at rest (guardian keys, board keys, kiosk keys):
 * scrypt (N = 2^15, r = 8, p = 1, 16-byte salt) derives a 256-bit key; AES-256-GCM with a 12-byte nonce encrypts
 * the secret, authenticating the file's kind and public part as associated data, so neither can be swapped. The
 * JSON holds only the public part in the clear.
 */
public final class EncryptedKeyFile {
  public static final int SCRYPT_N = 1 << 15;
  public static final int SCRYPT_R = 8;
  public static final int SCRYPT_P = 1;
  private static final int MIN_N = 1 << 14;
  private static final int MAX_N = 1 << 20;

  /** Thrown when the passphrase is wrong or the file was altered; never reveals which. */
  public static final class WrongPassphraseException extends Exception {
    private static final long serialVersionUID = 1L;

    public WrongPassphraseException() {
      super("wrong passphrase, or the key file was altered");
    }
  }

  private EncryptedKeyFile() {}

  /** Seals {@code secret}; {@code kind} names the key file type and {@code publicPart} travels in the clear. */
  public static JsonObject seal(String kind, JsonObject publicPart, byte[] secret, char[] passphrase,
      SecureRandom random) {
    return seal(kind, publicPart, secret, passphrase, random, SCRYPT_N);
  }

  static JsonObject seal(String kind, JsonObject publicPart, byte[] secret, char[] passphrase, SecureRandom random,
      int n) {
    if (passphrase.length < 8) {
      throw new IllegalArgumentException("a passphrase needs at least 8 characters");
    }
    byte[] salt = new byte[16];
    byte[] nonce = new byte[12];
    random.nextBytes(salt);
    random.nextBytes(nonce);
    byte[] key = derive(passphrase, salt, n);
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
      c.updateAAD(associated(kind, publicPart));
      byte[] ct = c.doFinal(secret);
      return JsonText.object().add("kind", kind).add("public", publicPart)
          .add("kdf", JsonText.object().add("name", "scrypt").add("n", n).add("r", SCRYPT_R)
              .add("p", SCRYPT_P).add("salt", Hex.encode(salt)))
          .add("cipher", JsonText.object().add("name", "aes-256-gcm").add("nonce", Hex.encode(nonce))
              .add("ciphertext", Hex.encode(ct)))
          .build();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /** The public part of a key file of the expected kind, without the passphrase. */
  public static JsonObject publicPart(JsonObject file, String expectedKind) {
    Fields f = check(file, expectedKind);
    return f.rawObject("public");
  }

  /** Opens the file; the caller must wipe the returned bytes when done. */
  public static byte[] open(JsonObject file, String expectedKind, char[] passphrase)
      throws WrongPassphraseException {
    Fields f = check(file, expectedKind);
    Fields kdf = f.object("kdf").only(Set.of("name", "n", "r", "p", "salt"));
    if (!kdf.string("name").equals("scrypt")) {
      throw new InvalidFieldException(kdf.path("name"), "only scrypt is supported");
    }
    int n = (int) kdf.integer("n", MIN_N, MAX_N);
    if (Integer.bitCount(n) != 1 || kdf.integer("r", SCRYPT_R, SCRYPT_R) != SCRYPT_R
        || kdf.integer("p", SCRYPT_P, SCRYPT_P) != SCRYPT_P) {
      throw new InvalidFieldException(kdf.path("n"), "unsupported scrypt parameters");
    }
    byte[] salt = Hex.decode(kdf.string("salt"), 16, kdf.path("salt"));
    Fields cipher = f.object("cipher").only(Set.of("name", "nonce", "ciphertext"));
    if (!cipher.string("name").equals("aes-256-gcm")) {
      throw new InvalidFieldException(cipher.path("name"), "only aes-256-gcm is supported");
    }
    byte[] nonce = Hex.decode(cipher.string("nonce"), 12, cipher.path("nonce"));
    String ctHex = cipher.string("ciphertext");
    if (ctHex.length() < 34 || ctHex.length() > 65_536 || !Hex.isLowercaseHex(ctHex)) {
      throw new InvalidFieldException(cipher.path("ciphertext"), "must be lowercase hex of a sealed secret");
    }
    byte[] ct = java.util.HexFormat.of().parseHex(ctHex);
    byte[] key = derive(passphrase, salt, n);
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
      c.updateAAD(associated(f.string("kind"), f.rawObject("public")));
      return c.doFinal(ct);
    } catch (AEADBadTagException e) {
      throw new WrongPassphraseException();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private static Fields check(JsonObject file, String expectedKind) {
    Fields f = Fields.of(file).only(Set.of("kind", "public", "kdf", "cipher"));
    String kind = f.string("kind");
    if (!kind.equals(expectedKind)) {
      throw new InvalidFieldException("kind", "this is a '" + kind + "' file, expected '" + expectedKind + "'");
    }
    return f;
  }

  private static byte[] associated(String kind, JsonObject publicPart) {
    return CanonicalJson.write(JsonText.object().add("kind", kind).add("public", publicPart).build())
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] derive(char[] passphrase, byte[] salt, int n) {
    byte[] pass = new String(passphrase).getBytes(StandardCharsets.UTF_8);
    try {
      return SCrypt.generate(pass, salt, n, SCRYPT_R, SCRYPT_P, 32);
    } finally {
      Arrays.fill(pass, (byte) 0);
    }
  }
}
