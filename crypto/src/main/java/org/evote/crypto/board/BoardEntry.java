package org.evote.crypto.board;

import java.nio.charset.StandardCharsets;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.hash.DomainTags;
import org.evote.crypto.hash.Hasher;

/**
 * One entry of the bulletin board (protocol §9.2): sequence number, kind, the board's time of appending (seconds
 * since the epoch), the payload as RFC 8785 canonical JSON text, the previous entry's hash and this entry's hash
 * e_s = H(BOARD_ENTRY; H_E, e_{s−1}, s, kind, time, payload). The payload stays text so the hash is checked over
 * exactly what was published; {@code org.evote.crypto.json.BoardJson} reads it into an {@link EntryPayload}.
 */
public record BoardEntry(long sequence, EntryKind kind, long timestamp, String payload, Digest previousHash,
    Digest entryHash) {
  public BoardEntry {
    if (sequence < 0 || timestamp < 0) {
      throw new IllegalArgumentException("sequence and time must not be negative");
    }
    if (kind == null || payload == null || previousHash == null || entryHash == null) {
      throw new IllegalArgumentException("board entry fields must not be null");
    }
  }

  /** e_s as defined above. */
  public static Digest hash(Digest extendedHash, Digest previousHash, long sequence, EntryKind kind, long timestamp,
      String canonicalPayload) {
    return Hasher.tagged(DomainTags.BOARD_ENTRY).digest(extendedHash).digest(previousHash).integer(sequence)
        .string(kind.wireName()).integer(timestamp).bytes(canonicalPayload.getBytes(StandardCharsets.UTF_8))
        .digest();
  }

  /** The next entry after {@code previous} (null for the first), with its hash computed. */
  public static BoardEntry append(Digest extendedHash, BoardEntry previous, EntryKind kind, long timestamp,
      String canonicalPayload) {
    long seq = previous == null ? 0 : previous.sequence() + 1;
    Digest prev = previous == null ? Digest.ZERO : previous.entryHash();
    return new BoardEntry(seq, kind, timestamp, canonicalPayload, prev,
        hash(extendedHash, prev, seq, kind, timestamp, canonicalPayload));
  }

  /** True if the stored entry hash is the hash of the entry's fields. */
  public boolean hashMatches(Digest extendedHash) {
    return entryHash.equals(hash(extendedHash, previousHash, sequence, kind, timestamp, payload));
  }
}
