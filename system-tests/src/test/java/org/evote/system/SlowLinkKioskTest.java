package org.evote.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.evote.board.client.BoardClient;
import org.evote.crypto.ballot.ConfirmationCodes;
import org.evote.crypto.keystore.KioskCredentials;
import org.evote.kiosk.robot.RobotVoter;
import org.evote.kiosk.service.BallotCaster;
import org.evote.kiosk.service.KioskStore;
import org.evote.kiosk.service.Uploader;
import org.evote.server.board.SubmissionChecker;
import org.evote.server.http.BulletinBoardApp;
import org.evote.server.http.HttpLimits;
import org.evote.server.testing.TestBoard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review finding B1: a kiosk on a slow link. The real board, with a minimum body rate of 4 KiB/s checked after 1 s,
 * behind a proxy that forwards what the kiosk sends 256 bytes every 250 ms: the board cuts the kiosk's ballot off
 * ({@code 408 body_too_slow}, seen passing back through the proxy). That is not a refusal: the kiosk retries the
 * same signed request, and once the link is fast again the ballot is accepted, its later ballots too, and nothing
 * is marked refused nor blocks the kiosk.
 */
class SlowLinkKioskTest {
  @TempDir
  Path temp;

  @Test
  @Timeout(120)
  void aBodyCutOffAsTooSlow_isRetried_andAccepted_andTheKioskGoesOn() throws Exception {
    SecureRandom random = new SecureRandom();
    try (TestBoard t = new TestBoard(temp, "manifest-small.json")) {
      // the same board, served with a low minimum body rate (the real application and limits, not a stand-in)
      Javalin slowServed = BulletinBoardApp.create(t.board, new SubmissionChecker(t.config, random, t.board),
          HttpLimits.DEFAULT.withBodyRate(4096, Duration.ofSeconds(1)),
          org.evote.server.http.AdminTimeMark.load(temp.resolve("admin-time.txt"))).start("127.0.0.1", 0);
      try (ThrottlingProxy proxy = new ThrottlingProxy(slowServed.port(), 256, 250)) {
        KioskCredentials creds = KioskCredentials.generate("K1", t.config.extendedHash(), t.board.boardPublicKey(),
            t.board.checkpointKey(), random);
        t.board.registerKiosk("K1", creds.key().publicKey()).get();
        t.board.openPolls().get();
        URI via = URI.create("http://127.0.0.1:" + proxy.port());
        try (KioskStore store = KioskStore.open(temp.resolve("kiosk.sqlite"), "K1",
            ConfirmationCodes.chainStart(t.config.extendedHash(), "K1"));
            Uploader uploader = new Uploader(store, BoardClient.create(via, Duration.ofSeconds(20)), creds,
                Duration.ofSeconds(30), Optional.empty(),
                new org.evote.kiosk.service.BoardClock(Clock.systemUTC()))) {
          uploader.start();
          BallotCaster caster = new BallotCaster(t.config, creds, store, uploader, random, Clock.systemUTC(), via,
              Duration.ofMillis(100));
          new RobotVoter(caster, random, 0.0).vote(1);
          BoardConsistencyTest.await("the board cut the slow ballot off twice", () -> proxy.answers408() >= 2);
          assertEquals(1, store.pendingCount(), "cut off, the ballot waits to be sent again: " + store.all());
          assertTrue(store.refused().isEmpty(), "a body cut off on the way is not a refusal: " + store.refused());
          assertTrue(uploader.status().chainBreak().isEmpty());

          proxy.fullSpeed();
          uploader.kick();
          assertTrue(Uploader.awaitEmpty(List.of(uploader), Duration.ofSeconds(60), Duration.ofMillis(200)),
              store.all().toString());
          new RobotVoter(caster, random, 0.5).vote(3);
          assertTrue(Uploader.awaitEmpty(List.of(uploader), Duration.ofSeconds(60), Duration.ofMillis(200)),
              store.all().toString());
          assertEquals(4, store.uploaded().size(), store.all().toString());
          assertTrue(store.refused().isEmpty(), store.refused().toString());
          assertTrue(uploader.status().chainBreak().isEmpty());
          var status = t.board.reads().status();
          assertEquals(4, status.castBallots() + status.challengedBallots(), "every ballot is on the board once");
          assertEquals(0, status.refusedBallots());
        }
      } finally {
        slowServed.stop();
      }
    }
  }
}
