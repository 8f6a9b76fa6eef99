package org.evote.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.note.Checkpoint;
import org.evote.crypto.note.SignedNote;
import org.evote.server.board.BoardBehindException;
import org.evote.server.board.TamperedBoardException;
import org.evote.server.testing.Console;
import org.evote.server.testing.ServerProcess;
import org.evote.server.testing.TestBoard;
import org.evote.server.testing.TestKiosk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No silent loss (protocol §9.8): a board whose database lost entries it had already vouched for in a checkpoint —
 * a write-ahead log truncated after kill -9, a tail cut with its heads — refuses to start, naming the missing
 * entries; {@code ballot-server export} still writes what is stored.
 */
class NoSilentLossTest {
  @TempDir
  Path temp;

  @Test
  void aTruncatedWriteAheadLogAfterKillMinus9_isRefusedNamingTheMissingEntries() throws Exception {
    TestBoard t = new TestBoard(temp, "manifest-small.json");
    TestKiosk kiosk = t.registerKiosk("kiosk-1");
    assertEquals(200, t.adminPost("/api/admin/polls/open", "").statusCode());
    t.stop();
    Path pass = Files.writeString(temp.resolve("passphrase"), new String(TestBoard.passphrase()));
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    long last;
    try (ServerProcess server = ServerProcess.start(t.data.dir(), pass, ServerProcess.freePort(),
        temp.resolve("server.log"))) {
      last = -1;
      for (int i = 0; i < 40; i++) {
        TestKiosk.Submission s = kiosk.next(t.randomBallot("b" + i), false);
        HttpResponse<String> r = http.send(TestBoard.request(server.base, s).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        last = JsonText.parseObject(r.body()).getJsonNumber("sequence").longValue();
      }
      server.kill9();
    }
    Path wal = t.data.dir().resolve("board.sqlite-wal");
    long walSize = Files.size(wal);
    assertTrue(walSize > 0, "the write-ahead log holds the recent commits");
    try (RandomAccessFile f = new RandomAccessFile(wal.toFile(), "rw")) {
      f.setLength(walSize / 2);
    }
    Checkpoint signed = Checkpoint.parse(SignedNote.parse(Files.readAllBytes(t.data.checkpointFile())).text());
    assertEquals(last + 1, signed.size(), "the checkpoint file covers the last receipt given");

    BoardBehindException e = assertThrows(BoardBehindException.class,
        () -> BoardHost.open(t.data, TestBoard.passphrase(), 0).close());
    assertEquals(last, e.lastMissing());
    assertTrue(e.firstMissing() <= last, "entries were lost: " + e.getMessage());
    assertTrue(e.getMessage().contains("entries " + e.firstMissing() + " to " + last + " are missing"),
        e.getMessage());
    Console serve = serve(t, pass);
    assertEquals(4, serve.code(), serve.printed());
    assertTrue(serve.printed().contains("entries " + e.firstMissing() + " to " + last + " are missing"),
        serve.printed());
  }

  @Test
  void aCutTail_isRefusedNamingTheMissingEntries_andCanStillBeExported() throws Exception {
    TestBoard t = new TestBoard(temp, "manifest-small.json");
    TestKiosk kiosk = t.registerKiosk("kiosk-1");
    assertEquals(200, t.adminPost("/api/admin/polls/open", "").statusCode());
    for (int i = 0; i < 5; i++) {
      assertEquals(200, t.post("/api/ballots", kiosk.next(t.randomBallot("b" + i), false)).statusCode());
    }
    assertEquals(200, t.adminPost("/api/admin/polls/close", "").statusCode());
    long size = t.board.reads().status().entries();
    t.stop();
    long cut;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + t.data.database());
        Statement s = c.createStatement()) {
      try (ResultSet r = s.executeQuery("SELECT size FROM heads WHERE size < " + size + " ORDER BY size DESC "
          + "LIMIT 1 OFFSET 2")) {
        assertTrue(r.next());
        cut = r.getLong(1);
      }
      // The polls' closing and the last ballots go, with their heads: the board looks whole, polls open.
      s.executeUpdate("DELETE FROM ballots WHERE seq >= " + cut);
      s.executeUpdate("DELETE FROM entries WHERE seq >= " + cut);
      s.executeUpdate("DELETE FROM heads WHERE size > " + cut);
    }
    BoardBehindException e = assertThrows(BoardBehindException.class,
        () -> BoardHost.open(t.data, TestBoard.passphrase(), 0).close());
    assertEquals(cut, e.firstMissing());
    assertEquals(size - 1, e.lastMissing());
    Path pass = Files.writeString(temp.resolve("passphrase"), new String(TestBoard.passphrase()));
    Console serve = serve(t, pass);
    assertEquals(4, serve.code(), serve.printed());
    assertTrue(serve.printed().contains("entries " + cut + " to " + (size - 1) + " are missing"), serve.printed());

    Path out = temp.resolve("board.json");
    Console export = Console.run(BallotServer::run, "export", "--data", t.data.dir().toString(), "--out",
        out.toString());
    assertEquals(0, export.code(), export.printed());
    assertEquals(cut, JsonText.readObject(out).getJsonArray("entries").size());
  }

  @Test
  void noReceiptIsGivenBeforeTheCheckpointFileIsWritten() throws Exception {
    try (TestBoard t = new TestBoard(temp, "manifest-small.json")) {
      TestKiosk kiosk = t.registerKiosk("kiosk-1");
      assertEquals(200, t.adminPost("/api/admin/polls/open", "").statusCode());
      Path file = t.data.checkpointFile();
      Path older = Files.copy(file, temp.resolve("checkpoint-before.txt"));
      Files.delete(file);
      Files.createDirectories(file.resolve("in-the-way"));
      TestKiosk.Submission s = kiosk.next(t.randomBallot("b0"), false);
      HttpResponse<String> refused = t.post("/api/ballots", s);
      assertEquals(503, refused.statusCode(), refused.body());
      assertTrue(refused.body().contains("board_unavailable"), refused.body());
      t.stop();
      Files.delete(file.resolve("in-the-way"));
      Files.delete(file);
      Files.copy(older, file);
      t.start();
      HttpResponse<String> retried = t.post("/api/ballots", s);
      assertEquals(200, retried.statusCode(), retried.body());
      assertEquals(1, t.board.reads().status().castBallots(), "stored once, its receipt given on the retry");
      Checkpoint signed = Checkpoint.parse(SignedNote.parse(Files.readAllBytes(file)).text());
      assertEquals(t.board.reads().status().entries(), signed.size());
    }
  }

  @Test
  void aCutTailWithItsCheckpointFileGone_isRefusedAsTampered_namingTheMissingFile() throws Exception {
    TestBoard t = new TestBoard(temp, "manifest-small.json");
    TestKiosk kiosk = t.registerKiosk("kiosk-1");
    assertEquals(200, t.adminPost("/api/admin/polls/open", "").statusCode());
    long size = t.board.reads().status().entries();
    for (int i = 0; i < 3; i++) {
      assertEquals(200, t.post("/api/ballots", kiosk.next(t.randomBallot("b" + i), false)).statusCode());
    }
    t.stop();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + t.data.database());
        Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM ballots WHERE seq >= " + size);
      s.executeUpdate("DELETE FROM entries WHERE seq >= " + size);
      s.executeUpdate("DELETE FROM heads WHERE size > " + size);
    }
    Files.delete(t.data.checkpointFile());
    TamperedBoardException e = assertThrows(TamperedBoardException.class,
        () -> BoardHost.open(t.data, TestBoard.passphrase(), 0).close());
    assertTrue(e.getMessage().contains("checkpoint.txt"), e.getMessage());
    assertTrue(e.getMessage().contains("missing"), e.getMessage());
    Path pass = Files.writeString(temp.resolve("passphrase"), new String(TestBoard.passphrase()));
    Console serve = serve(t, pass);
    assertEquals(3, serve.code(), serve.printed());
    assertTrue(serve.printed().contains("checkpoint.txt"), serve.printed());
  }

  @Test
  void aMissingCosignatureDatabase_isRefusedAsTampered_notRecreated() throws Exception {
    TestBoard t = new TestBoard(temp, "manifest-small.json");
    t.stop();
    assertTrue(Files.isRegularFile(t.data.cosignatureDatabase()), "init made the cosignature database");
    Files.delete(t.data.cosignatureDatabase());
    Path pass = Files.writeString(temp.resolve("passphrase"), new String(TestBoard.passphrase()));
    Console serve = serve(t, pass);
    assertEquals(3, serve.code(), serve.printed());
    assertTrue(serve.printed().contains("cosignatures.sqlite"), serve.printed());
    assertTrue(Files.notExists(t.data.cosignatureDatabase()), "never silently recreated");
  }

  private static Console serve(TestBoard t, Path pass) {
    return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Console.run(BallotServer::run, "serve",
        "--data", t.data.dir().toString(), "--port", "0", "--board-passphrase-file", pass.toString()));
  }
}
