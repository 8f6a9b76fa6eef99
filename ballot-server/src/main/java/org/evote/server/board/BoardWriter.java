package org.evote.server.board;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.board.SignedHead;
import org.evote.server.store.StoreException;
import org.evote.server.store.WriteTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The board's single writer (docs/protocol.md §9): one thread takes the queued {@link WriteCommand}s, performs
 * each in its own savepoint ({@link EntryAppender}), signs one head over everything appended and commits the batch
 * in one transaction (group commit: one disk sync per batch, not per ballot). Results are handed out only after the
 * commit. If a commit fails the writer stops accepting writes — the in-memory tree and rules' state may be ahead of
 * the disk — and says why; a restart reloads the durable state.
 */
final class BoardWriter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BoardWriter.class);
  private static final int MAX_BATCH = 64;

  private final BoardView view;
  private final BoardReads reads;
  private final WriteTransaction tx;
  private final EntryAppender appender;
  private final Ed25519.PrivateKey boardKey;
  private final Checkpoints checkpoints;
  private final BlockingQueue<Task<?>> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean running = true;

  /** A queued command, its caller's future and, once performed, what to complete it with after the commit. */
  private static final class Task<R> {
    final WriteCommand<R> command;
    final CompletableFuture<R> result = new CompletableFuture<>();
    EntryAppender.Completion<R> completion;

    Task(WriteCommand<R> command) {
      this.command = command;
    }

    void perform(EntryAppender appender) {
      completion = appender.perform(command);
    }

    void complete(SignedHead head, long sizeBefore, BoardReads reads) {
      try {
        result.complete(completion.complete(head, sizeBefore, reads));
      } catch (Refusal recorded) { // a refusal recorded on the board, answered with its receipt
        result.completeExceptionally(recorded);
      }
    }
  }

  BoardWriter(BoardView view, BoardReads reads, WriteTransaction tx, Ed25519.PrivateKey boardKey,
      Checkpoints checkpoints, Clock clock) {
    this.view = view;
    this.checkpoints = checkpoints;
    this.reads = reads;
    this.tx = tx;
    this.boardKey = boardKey;
    this.appender = new EntryAppender(view, tx, clock);
    this.thread = new Thread(this::loop, "board-writer");
    thread.setDaemon(true);
    thread.start();
  }

  /** Queues a command; its future completes once the command's entry is durable, or fails with a {@link Refusal}. */
  <R> CompletableFuture<R> submit(WriteCommand<R> command) {
    Task<R> task = new Task<>(command);
    String why = view.brokenReason().orElse(null);
    if (why != null || !running) {
      task.result.completeExceptionally(new Refusal(view.brokenCode(), why == null
          ? "the board is shutting down" : "the board stopped accepting writes: " + why + "; restart it"));
      return task.result;
    }
    queue.add(task);
    return task.result;
  }

  private void loop() {
    List<Task<?>> batch = new ArrayList<>();
    while (running || !queue.isEmpty()) {
      try {
        Task<?> first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.clear();
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        runBatch(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Throwable e) {
        view.broke("the board's writer failed: " + e);
        LOG.error("the board's writer failed; no longer accepting writes", e);
        failAll(batch, "the board could not confirm this is stored; retry the same request later");
      }
    }
  }

  private void runBatch(List<Task<?>> batch) {
    if (view.brokenReason().isPresent()) {
      for (Task<?> t : batch) {
        t.result.completeExceptionally(new Refusal(view.brokenCode(), "the board stopped accepting writes: "
            + view.brokenReason().get() + "; restart it"));
      }
      return;
    }
    List<Task<?>> performed = new ArrayList<>();
    long sizeBefore = view.treeSize();
    SignedHead head;
    try {
      tx.begin();
      for (Task<?> t : batch) {
        if (performInSavepoint(t)) {
          performed.add(t);
        }
      }
      head = view.committed().head();
      long size = view.treeSize();
      if (size > sizeBefore) {
        head = SignedHead.sign(view.config().extendedHash(), size, view.last().entryHash(), view.treeRoot(),
            appender.now(), boardKey);
        tx.insertHead(head);
        tx.assignPendingHeads(size);
      }
      tx.commit();
      if (size > sizeBefore) {
        // The checkpoint file is durable before any receipt covering this head is handed out or can be looked up
        // (§9.8); if it cannot be written the writer stops, as on a failed commit.
        checkpoints.made(head);
      }
      view.committed(head);
    } catch (RuntimeException e) {
      tx.rollbackQuietly();
      String why = describe(e);
      view.broke(why);
      LOG.error("board write failed, no longer accepting writes: {}", why);
      failAll(batch, "the board could not confirm this is stored (" + why + "); retry the same request later");
      return;
    }
    for (Task<?> t : performed) {
      t.complete(head, sizeBefore, reads);
    }
  }

  /** Performs one task in its own savepoint; false if it was refused (and its future failed). */
  private boolean performInSavepoint(Task<?> t) {
    tx.savepoint();
    try {
      t.perform(appender);
      tx.releaseSavepoint();
      return true;
    } catch (Refusal refusal) {
      tx.releaseSavepoint();
      t.result.completeExceptionally(refusal);
      return false;
    } catch (StoreException e) {
      if (e.kind() != StoreException.Kind.CONSTRAINT) {
        throw e;
      }
      // A uniqueness rule of the index tables the board's rules did not catch: refuse this task only.
      tx.rollbackToSavepoint();
      LOG.warn("refused a write that broke a uniqueness rule: {}", e.getMessage());
      t.result.completeExceptionally(new Refusal(Refusal.Conflict.DUPLICATE, "this submission repeats something "
          + "already on the board"));
      return false;
    }
  }

  private static String describe(RuntimeException e) {
    String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (e instanceof java.io.UncheckedIOException io) {
      return why + " (" + io.getCause().getMessage() + "; is its disk full?): the entries are stored but no receipt "
          + "was given for them";
    }
    if (e instanceof StoreException s && s.kind() == StoreException.Kind.FULL) {
      return "the board's database is full: its disk is full or its --max-database-mb limit is reached (" + why
          + ")";
    }
    return why;
  }

  private static void failAll(List<Task<?>> batch, String message) {
    for (Task<?> t : batch) {
      t.result.completeExceptionally(new Refusal(Refusal.Unavailable.BOARD_UNAVAILABLE, message));
    }
  }

  /** Stops taking commands once the queue is drained (at most 5 s). */
  @Override
  public void close() {
    running = false;
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
