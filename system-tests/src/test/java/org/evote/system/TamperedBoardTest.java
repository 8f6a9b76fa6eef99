package org.evote.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.evote.launcher.election.RobotKiosks;
import org.evote.server.BallotServer;
import org.evote.tally.TallyTool;
import org.evote.server.testing.Console;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Board file tampered: after a real election day, one change to the server's SQLite board — a ciphertext
 * edited, a row deleted, two rows swapped, a column made unreadable — makes the server refuse to start, and the
 * tally tool, given the board as stored ({@code ballot-server export}) with the checkpoint the board last wrote to
 * its data directory, names the entry.
 */
class TamperedBoardTest {
  /** Entry 6 is a ballot: 0 election, 1–2 kiosks, 3 polls opened, 4… ballots. */
  static final int ENTRY = 6;

  enum Tampering {
    CIPHERTEXT_EDITED("UPDATE entries SET payload = replace(payload, substr(payload, instr(payload, '\"alpha\":\"') "
        + "+ 11, 6), 'abcdef') WHERE seq = " + ENTRY),
    ROW_DELETED("DELETE FROM entries WHERE seq = " + ENTRY),
    ROWS_SWAPPED("UPDATE entries SET seq = -1 WHERE seq = " + ENTRY, "UPDATE entries SET seq = " + ENTRY
        + " WHERE seq = " + (ENTRY + 1), "UPDATE entries SET seq = " + (ENTRY + 1) + " WHERE seq = -1"),
    HASH_UNREADABLE("UPDATE entries SET entry_hash = 'zz' WHERE seq = " + ENTRY),
    KIND_UNKNOWN("UPDATE entries SET kind = 'bogus' WHERE seq = " + ENTRY);

    final String[] sql;

    Tampering(String... sql) {
      this.sql = sql;
    }
  }

  @TempDir
  Path temp;

  @ParameterizedTest
  @EnumSource(Tampering.class)
  @Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES) // a serve that wrongly starts would never return
  void theServerRefusesToStartAndTheVerifierNamesTheEntry(Tampering tampering) throws Exception {
    Path data;
    Path election;
    Path pass;
    try (Site site = new Site(temp, "manifest-small.json", 2)) {
      try (RobotKiosks robots = new RobotKiosks(site.config, site.board.uri(), site.kiosks, temp.resolve("kiosks"),
          0.3, site.random)) {
        robots.vote(6);
        assertTrue(robots.awaitUploads(java.time.Duration.ofSeconds(30)));
      }
      site.board.closePolls();
      data = site.dataDir();
      election = site.electionFile;
      pass = site.boardPassFile;
    }
    // Untampered, the stored board verifies.
    Path clean = temp.resolve("clean-board.json");
    assertEquals(0, Console.run(BallotServer::run, "export", "--data", data.toString(), "--out", clean.toString())
        .code());
    Console ok = Console.run(TallyTool::run, "verify", "--election", election.toString(), "--board",
        clean.toString(), "--checkpoint", data.resolve("checkpoint.txt").toString());
    assertEquals(0, ok.code(), ok.printed());

    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("board.sqlite"));
        Statement s = c.createStatement()) {
      for (String sql : tampering.sql) {
        s.execute(sql);
      }
    }

    Console serve = Console.run(BallotServer::run, "serve", "--data", data.toString(), "--port", "0",
        "--board-passphrase-file", pass.toString());
    assertEquals(3, serve.code(), serve.printed());
    assertTrue(serve.err().contains("refusing to serve") && serve.err().contains("first bad sequence number "
        + ENTRY), serve.printed());

    Path stored = temp.resolve("tampered-board.json");
    assertEquals(0, Console.run(BallotServer::run, "export", "--data", data.toString(), "--out", stored.toString())
        .code());
    Console verify = Console.run(TallyTool::run, "verify", "--election", election.toString(), "--board",
        stored.toString(), "--checkpoint", data.resolve("checkpoint.txt").toString());
    assertEquals(1, verify.code(), verify.printed());
    assertTrue(verify.printed().contains("entry " + ENTRY), verify.printed());
  }
}
