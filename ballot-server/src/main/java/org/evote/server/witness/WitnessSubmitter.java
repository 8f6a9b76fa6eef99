package org.evote.server.witness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.evote.crypto.board.SignedHead;
import org.evote.crypto.note.AddCheckpointRequest;
import org.evote.crypto.note.Checkpoint;
import org.evote.crypto.note.NoteSignature;
import org.evote.crypto.note.SignedNote;
import org.evote.crypto.note.WitnessPolicy;
import org.evote.server.board.BoardService;
import org.evote.server.board.Checkpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submits the board's checkpoints to its witnesses in the background (protocol §9.8, c2sp.org/tlog-witness): one
 * thread and one request in flight per witness, always the newest checkpoint (checkpoints made meanwhile are
 * coalesced), with the consistency proof from the size that witness last cosigned. A 409 answer gives the witness's
 * size and the request is made again from it — unless that size is at or beyond the board's and the witness shows a
 * checkpoint signed by this board beyond (or beside) its history: a fork or rollback, which stops the board's
 * writes ({@code board_forked}). Failures back off (1 s doubling to a minute). Verified cosignatures are stored durably and served
 * with the checkpoint. Never blocks or fails a ballot submission: the board's writer only wakes the threads.
 */
public final class WitnessSubmitter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WitnessSubmitter.class);
  static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
  static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

  private final BoardService board;
  private final Checkpoints checkpoints;
  private final List<Lane> lanes = new ArrayList<>();
  private volatile boolean running = true;

  /** One witness's thread and what it knows of the witness. */
  private final class Lane implements Runnable {
    final WitnessClient client;
    final Thread thread;
    /** The size the witness last cosigned (as far as the board knows); -1: unknown, ask from 0. */
    volatile long cosigned;
    long wanted;

    Lane(WitnessClient client, long cosigned) {
      this.client = client;
      this.cosigned = cosigned;
      this.thread = new Thread(this, "witness-" + client.witness().key().name());
      thread.setDaemon(true);
    }

    synchronized void wake(long size) {
      wanted = Math.max(wanted, size);
      notifyAll();
    }

    private synchronized long awaitWork() throws InterruptedException {
      while (running && wanted <= Math.max(cosigned, 0) && !(cosigned < 0 && wanted > 0)) {
        wait(1000);
      }
      return wanted;
    }

    @Override
    public void run() {
      long backoff = FIRST_BACKOFF.toMillis();
      boolean retry = false;
      try {
        while (running) {
          if (!retry) {
            awaitWork();
          }
          if (!running) {
            return;
          }
          boolean done;
          try {
            done = submitNewest();
          } catch (RuntimeException e) {
            // A failure of the board's side (its cosignature database, a proof): this lane goes on after a pause.
            LOG.warn("witness {} ({}): submitting the newest checkpoint failed, retrying: {}",
                client.witness().key().name(), client.witness().url(), e.toString());
            done = false;
          }
          // A failed round is tried again after the pause, whatever the lane believes the witness has.
          retry = !done;
          if (done) {
            backoff = FIRST_BACKOFF.toMillis();
          } else {
            Thread.sleep(backoff);
            backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    /** One round: true if the witness cosigned the newest checkpoint (or there is nothing to do). */
    private boolean submitNewest() throws InterruptedException {
      for (int attempt = 0; attempt < 3; attempt++) {
        SignedHead head = checkpoints.latestHead();
        long old = Math.max(cosigned, 0);
        if (old >= head.size() && cosigned >= 0
            && checkpoints.lastCosigned(client.witness().key()).orElse(-1) >= head.size()) {
          return true;
        }
        List<org.evote.crypto.hash.Digest> proof = old == 0 || old == head.size() ? List.of()
            : board.reads().consistency(old, head.size()).path();
        AddCheckpointRequest request = new AddCheckpointRequest(old, proof, checkpoints.of(head));
        WitnessClient.Outcome outcome = client.addCheckpoint(request);
        String who = client.witness().key().name() + " (" + client.witness().url() + ")";
        if (outcome instanceof WitnessClient.Outcome.Cosigned c) {
          for (NoteSignature line : c.lines()) {
            checkpoints.keep(client.witness().key(), head, line);
          }
          cosigned = head.size();
          LOG.info("witness {} cosigned the checkpoint of size {}", who, head.size());
          return true;
        } else if (outcome instanceof WitnessClient.Outcome.Conflict conflict) {
          if (conflict.size() >= head.size() && forkShown(client, head, who) && conflict.size() > head.size()) {
            return false;
          }
          // At the witness's size with another root, writes stopped but the checkpoint is still shown to the
          // witness, which refuses it (422) and keeps it as evidence of the fork.
          if (conflict.size() > head.size()) {
            LOG.error("ALARM: witness {} says it has cosigned a checkpoint of size {} but this board has only {} "
                + "entries, and shows no such checkpoint signed by this board: this board was rolled back or "
                + "another board signs with its key (a fork), or the witness is wrong", who, conflict.size(),
                head.size());
            return false;
          }
          LOG.info("witness {} last cosigned size {}; submitting again from it", who, conflict.size());
          cosigned = conflict.size();
        } else if (outcome instanceof WitnessClient.Outcome.Refused r) {
          LOG.warn("witness {} refused the checkpoint of size {}: {} {}", who, head.size(), r.status(), r.reason());
          return false;
        } else if (outcome instanceof WitnessClient.Outcome.Unreachable u) {
          LOG.warn("witness {} is unreachable: {}", who, u.reason());
          return false;
        }
      }
      return false;
    }
  }

  /**
   * After a 409 at or beyond the board's size: fetches the witness's monitoring checkpoint and, if it is signed by
   * this board's checkpoint key and lies beyond the board's history (a larger size, or the same size with another
   * root), stops the board's writes — every later receipt would be on a history that can never be cosigned. A bare
   * 409, or a checkpoint the board did not sign, stops nothing: a witness cannot deny service.
   */
  private boolean forkShown(WitnessClient client, SignedHead head, String who) throws InterruptedException {
    Optional<SignedNote> note;
    try {
      note = client.latest(checkpoints.key().name());
    } catch (java.io.IOException e) {
      LOG.warn("witness {} could not show its checkpoint: {}", who, e.getMessage());
      return false;
    }
    if (note.isEmpty()
        || !(new WitnessPolicy(checkpoints.key(), List.of(), 0).check(note.get())
            instanceof WitnessPolicy.Result.Satisfied signed)) {
      return false;
    }
    Checkpoint cp = signed.checkpoint();
    boolean beyond = cp.size() > head.size();
    boolean beside = cp.size() == head.size() && !cp.rootHash().equals(head.merkleRoot());
    if (!beyond && !beside) {
      return false;
    }
    String why = "witness " + who + " holds a checkpoint of size " + cp.size() + " signed by this board's "
        + "checkpoint key " + (beyond ? "beyond this board's " + head.size() + " entries"
        : "with another root than this board's") + ": this board was rolled back or another board signs with its "
        + "key (a fork), and no later receipt could ever be cosigned";
    LOG.error("ALARM: {}; no longer accepting writes", why);
    board.stopWritesForked(why);
    return true;
  }

  /**
   * Starts submitting the checkpoints of {@code board} to {@code clients}; {@code known} are the sizes the
   * witnesses were found to have cosigned at start (absent: what the cosignature store says, or ask from 0).
   */
  public WitnessSubmitter(BoardService board, List<WitnessClient> clients, List<OptionalLong> known) {
    this.board = board;
    this.checkpoints = board.checkpoints();
    for (int i = 0; i < clients.size(); i++) {
      WitnessClient c = clients.get(i);
      OptionalLong k = known.get(i);
      if (k.isEmpty()) {
        k = checkpoints.lastCosigned(c.witness().key());
      }
      lanes.add(new Lane(c, k.orElse(-1)));
    }
    checkpoints.onCheckpoint(h -> lanes.forEach(l -> l.wake(h.size())));
    long size = checkpoints.latestHead().size();
    for (Lane l : lanes) {
      l.wake(size);
      l.thread.start();
    }
  }

  /** The size each witness last cosigned, as far as the board knows (-1: not yet known), in the order given. */
  public List<Long> cosignedSizes() {
    return lanes.stream().map(l -> l.cosigned).toList();
  }

  @Override
  public void close() {
    running = false;
    for (Lane l : lanes) {
      l.thread.interrupt();
    }
    for (Lane l : lanes) {
      try {
        l.thread.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
