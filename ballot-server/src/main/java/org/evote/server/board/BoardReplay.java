package org.evote.server.board;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.ballot.ConfirmationCodes;
import org.evote.crypto.board.Admission;
import org.evote.crypto.board.BoardEntry;
import org.evote.crypto.board.BoardState;
import org.evote.crypto.board.EntryFacts;
import org.evote.crypto.board.MerkleTree;
import org.evote.crypto.board.SignedHead;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.BoardJson;
import org.evote.crypto.json.JsonHashes;
import org.evote.server.store.BallotRow;
import org.evote.server.store.BoardStore;
import org.evote.server.store.KioskRow;
import org.evote.server.store.RefusedRow;

/**
 * Replays the stored entries at start, in order: each entry's sequence number, previous hash and recomputed hash,
 * then the board's rules ({@link BoardState#admit} and {@link BoardState#apply}, on facts read from the JSON
 * without decoding a point). Stops at the first entry whose chain does not check out. Also re-derives what the database
 * indexes beside the entries — kiosk rows and ballot rows — so a database whose index tables were edited cannot
 * make the board accept a rogue kiosk, lose a receipt or forget a ciphertext.
 */
final class BoardReplay {
  private final Digest extendedHash;
  private final BoardState state;
  private final MerkleTree tree = new MerkleTree();
  private final List<BallotRow> ballots = new ArrayList<>();
  private final List<RefusedRow> refusals = new ArrayList<>();
  private BoardEntry last;
  private TamperedBoardException problem;
  private TamperedBoardException brokenRule;

  BoardReplay(Digest extendedHash, BoardState state) {
    this.extendedHash = extendedHash;
    this.state = state;
  }

  /** Checks and replays the next stored entry; ignored after the first problem. */
  void see(BoardEntry e) {
    if (problem != null) {
      return;
    }
    long expected = tree.size();
    Digest previous = last == null ? Digest.ZERO : last.entryHash();
    if (e.sequence() != expected) {
      problem = new TamperedBoardException(expected, "entry " + expected + " is missing (found " + e.sequence()
          + ")");
    } else if (!e.previousHash().equals(previous)) {
      problem = new TamperedBoardException(expected, "its previous hash does not match entry " + (expected - 1));
    } else if (!e.hashMatches(extendedHash)) {
      problem = new TamperedBoardException(expected, "its contents do not match its hash");
    } else {
      EntryFacts facts;
      try {
        facts = BoardJson.decodeFacts(e);
      } catch (InvalidFieldException | IllegalArgumentException ex) {
        problem = new TamperedBoardException(expected, "its payload cannot be read: " + ex.getMessage());
        return;
      }
      if (brokenRule == null
          && state.admit(facts, e.sequence(), e.timestamp()) instanceof Admission.Refused refused) {
        brokenRule = new TamperedBoardException(expected, refused.first());
      }
      state.apply(facts, e.timestamp());
      tree.append(e.entryHash());
      last = e;
      if (facts instanceof EntryFacts.Ballot b) {
        ballots.add(new BallotRow(b.ballotId(), e.sequence(), b.kioskId(), b.requestId(), e.kind().wireName(),
            b.confirmationCode().toHex(), ConfirmationCodes.shortForm(b.confirmationCode()),
            JsonHashes.ofCanonical(e.payload()).toHex(), BoardStore.PENDING_HEAD, e.timestamp()));
      } else if (facts instanceof EntryFacts.Refused r) {
        refusals.add(RefusalRecorder.row(e, r, JsonHashes.ofCanonical(RefusalRecorder.submissionText(e)).toHex()));
      }
    }
  }

  /** The first entry whose sequence number, previous hash or hash is wrong, or that cannot be read, if any. */
  Optional<TamperedBoardException> problem() {
    return Optional.ofNullable(problem);
  }

  /**
   * The first entry that breaks a board rule, if any. The replay goes on past it (as a verifier does), so that the
   * signed heads are still checked over the whole board: a rewritten chain is reported as such.
   */
  Optional<TamperedBoardException> brokenRule() {
    return Optional.ofNullable(brokenRule);
  }

  MerkleTree tree() {
    return tree;
  }

  /** The last entry replayed, or null if none. */
  BoardEntry last() {
    return last;
  }

  /** Ballot rows, each with the smallest signed head that covers it. */
  List<BallotRow> ballots(List<SignedHead> heads) {
    List<BallotRow> out = new ArrayList<>();
    int h = 0;
    for (BallotRow r : ballots) {
      while (h < heads.size() && heads.get(h).size() <= r.sequence()) {
        h++;
      }
      long size = h < heads.size() ? heads.get(h).size() : BoardStore.PENDING_HEAD;
      out.add(new BallotRow(r.ballotId(), r.sequence(), r.kioskId(), r.requestId(), r.kind(), r.confirmationCode(),
          r.trackingCode(), r.submissionHash(), size, r.timestamp()));
    }
    return out;
  }

  /** Refused-ballot rows, each with the smallest signed head that covers it. */
  List<RefusedRow> refusals(List<SignedHead> heads) {
    List<RefusedRow> out = new ArrayList<>();
    int h = 0;
    for (RefusedRow r : refusals) {
      while (h < heads.size() && heads.get(h).size() <= r.sequence()) {
        h++;
      }
      out.add(r.withHeadSize(h < heads.size() ? heads.get(h).size() : BoardStore.PENDING_HEAD));
    }
    return out;
  }

  /** Kiosk rows as the rules' state holds them: key, revocation and chain head. */
  List<KioskRow> kiosks() {
    List<KioskRow> out = new ArrayList<>();
    for (BoardState.Kiosk k : state.kiosks()) {
      BoardState.Chain c = state.chain(k.kioskId());
      out.add(new KioskRow(k.kioskId(), k.publicKey().hex(), k.revoked(),
          c.ballots() > 0 ? Optional.of(c.head().toHex()) : Optional.empty(), c.lastTime(), c.ballots()));
    }
    return out;
  }
}
