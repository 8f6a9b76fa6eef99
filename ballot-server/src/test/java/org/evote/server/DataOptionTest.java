package org.evote.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.evote.server.testing.Console;
import org.evote.server.testing.TestBoard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's commands say in one line that {@code --data} is not a board, before any passphrase is asked, and an
 * error about a passphrase names the option that gives it in a file.
 */
class DataOptionTest {
  @TempDir
  Path temp;

  @Test
  void serveOnADirectoryThatDoesNotExistSaysSoWithoutAskingForAPassphrase() {
    Path missing = temp.resolve("nonexistent");
    Console serve = Console.run(BallotServer::run, "serve", "--plain-http", "--data", missing.toString());
    assertEquals(2, serve.code(), serve.printed());
    assertEquals("error: --data: the directory " + missing + " does not exist (create a board there with "
        + "./evote server init --election election.json --data " + missing + ")", serve.err().strip());
    assertFalse(serve.printed().contains("passphrase"), serve.printed());
    assertFalse(Files.exists(missing), "nothing is created");
  }

  @Test
  void serveExportAndKioskAddOnAnEmptyDirectorySayItHoldsNoBoard() throws Exception {
    Path empty = Files.createDirectory(temp.resolve("empty"));
    for (String[] args : new String[][] {{"serve", "--plain-http", "--data", empty.toString()},
        {"export", "--data", empty.toString(), "--out", temp.resolve("b.json").toString()},
        {"kiosk", "add", "--data", empty.toString(), "--name", "K1", "--out", temp.resolve("k").toString()},
        {"kiosk", "revoke", "--data", empty.toString(), "--name", "K1", "--reason", "lost"}}) {
      Console c = Console.run(BallotServer::run, args);
      assertEquals(2, c.code(), String.join(" ", args) + ": " + c.printed());
      assertTrue(c.err().contains("--data: " + empty + " holds no board"), c.printed());
      assertFalse(c.printed().contains("passphrase"), c.printed());
    }
  }

  @Test
  void aMissingPassphraseFileAndAMissingConsoleNameTheOption() throws Exception {
    Path electionFile = temp.resolve("election.json");
    TestBoard.writeElection(electionFile, "manifest-small.json", new SecureRandom());
    Path nope = temp.resolve("no-such.pass");
    Console init = Console.run(BallotServer::run, "init", "--election", electionFile.toString(), "--data",
        temp.resolve("data").toString(), "--board-passphrase-file", nope.toString());
    assertEquals(1, init.code(), init.printed());
    assertEquals("error: --board-passphrase-file: no such file " + nope, init.err().strip());

    Console noConsole = Console.run(BallotServer::run, "init", "--election", electionFile.toString(), "--data",
        temp.resolve("data2").toString());
    assertEquals(1, noConsole.code(), noConsole.printed());
    assertTrue(noConsole.err().contains("give it in a file with --board-passphrase-file"), noConsole.printed());
  }

  @Test
  void initWithAnElectionFileThatDoesNotExistNamesTheOption() {
    Path nope = temp.resolve("nope.json");
    Console init = Console.run(BallotServer::run, "init", "--election", nope.toString(), "--data",
        temp.resolve("d").toString());
    assertEquals(2, init.code(), init.printed());
    assertEquals("error: --election: no such file " + nope, init.err().strip());
  }
}
