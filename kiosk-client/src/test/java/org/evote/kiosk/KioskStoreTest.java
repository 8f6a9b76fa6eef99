package org.evote.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
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
      s.markUploaded(id, "{\"sequence\":7}");
      assertEquals(0, s.pendingCount());
    }
    assertThrows(IllegalStateException.class, () -> KioskStore.open(temp.resolve("k.sqlite"), "K2", start));
  }
}
