package org.evote.server.board;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.evote.crypto.ballot.ConfirmationCodes;
import org.evote.crypto.ballot.EncryptedBallot;
import org.evote.crypto.board.BoardEntry;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.board.EntryPayload;
import org.evote.crypto.board.InclusionProof;
import org.evote.crypto.board.MerkleTree;
import org.evote.crypto.board.SignedHead;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.BoardJson;
import org.evote.server.store.BallotRow;
import org.evote.server.store.BoardStore;
import org.evote.server.store.KioskRow;
import org.evote.server.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The board's single writer (docs/protocol.md §9): every append — ballots, poll opening and closing, kiosk
 * registration and revocation, the tally — goes through one thread that checks what depends on board state
 * (polls open, ballot id and ciphertext unique, the kiosk's chain continues, idempotent retries), appends the
 * entries, signs a head over the new board and commits it all in one transaction. Requests queued meanwhile are
 * committed together (group commit), so durability costs one fsync per batch, not per ballot. A receipt is handed
 * out only after its transaction is on disk. If a commit fails the service stops accepting writes (the in-memory
 * tree may be ahead of the disk) and says so; a restart reloads the durable state.
 */
public final class BoardService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BoardService.class);
  private static final int MAX_BATCH = 64;
  /** How far ahead of the board's clock a kiosk's clock may be. */
  static final long CLOCK_SKEW_SECONDS = 300;

  private final ElectionConfig config;
  private final BoardStore store;
  private final Ed25519.PrivateKey boardKey;
  private final Ed25519.PublicKey boardPublicKey;
  private final Clock clock;
  private final MerkleTree tree;
  private final Map<String, KioskRow> kiosks = new HashMap<>();
  private final BlockingQueue<Task> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private final AtomicReference<String> broken = new AtomicReference<>();
  private volatile BoardEntry last;
  private volatile SignedHead head;
  private volatile PollsState polls;
  private volatile long cast;
  private volatile long challenged;
  private volatile boolean running = true;
  private volatile boolean tallyPublished;

  /** Where the polls stand. */
  public enum PollsState { NOT_OPENED, OPEN, CLOSED }

  /** The public state shown to everyone. */
  public record Status(PollsState polls, long castBallots, long challengedBallots, long entries,
      Optional<SignedHead> head) {}

  private interface Step {
    /** Runs inside the writer's transaction; returns what to give the caller once committed. */
    Object apply();
  }

  private record Task(Step step, CompletableFuture<Object> result) {}

  BoardService(ElectionConfig config, BoardStore store, Ed25519.PrivateKey boardKey, Clock clock, MerkleTree tree,
      BoardEntry last, SignedHead head, List<KioskRow> kioskRows, PollsState polls, long cast, long challenged,
      boolean tallyPublished) {
    this.config = config;
    this.store = store;
    this.boardKey = boardKey;
    this.boardPublicKey = boardKey.publicKey();
    this.clock = clock;
    this.tree = tree;
    this.last = last;
    this.head = head;
    this.polls = polls;
    this.cast = cast;
    this.challenged = challenged;
    this.tallyPublished = tallyPublished;
    kioskRows.forEach(k -> kiosks.put(k.kioskId(), k));
    this.writer = new Thread(this::writeLoop, "board-writer");
    writer.setDaemon(true);
    writer.start();
  }

  public ElectionConfig config() {
    return config;
  }

  public Ed25519.PublicKey boardPublicKey() {
    return boardPublicKey;
  }

  public BoardStore store() {
    return store;
  }

  public Status status() {
    SignedHead h = head;
    return new Status(polls, cast, challenged, h == null ? 0 : h.size(), Optional.ofNullable(h));
  }

  /** The stored ballot row of an accepted request, if any (committed state). */
  public Optional<BallotRow> priorSubmission(String kioskId, String requestId) {
    return store.ballotByRequest(kioskId, requestId).filter(r -> r.headSize() != BoardStore.PENDING_HEAD);
  }

  /** The kiosk's registration as the submission checker needs it. */
  public synchronized Optional<SubmissionChecker.KioskState> kiosk(String kioskId) {
    KioskRow k = kiosks.get(kioskId);
    return k == null ? Optional.empty()
        : Optional.of(new SubmissionChecker.KioskState(new Ed25519.PublicKey(k.publicKey()), k.revoked()));
  }

  // ---- writes ----

  /** Appends a verified ballot; completes with its receipt once durable. */
  public CompletableFuture<Receipt> submit(VerifiedSubmission s) {
    return enqueue(() -> appendBallot(s)).thenApply(Receipt.class::cast);
  }

  /** Opens the polls. */
  public CompletableFuture<BoardEntry> openPolls() {
    return enqueue(() -> {
      if (polls != PollsState.NOT_OPENED) {
        throw Rejection.conflict("polls_state", "the polls are " + polls.name().toLowerCase().replace('_', ' ')
            + "; they open once");
      }
      BoardEntry e = append(new EntryPayload.PollsOpened(), now());
      polls = PollsState.OPEN;
      return e;
    }).thenApply(BoardEntry.class::cast);
  }

  /** Closes the polls, posting every kiosk's chain closing value (§5.4). */
  public CompletableFuture<BoardEntry> closePolls() {
    return enqueue(() -> {
      if (polls != PollsState.OPEN) {
        throw Rejection.conflict("polls_state", "the polls are not open");
      }
      List<EntryPayload.ChainClose> closes = new ArrayList<>();
      for (KioskRow k : kiosks.values().stream().sorted(java.util.Comparator.comparing(KioskRow::kioskId)).toList()) {
        Digest lastCode = k.lastCode().map(c -> Digest.decode(c, "last_code"))
            .orElse(ConfirmationCodes.chainStart(config.extendedHash(), k.kioskId()));
        closes.add(new EntryPayload.ChainClose(k.kioskId(), k.ballots(), lastCode,
            ConfirmationCodes.chainClose(config.extendedHash(), k.kioskId(), lastCode, k.ballots())));
      }
      BoardEntry e = append(new EntryPayload.PollsClosed(closes), now());
      polls = PollsState.CLOSED;
      return e;
    }).thenApply(BoardEntry.class::cast);
  }

  /** Registers a kiosk and its public key. */
  public CompletableFuture<BoardEntry> registerKiosk(String kioskId, Ed25519.PublicKey key) {
    return enqueue(() -> {
      if (kiosks.containsKey(kioskId)) {
        throw Rejection.conflict("kiosk_exists", "kiosk " + kioskId + " is already registered");
      }
      if (polls == PollsState.CLOSED) {
        throw Rejection.conflict("polls_state", "the polls are closed");
      }
      BoardEntry e = append(new EntryPayload.KioskRegistered(kioskId, key), now());
      KioskRow row = new KioskRow(kioskId, key.hex(), false, Optional.empty(), 0, 0);
      store.upsertKiosk(row);
      putKiosk(row);
      return e;
    }).thenApply(BoardEntry.class::cast);
  }

  /** Revokes a kiosk: its later submissions are refused. */
  public CompletableFuture<BoardEntry> revokeKiosk(String kioskId, String reason) {
    return enqueue(() -> {
      KioskRow k = kiosks.get(kioskId);
      if (k == null) {
        throw new Rejection(404, "unknown_kiosk", "kiosk " + kioskId + " is not registered");
      }
      if (k.revoked()) {
        throw Rejection.conflict("kiosk_revoked", "kiosk " + kioskId + " is already revoked");
      }
      BoardEntry e = append(new EntryPayload.KioskRevoked(kioskId, reason), now());
      KioskRow row = new KioskRow(k.kioskId(), k.publicKey(), true, k.lastCode(), k.lastTime(), k.ballots());
      store.upsertKiosk(row);
      putKiosk(row);
      return e;
    }).thenApply(BoardEntry.class::cast);
  }

  /** Posts the tally's hashes once the polls are closed. */
  public CompletableFuture<BoardEntry> publishTally(EntryPayload.TallyPublished tally) {
    return enqueue(() -> {
      if (polls != PollsState.CLOSED) {
        throw Rejection.conflict("polls_state", "the tally is published after the polls close");
      }
      if (tallyPublished) {
        throw Rejection.conflict("tally_published", "the tally is already on the board");
      }
      BoardEntry e = append(tally, now());
      tallyPublished = true;
      return e;
    }).thenApply(BoardEntry.class::cast);
  }

  private synchronized void putKiosk(KioskRow row) {
    kiosks.put(row.kioskId(), row);
  }

  private CompletableFuture<Object> enqueue(Step step) {
    CompletableFuture<Object> f = new CompletableFuture<>();
    String why = broken.get();
    if (why != null || !running) {
      f.completeExceptionally(new Rejection(503, "board_unavailable", why == null ? "the board is shutting down"
          : "the board stopped accepting writes: " + why + "; restart it"));
      return f;
    }
    queue.add(new Task(step, f));
    return f;
  }

  private Accepted appendBallot(VerifiedSubmission s) {
    EncryptedBallot b = s.ballot();
    Optional<BallotRow> previous = store.writerBallotByRequest(b.kioskId(), s.requestId());
    if (previous.isPresent()) {
      if (previous.get().submissionHash().equals(s.submissionHash().toHex())) {
        return new Accepted(previous.get(), null, false);
      }
      throw Rejection.conflict("request_id_reused", "request id " + s.requestId() + " of kiosk " + b.kioskId()
          + " was already used for a different submission");
    }
    KioskRow k = kiosks.get(b.kioskId());
    if (k == null || k.revoked()) {
      throw new Rejection(403, k == null ? "unknown_kiosk" : "revoked_kiosk", "kiosk " + b.kioskId()
          + (k == null ? " is not registered" : " has been revoked"));
    }
    if (polls != PollsState.OPEN) {
      throw Rejection.conflict("polls_not_open", polls == PollsState.CLOSED ? "the polls are closed"
          : "the polls are not open yet");
    }
    if (store.writerBallotById(b.ballotId()).isPresent()) {
      throw Rejection.conflict("duplicate_ballot_id", "ballot id " + b.ballotId() + " is already on the board");
    }
    if (store.anyAlphaExists(s.alphas())) {
      throw Rejection.conflict("duplicate_ciphertext", "a ciphertext of this ballot is already on the board "
          + "(a copied ballot)");
    }
    Digest expectedPrevious = k.lastCode().map(c -> Digest.decode(c, "last_code"))
        .orElse(ConfirmationCodes.chainStart(config.extendedHash(), k.kioskId()));
    if (!b.previousCode().equals(expectedPrevious)) {
      throw Rejection.conflict("chain_broken", "ballot " + b.ballotId() + " does not continue kiosk " + k.kioskId()
          + "'s confirmation-code chain (its previous code must be the kiosk's last code on the board)");
    }
    if (b.timestamp() < k.lastTime()) {
      throw Rejection.conflict("chain_time", "ballot " + b.ballotId() + " is dated before kiosk " + k.kioskId()
          + "'s previous ballot");
    }
    long now = now();
    if (b.timestamp() > clock.millis() / 1000 + CLOCK_SKEW_SECONDS) {
      throw Rejection.badRequest("future_ballot", "ballot " + b.ballotId() + " is dated in the future; check the "
          + "kiosk's clock", "payload.ballot.timestamp");
    }
    // Everything the database could refuse is written before the in-memory tree and state move, so a refusal
    // rolls back to the task's savepoint with nothing else to undo.
    BoardEntry e = BoardEntry.append(config.extendedHash(), last, s.kind(), Math.max(now, b.timestamp()),
        s.payload());
    String code = b.confirmationCode().toHex();
    BallotRow row = new BallotRow(b.ballotId(), e.sequence(), k.kioskId(), s.requestId(), s.kind().wireName(), code,
        b.trackingCode(), s.submissionHash().toHex(), BoardStore.PENDING_HEAD, e.timestamp());
    KioskRow updated = new KioskRow(k.kioskId(), k.publicKey(), false, Optional.of(code), b.timestamp(),
        k.ballots() + 1);
    store.insertEntry(e);
    store.insertAlphas(s.alphas(), e.sequence());
    store.insertBallot(row);
    store.upsertKiosk(updated);
    appended(e);
    putKiosk(updated);
    if (s.kind() == EntryKind.BALLOT_CAST) {
      cast++;
    } else {
      challenged++;
    }
    return new Accepted(row, e.entryHash(), true);
  }

  /**
   * An accepted ballot whose receipt is completed once the batch's head is signed and committed. {@code fresh} is
   * false for an idempotent replay of a ballot already stored (possibly earlier in the same batch).
   */
  private record Accepted(BallotRow row, Digest entryHash, boolean fresh) {}

  private long now() {
    long t = clock.millis() / 1000;
    return last == null ? t : Math.max(t, last.timestamp());
  }

  private BoardEntry append(EntryPayload payload, long timestamp) {
    return append(payload.kind(), BoardJson.payloadText(payload), timestamp);
  }

  private BoardEntry append(EntryKind kind, String payload, long timestamp) {
    BoardEntry e = BoardEntry.append(config.extendedHash(), last, kind, timestamp, payload);
    store.insertEntry(e);
    appended(e);
    return e;
  }

  private void appended(BoardEntry e) {
    synchronized (tree) {
      tree.append(e.entryHash());
    }
    last = e;
  }

  // ---- the writer thread ----

  private void writeLoop() {
    List<Task> batch = new ArrayList<>();
    while (running || !queue.isEmpty()) {
      try {
        Task first = queue.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
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
        broken.compareAndSet(null, "the board's writer failed: " + e);
        LOG.error("the board's writer failed; no longer accepting writes", e);
        for (Task t : batch) {
          t.result().completeExceptionally(new Rejection(503, "board_unavailable",
              "the board could not confirm this is stored; retry the same request later"));
        }
      }
    }
  }

  private void runBatch(List<Task> batch) {
    if (broken.get() != null) {
      for (Task t : batch) {
        t.result().completeExceptionally(new Rejection(503, "board_unavailable",
            "the board stopped accepting writes: " + broken.get() + "; restart it"));
      }
      return;
    }
    List<Task> accepted = new ArrayList<>();
    List<Object> results = new ArrayList<>();
    long sizeBefore;
    synchronized (tree) {
      sizeBefore = tree.size();
    }
    long castBefore = cast;
    long challengedBefore = challenged;
    try {
      store.begin();
      for (Task t : batch) {
        store.savepoint();
        try {
          Object r = t.step().apply();
          store.releaseSavepoint();
          accepted.add(t);
          results.add(r);
        } catch (Rejection rejection) {
          store.releaseSavepoint();
          t.result().completeExceptionally(rejection);
        } catch (StoreException e) {
          if (!e.isConstraintViolation()) {
            throw e;
          }
          // A uniqueness rule the checks before it missed: refuse this task only, keep the batch.
          store.rollbackToSavepoint();
          LOG.warn("refused a write that broke a uniqueness rule: {}", e.getMessage());
          t.result().completeExceptionally(Rejection.conflict("duplicate", "this submission repeats something "
              + "already on the board"));
        }
      }
      SignedHead newHead = null;
      long size;
      Digest root;
      synchronized (tree) {
        size = tree.size();
        root = tree.root();
      }
      if (size > sizeBefore) {
        newHead = SignedHead.sign(config.extendedHash(), size, last.entryHash(), root, now(), boardKey);
        store.insertHead(newHead);
        store.assignPendingHeads(size);
      }
      store.commit();
      if (newHead != null) {
        head = newHead;
      }
    } catch (RuntimeException e) {
      store.rollbackQuietly();
      cast = castBefore;
      challenged = challengedBefore;
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      if (why.contains("SQLITE_FULL")) {
        why = "the board's database is full: its disk is full or its --max-database-mb limit is reached (" + why
            + ")";
      }
      broken.set(why);
      LOG.error("board write failed, no longer accepting writes: {}", why);
      for (Task t : batch) {
        t.result().completeExceptionally(new Rejection(503, "board_unavailable",
            "the board could not confirm this is stored (" + why + "); retry the same request later"));
      }
      return;
    }
    for (int i = 0; i < accepted.size(); i++) {
      Object r = results.get(i);
      if (r instanceof Accepted p) {
        BallotRow row = p.row().sequence() >= sizeBefore ? withHead(p.row(), head.size()) : p.row();
        Digest knownHash = p.entryHash();
        accepted.get(i).result().complete(receiptAt(row, knownHash, row.headSize() == head.size() ? head
            : headOfSize(row.headSize())));
      } else {
        accepted.get(i).result().complete(r);
      }
    }
  }

  private static BallotRow withHead(BallotRow r, long headSize) {
    return new BallotRow(r.ballotId(), r.sequence(), r.kioskId(), r.requestId(), r.kind(), r.confirmationCode(),
        r.trackingCode(), r.submissionHash(), headSize, r.timestamp());
  }

  // ---- reads ----

  /** The receipt for a stored ballot, with the head that first covered it (what the kiosk was first given). */
  public Receipt receipt(BallotRow row) {
    SignedHead current = head;
    SignedHead h = current != null && current.size() == row.headSize() ? current : headOfSize(row.headSize());
    return receiptAt(row, null, h);
  }

  private SignedHead headOfSize(long size) {
    return store.head(size).orElseThrow(() -> new StoreException("no signed head of size " + size, null));
  }

  /** The receipt for a stored ballot against the latest signed head. */
  public Receipt currentReceipt(BallotRow row) {
    SignedHead h = head;
    return receiptAt(row, null, h);
  }

  private Receipt receiptAt(BallotRow row, Digest knownEntryHash, SignedHead h) {
    InclusionProof proof = inclusion(row.sequence(), h.size());
    Digest entryHash = knownEntryHash != null ? knownEntryHash
        : store.entry(row.sequence()).orElseThrow().entryHash();
    return new Receipt(row.ballotId(), row.kind(), row.confirmationCode(), row.trackingCode(), row.sequence(),
        entryHash, row.timestamp(), h, proof);
  }

  /** The latest signed head. */
  public Optional<SignedHead> head() {
    return Optional.ofNullable(head);
  }

  /** An inclusion proof for entry {@code seq} in the board of {@code size} entries. */
  public InclusionProof inclusion(long seq, long size) {
    synchronized (tree) {
      return tree.proveInclusion(seq, size);
    }
  }

  /** A consistency proof between two board sizes. */
  public org.evote.crypto.board.ConsistencyProof consistency(long from, long to) {
    synchronized (tree) {
      return tree.proveConsistency(from, to);
    }
  }

  /** The number of entries durable on the board (the largest size proofs can be asked for). */
  public long size() {
    SignedHead h = head;
    return h == null ? 0 : h.size();
  }

  /** Why writes stopped, if they did. */
  public Optional<String> brokenReason() {
    return Optional.ofNullable(broken.get());
  }

  @Override
  public void close() {
    running = false;
    try {
      writer.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    store.close();
  }
}
