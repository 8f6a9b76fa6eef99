package org.evote.crypto.keystore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.hash.Digest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The administrator credential carries the board's TLS fingerprint; one without it still reads (plain HTTP). */
class AdminCredentialsTlsTest {
  @TempDir
  Path temp;

  @Test
  void theFingerprintIsWrittenAndRead_andAnOldFileHasNone() throws Exception {
    SecureRandom random = new SecureRandom();
    char[] pass = "an administrator passphrase".toCharArray();
    Digest election = Digest.of(new byte[32]);
    TlsFingerprint pin = TlsFingerprint.ofDer(new byte[] {9});
    Path file = temp.resolve("admin.credentials");
    AdminCredentials.generate("admin", election, random).withTlsFingerprint(pin).write(file, pass, random);
    assertEquals(Optional.of(pin), AdminCredentials.read(file, pass).tlsFingerprint());
    Path old = temp.resolve("old.credentials");
    AdminCredentials.generate("admin", election, random).write(old, pass, random);
    assertEquals(Optional.empty(), AdminCredentials.read(old, pass).tlsFingerprint());
    // The fingerprint is in the sealed file's authenticated public part: another one does not open.
    Path swapped = temp.resolve("swapped.credentials");
    Files.writeString(swapped, Files.readString(file).replace(pin.hex(), TlsFingerprint.ofDer(new byte[] {8}).hex()));
    assertThrows(EncryptedKeyFile.WrongPassphraseException.class, () -> AdminCredentials.read(swapped, pass));
    Files.writeString(file, Files.readString(file).replace(pin.hex(), "nothex"));
    assertEquals(TlsFingerprint.FIELD, assertThrows(InvalidFieldException.class,
        () -> AdminCredentials.read(file, pass)).field());
  }
}
