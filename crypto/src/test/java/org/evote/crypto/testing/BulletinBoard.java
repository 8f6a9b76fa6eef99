package org.evote.crypto.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.evote.crypto.board.BoardEntry;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.board.MerkleTree;
import org.evote.crypto.board.SignedHead;
import org.evote.crypto.hash.Digest;

/**
 * The append-only board of protocol §9 held in memory: the hash chain, the Merkle tree over it and signed heads.
 * A test fixture: the ballot server keeps the same structure on disk; tests build boards with this one (it checks
 * no rule: {@link PollingBoard} runs it with the board's rules). Not thread-safe.
 */
public final class BulletinBoard {
  private final Digest extendedHash;
  private final List<BoardEntry> entries = new ArrayList<>();
  private final MerkleTree tree = new MerkleTree();
  private final List<SignedHead> heads = new ArrayList<>();

  public BulletinBoard(Digest extendedHash) {
    this.extendedHash = extendedHash;
  }

  /** Appends an entry with a canonical JSON payload; returns it with its hash. */
  public BoardEntry append(EntryKind kind, long timestamp, String canonicalPayload) {
    BoardEntry e = BoardEntry.append(extendedHash, entries.isEmpty() ? null : entries.get(entries.size() - 1), kind,
        timestamp, canonicalPayload);
    entries.add(e);
    tree.append(e.entryHash());
    return e;
  }

  /** Signs and records a head over the whole board. */
  public SignedHead signHead(Ed25519.PrivateKey boardKey, long timestamp) {
    if (entries.isEmpty()) {
      throw new IllegalStateException("cannot sign the head of an empty board");
    }
    SignedHead h = SignedHead.sign(extendedHash, entries.size(), entries.get(entries.size() - 1).entryHash(),
        tree.root(), timestamp, boardKey);
    heads.add(h);
    return h;
  }

  public List<BoardEntry> entries() {
    return Collections.unmodifiableList(entries);
  }

  public List<SignedHead> heads() {
    return Collections.unmodifiableList(heads);
  }

  public MerkleTree tree() {
    return tree;
  }

  public Digest extendedHash() {
    return extendedHash;
  }
}
