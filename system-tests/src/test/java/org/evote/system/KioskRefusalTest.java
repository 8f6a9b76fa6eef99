package org.evote.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.evote.board.client.BoardClient;
import org.evote.crypto.ballot.ConfirmationCodes;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.keystore.KioskCredentials;
import org.evote.kiosk.robot.RobotVoter;
import org.evote.kiosk.service.Alarm;
import org.evote.kiosk.service.BallotCaster;
import org.evote.kiosk.service.BoardClock;
import org.evote.kiosk.service.KioskStore;
import org.evote.kiosk.service.RefusedBallot;
import org.evote.kiosk.service.Uploader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kiosk with a clock 400 s fast that cast ballots before it could read the board's time: the board refuses them
 * on record ({@code future_ballot}, a {@code ballot_refused} entry); the kiosk checks each refusal's receipt, marks
 * the ballots refused for good with their reason and alarms, and its later ballots — dated by the board's time once
 * measured — continue its chain through the refused ones and are accepted. The audit finds the recorded refusals
 * on the board and never posts them again, also after a restart.
 */
class KioskRefusalTest {
  @TempDir
  Path temp;

  @Test
  void refusedOnRecord_theKioskGoesOn_andThePollWorkersSeeEveryRefusalWithItsReason() throws Exception {
    try (LiveBoard b = new LiveBoard(temp, "manifest-small.json")) {
      KioskCredentials creds = b.registerKiosk("K7");
      b.openPolls();
      Clock fast = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(400));
      Path db = temp.resolve("kiosk.sqlite");
      KioskStore store = KioskStore.open(db, "K7", ConfirmationCodes.chainStart(b.config.extendedHash(), "K7"));
      BoardClock clock = new BoardClock(fast);
      Uploader uploader = new Uploader(store, BoardClient.create(b.uri(), Duration.ofSeconds(3)), creds,
          Duration.ofMillis(300), Optional.empty(), clock);
      BallotCaster caster = new BallotCaster(b.config, creds, store, uploader, new SecureRandom(), fast, b.uri(),
          Duration.ofMillis(100));
      // the board could not be reached yet: the kiosk dates the first two ballots by its own (fast) clock
      assertInstanceOf(BoardClock.NeverMeasured.class, clock.state());
      new RobotVoter(caster, new SecureRandom(), 0.5).vote(2);
      uploader.start();
      BoardConsistencyTest.await("both early ballots refused", () -> store.refused().size() == 2);
      List<RefusedBallot> refused = store.refused();
      for (RefusedBallot r : refused) {
        assertEquals("future_ballot", r.reason(), r.toString());
        assertTrue(r.recorded(), "the board recorded the refusal and the kiosk checked its receipt: " + r);
      }
      Alarm.BallotRefused alarm = assertInstanceOf(Alarm.BallotRefused.class, uploader.status().alarm()
          .orElseThrow());
      assertTrue(alarm.recorded() && alarm.code().equals("future_ballot"), alarm.toString());
      assertEquals(2, uploader.status().refused());

      new RobotVoter(caster, new SecureRandom(), 0.0).vote(3);
      assertTrue(Uploader.awaitEmpty(List.of(uploader), Duration.ofSeconds(60), Duration.ofMillis(200)));
      assertEquals(3, store.uploaded().size(), store.all().toString());
      JsonObject status = JsonText.parseObject(java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(b.uri().resolve("/api/status")).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString()).body());
      assertEquals(3, status.getJsonNumber("cast_ballots").longValue());

      Thread.sleep(1500); // several audits
      assertEquals(0, store.pendingCount(), "a refused ballot is never posted again");
      assertTrue(store.alarms().stream().noneMatch(a -> a.kind().equals("audit")), store.alarms().toString());
      uploader.close();
      store.close();

      // after a restart the refusals are still listed, and the audit still finds them on the board
      try (KioskStore again = KioskStore.open(db, "K7", ConfirmationCodes.chainStart(b.config.extendedHash(),
          "K7"));
          Uploader u = new Uploader(again, BoardClient.create(b.uri(), Duration.ofSeconds(3)), creds,
              Duration.ofMillis(300))) {
        assertEquals(refused, again.refused());
        u.start();
        Thread.sleep(1500);
        assertEquals(0, again.pendingCount());
        assertTrue(u.status().alarm().isEmpty(), u.status().toString());
      }
    }
  }
}
