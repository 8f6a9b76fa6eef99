package org.evote.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.evote.board.client.BoardReceipt;
import org.evote.board.client.ReceiptCheck;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.board.InclusionProof;
import org.evote.crypto.board.SignedHead;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.hash.DomainTags;
import org.evote.crypto.hash.Hasher;
import org.evote.kiosk.service.KioskStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KioskStoreTest {
  @TempDir
  Path temp;

  static Digest d(String s) {
    return Hasher.tagged(DomainTags.JSON_OBJECT).string(s).digest();
  }

  @Test
  void theOutboxAndTheChainAdvanceTogetherAndSurviveReopening() {
    Digest start = d("start");
    try (KioskStore s = KioskStore.open(temp.resolve("k.sqlite"), "K1", start)) {
      assertEquals(1, s.takeNumber());
      assertEquals(2, s.takeNumber());
      s.enqueue("r1", EntryKind.BALLOT_CAST, "K1-1", "AAAA-AAAA-AAAA-AAAA", start, d("c1"), 100, "{}", 100);
      assertThrows(IllegalStateException.class, () -> s.enqueue("r2", EntryKind.BALLOT_CAST, "K1-2",
          "BBBB-BBBB-BBBB-BBBB", start, d("c2"), 101, "{}", 101), "a ballot prepared against an old chain head");
      assertEquals(1, s.all().size());
    }
    try (KioskStore s = KioskStore.open(temp.resolve("k.sqlite"), "K1", start)) {
      assertEquals(d("c1"), s.chain().lastCode());
      assertEquals(3, s.takeNumber());
      assertEquals(1, s.pendingCount());
      long id = s.nextPending().orElseThrow().id();
      s.markUploaded(id, new ReceiptCheck.Valid(new BoardReceipt("K1-1", EntryKind.BALLOT_CAST, d("c1").toHex(),
          "AAAA-AAAA-AAAA-AAAA", 7, d("e7"), d("e6"), 100, new SignedHead(8, d("e7"), d("root"), 100,
          new Ed25519.Signature("00".repeat(64))), new InclusionProof(7, 8, List.of(d("p1"), d("p2"), d("p3"))),
          JsonText.parseObject("{\"sequence\":7}"))));
      assertEquals(0, s.pendingCount());
      assertEquals("{\"sequence\":7}", s.byId(id).orElseThrow().receipt().orElseThrow());
    }
    assertThrows(IllegalStateException.class, () -> KioskStore.open(temp.resolve("k.sqlite"), "K2", start));
  }
}
