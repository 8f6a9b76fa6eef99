package org.evote.crypto.keystore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.security.SecureRandom;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.json.JsonText;
import org.junit.jupiter.api.Test;

class EncryptedKeyFileTest {
  static final SecureRandom RANDOM = new SecureRandom();
  static final JsonObject PUBLIC = Json.createObjectBuilder().add("kiosk_id", "k1").build();

  @Test
  void sealedSecretsOpenOnlyWithTheirPassphrase() throws Exception {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    JsonObject file = EncryptedKeyFile.seal("kiosk-key", PUBLIC, secret, "correct horse".toCharArray(), RANDOM,
        1 << 14);
    assertFalse(JsonText.pretty(file).contains(org.evote.crypto.group.Hex.encode(secret)));
    assertArrayEquals(secret, EncryptedKeyFile.open(file, "kiosk-key", "correct horse".toCharArray()));
    assertThrows(EncryptedKeyFile.WrongPassphraseException.class,
        () -> EncryptedKeyFile.open(file, "kiosk-key", "wrong horse".toCharArray()));
    assertEquals(PUBLIC, EncryptedKeyFile.publicPart(file, "kiosk-key"));
  }

  @Test
  void swappingThePublicPartOrKindIsDetected() {
    JsonObject file = EncryptedKeyFile.seal("kiosk-key", PUBLIC, new byte[32], "passphrase".toCharArray(), RANDOM,
        1 << 14);
    JsonObject swapped = Json.createObjectBuilder(file).add("public", Json.createObjectBuilder()
        .add("kiosk_id", "k2")).build();
    assertThrows(EncryptedKeyFile.WrongPassphraseException.class,
        () -> EncryptedKeyFile.open(swapped, "kiosk-key", "passphrase".toCharArray()));
    assertThrows(InvalidFieldException.class, () -> EncryptedKeyFile.open(file, "guardian-key",
        "passphrase".toCharArray()));
    assertThrows(IllegalArgumentException.class, () -> EncryptedKeyFile.seal("k", PUBLIC, new byte[1],
        "short".toCharArray(), RANDOM));
  }
}
