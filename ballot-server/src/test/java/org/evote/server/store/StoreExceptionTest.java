package org.evote.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.evote.crypto.board.BoardEntry;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.hash.Digest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Store failures are classified once, from SQLite's result codes, and the writer's handle is handed out once. */
class StoreExceptionTest {
  @TempDir
  Path temp;

  static BoardEntry entry(long seq, BoardEntry previous, String payload) {
    return BoardEntry.append(Digest.ZERO, previous, EntryKind.POLLS_OPENED, 0, payload);
  }

  @Test
  void aRepeatedPrimaryKeyIsAConstraintFailure() {
    try (BoardStore store = BoardStore.create(temp.resolve("board.sqlite"))) {
      WriteTransaction tx = store.writeTransaction();
      BoardEntry e = entry(0, null, "{}");
      tx.insertEntry(e);
      StoreException x = assertThrows(StoreException.class, () -> tx.insertEntry(e));
      assertEquals(StoreException.Kind.CONSTRAINT, x.kind(), x.getMessage());
    }
  }

  @Test
  void aDatabaseOverItsPageLimitIsFull() {
    try (BoardStore store = BoardStore.create(temp.resolve("board.sqlite"))) {
      store.limitSize(1);
      WriteTransaction tx = store.writeTransaction();
      StoreException x = assertThrows(StoreException.class, () -> {
        BoardEntry previous = null;
        for (int i = 0; i < 1000; i++) {
          previous = entry(i, previous, "{\"pad\":\"" + "x".repeat(4000) + "\"}");
          tx.insertEntry(previous);
        }
      });
      assertEquals(StoreException.Kind.FULL, x.kind(), x.getMessage());
    }
  }

  @Test
  void theWriteTransactionIsHandedOutOnce() {
    try (BoardStore store = BoardStore.create(temp.resolve("board.sqlite"))) {
      store.writeTransaction();
      assertThrows(IllegalStateException.class, store::writeTransaction);
    }
  }
}
