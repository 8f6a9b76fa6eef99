package org.evote.system;

import static org.evote.system.WitnessedBoards.await;
import static org.evote.system.WitnessedBoards.checkpoint;
import static org.evote.system.WitnessedBoards.quorumCoversLatest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.evote.crypto.note.AddCheckpointRequest;
import org.evote.crypto.note.Checkpoint;
import org.evote.crypto.note.Cosigner;
import org.evote.crypto.note.SignatureType;
import org.evote.crypto.note.SignedNote;
import org.evote.server.BoardHost;
import org.evote.server.testing.TestBoard;
import org.evote.server.testing.TestKiosk;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a real witness never does, so only a deliberately hostile endpoint can show it: answers that are not
 * cosignatures, cosignatures by another key, a line of the witness's key that does not verify, a 409 without a
 * size, a 409 beyond the board's size without a checkpoint the board signed. The board keeps none of them, serves no line of that witness, and voting goes on; an honest witness next
 * to it still cosigns.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class HostileWitnessTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  @TempDir
  Path temp;

  enum Answer { GARBAGE, OTHER_KEY, BAD_SIGNATURE, CONFLICT_WITHOUT_SIZE, CONFLICT_BEYOND_UNSIGNED }

  /** An endpoint that answers every add-checkpoint with {@code answer}, as a witness named "hostile.test". */
  private static final class HostileWitness implements AutoCloseable {
    final Cosigner key = Cosigner.generate("hostile.test", SignatureType.COSIGNATURE_ED25519, RANDOM);
    final Cosigner impostor = Cosigner.generate("hostile.test", SignatureType.COSIGNATURE_ED25519, RANDOM);
    final AtomicInteger posts = new AtomicInteger();
    final HttpServer server;
    final Answer answer;

    HostileWitness(Answer answer) throws IOException {
      this.answer = answer;
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/", this::handle);
      server.start();
    }

    org.evote.crypto.notice.ElectionNotice.Witness asBoardSees() {
      return new org.evote.crypto.notice.ElectionNotice.Witness(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
          key.verifierKey());
    }

    private void handle(HttpExchange x) throws IOException {
      try (x) {
        if (!x.getRequestMethod().equals("POST")) {
          send(x, 404, "text/plain", "never cosigned\n");
          return;
        }
        Checkpoint cp = Checkpoint.parse(AddCheckpointRequest.parse(x.getRequestBody().readAllBytes())
            .checkpoint().text());
        long now = System.currentTimeMillis() / 1000;
        switch (answer) {
          case GARBAGE -> send(x, 200, "text/plain", "cosigned, trust me\n");
          case OTHER_KEY -> send(x, 200, "text/plain", impostor.cosign(cp, now).line());
          case BAD_SIGNATURE -> send(x, 200, "text/plain",
              key.cosign(new Checkpoint(cp.origin(), cp.size() + 1, cp.rootHash()), now).line());
          case CONFLICT_WITHOUT_SIZE -> send(x, 409, "text/plain", "0\n");
          // Claims a size beyond the board's, but shows no checkpoint the board signed (its GET answers 404).
          case CONFLICT_BEYOND_UNSIGNED -> send(x, 409, "text/x.tlog.size", "1000000\n");
          default -> throw new IllegalStateException();
        }
        posts.incrementAndGet();
      }
    }

    private static void send(HttpExchange x, int status, String type, String body) throws IOException {
      byte[] b = body.getBytes(StandardCharsets.UTF_8);
      x.getResponseHeaders().set("Content-Type", type);
      x.sendResponseHeaders(status, b.length);
      x.getResponseBody().write(b);
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  @ParameterizedTest
  @EnumSource(Answer.class)
  void theBoardKeepsNothingAHostileWitnessAnswers(Answer answer) throws Exception {
    try (TestBoard t = new TestBoard(Files.createDirectories(temp.resolve("board")), "manifest-small.json");
        HostileWitness hostile = new HostileWitness(answer);
        LiveWitness honest = LiveWitness.init(temp.resolve("honest"), "witness.test/honest", RANDOM)) {
      TestKiosk kiosk = t.registerKiosk("kiosk-1");
      assertEquals(200, t.adminPost("/api/admin/polls/open", "").statusCode());
      honest.serve(t.board.checkpointKey());
      t.stop();
      t.start(new BoardHost.Witnesses(List.of(hostile.asBoardSees(), honest.asBoardSees()), 1,
          Duration.ofSeconds(5)));
      for (int i = 0; i < 2; i++) {
        assertEquals(200, t.post("/api/ballots", kiosk.next(t.randomBallot("b" + i), false)).statusCode(),
            "voting goes on");
      }
      long size = t.board.reads().size();
      // A second request is sent only once the first answer was dealt with.
      await("the board asks the hostile witness twice", () -> hostile.posts.get() >= 2);
      await("the honest witness cosigns", () -> honest.size(t.board.checkpointKey().name()) == size
          && checkpoint(t.base).text().contains("\n" + size + "\n")
          && checkpoint(t.base).signatures().stream().anyMatch(s -> honest.vkeys.get(0).matches(s)));
      SignedNote served = checkpoint(t.base);
      assertFalse(served.signatures().stream().anyMatch(s -> s.keyName().equals("hostile.test")), served.format());
      assertTrue(quorumCoversLatest(t.base), "quorum 1: the honest witness");
      var hostileStatus = WitnessedBoards.status(t.base).getJsonArray("witnesses").getJsonObject(0);
      assertEquals("hostile.test", hostileStatus.getString("name"));
      assertFalse(hostileStatus.containsKey("last_cosigned_size"), "nothing kept: " + hostileStatus);
      assertEquals(200, t.post("/api/ballots", kiosk.next(t.randomBallot("b2"), false)).statusCode(),
          "a witness cannot stop the board's writes");
    }
  }

  /**
   * An endpoint that accepts every connection, sends the headers of a long answer and then one byte a second: a
   * witness that would hold the board forever if only the wait for headers were bounded.
   */
  private static final class DrippingWitness implements AutoCloseable {
    final Cosigner key = Cosigner.generate("drip.test", SignatureType.COSIGNATURE_ED25519, RANDOM);
    final java.net.ServerSocket socket;
    final AtomicInteger connections = new AtomicInteger();
    final AtomicInteger posts = new AtomicInteger();

    DrippingWitness() throws IOException {
      socket = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
      Thread accept = new Thread(() -> {
        while (!socket.isClosed()) {
          try {
            java.net.Socket s = socket.accept();
            connections.incrementAndGet();
            Thread drip = new Thread(() -> drip(s), "drip");
            drip.setDaemon(true);
            drip.start();
          } catch (IOException e) {
            return;
          }
        }
      }, "drip-accept");
      accept.setDaemon(true);
      accept.start();
    }

    private void drip(java.net.Socket s) {
      try (s) {
        byte[] head = new byte[8192];
        int n = s.getInputStream().read(head);
        if (n > 4 && new String(head, 0, 4, StandardCharsets.US_ASCII).equals("POST")) {
          posts.incrementAndGet();
        }
        var out = s.getOutputStream();
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000000\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        for (int i = 0; i < 600 && !socket.isClosed(); i++) {
          out.write('a');
          out.flush();
          Thread.sleep(1000);
        }
      } catch (IOException | InterruptedException e) {
        // the board hung up: what it should do
      }
    }

    URI uri() {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  @org.junit.jupiter.api.Test
  void aWitnessThatDripsItsAnswers_neitherHoldsTheStartNorItsLane() throws Exception {
    try (TestBoard t = new TestBoard(Files.createDirectories(temp.resolve("board")), "manifest-small.json");
        DrippingWitness drip = new DrippingWitness();
        LiveWitness honest = LiveWitness.init(temp.resolve("honest"), "witness.test/honest", RANDOM)) {
      TestKiosk kiosk = t.registerKiosk("kiosk-1");
      assertEquals(200, t.adminPost("/api/admin/polls/open", "").statusCode());
      honest.serve(t.board.checkpointKey());
      t.stop();
      long start = System.nanoTime();
      t.start(new BoardHost.Witnesses(List.of(new org.evote.crypto.notice.ElectionNotice.Witness(drip.uri(),
          drip.key.verifierKey()), honest.asBoardSees()), 1, Duration.ofSeconds(2)));
      long ms = (System.nanoTime() - start) / 1_000_000;
      assertTrue(ms < 8_000, "the start-up check is bounded (2 s timeout + 1 s): " + ms + " ms");
      assertTrue(drip.connections.get() >= 1, "the dripping witness was asked at start");
      for (int i = 0; i < 2; i++) {
        assertEquals(200, t.post("/api/ballots", kiosk.next(t.randomBallot("b" + i), false)).statusCode(),
            "voting goes on");
      }
      long size = t.board.reads().size();
      await("the honest witness cosigns", () -> quorumCoversLatest(t.base)
          && honest.size(t.board.checkpointKey().name()) == size);
      // Each request is cut off at its deadline and the lane asks again (after its back-off): it never hangs.
      await("the dripping witness's lane asks again", () -> drip.posts.get() >= 2);
      assertFalse(checkpoint(t.base).signatures().stream().anyMatch(s -> s.keyName().equals("drip.test")));
    }
  }

  @org.junit.jupiter.api.Test
  void aCheckpointTheBoardSigned_isAClaimAtStart_evenWithoutAValidCosignature() throws Exception {
    try (TestBoard t = new TestBoard(Files.createDirectories(temp.resolve("board")), "manifest-small.json")) {
      TestKiosk kiosk = t.registerKiosk("kiosk-1");
      assertEquals(200, t.adminPost("/api/admin/polls/open", "").statusCode());
      long size = t.board.reads().size();
      t.stop();
      Path backup = WitnessedBoards.backUpRecords(t.data.dir(), temp.resolve("backup"));
      t.start();
      for (int i = 0; i < 2; i++) {
        assertEquals(200, t.post("/api/ballots", kiosk.next(t.randomBallot("b" + i), false)).statusCode());
      }
      long later = t.board.reads().size();
      t.stop();
      // The newest checkpoint the board signed, served by a witness with a cosignature line that does not verify.
      Cosigner key = Cosigner.generate("witness.test/w", SignatureType.COSIGNATURE_ED25519, RANDOM);
      SignedNote signed = SignedNote.parse(Files.readAllBytes(t.data.checkpointFile()));
      Checkpoint cp = Checkpoint.parse(signed.text());
      SignedNote served = signed.withSignatures(List.of(key.cosign(new Checkpoint(cp.origin(), cp.size() + 1,
          cp.rootHash()), System.currentTimeMillis() / 1000)));
      HttpServer w = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      w.createContext("/", x -> {
        try (x) {
          byte[] b = served.bytes();
          x.sendResponseHeaders(x.getRequestMethod().equals("GET") ? 200 : 503, b.length);
          x.getResponseBody().write(b);
        }
      });
      w.start();
      try {
        // Rolled back to the backup: database, checkpoint file and cosignatures together.
        WitnessedBoards.cutTail(t.data.database(), size);
        WitnessedBoards.restoreRecords(backup, t.data.dir());
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.evote.server.board.BoardBehindException.class,
            () -> t.start(new BoardHost.Witnesses(List.of(new org.evote.crypto.notice.ElectionNotice.Witness(
                URI.create("http://127.0.0.1:" + w.getAddress().getPort()), key.verifierKey())), 1,
                Duration.ofSeconds(5))));
        assertEquals(size, e.firstMissing());
        assertEquals(later - 1, e.lastMissing());
      } finally {
        w.stop(0);
      }
    }
  }
}
