package org.evote.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    Path data = temp.resolve("data");
    Console init = Console.run(BallotServer::run, "init", "--election", electionFile.toString(), "--data",
        data.toString(), "--board-name", "board.county.example", "--board-passphrase-file", pass.toString());
    assertEquals(0, init.code(), init.printed());
    DataDir dir = new DataDir(data);
    VerifierKey key = dir.checkpointVerifierKey();
    assertEquals(SignatureType.ED25519, key.type());
    assertEquals(new BoardOrigin("board.county.example", config.extendedHash()).origin(), key.name());
    assertTrue(init.printed().contains(key.encoded()), init.printed());
    assertEquals(key, dir.checkpointKey(TestBoard.passphrase()).verifierKey());
    assertFalse(Files.readString(dir.checkpointKeyFile()).contains(dir.checkpointKey(TestBoard.passphrase())
        .seedHex()), "the key is sealed at rest");
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
}
