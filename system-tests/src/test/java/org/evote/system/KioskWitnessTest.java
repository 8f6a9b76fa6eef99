package org.evote.system;

import static org.evote.system.WitnessedBoards.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.evote.board.client.BoardClient;
import org.evote.board.client.WitnessedHistory;
import org.evote.crypto.ballot.ConfirmationCodes;
import org.evote.crypto.keystore.KioskCredentials;
import org.evote.crypto.notice.ElectionNotice;
import org.evote.kiosk.robot.RobotVoter;
import org.evote.kiosk.service.Alarm;
import org.evote.kiosk.service.BallotCaster;
import org.evote.kiosk.service.KioskStore;
import org.evote.kiosk.service.Uploader;
import org.evote.server.BoardHost;
import org.evote.server.store.DataDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kiosk given the election notice (protocol §9.7, audit with a notice) against a real board and two real
 * witnesses (module witness, quorum 2) on loopback: with the board's cosigned checkpoints consistent with what the
 * kiosk was shown there is no alarm, and after the polls close every ballot it uploaded is found covered; a board
 * that shows the kiosk one history and its witnesses another (a second board with the same keys, whose cosigned
 * checkpoint the first one serves) raises the "witnessed history differs" alarm.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class KioskWitnessTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Duration AUDIT = Duration.ofSeconds(1);
  @TempDir
  Path temp;

  record Kiosk(KioskStore store, Uploader uploader, BallotCaster caster) implements AutoCloseable {
    static Kiosk at(LiveBoard b, URI board, KioskCredentials c, Path dir, Optional<ElectionNotice> notice) {
      KioskStore store = KioskStore.open(dir.resolve("kiosk.sqlite"), c.kioskId(),
          ConfirmationCodes.chainStart(b.config.extendedHash(), c.kioskId()));
      Uploader uploader = new Uploader(store, BoardClient.create(board, Duration.ofSeconds(5)), c, AUDIT, notice);
      uploader.start();
      return new Kiosk(store, uploader, new BallotCaster(b.config, c, store, uploader, RANDOM, Clock.systemUTC(),
          board, Duration.ofSeconds(10)));
    }

    @Override
    public void close() {
      uploader.close();
      store.close();
    }
  }

  static ElectionNotice notice(LiveBoard b, KioskCredentials c, LiveWitness... witnesses) {
    return new ElectionNotice(b.config.extendedHash(), c.boardKey(), c.checkpointKey(), java.util.Arrays
        .stream(witnesses).map(w -> new ElectionNotice.Witness(w.uri(), w.vkeys.get(0))).toList(), 2, List.of());
  }

  @Test
  void aBoardWhoseCosignedCheckpointsAreConsistent_raisesNoAlarm_andEveryBallotIsCoveredAfterClose()
      throws Exception {
    try (LiveBoard b = new LiveBoard(temp, "manifest-small.json");
        LiveWitness w1 = LiveWitness.init(temp.resolve("w1"), "witness.test/w1", RANDOM);
        LiveWitness w2 = LiveWitness.init(temp.resolve("w2"), "witness.test/w2", RANDOM)) {
      KioskCredentials creds = b.registerKiosk("K1");
      b.openPolls();
      w1.serve(b.checkpointKey());
      w2.serve(b.checkpointKey());
      b.stop();
      b.witnessedBy(LiveWitness.quorum(2, w1, w2));
      b.start();
      try (Kiosk k = Kiosk.at(b, b.uri(), creds, temp.resolve("kiosk"), Optional.of(notice(b, creds, w1, w2)))) {
        new RobotVoter(k.caster(), RANDOM, 0.3).vote(3);
        await("the ballots are uploaded", () -> k.store().pendingCount() == 0);
        Thread.sleep(3 * AUDIT.toMillis()); // audits against the cosigned checkpoints while the polls are open
        assertTrue(k.uploader().status().alarm().isEmpty(), () -> "no alarm: " + k.uploader().status().alarm());
        b.closePolls();
        await("the kiosk checks its ballots' coverage", () -> k.uploader().witnessedCoverage().isPresent());
        assertEquals(Optional.of(true), k.uploader().witnessedCoverage(), () -> "covered; alarm: "
            + k.uploader().status().alarm());
        assertTrue(k.uploader().status().alarm().isEmpty(), () -> "no alarm: " + k.uploader().status().alarm());
      }
    }
  }

  @Test
  void withTooFewWitnessesUp_noAlarmDuringThePolls_butAfterCloseTheBallotsNotCoveredAreNamed() throws Exception {
    try (LiveBoard b = new LiveBoard(temp, "manifest-small.json");
        LiveWitness w1 = LiveWitness.init(temp.resolve("w1"), "witness.test/w1", RANDOM);
        LiveWitness w2 = LiveWitness.init(temp.resolve("w2"), "witness.test/w2", RANDOM)) {
      KioskCredentials creds = b.registerKiosk("K1");
      b.openPolls();
      w1.serve(b.checkpointKey()); // w2 never serves: the quorum of 2 is never reached
      b.stop();
      b.witnessedBy(LiveWitness.quorum(2, w1, w2));
      b.start();
      try (Kiosk k = Kiosk.at(b, b.uri(), creds, temp.resolve("kiosk"), Optional.of(notice(b, creds, w1, w2)))) {
        List<RobotVoter.Entry> voted = new RobotVoter(k.caster(), RANDOM, 0).vote(2);
        await("the ballots are uploaded", () -> k.store().pendingCount() == 0);
        Thread.sleep(3 * AUDIT.toMillis());
        assertTrue(k.uploader().status().alarm().isEmpty(), "cosigning that lags is no verdict during the polls");
        b.closePolls();
        await("the kiosk gives up waiting for cosignatures", () -> k.uploader().witnessedCoverage().isPresent());
        assertEquals(Optional.of(false), k.uploader().witnessedCoverage());
        Alarm.NotCovered alarm = assertInstanceOf(Alarm.NotCovered.class, k.uploader().status().alarm()
            .orElseThrow());
        assertEquals(voted.stream().map(e -> e.receipt().ballotId()).sorted().toList(),
            alarm.ballotIds().stream().sorted().toList(), "names every ballot not covered");
      }
    }
  }

  @Test
  void aBoardShowingItsWitnessesAnotherHistory_raisesTheWitnessedHistoryAlarm() throws Exception {
    try (LiveBoard a = new LiveBoard(temp, "manifest-small.json");
        LiveWitness w1 = LiveWitness.init(temp.resolve("w1"), "witness.test/w1", RANDOM);
        LiveWitness w2 = LiveWitness.init(temp.resolve("w2"), "witness.test/w2", RANDOM)) {
      KioskCredentials k1 = a.registerKiosk("K1");
      KioskCredentials k2 = a.registerKiosk("K2");
      a.openPolls();
      w1.serve(a.checkpointKey());
      w2.serve(a.checkpointKey());
      a.stop();
      // The history shown to the witnesses: a copy of the board's directory (same keys) that takes other ballots.
      Path copy = temp.resolve("b-data");
      WitnessedBoards.copyTree(a.data.dir(), copy);
      a.start();
      try (BoardHost b = BoardHost.start(new DataDir(copy), LiveBoard.PASSPHRASE::clone, "127.0.0.1", 0, 0,
          LiveWitness.quorum(2, w1, w2), RANDOM);
          SplitView split = new SplitView(a.uri(), b.loopbackUri())) {
        try (Kiosk other = Kiosk.at(a, b.loopbackUri(), k2, temp.resolve("k2"), Optional.empty())) {
          new RobotVoter(other.caster(), RANDOM, 0).vote(1);
          await("the other history's ballot is on the second board", () -> other.store().pendingCount() == 0);
        }
        await("the witnesses cosign the other history", () -> WitnessedBoards.quorumCoversLatest(b.loopbackUri()));
        try (Kiosk k = Kiosk.at(a, split.uri(), k1, temp.resolve("k1"), Optional.of(notice(a, k1, w1, w2)))) {
          new RobotVoter(k.caster(), RANDOM, 0).vote(2);
          await("the kiosk alarms", () -> k.uploader().status().alarm().isPresent());
          Alarm.WitnessFailed alarm = assertInstanceOf(Alarm.WitnessFailed.class,
              k.uploader().status().alarm().orElseThrow());
          assertEquals(WitnessedHistory.Failure.HISTORY_DIFFERS, alarm.failure(), alarm.reason());
          KioskStore.AlarmRecord recorded = k.store().alarms().stream().filter(r -> r.failure().equals(
              "HISTORY_DIFFERS")).findFirst().orElseThrow(() -> new AssertionError("recorded in the kiosk's store"));
          org.evote.crypto.note.SignedNote evidence = org.evote.crypto.note.SignedNote.parse(
              org.evote.crypto.json.JsonText.parseObject(recorded.evidence()).getString("checkpoint"));
          assertTrue(evidence.verify(List.of(k1.checkpointKey())).verified(),
              "the evidence: the witnessed checkpoint, signed by the board's checkpoint key, with the kept head");
        }
      }
    }
  }

  /** The split view: every request goes to board A, except {@code GET /checkpoint}, answered by board B. */
  static final class SplitView implements AutoCloseable {
    final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    SplitView(URI a, URI b) throws java.io.IOException {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/", exchange -> {
        try (exchange) {
          String path = exchange.getRequestURI().toString();
          URI target = (path.equals("/checkpoint") ? b : a).resolve(path);
          byte[] body = exchange.getRequestBody().readAllBytes();
          HttpRequest.Builder r = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30));
          exchange.getRequestHeaders().forEach((name, values) -> {
            // the body's type and the submission and administrator headers (Evote-*: docs/api.md)
            if (name.equalsIgnoreCase("Content-Type") || name.regionMatches(true, 0, "Evote-", 0, 6)) {
              values.forEach(v -> r.header(name, v));
            }
          });
          r.method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(body));
          HttpResponse<byte[]> answer = http.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
          answer.headers().firstValue("Content-Type").ifPresent(v -> exchange.getResponseHeaders().set(
              "Content-Type", v));
          exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
          exchange.getResponseBody().write(answer.body());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      server.start();
    }

    URI uri() {
      return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
