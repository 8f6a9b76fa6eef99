package org.evote.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.evote.board.client.BoardClient;
import org.evote.board.client.BoardDownload;
import org.evote.crypto.ballot.ConfirmationCodes;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.keystore.KioskCredentials;
import org.evote.crypto.record.RecordFiles;
import org.evote.crypto.verify.VerificationReport;
import org.evote.kiosk.robot.RobotVoter;
import org.evote.kiosk.service.BallotCaster;
import org.evote.kiosk.service.KioskStore;
import org.evote.kiosk.service.LocalReceipt;
import org.evote.kiosk.service.ReceiptDocument;
import org.evote.kiosk.service.Uploader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kiosk's encrypt-and-cast path against a real board: receipts while the board is up; "upload pending"
 * receipts while it is down; after it comes back every queued ballot is on the board exactly once, in chain order,
 * also across a kiosk restart; and the whole board verifies.
 */
class KioskStoreAndForwardTest {
  @TempDir
  Path temp;

  record Kiosk(KioskStore store, Uploader uploader, BallotCaster caster) implements AutoCloseable {
    @Override
    public void close() {
      uploader.close();
      store.close();
    }
  }

  Kiosk kiosk(LiveBoard b, KioskCredentials c, Path dir) throws Exception {
    BoardClient client = BoardClient.create(b.uri(), Duration.ofSeconds(3));
    KioskStore store = KioskStore.open(dir.resolve("kiosk.sqlite"), c.kioskId(),
        ConfirmationCodes.chainStart(b.config.extendedHash(), c.kioskId()));
    Uploader uploader = new Uploader(store, client, c);
    uploader.start();
    BallotCaster caster = new BallotCaster(b.config, c, store, uploader, new SecureRandom(), Clock.systemUTC(),
        b.uri(), Duration.ofSeconds(5));
    return new Kiosk(store, uploader, caster);
  }

  static JsonObject status(LiveBoard b) throws Exception {
    return JsonText.parseObject(HttpClient.newHttpClient().send(HttpRequest.newBuilder(b.uri().resolve(
        "/api/status")).build(), HttpResponse.BodyHandlers.ofString()).body());
  }

  @Test
  void queuedBallotsUploadOnceInChainOrderAfterTheBoardComesBack() throws Exception {
    try (LiveBoard b = new LiveBoard(temp, "manifest-small.json")) {
      KioskCredentials creds = b.registerKiosk("K1");
      b.openPolls();
      Path kioskDir = temp.resolve("kiosk");
      Kiosk k = kiosk(b, creds, kioskDir);
      RobotVoter robot = new RobotVoter(k.caster(), new SecureRandom(), 0.25);
      List<RobotVoter.Entry> online = robot.vote(6);
      assertTrue(online.stream().noneMatch(e -> e.receipt().uploadPending()), "board up: every receipt final");
      assertTrue(online.stream().allMatch(e -> e.receipt().boardSequence().isPresent()));

      b.stop();
      List<RobotVoter.Entry> offline = robot.vote(4);
      assertTrue(offline.stream().allMatch(e -> e.receipt().uploadPending()), "board down: receipts pending");
      assertEquals(4, k.uploader().status().pending());
      assertFalse(k.uploader().status().boardReachable());

      // The kiosk itself restarts while ballots wait: nothing is lost.
      k.close();
      k = kiosk(b, creds, kioskDir);
      assertEquals(4, k.store().pendingCount());

      b.start();
      k.uploader().kick();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (k.store().pendingCount() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertEquals(0, k.store().pendingCount());
      List<KioskStore.Outgoing> all = k.store().all();
      assertEquals(10, all.size());
      long previous = -1;
      for (KioskStore.Outgoing o : all) {
        assertEquals(KioskStore.Status.UPLOADED, o.status(), o.ballotId() + " " + o.error());
        long seq = JsonText.parseObject(o.receipt().orElseThrow()).getJsonNumber("sequence").longValue();
        assertTrue(seq > previous, "uploaded in chain order");
        previous = seq;
      }
      JsonObject s = status(b);
      assertEquals(10, s.getJsonNumber("cast_ballots").longValue() + s.getJsonNumber("challenged_ballots")
          .longValue(), "each ballot on the board exactly once");
      // Retrying an uploaded submission changes nothing (idempotent).
      var client = BoardClient.create(b.uri(), Duration.ofSeconds(3));
      var again = client.submit(org.evote.crypto.json.SignedSubmission.fromStored(all.get(0).kind(),
          all.get(0).body()));
      assertEquals(JsonText.parseObject(all.get(0).receipt().orElseThrow()).getJsonNumber("sequence").longValue(),
          again.sequence(), "the original receipt");
      assertEquals(10, status(b).getJsonNumber("cast_ballots").longValue()
          + status(b).getJsonNumber("challenged_ballots").longValue());

      Path robotLog = temp.resolve("robot.json");
      robot.writeLog(robotLog);
      assertEquals(10, JsonText.readObject(robotLog).getJsonArray("ballots").size());
      k.close();

      b.closePolls();
      Path record = temp.resolve("record");
      // The board file and its final checkpoint, as tally fetch downloads them.
      new BoardDownload(BoardClient.create(b.uri(), Duration.ofSeconds(10)), Duration.ofSeconds(30),
          Duration.ofMillis(100)).into(record, java.util.Optional.empty());
      Files.copy(b.data.electionFile(), record.resolve(RecordFiles.ELECTION));
      VerificationReport report = RecordFiles.verify(record, new SecureRandom(), 2, n -> { });
      assertTrue(report.isValid(), report.render());
    }
  }

  @Test
  void theReceiptPdfShowsTheCodeAndCheckUrlButNeverTheVote() throws Exception {
    try (LiveBoard b = new LiveBoard(temp, "manifest-small.json")) {
      KioskCredentials creds = b.registerKiosk("K2");
      b.openPolls();
      try (Kiosk k = kiosk(b, creds, temp.resolve("kiosk2"))) {
        var p = k.caster().prepare("franklin-county-no-schooldistrict", java.util.Map.of(
            "congressional-race-01", List.of("benjamin-franklin-selection")));
        LocalReceipt r = k.caster().cast(p);
        Path pdf = temp.resolve("receipt.pdf");
        ReceiptDocument.writePdf(pdf, new org.evote.kiosk.session.Texts("en"), "Franklin County", r,
            ZoneId.of("UTC"));
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
          text = new PDFTextStripper().getText(doc);
        }
        assertTrue(text.contains(r.trackingCode()), text);
        assertTrue(text.contains("Kiosk: K2"), text);
        assertTrue(text.contains("Bulletin board entry"), text);
        assertFalse(text.toLowerCase().contains("franklin-selection"), "the vote is not on the receipt");
        BufferedImage qr = ReceiptDocument.qrCode(r, 300);
        int[] pixels = qr.getRGB(0, 0, qr.getWidth(), qr.getHeight(), null, 0, qr.getWidth());
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(
            qr.getWidth(), qr.getHeight(), pixels)))).getText();
        assertEquals(b.uri().resolve("/?code=" + r.confirmationCode()).toString(), decoded);
        for (String code : List.of(r.trackingCode(), r.confirmationCode())) {
          HttpResponse<String> check = HttpClient.newHttpClient().send(HttpRequest.newBuilder(b.uri().resolve(
              "/api/receipts/" + code)).build(), HttpResponse.BodyHandlers.ofString());
          assertEquals(200, check.statusCode(), check.body());
        }
      }
    }
  }
}
