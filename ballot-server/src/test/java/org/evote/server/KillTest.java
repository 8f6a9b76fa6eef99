package org.evote.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.record.RecordFiles;
import org.evote.crypto.verify.VerificationReport;
import org.evote.server.testing.ServerProcess;
import org.evote.server.testing.TestBoard;
import org.evote.server.testing.TestKiosk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several kiosks post ballots concurrently to a server in its own process; the process is killed with SIGKILL
 * mid-stream and restarted. Every receipt that was handed out is on the board, each kiosk's in-flight ballot is
 * accepted exactly once when retried, and the board verifies.
 */
class KillTest {
  @TempDir
  Path temp;

  static final int KIOSKS = 4;

  @Test
  void everyReceiptSurvivesKillMinus9() throws Exception {
    TestBoard t = new TestBoard(temp, "manifest-small.json");
    List<TestKiosk> kiosks = new ArrayList<>();
    for (int i = 1; i <= KIOSKS; i++) {
      kiosks.add(t.registerKiosk("kiosk-" + i));
    }
    assertEquals(200, t.adminPost("/api/admin/polls/open", "").statusCode());
    t.stop();
    Path pass = temp.resolve("passphrase");
    Files.writeString(pass, new String(TestBoard.passphrase()));
    Path log = temp.resolve("server.log");
    int port = ServerProcess.freePort();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    List<JsonObject> receipts = Collections.synchronizedList(new ArrayList<>());
    TestKiosk.Submission[] inFlight = new TestKiosk.Submission[KIOSKS];
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger accepted = new AtomicInteger();
    ServerProcess server = ServerProcess.start(t.data.dir(), pass, port, log);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < KIOSKS; i++) {
      int id = i;
      Thread th = new Thread(() -> {
        int n = 0;
        while (!stop.get()) {
          TestKiosk.Submission s = kiosks.get(id).next(t.randomBallot("k" + id + "-b" + (n++)), n % 7 == 0);
          inFlight[id] = s;
          try {
            HttpResponse<String> r = http.send(TestBoard.request(server.base, s).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
              throw new AssertionError("refused: " + r.body());
            }
            receipts.add(JsonText.parseObject(r.body()));
            inFlight[id] = null;
            accepted.incrementAndGet();
          } catch (IOException e) {
            return;
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      th.start();
      threads.add(th);
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (accepted.get() < 24 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    server.kill9();
    stop.set(true);
    for (Thread th : threads) {
      th.join(30_000);
    }
    assertTrue(receipts.size() >= 24, "ballots accepted before the kill: " + receipts.size());

    try (ServerProcess again = ServerProcess.start(t.data.dir(), pass, port, log)) {
      // Retrying each kiosk's in-flight submission: accepted now, or its original receipt if it had been stored.
      int retried = 0;
      for (TestKiosk.Submission s : inFlight) {
        if (s == null) {
          continue;
        }
        HttpResponse<String> r = http.send(TestBoard.request(again.base, s).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        receipts.add(JsonText.parseObject(r.body()));
        retried++;
      }
      for (JsonObject receipt : receipts) {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(again.base.resolve("/api/receipts/"
            + receipt.getString("confirmation_code"))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), "receipt lost: " + receipt);
        JsonObject found = JsonText.parseObject(r.body());
        assertEquals(receipt.getJsonNumber("sequence"), found.getJsonNumber("sequence"));
        assertEquals(receipt.getString("entry_hash"), found.getString("entry_hash"));
      }
      JsonObject status = JsonText.parseObject(http.send(HttpRequest.newBuilder(again.base.resolve("/api/status"))
          .build(), HttpResponse.BodyHandlers.ofString()).body());
      long onBoard = status.getJsonNumber("cast_ballots").longValue()
          + status.getJsonNumber("challenged_ballots").longValue();
      assertEquals(receipts.size(), onBoard, "no duplicates, nothing extra (retried " + retried + ")");
      HttpResponse<byte[]> export = http.send(HttpRequest.newBuilder(again.base.resolve("/api/board/export"))
          .build(), HttpResponse.BodyHandlers.ofByteArray());
      Path record = temp.resolve("record");
      Files.createDirectories(record);
      Files.write(record.resolve(RecordFiles.BOARD), export.body());
      Files.copy(t.data.electionFile(), record.resolve(RecordFiles.ELECTION));
      VerificationReport report = RecordFiles.verify(record, t.random, 2, n -> { });
      assertTrue(report.isValid(), report.render());
    }
  }
}
