package org.evote.server.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.net.http.HttpResponse;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.evote.crypto.ballot.ConfirmationCodes;
import org.evote.crypto.ballot.EncryptedBallot;
import org.evote.crypto.board.BoardEntry;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.board.MerkleTree;
import org.evote.crypto.board.Rule;
import org.evote.crypto.board.SignedHead;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.Submissions;
import org.evote.server.BallotServer;
import org.evote.server.store.BoardStore;
import org.evote.server.testing.Console;
import org.evote.server.testing.Copies;
import org.evote.server.testing.TestBoard;
import org.evote.server.testing.TestKiosk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On start the board re-checks its whole chain, its entries against the board's rules, its tree and heads, and
 * refuses a tampered database; edited index tables are rebuilt from the entries.
 */
class TamperTest {
  @TempDir
  Path temp;

  /** A board with a few ballots, stopped; returns it for tampering. */
  TestBoard boardWithBallots() throws Exception {
    TestBoard t = new TestBoard(temp, "manifest-small.json");
    TestKiosk k = t.registerKiosk("kiosk-1");
    t.adminPost("/api/admin/polls/open", "");
    for (int i = 0; i < 5; i++) {
      assertEquals(200, t.post("/api/ballots", k.next(t.randomBallot("b-" + i), false).body()).statusCode());
    }
    t.stop();
    return t;
  }

  void sql(TestBoard t, String... statements) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + t.data.database());
        Statement s = c.createStatement()) {
      for (String st : statements) {
        s.execute(st);
      }
    }
  }

  TamperedBoardException refusal(TestBoard t) throws Exception {
    return assertThrows(TamperedBoardException.class,
        () -> org.evote.server.BoardHost.open(t.data, TestBoard.passphrase(), 0).close());
  }

  @Test
  void anEditedCiphertextIsRefusedNamingItsEntry() throws Exception {
    TestBoard t = boardWithBallots();
    sql(t, "UPDATE entries SET payload = replace(payload, substr(payload, instr(payload, '\"alpha\":\"') + 11, 4),"
        + " 'ffff') WHERE seq = 5");
    TamperedBoardException e = refusal(t);
    assertEquals(5, e.sequence());
    assertTrue(e.getMessage().contains("first bad sequence number 5"), e.getMessage());
  }

  @Test
  void aDeletedRowIsRefused() throws Exception {
    TestBoard t = boardWithBallots();
    sql(t, "DELETE FROM entries WHERE seq = 4");
    assertEquals(4, refusal(t).sequence());
  }

  @Test
  void swappedRowsAreRefused() throws Exception {
    TestBoard t = boardWithBallots();
    sql(t, "UPDATE entries SET seq = -1 WHERE seq = 5", "UPDATE entries SET seq = 5 WHERE seq = 6",
        "UPDATE entries SET seq = 6 WHERE seq = -1");
    assertEquals(5, refusal(t).sequence());
  }

  @Test
  void aRewrittenChainIsCaughtByTheSignedHeads() throws Exception {
    TestBoard t = boardWithBallots();
    // Edit entry 5 and recompute every hash after it, as an attacker without the board key would.
    BoardStore store = BoardStore.open(t.data.database());
    java.util.List<BoardEntry> entries = store.entries(0, 1000);
    store.close();
    Digest prev = entries.get(4).entryHash();
    java.util.List<String> sqls = new java.util.ArrayList<>();
    for (int i = 5; i < entries.size(); i++) {
      BoardEntry e = entries.get(i);
      String payload = i == 5 ? e.payload().replace("\"request_id\":\"", "\"request_id\":\"x") : e.payload();
      Digest h = BoardEntry.hash(t.config.extendedHash(), prev, e.sequence(), e.kind(), e.timestamp(), payload);
      sqls.add("UPDATE entries SET payload = '" + payload.replace("'", "''") + "', previous_hash = '" + prev.toHex()
          + "', entry_hash = '" + h.toHex() + "' WHERE seq = " + i);
      prev = h;
    }
    sql(t, sqls.toArray(new String[0]));
    TamperedBoardException e = refusal(t);
    assertTrue(e.sequence() <= 5, e.getMessage());
    assertTrue(e.getMessage().contains("Merkle root"), e.getMessage());
  }

  @Test
  void editedIndexTablesAreRebuiltFromTheEntries() throws Exception {
    TestBoard t = boardWithBallots();
    TestKiosk ghost = new TestKiosk("ghost", t.config, t.random);
    sql(t, "INSERT INTO kiosks VALUES ('ghost', '" + ghost.key.publicKey().hex() + "', 0, NULL, 0, 0)",
        "DELETE FROM ballots WHERE seq = 4");
    t.start();
    try {
      HttpResponse<String> r = t.post("/api/ballots", ghost.next(t.randomBallot("ghost-1"), false).body());
      assertEquals(403, r.statusCode(), "a kiosk only in the index table is no kiosk: " + r.body());
      try (BoardStore fresh = BoardStore.open(t.data.database())) {
        assertTrue(fresh.ballotByRequest("kiosk-1", "kiosk-1-req-2").isPresent(),
            "the deleted index row is rebuilt from its entry");
      }
    } finally {
      t.stop();
    }
  }

  @Test
  void aCopiedBallotIsStillRefusedAfterItsIndexRowsAreDeletedAndTheBoardRestarts() throws Exception {
    TestBoard t = new TestBoard(temp, "manifest-small.json");
    TestKiosk k1 = t.registerKiosk("kiosk-1");
    TestKiosk k2 = t.registerKiosk("kiosk-2");
    t.adminPost("/api/admin/polls/open", "");
    TestKiosk.Submission original = k1.next(t.randomBallot("original"), false);
    assertEquals(200, t.post("/api/ballots", original.body()).statusCode());
    t.stop();
    // Make the database forget the ballot everywhere but in its entry (and the retired ciphertext index, if any).
    sql(t, "DELETE FROM ballots", "DELETE FROM kiosks", "DROP TABLE IF EXISTS alphas");
    t.start();
    try {
      // The whole ballot posted again by its kiosk (its chain, time and confirmation code recomputed): valid
      // proofs, a valid signature — and the same ballot id.
      EncryptedBallot b = original.ballot();
      long time = b.timestamp() + 1;
      List<Digest> chis = b.contests().stream().map(c -> c.contestHash()).toList();
      EncryptedBallot copy = new EncryptedBallot(b.ballotId(), b.styleId(), "kiosk-1", time, k1.chain(),
          b.contests(), ConfirmationCodes.confirmationCode(t.config.extendedHash(), "kiosk-1", k1.chain(), time,
              b.ballotId(), b.styleId(), chis));
      HttpResponse<String> r = t.post("/api/ballots", k1.body(Submissions.cast(t.config.extendedHash(), "copy-1",
          copy, k1.key)));
      assertEquals(409, r.statusCode(), r.body());
      assertEquals("duplicate_ballot_id", TestBoard.json(r).getJsonObject("error").getString("code"));
      // Its ciphertexts under a new ballot id (which only the writer can be shown: the proofs name the ballot id).
      VerifiedSubmission copied = Copies.withCiphertextOf(t, k2.next(t.randomBallot("not-a-copy"), false), b);
      ExecutionException e = assertThrows(ExecutionException.class, () -> t.board.submit(copied).get());
      assertEquals(new Refusal.BrokenRule(Rule.CIPHERTEXTS_UNIQUE), ((Refusal) e.getCause()).reason());
    } finally {
      t.stop();
    }
  }

  @Test
  void aStoredEntryBreakingABoardRuleIsRefusedNamingTheEntryAndTheRule() throws Exception {
    TestBoard t = boardWithBallots();
    // Entry 2 opened the polls; a second polls_opened appended after the ballots, chained and signed with the
    // board key (as only the board itself could): the chain and heads check out, the rules do not.
    BoardEntry last;
    try (BoardStore store = BoardStore.open(t.data.database())) {
      List<BoardEntry> all = store.entries(0, 1000);
      last = all.get(all.size() - 1);
    }
    long time = last.timestamp();
    BoardEntry again = BoardEntry.append(t.config.extendedHash(), last, EntryKind.POLLS_OPENED, time, "{}");
    org.evote.crypto.board.Ed25519.PrivateKey key = t.data.boardKey(TestBoard.passphrase());
    java.util.List<Digest> leaves = new java.util.ArrayList<>();
    try (BoardStore store = BoardStore.open(t.data.database())) {
      store.entries(0, 1000).forEach(x -> leaves.add(x.entryHash()));
    }
    leaves.add(again.entryHash());
    SignedHead head = SignedHead.sign(t.config.extendedHash(), leaves.size(), again.entryHash(),
        MerkleTree.of(leaves).root(), time, key);
    sql(t, "INSERT INTO entries VALUES (" + again.sequence() + ", 'polls_opened', " + time + ", '{}', '"
        + again.previousHash().toHex() + "', '" + again.entryHash().toHex() + "')",
        "INSERT INTO heads VALUES (" + head.size() + ", '" + head.headHash().toHex() + "', '"
        + head.merkleRoot().toHex() + "', " + head.timestamp() + ", '" + head.signature().hex() + "')");
    TamperedBoardException e = refusal(t);
    assertEquals(last.sequence() + 1, e.sequence(), e.getMessage());
    assertEquals(Rule.POLLS_OPEN_ONCE, e.rule().orElseThrow(), e.getMessage());
    assertTrue(e.getMessage().contains("POLLS_OPEN_ONCE"), e.getMessage());
  }

  @Test
  void anUnreadableHashColumnIsRefusedNamingItsEntry() throws Exception {
    TestBoard t = boardWithBallots();
    sql(t, "UPDATE entries SET entry_hash = 'zz' WHERE seq = 4");
    assertEquals(4, refusal(t).sequence());
  }

  @Test
  void anUnreadableEntryIsRefusedNamingIt() throws Exception {
    TestBoard t = boardWithBallots();
    sql(t, "UPDATE entries SET kind = 'mystery' WHERE seq = 4");
    assertEquals(4, refusal(t).sequence());
  }

  @Test
  void theServeCommandRefusesToStartOnATamperedBoard() throws Exception {
    TestBoard t = boardWithBallots();
    sql(t, "DELETE FROM entries WHERE seq = 3");
    Path pass = temp.resolve("pass");
    Files.writeString(pass, new String(TestBoard.passphrase()));
    Console serve = Console.run(BallotServer::run, "serve", "--data", t.data.dir().toString(), "--port", "0",
        "--board-passphrase-file", pass.toString());
    assertEquals(3, serve.code(), serve.printed());
    assertTrue(serve.err().contains("first bad sequence number 3"), serve.printed());
  }
}
