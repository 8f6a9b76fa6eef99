package org.evote.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.evote.board.client.BoardClient;
import org.evote.board.client.BoardElection;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.keystore.KioskCredentials;
import org.evote.crypto.note.Cosigner;
import org.evote.crypto.note.SignatureType;
import org.evote.crypto.notice.ElectionNotice;
import org.evote.crypto.notice.NoticeJson;
import org.evote.server.testing.Console;
import org.evote.tally.TallyTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tally notice --server} against a real board: after the kiosks are registered, the notice holds the keys the
 * board serves and publishes in entry 0, and exactly the registered kiosks with the keys of their credentials.
 */
class ElectionNoticeTest {
  @TempDir
  Path temp;

  @Test
  void theNoticeIsReadFromTheBoardsPublicApi() throws Exception {
    try (LiveBoard b = new LiveBoard(temp, "manifest-small.json")) {
      KioskCredentials k1 = b.registerKiosk("K1");
      KioskCredentials k2 = b.registerKiosk("K2");
      Cosigner w = Cosigner.generate("witness.test", SignatureType.COSIGNATURE_ED25519, b.random);
      Path notice = temp.resolve("notice.json");
      Console made = Console.run(TallyTool::run, "notice", "--server", b.uri().toString(), "--witness",
          "http://127.0.0.1:9/=" + w.verifierKey().encoded(), "--witness-quorum", "1", "--out", notice.toString());
      assertEquals(0, made.code(), made.printed());

      ElectionNotice n = NoticeJson.decode(JsonText.readObject(notice));
      BoardElection served = BoardClient.create(b.uri(), Duration.ofSeconds(5)).election();
      assertEquals(b.config.extendedHash(), n.extendedHash());
      assertEquals(served.boardPublicKey(), n.boardKey());
      assertEquals(served.checkpointKey(), n.checkpointKey());
      assertEquals(List.of(new ElectionNotice.Kiosk("K1", k1.key().publicKey()), new ElectionNotice.Kiosk("K2",
          k2.key().publicKey())), n.kiosks());
      assertEquals(List.of(new ElectionNotice.Witness(URI.create("http://127.0.0.1:9/"), w.verifierKey())),
          n.witnesses());
      assertTrue(made.out().contains(NoticeJson.hash(n).toHex()), made.printed());

      // Once the polls are open the notice can still be made, with a warning; it never replaces a file.
      b.openPolls();
      Console late = Console.run(TallyTool::run, "notice", "--server", b.uri().toString(), "--out",
          temp.resolve("late.json").toString());
      assertEquals(0, late.code(), late.printed());
      assertTrue(late.err().contains("the polls are already open"), late.printed());
      String before = Files.readString(notice);
      assertEquals(2, Console.run(TallyTool::run, "notice", "--server", b.uri().toString(), "--out",
          notice.toString()).code());
      assertEquals(before, Files.readString(notice));
    }
  }
}
