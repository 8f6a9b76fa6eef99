package org.evote.system;

import static org.evote.system.WitnessedBoards.await;
import static org.evote.system.WitnessedBoards.checkpoint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.evote.crypto.keystore.TlsFingerprint;
import org.evote.crypto.note.WitnessPolicy;
import org.evote.server.BallotServer;
import org.evote.server.BoardHost;
import org.evote.server.testing.Console;
import org.evote.server.testing.TestBoard;
import org.evote.server.testing.TestKiosk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Witnesses speak HTTPS themselves and the board pins each one's certificate ({@code serve --witness-tls
 * NAME=FINGERPRINT}, board-client's {@code PinnedTls}): a pinned witness cosigns; the same witness under a wrong
 * pin is never reached; an https witness without a pin is refused at start.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class WitnessTlsTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  @TempDir
  Path temp;

  @Test
  void aPinnedHttpsWitnessCosigns_andUnderAWrongPinItIsNeverReached() throws Exception {
    try (TestBoard t = new TestBoard(Files.createDirectories(temp.resolve("board")), "manifest-small.json");
        LiveWitness w = LiveWitness.init(temp.resolve("w1"), "witness.test/w1", RANDOM)) {
      TestKiosk kiosk = t.registerKiosk("kiosk-1");
      assertEquals(200, t.adminPost("/api/admin/polls/open", "").statusCode());
      w.serveHttps(t.board.checkpointKey());
      assertEquals("https", w.uri().getScheme());
      String origin = t.board.checkpointKey().name();

      TlsFingerprint wrong = TlsFingerprint.ofDer(new byte[] {1, 2, 3});
      t.stop();
      t.start(new BoardHost.Witnesses(List.of(w.asBoardSees()), 1, LiveWitness.TIMEOUT, Map.of(w.name, wrong)));
      assertEquals(200, t.post("/api/ballots", kiosk.next(t.randomBallot("b0"), false)).statusCode());
      Thread.sleep(3_000);
      assertEquals(0, w.size(origin), "a board pinning another certificate never completes a handshake");

      t.stop();
      t.start(new BoardHost.Witnesses(List.of(w.asBoardSees()), 1, LiveWitness.TIMEOUT,
          Map.of(w.name, w.tlsFingerprint())));
      assertEquals(200, t.post("/api/ballots", kiosk.next(t.randomBallot("b1"), false)).statusCode());
      long size = t.board.reads().status().entries();
      WitnessPolicy policy = new WitnessPolicy(t.board.checkpointKey(), List.of(w.vkeys.get(0)), 1);
      await("the pinned https witness cosigns", () -> policy.check(checkpoint(t.base))
          instanceof WitnessPolicy.Result.Satisfied s && s.checkpoint().size() == size);
      assertEquals(size, w.size(origin));
    }
  }

  @Test
  void serve_refusesAnHttpsWitnessWithoutAPin_andAPinForNoWitness() throws Exception {
    try (TestBoard t = new TestBoard(Files.createDirectories(temp.resolve("board")), "manifest-small.json");
        LiveWitness w = LiveWitness.init(temp.resolve("w1"), "witness.test/w1", RANDOM)) {
      t.stop();
      Path pass = Files.writeString(temp.resolve("pass"), new String(TestBoard.passphrase()));
      String https = "https://127.0.0.1:" + w.port + "/=" + w.vkeys.get(0).encoded();
      Console noPin = Console.run(BallotServer::run, "serve", "--data", t.data.dir().toString(), "--port", "0",
          "--plain-http", "--board-passphrase-file", pass.toString(), "--witness", https);
      assertEquals(2, noPin.code(), noPin.printed());
      assertTrue(noPin.err().contains("fingerprint"), noPin.printed());
      Console stranger = Console.run(BallotServer::run, "serve", "--data", t.data.dir().toString(), "--port", "0",
          "--plain-http", "--board-passphrase-file", pass.toString(), "--witness", https, "--witness-tls",
          "witness.test/other=" + w.tlsFingerprint().hex());
      assertEquals(2, stranger.code(), stranger.printed());
      assertTrue(stranger.err().contains("witness.test/other"), stranger.printed());
      assertFalse(stranger.out().contains("Serving"), stranger.printed());
    }
  }
}
