package org.evote.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.keystore.KioskCredentials;
import org.evote.server.testing.Console;
import org.evote.server.testing.TestBoard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ballot-server kiosk add} writes credentials that pin the board's key (protocol §9.7). */
class KioskAddCommandTest {
  @TempDir
  Path temp;

  @Test
  void kioskAdd_writesCredentialsPinningTheBoardKeyAndTheCheckpointKey() throws Exception {
    try (TestBoard t = new TestBoard(temp, "manifest-small.json")) {
      Ed25519.PublicKey boardKey = t.board.boardPublicKey();
      var checkpointKey = t.board.checkpointKey();
      t.stop();
      Path pass = Files.writeString(temp.resolve("pass"), new String(TestBoard.passphrase()));
      Path kioskPass = Files.writeString(temp.resolve("kiosk-pass"), "kiosk passphrase");
      Path out = temp.resolve("k9.credentials");
      Console add = Console.run(BallotServer::run, "kiosk", "add", "--data", t.data.dir().toString(), "--name",
          "K9", "--out", out.toString(), "--board-passphrase-file", pass.toString(), "--kiosk-passphrase-file",
          kioskPass.toString());
      assertEquals(0, add.code(), add.printed());
      KioskCredentials c = KioskCredentials.read(out, "kiosk passphrase".toCharArray());
      assertEquals("K9", c.kioskId());
      assertEquals(t.config.extendedHash(), c.electionHash());
      assertEquals(boardKey, c.boardKey());
      assertEquals(checkpointKey, c.checkpointKey(), "the board's checkpoint key is pinned too");
    }
  }

  @Test
  void kioskAdd_refusesAKioskPassphraseShorterThanTwelveCharacters_andRegistersNothing() throws Exception {
    try (TestBoard t = new TestBoard(temp, "manifest-small.json")) {
      t.stop();
      Path pass = Files.writeString(temp.resolve("pass"), new String(TestBoard.passphrase()));
      Path kioskPass = Files.writeString(temp.resolve("kiosk-pass"), "12345678");
      Path out = temp.resolve("k8.credentials");
      Console add = Console.run(BallotServer::run, "kiosk", "add", "--data", t.data.dir().toString(), "--name",
          "K8", "--out", out.toString(), "--board-passphrase-file", pass.toString(), "--kiosk-passphrase-file",
          kioskPass.toString());
      assertEquals(2, add.code(), add.printed());
      org.junit.jupiter.api.Assertions.assertTrue(add.printed().contains("at least 12 characters"), add.printed());
      org.junit.jupiter.api.Assertions.assertTrue(Files.notExists(out));
    }
  }
}
