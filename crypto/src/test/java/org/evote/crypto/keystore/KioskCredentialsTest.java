package org.evote.crypto.keystore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.group.Hex;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.note.Ed25519NoteSigner;
import org.evote.crypto.note.VerifierKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KioskCredentialsTest {
  @TempDir
  Path temp;

  final SecureRandom random = new SecureRandom();
  final Digest election = Digest.decode("ab".repeat(32), "election");
  final Ed25519.PublicKey board = Ed25519.PrivateKey.generate(random).publicKey();
  final VerifierKey checkpointKey = Ed25519NoteSigner.generate("board.example/" + "ab".repeat(32), random)
      .verifierKey();
  final char[] passphrase = "correct horse".toCharArray();

  @Test
  void aPassphraseShorterThanTwelveCharacters_sealsNoKioskKey() {
    KioskCredentials c = KioskCredentials.generate("K1", election, board, checkpointKey, random);
    Path file = temp.resolve("short.credentials");
    assertThrows(IllegalArgumentException.class, () -> c.write(file, "12345678901".toCharArray(), random));
    assertTrue(Files.notExists(file));
  }

  @Test
  void writeThenRead_keepsTheIdTheElectionTheBoardKeyAndTheSigningKey() throws Exception {
    KioskCredentials c = KioskCredentials.generate("K1", election, board, checkpointKey, random);
    Path file = temp.resolve("k1.credentials");
    c.write(file, passphrase, random);
    KioskCredentials read = KioskCredentials.read(file, passphrase);
    assertEquals("K1", read.kioskId());
    assertEquals(election, read.electionHash());
    assertEquals(board, read.boardKey());
    assertEquals(checkpointKey, read.checkpointKey());
    assertEquals(c.key().publicKey(), read.key().publicKey());
    assertEquals(board.hex(), JsonText.readObject(file).getJsonObject("public").getString("board_public_key"),
        "the pinned board key is readable without the passphrase");
    assertEquals(checkpointKey.encoded(), JsonText.readObject(file).getJsonObject("public")
        .getString("checkpoint_key"), "the pinned checkpoint key is readable without the passphrase");
  }

  @Test
  void read_refusesAFileWrittenBeforeTheCheckpointKeyWasPinned_namingTheField() throws Exception {
    Ed25519.PrivateKey key = Ed25519.PrivateKey.generate(random);
    var pub = JsonText.object().add("kiosk_id", "K1").add("public_key", key.publicKey().hex())
        .add("election_hash", election.toHex()).add("board_public_key", board.hex()).build();
    Path file = temp.resolve("old2.credentials");
    Files.writeString(file, JsonText.pretty(EncryptedKeyFile.seal(KioskCredentials.KIND, pub,
        Hex.decode(key.seedHex(), 32, "seed"), passphrase, random)));
    InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> KioskCredentials.read(file,
        passphrase));
    assertEquals("public.checkpoint_key", e.field());
    assertTrue(e.getMessage().contains("kiosk add"), e.getMessage());
  }

  @Test
  void aCheckpointKeyOfAnotherElection_isRefused() {
    VerifierKey other = Ed25519NoteSigner.generate("board.example/" + "cd".repeat(32), random).verifierKey();
    InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> KioskCredentials.generate("K1",
        election, board, other, random));
    assertEquals("checkpoint_key", e.field());
  }

  @Test
  void read_refusesAFileWrittenBeforeTheBoardKeyWasPinned_namingTheField() throws Exception {
    Ed25519.PrivateKey key = Ed25519.PrivateKey.generate(random);
    var pub = JsonText.object().add("kiosk_id", "K1").add("public_key", key.publicKey().hex())
        .add("election_hash", election.toHex()).build();
    Path file = temp.resolve("old.credentials");
    Files.writeString(file, JsonText.pretty(EncryptedKeyFile.seal(KioskCredentials.KIND, pub,
        Hex.decode(key.seedHex(), 32, "seed"), passphrase, random)));
    InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> KioskCredentials.read(file,
        passphrase));
    assertEquals("public.board_public_key", e.field());
    assertTrue(e.getMessage().contains("kiosk add"), e.getMessage());
  }

  @Test
  void theBoardsTlsFingerprint_travelsInThePublicPart_andAFileWithoutOneStillReads() throws Exception {
    TlsFingerprint pin = TlsFingerprint.ofDer(new byte[] {1, 2, 3});
    KioskCredentials c = KioskCredentials.generate("K1", election, board, checkpointKey, java.util.Optional.of(pin),
        random);
    Path file = temp.resolve("k1.credentials");
    c.write(file, passphrase, random);
    assertEquals(java.util.Optional.of(pin), KioskCredentials.read(file, passphrase).tlsFingerprint());
    assertEquals(pin.hex(), JsonText.readObject(file).getJsonObject("public").getString("tls_fingerprint"),
        "readable without the passphrase");
    Path old = temp.resolve("plain.credentials");
    KioskCredentials.generate("K2", election, board, checkpointKey, random).write(old, passphrase, random);
    assertEquals(java.util.Optional.empty(), KioskCredentials.read(old, passphrase).tlsFingerprint(),
        "a credential written before the board spoke HTTPS: plain HTTP only");
  }

  @Test
  void aSwappedTlsFingerprint_doesNotOpen() throws Exception {
    Path file = temp.resolve("k1.credentials");
    KioskCredentials.generate("K1", election, board, checkpointKey,
        java.util.Optional.of(TlsFingerprint.ofDer(new byte[] {1})), random).write(file, passphrase, random);
    String other = TlsFingerprint.ofDer(new byte[] {2}).hex();
    String text = Files.readString(file);
    Files.writeString(file, text.replace(TlsFingerprint.ofDer(new byte[] {1}).hex(), other));
    assertThrows(EncryptedKeyFile.WrongPassphraseException.class, () -> KioskCredentials.read(file, passphrase),
        "the public part is authenticated with the sealed key");
  }
}
