package org.evote.witness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.evote.crypto.note.Checkpoint;
import org.evote.crypto.note.SignedNote;
import org.evote.crypto.note.WitnessPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A witness killed with SIGKILL while a log submits to it comes back with every checkpoint it answered 200 for:
 * its state is committed (synchronous=FULL) before it answers.
 */
class KilledWitnessTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  @TempDir
  Path tmp;

  @Test
  void aWitnessKilledMidRunKeepsEveryCheckpointItCosigned() throws Exception {
    TestWitness w = TestWitness.init(tmp, RANDOM);
    TestLog log = TestLog.create("board.example.org", RANDOM).growTo(5000);
    Path output = tmp.resolve("witness.log");
    AtomicLong acknowledged = new AtomicLong();
    AtomicLong inFlight = new AtomicLong();
    long stored;
    try (WitnessProcess p = WitnessProcess.start(w.dir, w.passphraseFile, List.of(log), output)) {
      Thread submitter = new Thread(() -> {
        try {
          while (acknowledged.get() < 4900) {
            long old = acknowledged.get();
            long next = old + 1 + RANDOM.nextInt(3);
            inFlight.set(next);
            WitnessClient.Answer a = p.client.addCheckpoint(log.request(old, next));
            if (a.status() != 200) {
              throw new AssertionError("unexpected " + a.status() + " " + a.body());
            }
            acknowledged.set(next);
          }
        } catch (IOException e) {
          // the witness was killed
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      submitter.start();
      while (acknowledged.get() < 40 && submitter.isAlive()) {
        Thread.sleep(20);
      }
      assertTrue(submitter.isAlive(), "the log was still submitting");
      p.kill9();
      submitter.join(30_000);
    }
    long lastAcknowledged = acknowledged.get();
    try (WitnessProcess again = WitnessProcess.start(w.dir, w.passphraseFile, List.of(log), output)) {
      WitnessClient.Answer served = again.client.checkpoint(log.origin());
      assertEquals(200, served.status(), served.body());
      SignedNote note = SignedNote.parse(served.body());
      stored = Checkpoint.parse(note.text()).size();
      assertTrue(stored == lastAcknowledged || stored == inFlight.get(),
          "stored " + stored + ", last answered 200 for " + lastAcknowledged + ", in flight " + inFlight.get());
      assertEquals(log.checkpoint(stored).text(), note.text());
      WitnessPolicy.Result r = new WitnessPolicy(log.vkey(), w.vkeys, 1).check(note);
      assertEquals(w.vkeys, assertInstanceOf(WitnessPolicy.Result.Satisfied.class, r).cosignedBy());
      // It goes on from exactly there.
      assertEquals(stored + "\n", again.client.addCheckpoint(log.request(0, stored + 5)).body());
      assertEquals(200, again.client.addCheckpoint(log.request(stored, stored + 5)).status());
    }
    // Stopped normally, too, the state is the one it answered for.
    try (WitnessStore store = WitnessStore.open(w.dir.database())) {
      assertEquals(stored + 5, store.latest(log.origin()).orElseThrow().size());
    }
  }
}
