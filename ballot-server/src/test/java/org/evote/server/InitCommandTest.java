package org.evote.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.evote.crypto.board.BoardOrigin;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.note.SignatureType;
import org.evote.crypto.note.VerifierKey;
import org.evote.server.store.DataDir;
import org.evote.server.testing.Console;
import org.evote.server.testing.TestBoard;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.keystore.AdminCredentials;
import org.evote.crypto.keystore.EncryptedKeyFile;
import org.evote.server.store.BoardStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ballot-server init}: the board's checkpoint key (protocol §9.8), named for the board and the election. */
class InitCommandTest {
  @TempDir
  Path temp;

  @Test
  void init_printsTheCheckpointKeyNamedByTheBoardNameAndElection() throws Exception {
    Path electionFile = temp.resolve("election.json");
    ElectionConfig config = TestBoard.writeElection(electionFile, "manifest-small.json", new SecureRandom());
    Path pass = Files.writeString(temp.resolve("pass"), new String(TestBoard.passphrase()));
    Path adminPass = Files.writeString(temp.resolve("admin.pass"), new String(TestBoard.adminPassphrase()));
    Path data = temp.resolve("data");
    Console init = Console.run(BallotServer::run, "init", "--election", electionFile.toString(), "--data",
        data.toString(), "--board-name", "board.county.example", "--board-passphrase-file", pass.toString(),
        "--admin-passphrase-file", adminPass.toString());
    assertEquals(0, init.code(), init.printed());
    DataDir dir = new DataDir(data);
    VerifierKey key = dir.checkpointVerifierKey();
    assertEquals(SignatureType.ED25519, key.type());
    assertEquals(new BoardOrigin("board.county.example", config.extendedHash()).origin(), key.name());
    assertTrue(init.printed().contains(key.encoded()), init.printed());
    assertEquals(key, dir.checkpointKey(TestBoard.passphrase()).verifierKey());
    assertFalse(Files.readString(dir.checkpointKeyFile()).contains(dir.checkpointKey(TestBoard.passphrase())
        .seedHex()), "the key is sealed at rest");

    AdminCredentials admin = AdminCredentials.read(dir.adminCredentialsFile(), TestBoard.adminPassphrase());
    assertEquals("admin", admin.name());
    assertEquals(config.extendedHash(), admin.electionHash());
    assertFalse(Files.readString(dir.adminCredentialsFile()).contains(admin.key().seedHex()),
        "the administrator key is sealed at rest");
    assertThrows(EncryptedKeyFile.WrongPassphraseException.class,
        () -> AdminCredentials.read(dir.adminCredentialsFile(), TestBoard.passphrase()));
    try (BoardStore store = BoardStore.open(dir.database())) {
      assertEquals(admin.publicKey().hex(), store.adminPublicKey("admin").orElseThrow(),
          "the board registers the administrator's public key");
    }
  }

  @Test
  void aBearerTokenCredentialFromBefore_isRefusedWithWhatToDo() throws Exception {
    Path old = Files.writeString(temp.resolve("old.credentials"), "{\"kind\":\"evote-admin-credentials\","
        + "\"name\":\"admin\",\"token\":\"" + "ab".repeat(32) + "\"}");
    InvalidFieldException e = assertThrows(InvalidFieldException.class,
        () -> AdminCredentials.read(old, TestBoard.adminPassphrase()));
    assertEquals("token", e.field());
    assertTrue(e.getMessage().contains("signed"), e.getMessage());
  }

  @Test
  void init_refusesABadBoardName() throws Exception {
    Path electionFile = temp.resolve("election.json");
    TestBoard.writeElection(electionFile, "manifest-small.json", new SecureRandom());
    Path pass = Files.writeString(temp.resolve("pass"), new String(TestBoard.passphrase()));
    Console init = Console.run(BallotServer::run, "init", "--election", electionFile.toString(), "--data",
        temp.resolve("data").toString(), "--board-name", "no spaces allowed", "--board-passphrase-file",
        pass.toString());
    assertEquals(2, init.code(), init.printed());
    assertTrue(init.printed().contains("--board-name"), init.printed());
    assertFalse(Files.exists(temp.resolve("data")));
  }

  @Test
  void init_refusesAnElectionOfAnotherProtocolVersionNamingTheFieldAndTheVersion() throws Exception {
    Path electionFile = temp.resolve("election.json");
    TestBoard.writeElection(electionFile, "manifest-small.json", new SecureRandom());
    jakarta.json.JsonObject e = org.evote.crypto.json.JsonText.readObject(electionFile);
    org.evote.crypto.json.JsonText.write(electionFile, org.evote.crypto.json.JsonText.object(e).add("parameters",
        org.evote.crypto.json.JsonText.object(e.getJsonObject("parameters")).add("protocol", "evote/1")).build());
    Path pass = Files.writeString(temp.resolve("pass"), new String(TestBoard.passphrase()));
    Path adminPass = Files.writeString(temp.resolve("admin.pass"), new String(TestBoard.adminPassphrase()));
    Console init = Console.run(BallotServer::run, "init", "--election", electionFile.toString(), "--data",
        temp.resolve("data").toString(), "--board-name", "board.county.example", "--board-passphrase-file",
        pass.toString(), "--admin-passphrase-file", adminPass.toString());
    assertEquals(1, init.code(), init.printed());
    assertTrue(init.printed().contains("error: election: V1 election.json: parameters.protocol: protocol version "
        + "'evote/1' is not supported: this implementation reads only evote/2 records"),
        init.printed());
    assertFalse(Files.exists(new DataDir(temp.resolve("data")).database()), "nothing is written");
  }
}
