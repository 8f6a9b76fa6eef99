package org.evote.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.evote.board.client.BoardClient;
import org.evote.board.client.ReceiptCheck;
import org.evote.crypto.ballot.ConfirmationCodes;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.keystore.KioskCredentials;
import org.evote.kiosk.robot.RobotVoter;
import org.evote.kiosk.service.Alarm;
import org.evote.kiosk.service.BallotCaster;
import org.evote.kiosk.service.KioskStore;
import org.evote.kiosk.service.Uploader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A look-alike board between the kiosk and the real one (protocol §9.7): it forwards every read to the real board
 * and answers every ballot with a 200 "receipt" of its own. The kiosk marks none of them uploaded, tells no voter
 * they are on the board, and raises the alarm; pointed at the real board it then uploads each exactly once.
 */
class LookAlikeBoardTest {
  @TempDir
  Path temp;

  /** The look-alike: a JDK HttpServer on a random loopback port. */
  static final class LookAlike implements AutoCloseable {
    static final List<String> FAKE_RECEIPTS = List.of("{\"sequence\":4242,\"ballot_id\":\"not-even-yours\"}",
        "{\"ballot_id\":\"not-even-yours\",\"kind\":\"ballot_cast\"}");
    final HttpServer server;
    final AtomicInteger ballotsAnswered = new AtomicInteger();
    /** When each ballot was answered (System.nanoTime). */
    final List<Long> answeredAt = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    private final HttpClient http = HttpClient.newHttpClient();

    LookAlike(URI realBoard) throws IOException {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/", exchange -> {
        try (exchange) {
          if (exchange.getRequestMethod().equals("POST")) {
            exchange.getRequestBody().readAllBytes();
            answeredAt.add(System.nanoTime());
            int n = ballotsAnswered.getAndIncrement();
            reply(exchange, 200, FAKE_RECEIPTS.get(n % FAKE_RECEIPTS.size()));
          } else {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(realBoard.resolve(
                exchange.getRequestURI().toString())).build(), HttpResponse.BodyHandlers.ofString());
            reply(exchange, r.statusCode(), r.body());
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      server.start();
    }

    static void reply(HttpExchange exchange, int status, String body) throws IOException {
      byte[] b = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, b.length);
      exchange.getResponseBody().write(b);
    }

    URI uri() {
      return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  record Kiosk(KioskStore store, Uploader uploader, BallotCaster caster) implements AutoCloseable {
    static Kiosk at(LiveBoard b, URI board, KioskCredentials c, Path dir) {
      KioskStore store = KioskStore.open(dir.resolve("kiosk.sqlite"), c.kioskId(),
          ConfirmationCodes.chainStart(b.config.extendedHash(), c.kioskId()));
      Uploader uploader = new Uploader(store, BoardClient.create(board, Duration.ofSeconds(3)), c);
      uploader.start();
      return new Kiosk(store, uploader, new BallotCaster(b.config, c, store, uploader, new SecureRandom(),
          Clock.systemUTC(), board, Duration.ofSeconds(5)));
    }

    @Override
    public void close() {
      uploader.close();
      store.close();
    }
  }

  static long ballotsOnTheBoard(LiveBoard b) throws Exception {
    JsonObject s = JsonText.parseObject(HttpClient.newHttpClient().send(HttpRequest.newBuilder(b.uri().resolve(
        "/api/status")).build(), HttpResponse.BodyHandlers.ofString()).body());
    return s.getJsonNumber("cast_ballots").longValue() + s.getJsonNumber("challenged_ballots").longValue();
  }

  @Test
  void fakeReceiptsAreNeverBelieved_andTheRealBoardThenGetsEachBallotOnce() throws Exception {
    try (LiveBoard b = new LiveBoard(temp, "manifest-small.json"); LookAlike fake = new LookAlike(b.uri())) {
      KioskCredentials creds = b.registerKiosk("K1");
      b.openPolls();
      Path dir = temp.resolve("kiosk");
      List<RobotVoter.Entry> voted;
      try (Kiosk k = Kiosk.at(b, fake.uri(), creds, dir)) {
        voted = new RobotVoter(k.caster(), new SecureRandom(), 0.3).vote(3);
        assertTrue(voted.stream().allMatch(e -> e.receipt().uploadPending()), "no voter is told it is on the board");
        assertTrue(voted.stream().allMatch(e -> e.receipt().boardSequence().isEmpty()));
        assertTrue(fake.ballotsAnswered.get() >= 3, "the look-alike answered " + fake.ballotsAnswered.get());
        assertEquals(3, k.store().pendingCount());
        assertTrue(k.store().all().stream().allMatch(o -> o.status() == KioskStore.Status.PENDING
            && o.receipt().isEmpty()), "no ballot marked uploaded");
        Uploader.Status status = k.uploader().status();
        Alarm.ReceiptFailed alarm = assertInstanceOf(Alarm.ReceiptFailed.class,
            status.alarm().orElseThrow(() -> new AssertionError("the poll workers are alarmed")));
        assertEquals(ReceiptCheck.Failure.MALFORMED, alarm.failure());
        assertEquals(voted.get(0).receipt().ballotId(), alarm.ballotId());
        assertTrue(status.lastProblem().contains("failed its check"), status.lastProblem());
        // Backs off instead of hammering: after three failed receipts, the wait between two retries that no new
        // ballot cut short is at least 2 s (the backoff doubles from 1 s per failure). Waits for two more retries.
        int answered = fake.ballotsAnswered.get();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (fake.ballotsAnswered.get() < answered + 2 && System.nanoTime() < deadline) {
          Thread.sleep(50);
        }
        assertTrue(fake.ballotsAnswered.get() >= answered + 2, "the kiosk keeps retrying: "
            + (fake.ballotsAnswered.get() - answered) + " retries in 90 s");
        long gap;
        synchronized (fake.answeredAt) {
          gap = fake.answeredAt.get(answered + 1) - fake.answeredAt.get(answered);
        }
        assertTrue(gap >= Duration.ofSeconds(2).toNanos(), "backs off instead of hammering: a retry "
            + gap / 1_000_000 + " ms after the one before");
      }
      assertEquals(0, ballotsOnTheBoard(b), "none of them reached the board");

      try (Kiosk k = Kiosk.at(b, b.uri(), creds, dir)) {
        k.uploader().kick();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (k.store().pendingCount() > 0 && System.nanoTime() < deadline) {
          Thread.sleep(100);
        }
        assertEquals(0, k.store().pendingCount());
        assertTrue(k.store().all().stream().allMatch(o -> o.status() == KioskStore.Status.UPLOADED));
        assertTrue(k.uploader().status().alarm().isEmpty(), "a receipt that checks clears the alarm");
      }
      assertEquals(3, ballotsOnTheBoard(b), "each ballot on the real board exactly once");
    }
  }
}
