package org.evote.kiosk.pollworker;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Set;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.evote.crypto.group.Hex;
import org.evote.crypto.json.Fields;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.keystore.SecretFiles;

/**
 * The poll worker PIN as the kiosk keeps it in its data directory: only a salted slow hash (PBKDF2-HMAC-SHA256,
 * {@link #ITERATIONS} iterations, a 16-byte salt), never the PIN, with the wrong-attempt state beside it so that a
 * restart does not reset the attempt limits. Written owner-only and atomically (a crash leaves the old or the new
 * file, never half of one). Not a record: it holds the hash.
 */
final class PinFile {
  static final String KDF = "pbkdf2-hmac-sha256";
  static final int ITERATIONS = 310_000;
  private static final int MIN_ITERATIONS = 100_000;
  private static final int MAX_ITERATIONS = 10_000_000;
  private static final Set<String> MEMBERS = Set.of("kdf", "iterations", "salt", "hash", "failures",
      "locked_until");

  private final Path file;
  private final int iterations;
  private final byte[] salt;
  private final byte[] hash;
  private int failures;
  private long lockedUntil;

  private PinFile(Path file, int iterations, byte[] salt, byte[] hash, int failures, long lockedUntil) {
    this.file = file;
    this.iterations = iterations;
    this.salt = salt;
    this.hash = hash;
    this.failures = failures;
    this.lockedUntil = lockedUntil;
  }

  /** Whether a PIN was set in {@code file}. */
  static boolean exists(Path file) {
    return Files.isRegularFile(file);
  }

  /** Hashes {@code pin} with a fresh salt and writes it (no failures), replacing any PIN set before. */
  static PinFile create(Path file, char[] pin, SecureRandom random) throws IOException {
    Pin.requireWellFormed(pin);
    byte[] salt = new byte[16];
    random.nextBytes(salt);
    PinFile p = new PinFile(file, ITERATIONS, salt, derive(pin, salt, ITERATIONS), 0, 0);
    p.save();
    return p;
  }

  /** Reads the PIN file, checking every member. */
  static PinFile read(Path file) throws IOException {
    JsonObject json;
    try {
      json = JsonText.readObject(file);
      Fields f = Fields.of(json).only(MEMBERS);
      if (!f.string("kdf").equals(KDF)) {
        throw new IllegalArgumentException("kdf: not " + KDF);
      }
      int iterations = f.smallInt("iterations", MIN_ITERATIONS, MAX_ITERATIONS);
      return new PinFile(file, iterations, Hex.decode(f.string("salt"), 16, "salt"),
          Hex.decode(f.string("hash"), 32, "hash"), f.smallInt("failures", 0, 1_000_000),
          f.integer("locked_until", 0, Long.MAX_VALUE));
    } catch (RuntimeException e) {
      throw new IOException("the PIN file " + file + " cannot be used: " + e.getMessage(), e);
    }
  }

  /** Whether {@code pin} is the PIN (in constant time over the hash). */
  boolean matches(char[] pin) {
    byte[] typed = derive(pin, salt, iterations);
    try {
      return MessageDigest.isEqual(typed, hash);
    } finally {
      Arrays.fill(typed, (byte) 0);
    }
  }

  int failures() {
    return failures;
  }

  long lockedUntil() {
    return lockedUntil;
  }

  /** Records the attempt state, durably. */
  void record(int failures, long lockedUntil) throws IOException {
    this.failures = failures;
    this.lockedUntil = lockedUntil;
    save();
  }

  private void save() throws IOException {
    JsonObject json = JsonText.object().add("kdf", KDF).add("iterations", iterations).add("salt", Hex.encode(salt))
        .add("hash", Hex.encode(hash)).add("failures", failures).add("locked_until", lockedUntil).build();
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    SecretFiles.writeOwnerOnly(tmp, JsonText.pretty(json));
    try {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (java.nio.file.AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static byte[] derive(char[] pin, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(pin, salt, iterations, 256);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2-HMAC-SHA256 unavailable", e);
    } finally {
      spec.clearPassword();
    }
  }
}
