package org.evote.witness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.evote.crypto.note.Checkpoint;
import org.evote.crypto.note.SignedNote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The race c2sp.org/tlog-witness warns of: requests for sizes N and N+K from the same old size, at once. Exactly one
 * is cosigned, the other learns the new size (409), and the witness never goes back to a smaller size than one it
 * answered 200 for.
 */
class ConcurrentSubmissionTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  @TempDir
  Path tmp;

  @Test
  void concurrentSubmissionsFromOneOldSizeNeverRollTheWitnessBack() throws Exception {
    TestLog log = TestLog.create("board.example.org", RANDOM).growTo(2000);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try (TestWitness witness = TestWitness.init(tmp, RANDOM).serve(RANDOM, log)) {
      WitnessClient client = witness.client;
      assertEquals(200, client.addCheckpoint(log.request(0, 10)).status());
      long acknowledged = 10;
      for (int round = 0; round < 25; round++) {
        long old = acknowledged;
        List<Long> targets = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
          targets.add(old + 1 + RANDOM.nextInt(10) + i * 11L);
        }
        CountDownLatch go = new CountDownLatch(1);
        List<Future<WitnessClient.Answer>> answers = new ArrayList<>();
        for (long target : targets) {
          byte[] body = log.request(old, target);
          answers.add(pool.submit(() -> {
            go.await();
            return client.addCheckpoint(body);
          }));
        }
        go.countDown();
        long cosigned = -1;
        List<String> conflicts = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
          WitnessClient.Answer a = answers.get(i).get();
          if (a.status() == 200) {
            assertEquals(-1, cosigned, "only one request from old size " + old + " is cosigned");
            cosigned = targets.get(i);
          } else {
            assertEquals(409, a.status(), a.body());
            conflicts.add(a.body());
          }
        }
        assertTrue(cosigned > old, "one of them is cosigned");
        for (String c : conflicts) {
          assertEquals(cosigned + "\n", c, "the losers learn the size that won");
        }
        WitnessClient.Answer latest = client.checkpoint(log.origin());
        assertEquals(cosigned, Checkpoint.parse(SignedNote.parse(latest.body()).text()).size(),
            "the stored checkpoint is the one cosigned");
        acknowledged = cosigned;
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
