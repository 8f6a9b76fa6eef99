package org.evote.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.evote.board.client.ErrorCodes;
import org.evote.crypto.ballot.EncryptedBallot;
import org.evote.crypto.ballot.EncryptedContest;
import org.evote.crypto.ballot.EncryptedSelection;
import org.evote.crypto.group.Scalar;
import org.evote.crypto.json.SignedSubmission;
import org.evote.crypto.json.Submissions;
import org.evote.crypto.proof.RangeProof;
import org.evote.crypto.verify.BallotVerifier;
import org.evote.crypto.verify.VerificationResult;
import org.evote.server.testing.TestBoard;
import org.evote.server.testing.TestKiosk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batch verification across ballots on a real board (random loopback port): many kiosks submit at once, so their
 * ballots queue and are verified together; one of them, signed by its kiosk, has a wrong proof. Exactly that one
 * is refused — {@code invalid_ballot}, recorded, with the step and reason the per-ballot verifier gives — and every
 * other ballot, in the same batches, gets its receipt; its kiosk's next ballot is accepted too.
 */
class BatchedSubmissionsTest {
  private static final int KIOSKS = 12;
  private static final int PER_KIOSK = 3;
  private static final int BAD_KIOSK = 4;

  @TempDir
  Path temp;

  @Test
  @Timeout(180)
  void concurrentSubmissionsWithOneBadBallotRefuseExactlyThatOne() throws Exception {
    try (TestBoard t = new TestBoard(temp, "manifest-small.json")) {
      assertEquals(200, t.adminPost("/api/admin/polls/open", "").statusCode());
      List<List<SignedSubmission>> bodies = new ArrayList<>();
      EncryptedBallot bad = null;
      for (int k = 0; k < KIOSKS; k++) {
        TestKiosk kiosk = t.registerKiosk("kiosk-" + k);
        List<SignedSubmission> mine = new ArrayList<>();
        for (int b = 0; b < PER_KIOSK; b++) {
          TestKiosk.Submission s = kiosk.next(t.randomBallot("b" + b), false);
          if (k == BAD_KIOSK && b == 0) {
            bad = withBadResponse(s.ballot());
            mine.add(kiosk.signed(Submissions.cast(t.config.extendedHash(), s.requestId(), bad, kiosk.key)));
          } else {
            mine.add(s.signed());
          }
        }
        bodies.add(mine);
      }
      VerificationResult.Invalid expected = (VerificationResult.Invalid) new BallotVerifier(t.config, t.random)
          .verify(bad);

      CountDownLatch go = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(KIOSKS);
      List<Future<List<HttpResponse<String>>>> answers = new ArrayList<>();
      for (List<SignedSubmission> mine : bodies) {
        answers.add(pool.submit(() -> {
          go.await();
          List<HttpResponse<String>> out = new ArrayList<>();
          for (SignedSubmission s : mine) { // each kiosk in its chain's order, as kiosks post
            out.add(t.submit(s));
          }
          return out;
        }));
      }
      go.countDown();
      int receipts = 0;
      for (int k = 0; k < KIOSKS; k++) {
        List<HttpResponse<String>> mine = answers.get(k).get();
        for (int b = 0; b < PER_KIOSK; b++) {
          HttpResponse<String> r = mine.get(b);
          if (k == BAD_KIOSK && b == 0) {
            assertEquals(400, r.statusCode(), r.body());
            JsonObject error = TestBoard.json(r).getJsonObject("error");
            assertEquals(ErrorCodes.INVALID_BALLOT, error.getString("code"), r.body());
            String message = error.getString("message");
            assertTrue(message.startsWith(expected.step().id() + " " + expected.object() + ": " + expected.reason()
                + " ("), "the per-ballot verifier's step, ballot and reason: " + message);
            assertEquals("ballot_refused", TestBoard.json(r).getJsonObject("receipt").getString("kind"), r.body());
          } else {
            assertEquals(200, r.statusCode(), "kiosk " + k + " ballot " + b + ": " + r.body());
            receipts++;
          }
        }
      }
      pool.shutdownNow();
      assertEquals(KIOSKS * PER_KIOSK - 1, receipts);
      JsonObject status = TestBoard.json(t.get("/api/status"));
      assertEquals(KIOSKS * PER_KIOSK - 1, status.getJsonNumber("cast_ballots").longValue(), status.toString());
      assertEquals(1, status.getJsonNumber("refused_ballots").longValue(), status.toString());
    }
  }

  /** The ballot with one response of its first selection proof changed: its challenges still sum right. */
  private static EncryptedBallot withBadResponse(EncryptedBallot b) {
    EncryptedContest c = b.contests().get(0);
    EncryptedSelection s = c.selections().get(0);
    List<RangeProof.Branch> br = new ArrayList<>(s.proof().branches());
    RangeProof.Branch b0 = br.get(0);
    br.set(0, new RangeProof.Branch(b0.a(), b0.b(), b0.c(), b0.v().add(Scalar.ONE)));
    List<EncryptedSelection> sels = new ArrayList<>(c.selections());
    sels.set(0, new EncryptedSelection(s.selectionId(), s.ciphertext(), new RangeProof(br)));
    List<EncryptedContest> contests = new ArrayList<>(b.contests());
    contests.set(0, new EncryptedContest(c.contestId(), sels, c.proof(), c.ranks(), c.writeIns(), c.contestHash()));
    return new EncryptedBallot(b.ballotId(), b.styleId(), b.kioskId(), b.timestamp(), b.previousCode(), contests,
        b.confirmationCode());
  }
}
