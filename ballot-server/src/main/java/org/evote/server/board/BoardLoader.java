package org.evote.server.board;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.board.BoardEntry;
import org.evote.crypto.board.BoardState;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.board.MerkleTree;
import org.evote.crypto.board.SignedHead;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.ElectionJson;
import org.evote.crypto.note.Checkpoint;
import org.evote.crypto.note.SignedNote;
import org.evote.server.store.BoardStore;
import org.evote.server.store.StoreException;
import org.evote.server.store.WriteTransaction;

/**
 * Opens a board for serving after re-checking all of it (docs/api.md): every entry's sequence number, previous
 * hash and recomputed hash, every entry against the board's rules ({@link BoardReplay}), the Merkle tree, and every
 * signed head's signature, head hash and root; the last signed head must cover every entry, and entry 0 must carry
 * this board's key and checkpoint key. The stored board must also contain every checkpoint the board vouched for
 * (§9.8: the checkpoint file, the newest stored cosignature of each witness, and what the witnesses say they
 * cosigned); one it lacks entries of is refused with a {@link BoardBehindException} naming the missing range. Any
 * mismatch refuses the board, naming the first bad entry (and the rule it breaks, if one does). The kiosk and ballot
 * index tables are then rebuilt from the entries, and the checkpoint of the latest head is written.
 */
public final class BoardLoader {
  private BoardLoader() {}

  /** Checks the stored board and serves it; takes over {@code store} (closed by the service). */
  public static BoardService load(ElectionConfig config, BoardStore store, Ed25519.PrivateKey boardKey,
      Checkpoints checkpoints, List<VouchedCheckpoint> witnessed, Clock clock) throws TamperedBoardException {
    Digest he = config.extendedHash();
    BoardState state = new BoardState(he, ElectionJson.canonical(config));
    BoardReplay replay = new BoardReplay(he, state);
    try {
      store.forEachEntry(replay::see);
    } catch (StoreException | InvalidFieldException | IllegalArgumentException ex) {
      long at = replay.tree().size();
      throw new TamperedBoardException(at, "entry " + at + " cannot be read: " + ex.getMessage());
    }
    if (replay.problem().isPresent()) {
      throw replay.problem().get();
    }
    BoardEntry last = replay.last();
    if (last == null) {
      throw new TamperedBoardException(0, "the board is empty: the election was never published");
    }
    MerkleTree tree = replay.tree();
    NoSilentLoss.check(tree, claims(checkpoints, witnessed));
    List<SignedHead> heads = store.heads();
    SignedHead latest = checkHeads(heads, tree, he, boardKey.publicKey());
    if (!latest.headHash().equals(last.entryHash())) {
      throw new TamperedBoardException(latest.size() - 1, "the head hash does not match the last entry");
    }
    if (replay.brokenRule().isPresent()) {
      throw replay.brokenRule().get();
    }
    if (!state.boardKey().map(k -> k.equals(boardKey.publicKey())).orElse(false)) {
      throw new TamperedBoardException(0, "entry 0 does not publish this election with this board key");
    }
    if (!state.checkpointKey().map(k -> k.equals(checkpoints.key())).orElse(false)) {
      throw new TamperedBoardException(0, "entry 0 does not publish this board's checkpoint key");
    }
    // The index tables are derived from the entries: rebuild them.
    WriteTransaction tx = store.writeTransaction();
    tx.replaceIndexes(replay.kiosks(), replay.ballots(heads), replay.refusals(heads));
    checkpoints.made(latest);
    return new BoardService(new BoardView(config, state, tree, last, latest), store, tx, boardKey, checkpoints,
        clock);
  }

  /** A checkpoint a witness cosigned, already verified; {@code witness} names it. */
  public record VouchedCheckpoint(String witness, Checkpoint checkpoint) {}

  private static List<NoSilentLoss.Claim> claims(Checkpoints checkpoints, List<VouchedCheckpoint> witnessed)
      throws TamperedBoardException {
    List<NoSilentLoss.Claim> out = new ArrayList<>();
    Optional<SignedNote> stored;
    try {
      stored = checkpoints.stored();
    } catch (IOException | InvalidFieldException e) {
      throw new TamperedBoardException(0, "the checkpoint file cannot be read: " + e.getMessage());
    }
    if (stored.isEmpty()) {
      throw new TamperedBoardException(0, "checkpoint.txt (the newest checkpoint the board signed) is missing: a "
          + "board without it may have lost entries it vouched for");
    }
    Checkpoint cp;
    try {
      cp = Checkpoint.parse(stored.get().text());
    } catch (InvalidFieldException e) {
      throw new TamperedBoardException(0, "the checkpoint file holds no checkpoint: " + e.getMessage());
    }
    if (!cp.origin().equals(checkpoints.origin().origin())
        || !stored.get().verify(List.of(checkpoints.key())).verified()) {
      throw new TamperedBoardException(0, "the checkpoint file is not signed by this board's checkpoint key");
    }
    out.add(new NoSilentLoss.Claim("the newest checkpoint the board signed (checkpoint.txt, size " + cp.size()
        + ")", cp.size(), cp.rootHash()));
    for (org.evote.server.store.CosignatureStore.Newest n : checkpoints.newestCosigned()) {
      out.add(new NoSilentLoss.Claim("the checkpoint of size " + n.size() + " a witness cosigned ("
          + n.witness() + ", cosignatures.sqlite)", n.size(), n.root()));
    }
    for (VouchedCheckpoint w : witnessed) {
      out.add(new NoSilentLoss.Claim("the checkpoint of size " + w.checkpoint().size() + " witness " + w.witness()
          + " cosigned", w.checkpoint().size(), w.checkpoint().rootHash()));
    }
    return out;
  }

  private static SignedHead checkHeads(List<SignedHead> heads, MerkleTree tree, Digest he, Ed25519.PublicKey key)
      throws TamperedBoardException {
    if (heads.isEmpty()) {
      throw new TamperedBoardException(0, "no signed head");
    }
    long vouched = 0;
    for (SignedHead h : heads) {
      if (h.size() > tree.size()) {
        throw new TamperedBoardException(tree.size(), "a signed head covers " + h.size() + " entries but only "
            + tree.size() + " remain");
      }
      if (!h.signatureValid(he, key)) {
        throw new TamperedBoardException(h.size() - 1, "the signed head of size " + h.size() + " is not signed "
            + "by the board key");
      }
      if (!h.merkleRoot().equals(tree.root(h.size()))) {
        throw new TamperedBoardException(vouched, "entries " + vouched + " to " + (h.size() - 1)
            + " no longer match the Merkle root of the signed head of size " + h.size()
            + " (an entry was edited, removed or reordered and the chain rewritten)");
      }
      vouched = h.size();
    }
    SignedHead latest = heads.get(heads.size() - 1);
    if (latest.size() != tree.size()) {
      throw new TamperedBoardException(latest.size(), "entries follow the last signed head");
    }
    return latest;
  }
}
