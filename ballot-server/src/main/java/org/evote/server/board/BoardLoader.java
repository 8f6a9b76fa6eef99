package org.evote.server.board;

import java.time.Clock;
import java.util.List;
import org.evote.crypto.board.BoardEntry;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.board.EntryPayload;
import org.evote.crypto.board.MerkleTree;
import org.evote.crypto.board.SignedHead;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.BoardJson;
import org.evote.server.store.BoardStore;

/**
 * Opens a board for serving after re-checking all of it (docs/api.md, "Integrity"): every entry's sequence
 * number, previous hash and recomputed hash, the Merkle tree, and every signed head's signature, head hash and
 * root. The last signed head must cover every entry. Any mismatch refuses the board, naming the first bad entry.
 */
public final class BoardLoader {
  private BoardLoader() {}

  public static BoardService load(ElectionConfig config, BoardStore store, Ed25519.PrivateKey boardKey, Clock clock)
      throws TamperedBoardException {
    Digest he = config.extendedHash();
    MerkleTree tree = new MerkleTree();
    BoardEntry[] last = {null};
    long[] problem = {-1};
    String[] reason = {null};
    EntryCounter polls = new EntryCounter();
    BoardStore.AlphaCursor cursor = store.alphaCursor();
    IndexRebuilder index = new IndexRebuilder(he, cursor);
    try {
      store.forEachEntry(e -> {
      if (problem[0] >= 0) {
        return;
      }
      long expected = tree.size();
      Digest previous = last[0] == null ? Digest.ZERO : last[0].entryHash();
      if (e.sequence() != expected) {
        problem[0] = expected;
        reason[0] = "entry " + expected + " is missing (found " + e.sequence() + ")";
      } else if (!e.previousHash().equals(previous)) {
        problem[0] = expected;
        reason[0] = "its previous hash does not match entry " + (expected - 1);
      } else if (!e.hashMatches(he)) {
        problem[0] = expected;
        reason[0] = "its contents do not match its hash";
      } else {
        try {
          index.see(e);
        } catch (RuntimeException ex) {
          problem[0] = expected;
          reason[0] = "its payload cannot be read: " + ex.getMessage();
          return;
        }
        tree.append(e.entryHash());
        last[0] = e;
        polls.see(e);
      }
    });
      if (problem[0] < 0) {
        index.checkAlphas(tree.size());
      }
    } catch (org.evote.server.store.StoreException | org.evote.crypto.InvalidFieldException ex) {
      throw new TamperedBoardException(tree.size(), "entry " + tree.size() + " cannot be read: " + ex.getMessage());
    } finally {
      try {
        cursor.close();
      } catch (java.sql.SQLException ignored) {
        // the read-only cursor is done either way
      }
    }
    if (problem[0] >= 0) {
      throw new TamperedBoardException(problem[0], reason[0]);
    }
    if (last[0] == null) {
      throw new TamperedBoardException(0, "the board is empty: the election was never published");
    }
    List<SignedHead> heads = store.heads();
    if (heads.isEmpty()) {
      throw new TamperedBoardException(0, "no signed head");
    }
    long vouched = 0;
    for (SignedHead h : heads) {
      if (h.size() > tree.size()) {
        throw new TamperedBoardException(tree.size(), "a signed head covers " + h.size() + " entries but only "
            + tree.size() + " remain");
      }
      if (!h.signatureValid(he, boardKey.publicKey())) {
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
    if (!latest.headHash().equals(last[0].entryHash())) {
      throw new TamperedBoardException(latest.size() - 1, "the head hash does not match the last entry");
    }
    BoardEntry first = store.entry(0).orElseThrow();
    if (first.kind() != EntryKind.ELECTION_PUBLISHED
        || !(BoardJson.decodePayload(first) instanceof EntryPayload.ElectionPublished ep)
        || !ep.extendedHash().equals(he) || !ep.boardKey().equals(boardKey.publicKey())) {
      throw new TamperedBoardException(0, "entry 0 does not publish this election with this board key");
    }
    // The index tables are derived from the entries: the ciphertext index was checked, rebuild the others.
    List<org.evote.server.store.BallotRow> ballots = index.ballots(heads);
    store.replaceIndexes(index.kiosks(), ballots);
    long cast = ballots.stream().filter(b -> b.kind().equals(EntryKind.BALLOT_CAST.wireName())).count();
    return new BoardService(config, store, boardKey, clock, tree, last[0], latest, index.kiosks(), polls.state(),
        cast, ballots.size() - cast, index.tallyPublished());
  }

  private static final class EntryCounter {
    private boolean opened;
    private boolean closed;

    void see(BoardEntry e) {
      opened |= e.kind() == EntryKind.POLLS_OPENED;
      closed |= e.kind() == EntryKind.POLLS_CLOSED;
    }

    BoardService.PollsState state() {
      return closed ? BoardService.PollsState.CLOSED : opened ? BoardService.PollsState.OPEN
          : BoardService.PollsState.NOT_OPENED;
    }
  }
}
