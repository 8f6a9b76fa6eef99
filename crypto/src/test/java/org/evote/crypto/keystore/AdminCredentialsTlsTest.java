package org.evote.crypto.keystore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import org.evote.crypto.InvalidFieldException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The administrator credential carries the board's TLS fingerprint; one without it still reads (plain HTTP). */
class AdminCredentialsTlsTest {
  @TempDir
  Path temp;

  @Test
  void theFingerprintIsWrittenAndRead_andAnOldFileHasNone() throws Exception {
    SecureRandom random = new SecureRandom();
    TlsFingerprint pin = TlsFingerprint.ofDer(new byte[] {9});
    Path file = temp.resolve("admin.credentials");
    AdminCredentials.generate("admin", random).withTlsFingerprint(pin).write(file);
    assertEquals(Optional.of(pin), AdminCredentials.read(file).tlsFingerprint());
    Path old = temp.resolve("old.credentials");
    AdminCredentials.generate("admin", random).write(old);
    assertEquals(Optional.empty(), AdminCredentials.read(old).tlsFingerprint());
    Files.writeString(file, Files.readString(file).replace(pin.hex(), "nothex"));
    assertEquals(TlsFingerprint.FIELD, assertThrows(InvalidFieldException.class,
        () -> AdminCredentials.read(file)).field());
  }
}
