package org.evote.crypto.notice;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.board.BoardEntry;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.board.EntryPayload;
import org.evote.crypto.json.BoardJson;

/**
 * Makes the election notice from the board itself (§10.3): entry 0's extended hash, board key and checkpoint key,
 * and every {@code kiosk_registered} entry in board order. Feed it the entries of a board that verified; it keeps
 * only those keys. Not thread-safe.
 */
public final class NoticeBuilder implements Consumer<BoardEntry> {
  private EntryPayload.ElectionPublished election;
  private final List<ElectionNotice.Kiosk> kiosks = new ArrayList<>();
  private boolean pollsOpened;
  private boolean pollsClosed;

  @Override
  public void accept(BoardEntry entry) {
    if (entry.kind() != EntryKind.ELECTION_PUBLISHED && entry.kind() != EntryKind.KIOSK_REGISTERED
        && entry.kind() != EntryKind.POLLS_OPENED && entry.kind() != EntryKind.POLLS_CLOSED) {
      return;
    }
    EntryPayload p = BoardJson.decodePayload(entry);
    if (p instanceof EntryPayload.ElectionPublished e && election == null) {
      election = e;
    } else if (p instanceof EntryPayload.KioskRegistered k) {
      kiosks.add(new ElectionNotice.Kiosk(k.kioskId(), k.publicKey()));
    } else if (p instanceof EntryPayload.PollsOpened) {
      pollsOpened = true;
    } else if (p instanceof EntryPayload.PollsClosed) {
      pollsClosed = true;
    }
  }

  /** True if a {@code polls_opened} entry was seen: a notice should be published before the polls open. */
  public boolean pollsOpened() {
    return pollsOpened;
  }

  /** True if a {@code polls_closed} entry was seen. */
  public boolean pollsClosed() {
    return pollsClosed;
  }

  /** The kiosks registered so far, in board order. */
  public List<ElectionNotice.Kiosk> kiosks() {
    return List.copyOf(kiosks);
  }

  /** The notice of the board seen, with these witnesses and quorum. */
  public ElectionNotice notice(List<ElectionNotice.Witness> witnesses, int witnessQuorum) {
    if (election == null) {
      throw new InvalidFieldException("entries[0]", "the board does not publish the election");
    }
    return new ElectionNotice(election.extendedHash(), election.boardKey(), election.checkpointKey(), witnesses,
        witnessQuorum, kiosks);
  }
}
