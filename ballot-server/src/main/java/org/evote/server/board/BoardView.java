package org.evote.server.board;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.evote.crypto.board.BoardEntry;
import org.evote.crypto.board.BoardState;
import org.evote.crypto.board.ConsistencyProof;
import org.evote.crypto.board.InclusionProof;
import org.evote.crypto.board.MerkleTree;
import org.evote.crypto.board.SignedHead;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.hash.Digest;

/**
 * The board as held in memory, shared by its writer and its readers: the rules' state ({@link BoardState}), the
 * Merkle tree, the last entry appended, and what the last commit made durable (the signed head and the counts the
 * public status shows). Only the writer changes it; readers see the committed part, never a batch in progress.
 */
final class BoardView {
  /** What the last commit made durable. */
  record Committed(SignedHead head, BoardState.Polls polls, long cast, long challenged, long refused) {}

  private final ElectionConfig config;
  private final BoardState state;
  private final MerkleTree tree;
  /** Why writes stopped, with the code refused writes get. */
  private record Stop(Refusal.Unavailable code, String why) {}

  private final AtomicReference<Stop> broken = new AtomicReference<>();
  private volatile BoardEntry last;
  private volatile Committed committed;

  BoardView(ElectionConfig config, BoardState state, MerkleTree tree, BoardEntry last, SignedHead head) {
    this.config = config;
    this.state = state;
    this.tree = tree;
    this.last = last;
    this.committed = new Committed(head, state.polls(), state.cast(), state.challenged(), state.refused());
  }

  ElectionConfig config() {
    return config;
  }

  /** The rules' state: {@link BoardState#submitter} and {@link BoardState#kiosk} may be read from any thread. */
  BoardState state() {
    return state;
  }

  BoardEntry last() {
    return last;
  }

  Committed committed() {
    return committed;
  }

  /** The number of committed entries: the size of the latest signed head. */
  long size() {
    return committed.head().size();
  }

  /** Writer only: an entry was appended in the current transaction. */
  void appended(BoardEntry e) {
    synchronized (tree) {
      tree.append(e.entryHash());
    }
    last = e;
  }

  /** The tree's size and root now (including the batch in progress). */
  long treeSize() {
    synchronized (tree) {
      return tree.size();
    }
  }

  Digest treeRoot() {
    synchronized (tree) {
      return tree.root();
    }
  }

  /** Writer only: the transaction holding everything up to {@code head} is committed. */
  void committed(SignedHead head) {
    committed = new Committed(head, state.polls(), state.cast(), state.challenged(), state.refused());
  }

  InclusionProof inclusion(long seq, long size) {
    synchronized (tree) {
      return tree.proveInclusion(seq, size);
    }
  }

  ConsistencyProof consistency(long from, long to) {
    synchronized (tree) {
      return tree.proveConsistency(from, to);
    }
  }

  /** Marks the board as no longer accepting writes; the first reason given is kept. */
  void broke(String why) {
    broke(Refusal.Unavailable.BOARD_UNAVAILABLE, why);
  }

  /** As {@link #broke(String)}, refused writes getting {@code code}. */
  void broke(Refusal.Unavailable code, String why) {
    broken.compareAndSet(null, new Stop(code, why));
  }

  Optional<String> brokenReason() {
    return Optional.ofNullable(broken.get()).map(Stop::why);
  }

  /** The code refused writes get once writes stopped. */
  Refusal.Unavailable brokenCode() {
    Stop s = broken.get();
    return s == null ? Refusal.Unavailable.BOARD_UNAVAILABLE : s.code();
  }
}
