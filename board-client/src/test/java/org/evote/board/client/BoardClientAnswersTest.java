package org.evote.board.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.SignedSubmission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the client reads answers, against a scripted HTTP server on a random loopback port: a refusal (4xx) is told
 * apart from a board that cannot be reached, fails (5xx) or answers nonsense — the distinction the kiosk's
 * store-and-forward depends on. (BoardClientTest in ballot-server runs it against the real board.)
 */
class BoardClientAnswersTest {
  private HttpServer server;
  private final AtomicReference<HttpExchange> last = new AtomicReference<>();
  private final AtomicReference<String> lastBody = new AtomicReference<>();
  private volatile int status;
  private volatile String answer;
  private final CountDownLatch never = new CountDownLatch(1);
  private volatile boolean hang;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      last.set(ex);
      lastBody.set(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      if (hang) {
        try {
          never.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      byte[] b = answer.getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(status, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  @AfterEach
  void stop() {
    never.countDown();
    server.stop(0);
  }

  private BoardClient client() {
    return BoardClient.create(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
        Duration.ofSeconds(2));
  }

  /** A submission of {@code kind} (the fake board does not check it). */
  private static SignedSubmission submission(EntryKind kind) {
    return new SignedSubmission(Digest.decode("ab".repeat(32), "h"), kind, "kiosk-1", "{}",
        new Ed25519.Signature("cd".repeat(64)));
  }

  private void answer(int status, String body) {
    this.status = status;
    this.answer = body;
  }

  @Test
  void aRefusal_carriesTheApiErrorCodeAndField() {
    answer(400, "{\"error\":{\"status\":400,\"code\":\"invalid_field\",\"message\":\"no\",\"field\":\"ballot\"}}");
    BoardRefusedException e = assertThrows(BoardRefusedException.class,
        () -> client().submit(submission(EntryKind.BALLOT_CAST)));
    assertEquals(new ApiError(400, "invalid_field", "no", Optional.of("ballot")), e.error());
    assertEquals(ErrorCodes.INVALID_FIELD, e.code());
    assertFalse(e.retryable());
    assertEquals("/api/ballots", last.get().getRequestURI().getPath());
    assertEquals("POST", last.get().getRequestMethod());
    assertEquals("{}", lastBody.get());
    assertEquals("ab".repeat(32), last.get().getRequestHeaders().getFirst(ApiPaths.ELECTION_HEADER));
    assertEquals("kiosk-1", last.get().getRequestHeaders().getFirst(ApiPaths.KIOSK_HEADER));
    assertEquals("cd".repeat(64), last.get().getRequestHeaders().getFirst(ApiPaths.SIGNATURE_HEADER));
  }

  @Test
  void aRefusalWithoutAnErrorBody_isCodedByItsStatus() {
    answer(409, "{\"something\":1}");
    BoardRefusedException e = assertThrows(BoardRefusedException.class, () -> client().status());
    assertEquals("http_409", e.code());
  }

  @Test
  void a5xx_isUnavailableWithItsErrorBody() {
    answer(503, "{\"error\":{\"status\":503,\"code\":\"board_unavailable\",\"message\":\"the disk is full\"}}");
    BoardUnavailableException e = assertThrows(BoardUnavailableException.class,
        () -> client().submit(submission(EntryKind.BALLOT_CHALLENGED)));
    assertTrue(e.retryable());
    assertFalse(e.noAnswer());
    assertEquals(503, e.status().getAsInt());
    assertTrue(e.error().orElseThrow().is(ErrorCodes.BOARD_UNAVAILABLE));
    assertEquals("board error 503 board_unavailable: the disk is full", e.getMessage());
    assertEquals("/api/ballots/challenged", last.get().getRequestURI().getPath());
  }

  private static String error(int status, String code) {
    return "{\"error\":{\"status\":" + status + ",\"code\":\"" + code + "\",\"message\":\"m\"}}";
  }

  /**
   * Review finding B1: an answer about how a submission travelled — the board's 408 for a body that arrived too
   * slowly, its 400 for a body that ended early, 429, 431, 503 busy — is not a refusal: the kiosk retries the same
   * signed request. A 400 about the body's content stays a refusal.
   */
  @Test
  void transportAnswersToASubmission_areUnavailable_notRefusals() throws Exception {
    Object[][] transport = {{408, ErrorCodes.BODY_TOO_SLOW}, {400, ErrorCodes.BODY_INCOMPLETE},
        {400, ErrorCodes.BAD_REQUEST}, {429, ErrorCodes.TOO_MANY_REQUESTS}, {429, "http_error"},
        {431, ErrorCodes.HEADERS_TOO_LARGE}, {503, ErrorCodes.BOARD_BUSY}};
    for (Object[] t : transport) {
      answer((Integer) t[0], error((Integer) t[0], (String) t[1]));
      for (EntryKind kind : new EntryKind[] {EntryKind.BALLOT_CAST, EntryKind.BALLOT_CHALLENGED}) {
        BoardUnavailableException e = assertThrows(BoardUnavailableException.class,
            () -> client().submit(submission(kind)), t[0] + " " + t[1]);
        assertTrue(e.retryable() && !e.noAnswer());
        assertEquals((Integer) t[0], e.status().getAsInt());
        assertTrue(e.error().orElseThrow().is((String) t[1]), e.getMessage());
        assertThrows(BoardUnavailableException.class, () -> client().submitForReceipt(submission(kind)),
            t[0] + " " + t[1]);
      }
    }
    for (String content : new String[] {ErrorCodes.MALFORMED_JSON, ErrorCodes.INVALID_FIELD,
        ErrorCodes.NOT_CANONICAL}) {
      answer(400, error(400, content));
      BoardRefusedException e = assertThrows(BoardRefusedException.class,
          () -> client().submitForReceipt(submission(EntryKind.BALLOT_CAST)), content);
      assertEquals(content, e.code());
    }
    answer(403, error(403, ErrorCodes.REVOKED_KIOSK));
    assertEquals(ErrorCodes.REVOKED_KIOSK, assertThrows(BoardRefusedException.class,
        () -> client().submitForReceipt(submission(EntryKind.BALLOT_CAST))).code());
    // on a read, a 408 or 429 is transient too; a 400 bad_request is about the request itself
    answer(408, error(408, ErrorCodes.BODY_TOO_SLOW));
    assertThrows(BoardUnavailableException.class, () -> client().status());
    answer(400, error(400, ErrorCodes.BAD_REQUEST));
    assertThrows(BoardRefusedException.class, () -> client().status());
  }

  @Test
  void anUnreadableAnswer_isUnavailable_evenWithA4xxStatus() {
    answer(400, "<html>proxy error</html>");
    BoardUnavailableException e = assertThrows(BoardUnavailableException.class, () -> client().status());
    assertEquals("unreadable answer (400)", e.getMessage());
    answer(200, "{\"not\":\"a status\"}");
    assertThrows(BoardUnavailableException.class, () -> client().status());
  }

  @Test
  void noBoardListening_isUnavailableWithNoAnswer() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    BoardClient c = BoardClient.create(URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(2));
    BoardUnavailableException e = assertThrows(BoardUnavailableException.class, () -> c.cast(submission(EntryKind.BALLOT_CAST)));
    assertTrue(e.noAnswer());
    assertTrue(e.getMessage().startsWith("ConnectException"), e.getMessage());
  }

  @Test
  void aBoardThatDoesNotAnswerInTime_isUnavailable() {
    hang = true;
    answer(200, "{}");
    BoardClient c = BoardClient.create(client().server(), Duration.ofMillis(300));
    BoardUnavailableException e = assertThrows(BoardUnavailableException.class, () -> c.status());
    assertTrue(e.noAnswer());
    assertTrue(e.getMessage().startsWith("HttpTimeoutException"), e.getMessage());
  }

  @Test
  void aCheckpointLongerThanASignedNoteCanBe_isRefusedAsTooLarge() {
    answer(200, "x".repeat(org.evote.crypto.note.SignedNote.MAX_BYTES + 1));
    BoardUnavailableException e = assertThrows(BoardUnavailableException.class, () -> client().checkpoint());
    assertEquals(java.util.OptionalInt.of(200), e.status());
    assertTrue(e.getCause() instanceof BoundedExchange.TooLargeException, String.valueOf(e.getCause()));
  }

  @Test
  void aCheckpointDrippedAByteASecond_isCutOffAtTheTimeout() throws Exception {
    try (java.net.ServerSocket drip = new java.net.ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread t = new Thread(() -> {
        try (java.net.Socket s = drip.accept()) {
          s.getInputStream().read(new byte[4096]);
          java.io.OutputStream out = s.getOutputStream();
          out.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
          for (int i = 0; i < 60; i++) {
            out.write('a');
            out.flush();
            Thread.sleep(1000);
          }
        } catch (IOException | InterruptedException e) {
          // the client hung up
        }
      });
      t.setDaemon(true);
      t.start();
      BoardClient c = BoardClient.create(URI.create("http://127.0.0.1:" + drip.getLocalPort()),
          Duration.ofMillis(1500));
      long start = System.nanoTime();
      BoardUnavailableException e = assertThrows(BoardUnavailableException.class, c::checkpoint);
      long ms = (System.nanoTime() - start) / 1_000_000;
      assertTrue(e.noAnswer(), e.getMessage());
      assertTrue(ms < 5000, "cut off at the timeout, not after the whole drip: " + ms + " ms");
    }
  }

  @Test
  void adminActions_areSignedOverMethodPathTimeNonceAndBody() throws Exception {
    Path creds = Files.createTempFile("admin", ".credentials");
    try {
      var random = new java.security.SecureRandom();
      var electionHash = org.evote.crypto.hash.Digest.of(new byte[32]);
      char[] pass = "admin passphrase".toCharArray();
      org.evote.crypto.keystore.AdminCredentials.generate("a", electionHash, random).write(creds, pass, random);
      var admin = org.evote.crypto.keystore.AdminCredentials.read(creds, pass);
      answer(200, "{\"sequence\":4,\"kind\":\"polls_opened\",\"entry_hash\":\"" + "ab".repeat(32) + "\"}");
      AdminEntry e = client().admin(admin, random).openPolls();
      assertEquals(4, e.sequence());
      assertEquals(EntryKind.POLLS_OPENED, e.kind());
      assertEquals("/api/admin/polls/open", last.get().getRequestURI().getPath());
      assertSigned(admin, "", last.get());
      String firstNonce = last.get().getRequestHeaders().getFirst(ApiPaths.ADMIN_NONCE);

      answer(403, "{\"error\":{\"status\":403,\"code\":\"admin_unknown\",\"message\":\"no\"}}");
      assertEquals(ErrorCodes.ADMIN_UNKNOWN, assertThrows(BoardRefusedException.class,
          () -> client().admin(admin, random).revokeKiosk("K 1", Optional.of("stolen"))).code());
      assertEquals("/api/admin/kiosks/K%201/revoke", last.get().getRequestURI().getRawPath());
      assertEquals("{\"reason\":\"stolen\"}", lastBody.get());
      assertSigned(admin, "{\"reason\":\"stolen\"}", last.get());
      assertFalse(firstNonce.equals(last.get().getRequestHeaders().getFirst(ApiPaths.ADMIN_NONCE)), "a fresh nonce");
    } finally {
      Files.deleteIfExists(creds);
    }
  }

  private static void assertSigned(org.evote.crypto.keystore.AdminCredentials admin, String body, HttpExchange x) {
    var h = x.getRequestHeaders();
    assertEquals(null, h.getFirst(ApiPaths.AUTHORIZATION), "no bearer token");
    assertEquals(admin.name(), h.getFirst(ApiPaths.ADMIN));
    long time = Long.parseLong(h.getFirst(ApiPaths.ADMIN_TIME));
    assertTrue(Math.abs(time - java.time.Instant.now().getEpochSecond()) < 30, "the clock's time");
    String nonce = h.getFirst(ApiPaths.ADMIN_NONCE);
    assertTrue(org.evote.crypto.board.AdminRequests.isNonce(nonce), nonce);
    var message = org.evote.crypto.board.AdminRequests.message(admin.electionHash(), admin.name(), "POST",
        x.getRequestURI().getRawPath(), time, nonce, body.getBytes(StandardCharsets.UTF_8));
    assertTrue(admin.publicKey().verifies(message,
        new org.evote.crypto.board.Ed25519.Signature(h.getFirst(ApiPaths.ADMIN_SIGNATURE))));
    // The same signature over another body does not verify.
    var other = org.evote.crypto.board.AdminRequests.message(admin.electionHash(), admin.name(), "POST",
        x.getRequestURI().getRawPath(), time, nonce, (body + " ").getBytes(StandardCharsets.UTF_8));
    assertFalse(admin.publicKey().verifies(other,
        new org.evote.crypto.board.Ed25519.Signature(h.getFirst(ApiPaths.ADMIN_SIGNATURE))));
  }

  @Test
  void receiptAndHead_areEmptyWhenTheBoardHasNone() throws Exception {
    answer(404, "{\"error\":{\"status\":404,\"code\":\"not_found\",\"message\":\"none\"}}");
    assertEquals(Optional.empty(), client().receipt("7KQ2-M9XD-4TB0-WZ5R"));
    answer(404, "{\"error\":{\"status\":404,\"code\":\"no_head\",\"message\":\"none\"}}");
    assertEquals(Optional.empty(), client().head());
    answer(409, "{\"error\":{\"status\":409,\"code\":\"ambiguous_code\",\"message\":\"two\"}}");
    assertEquals(ErrorCodes.AMBIGUOUS_CODE, assertThrows(BoardRefusedException.class,
        () -> client().receipt("7KQ2-M9XD-4TB0-WZ5R")).code());
  }

  @Test
  void aFailedExport_leavesNoFile(@TempDir Path dir) {
    answer(500, "{\"error\":{\"status\":500,\"code\":\"internal_error\",\"message\":\"oops\"}}");
    Path file = dir.resolve("out/board.json");
    assertThrows(BoardUnavailableException.class, () -> client().export(file));
    assertFalse(Files.exists(file));
  }
}
