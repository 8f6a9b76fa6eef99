package org.evote.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.evote.board.client.BoardClient;
import org.evote.board.client.HeadCheck;
import org.evote.crypto.ballot.ConfirmationCodes;
import org.evote.crypto.board.SignedHead;
import org.evote.crypto.keystore.KioskCredentials;
import org.evote.kiosk.robot.RobotVoter;
import org.evote.kiosk.service.Alarm;
import org.evote.kiosk.service.BallotCaster;
import org.evote.kiosk.service.KioskStore;
import org.evote.kiosk.service.Uploader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kiosk's watch on the board's history (protocol §9.7, checks 6–8, and the audit) against a real board: a
 * growing board moves the kiosk's kept head forward with no alarm; the same board restored from an older copy of
 * its data (same board key, shorter history: rolled back) raises the alarm, keeps the old head and marks no new
 * ballot as on the board; and the ballots that board lost are posted again and end up on it.
 */
class BoardConsistencyTest {
  static final Duration AUDIT = Duration.ofMillis(300);
  @TempDir
  Path temp;

  record Kiosk(KioskStore store, Uploader uploader, BallotCaster caster) implements AutoCloseable {
    static Kiosk at(LiveBoard b, KioskCredentials c, Path dir) {
      return at(b, c, dir, AUDIT);
    }

    static Kiosk at(LiveBoard b, KioskCredentials c, Path dir, Duration audit) {
      URI board = b.uri();
      KioskStore store = KioskStore.open(dir.resolve("kiosk.sqlite"), c.kioskId(),
          ConfirmationCodes.chainStart(b.config.extendedHash(), c.kioskId()));
      Uploader uploader = new Uploader(store, BoardClient.create(board, Duration.ofSeconds(3)), c, audit);
      uploader.start();
      return new Kiosk(store, uploader, new BallotCaster(b.config, c, store, uploader, new SecureRandom(),
          Clock.systemUTC(), board, Duration.ofSeconds(5)));
    }

    List<RobotVoter.Entry> vote(int n) throws Exception {
      return new RobotVoter(caster, new SecureRandom(), 0.0).vote(n);
    }

    long uploaded() {
      return store.all().stream().filter(o -> o.status() == KioskStore.Status.UPLOADED).count();
    }

    @Override
    public void close() {
      uploader.close();
      store.close();
    }
  }

  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(50);
    }
  }

  static SignedHead latestHead(LiveBoard b) throws Exception {
    return BoardClient.create(b.uri(), Duration.ofSeconds(5)).head().orElseThrow();
  }

  static boolean onTheBoard(LiveBoard b, String confirmationCode) {
    try {
      return BoardClient.create(b.uri(), Duration.ofSeconds(5)).receipt(confirmationCode).isPresent();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** A copy of the board's data directory, taken while the board is stopped. */
  static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
  }

  static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> {
        try {
          Files.delete(f);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  /** Stops the board, copies its data to {@code snapshot} and serves it again. */
  static void snapshot(LiveBoard b, Path snapshot) throws Exception {
    b.stop();
    copy(b.data.dir(), snapshot);
    b.start();
  }

  /** Stops the board and serves the older copy instead: the same board key, a shorter history. */
  static void rollBack(LiveBoard b, Path snapshot) throws Exception {
    b.stop();
    delete(b.data.dir());
    copy(snapshot, b.data.dir());
    b.start();
  }

  @Test
  void aGrowingBoard_advancesTheKeptHead_withNoAlarm() throws Exception {
    try (LiveBoard b = new LiveBoard(temp, "manifest-small.json")) {
      KioskCredentials c1 = b.registerKiosk("K1");
      KioskCredentials c2 = b.registerKiosk("K2");
      b.openPolls();
      try (Kiosk k1 = Kiosk.at(b, c1, temp.resolve("k1")); Kiosk k2 = Kiosk.at(b, c2, temp.resolve("k2"))) {
        long previous = 0;
        for (int round = 0; round < 3; round++) {
          k1.vote(1);
          k2.vote(2); // the board grows behind K1's back: K1's audit needs consistency proofs to follow it
          SignedHead latest = latestHead(b);
          await("K1's audit to reach the board's latest head", () -> k1.store().keptHead()
              .map(h -> h.size() >= latest.size()).orElse(false));
          long kept = k1.store().keptHead().orElseThrow().size();
          assertTrue(kept > previous, "the kept head advances: " + previous + " → " + kept);
          previous = kept;
        }
        await("every ballot uploaded", () -> k1.uploaded() == 3 && k2.uploaded() == 6);
        SignedHead latest = latestHead(b);
        await("both kiosks at the latest head", () -> k1.store().keptHead().orElseThrow().equals(latest)
            && k2.store().keptHead().orElseThrow().equals(latest));
        for (Kiosk k : List.of(k1, k2)) {
          assertEquals(Optional.empty(), k.uploader().status().alarm());
          assertEquals(List.of(), k.store().alarms());
          assertEquals(0, k.store().pendingCount());
        }
      }
    }
  }

  @Test
  void aRolledBackBoard_raisesTheAlarm_keepsTheOldHead_andNoNewBallotIsMarkedUploaded() throws Exception {
    try (LiveBoard b = new LiveBoard(temp, "manifest-small.json")) {
      KioskCredentials creds = b.registerKiosk("K1");
      b.openPolls();
      Path snapshot = temp.resolve("snapshot");
      try (Kiosk k = Kiosk.at(b, creds, temp.resolve("kiosk"))) {
        k.vote(2);
        await("two ballots uploaded", () -> k.uploaded() == 2);
        snapshot(b, snapshot);
        k.vote(2);
        await("four ballots uploaded", () -> k.uploaded() == 4);
        SignedHead latest = latestHead(b);
        await("the kiosk at the latest head", () -> k.store().keptHead().orElseThrow().equals(latest));
        SignedHead kept = k.store().keptHead().orElseThrow();
        // Entries are dated by the board's clock in whole seconds: let a second pass, so that the two ballots the
        // kiosk posts again are not re-appended as byte-identical entries (which would rebuild the very history
        // the kiosk kept, and rightly be believed).
        Thread.sleep(1100);

        rollBack(b, snapshot);
        assertTrue(latestHead(b).size() < kept.size(), "the board now has fewer entries than it signed");
        await("the head alarm", () -> k.store().alarms().stream().anyMatch(a -> a.kind().equals("head")));
        KioskStore.AlarmRecord head = k.store().alarms().stream().filter(a -> a.kind().equals("head"))
            .findFirst().orElseThrow();
        assertEquals(HeadCheck.Failure.ROLLED_BACK.name(), head.failure(), head.reason());
        assertTrue(head.evidence().contains(kept.merkleRoot().toHex()), "the kept head is the evidence");
        assertTrue(k.uploader().status().alarm().isPresent(), "the poll workers are alarmed");
        await("the two lost ballots found and posted again", () -> k.store().alarms().stream()
            .filter(a -> a.failure().equals("BALLOT_LOST")).count() == 2 && k.store().pendingCount() == 0);

        List<RobotVoter.Entry> after = k.vote(1);
        await("the new ballot sent", () -> k.store().pendingCount() == 0);
        KioskStore.Outgoing last = k.store().all().get(4);
        assertEquals(after.get(0).receipt().ballotId(), last.ballotId());
        assertEquals(KioskStore.Status.DISPUTED, last.status(), "not marked uploaded: " + last.error());
        assertTrue(after.get(0).receipt().uploadPending(), "the voter is not told it is on the board");
        assertTrue(after.get(0).receipt().boardSequence().isEmpty());
        assertEquals(kept, k.store().keptHead().orElseThrow(), "the kiosk does not believe the rolled-back head");
        Alarm alarm = k.uploader().status().alarm().orElseThrow();
        assertFalse(alarm instanceof Alarm.ReceiptFailed, "a board alarm, not a receipt one: " + alarm);
      }
    }
  }

  @Test
  void ballotsTheBoardLost_arePostedAgain_andEndUpOnTheBoard() throws Exception {
    try (LiveBoard b = new LiveBoard(temp, "manifest-small.json")) {
      KioskCredentials creds = b.registerKiosk("K1");
      b.openPolls();
      Path snapshot = temp.resolve("snapshot");
      try (Kiosk k = Kiosk.at(b, creds, temp.resolve("kiosk"))) {
        k.vote(1);
        await("one ballot uploaded", () -> k.uploaded() == 1);
        snapshot(b, snapshot);
        List<RobotVoter.Entry> lost = k.vote(2);
        await("three ballots uploaded", () -> k.uploaded() == 3);
        for (RobotVoter.Entry e : lost) {
          assertTrue(onTheBoard(b, e.receipt().confirmationCode()));
        }

        rollBack(b, snapshot);
        for (RobotVoter.Entry e : lost) {
          assertFalse(onTheBoard(b, e.receipt().confirmationCode()), "the board lost " + e.receipt().ballotId());
        }
        await("the lost ballots back on the board", () -> lost.stream()
            .allMatch(e -> onTheBoard(b, e.receipt().confirmationCode())));
        List<KioskStore.AlarmRecord> lostAlarms = k.store().alarms().stream()
            .filter(a -> a.failure().equals("BALLOT_LOST")).toList();
        assertEquals(lost.stream().map(e -> Optional.of(e.receipt().ballotId())).toList(),
            lostAlarms.stream().map(KioskStore.AlarmRecord::ballotId).toList(), "each lost ballot alarmed, once");
        assertEquals(0, k.store().pendingCount());
        assertEquals(3, BoardClient.create(b.uri(), Duration.ofSeconds(5)).status().castBallots(),
            "each ballot on the board exactly once");
        assertInstanceOf(Alarm.class, k.uploader().status().alarm().orElseThrow());
      }
    }
  }

  @Test
  void aBallotCastRightAfterARollback_doesNotLoseTheBallotsBeforeIt() throws Exception {
    try (LiveBoard b = new LiveBoard(temp, "manifest-small.json")) {
      KioskCredentials creds = b.registerKiosk("K1");
      b.openPolls();
      Path snapshot = temp.resolve("snapshot");
      // one audit at start-up only: the refusal of the next ballot is what finds the loss
      try (Kiosk k = Kiosk.at(b, creds, temp.resolve("kiosk"), Duration.ofHours(1))) {
        k.vote(1);
        await("one ballot uploaded", () -> k.uploaded() == 1);
        snapshot(b, snapshot);
        List<RobotVoter.Entry> lost = k.vote(2);
        await("three ballots uploaded", () -> k.uploaded() == 3);
        rollBack(b, snapshot);

        List<RobotVoter.Entry> next = k.vote(1);
        await("the new ballot sent", () -> k.store().pendingCount() == 0);
        for (RobotVoter.Entry e : List.of(lost.get(0), lost.get(1), next.get(0))) {
          assertTrue(onTheBoard(b, e.receipt().confirmationCode()), e.receipt().ballotId() + " on the board");
        }
        assertTrue(k.store().all().stream().noneMatch(o -> o.status() == KioskStore.Status.REFUSED),
            "the ballot cast after the rollback is not refused: " + k.store().all());
        assertEquals(2, k.store().alarms().stream().filter(a -> a.failure().equals("BALLOT_LOST")).count());
        assertEquals(4, BoardClient.create(b.uri(), Duration.ofSeconds(5)).status().castBallots());
      }
    }
  }
}
