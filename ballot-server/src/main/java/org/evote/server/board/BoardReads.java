package org.evote.server.board;

import java.util.List;
import java.util.Optional;
import org.evote.crypto.board.BoardEntry;
import org.evote.crypto.board.BoardState;
import org.evote.crypto.board.ConsistencyProof;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.board.EntryPayload;
import org.evote.crypto.board.InclusionProof;
import org.evote.crypto.board.SignedHead;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.BoardJson;
import org.evote.crypto.keystore.AdminCredentials;
import org.evote.server.store.BallotRow;
import org.evote.server.store.BoardStore;
import org.evote.server.store.RefusedRow;
import org.evote.server.store.StoreException;

/**
 * Everything the board answers to readers, from its committed state only (a batch in progress is never visible):
 * the status, entries and heads, proofs, receipts, challenged ballots, and whether a token may administer it.
 * Safe to use from any thread.
 */
public final class BoardReads {
  private final BoardView view;
  private final BoardStore store;
  private final Checkpoints checkpoints;
  private final java.time.Clock clock;

  BoardReads(BoardView view, BoardStore store, Checkpoints checkpoints, java.time.Clock clock) {
    this.view = view;
    this.store = store;
    this.checkpoints = checkpoints;
    this.clock = clock;
  }

  /**
   * The public state shown to everyone; {@code problem} is why writes stopped, if they did; {@code time} the
   * board's clock (never before its latest head), by which it dates entries.
   */
  public record Status(BoardState.Polls polls, long castBallots, long challengedBallots, long refusedBallots,
      long entries, SignedHead head, Optional<String> problem, long time) {}

  /** A challenged ballot on the board with the choices its kiosk disclosed. */
  public record ChallengedBallot(String ballotId, String trackingCode, String confirmationCode, long sequence,
      long timestamp, String kioskId, EntryPayload.BallotChallenged payload) {}

  public Status status() {
    BoardView.Committed c = view.committed();
    return new Status(c.polls(), c.cast(), c.challenged(), c.refused(), c.head().size(), c.head(),
        view.brokenReason(), Math.max(clock.millis() / 1000, c.head().timestamp()));
  }

  /** The number of committed entries (the largest size proofs can be asked for). */
  public long size() {
    return view.size();
  }

  /** The latest signed head. */
  public SignedHead head() {
    return view.committed().head();
  }

  /** Up to {@code limit} committed entries from sequence number {@code from} on. */
  public List<BoardEntry> entries(long from, int limit) {
    long size = size();
    return store.entries(from, limit).stream().filter(e -> e.sequence() < size).toList();
  }

  /** The committed entry with this sequence number. */
  public Optional<BoardEntry> entry(long seq) {
    return seq < size() ? store.entry(seq) : Optional.empty();
  }

  /** Every signed head up to the latest, in size order. */
  public List<SignedHead> heads() {
    long size = size();
    return store.heads().stream().filter(h -> h.size() <= size).toList();
  }

  /** An inclusion proof for entry {@code seq} in the board of {@code size} entries. */
  public InclusionProof inclusion(long seq, long size) {
    return view.inclusion(seq, size);
  }

  /** A consistency proof between two board sizes. */
  public ConsistencyProof consistency(long from, long to) {
    return view.consistency(from, to);
  }

  /**
   * The receipt, against the latest signed head, of the ballot with this 64-hex confirmation code — or, if no
   * accepted ballot has it, of the refused ballot recorded with it (kind {@code ballot_refused}).
   */
  public Optional<Receipt> receiptByConfirmationCode(String codeHex) {
    Optional<Receipt> accepted = store.ballotByCode(codeHex).filter(this::committed).map(this::currentReceipt);
    return accepted.isPresent() ? accepted : store.refusalByCode(codeHex).map(RefusedRow::asBallotRow)
        .filter(this::committed).map(this::currentReceipt);
  }

  /**
   * The receipts, against the latest signed head, of every ballot — accepted or recorded as refused — with this
   * (normalised) tracking code, in board order.
   */
  public List<Receipt> receiptsByTrackingCode(String trackingCode) {
    List<BallotRow> rows = new java.util.ArrayList<>(store.ballotsByTrackingCode(trackingCode));
    store.refusalsByTrackingCode(trackingCode).forEach(r -> rows.add(r.asBallotRow()));
    return rows.stream().filter(this::committed).sorted(java.util.Comparator.comparingLong(BallotRow::sequence))
        .map(this::currentReceipt).toList();
  }

  /** A ballot the board refused and recorded ({@code ballot_refused}, protocol §9.6), with its reason. */
  public record RefusedBallot(String kioskId, String ballotId, String submissionKind, String trackingCode,
      String confirmationCode, String reason, long sequence, long timestamp) {}

  /** Committed refused ballots (protocol §9.6) in board order from sequence number {@code from}, at most {@code limit}. */
  public List<RefusedBallot> refused(long from, int limit) {
    return store.refusals(from, limit).stream().filter(r -> committed(r.asBallotRow()))
        .map(r -> new RefusedBallot(r.kioskId(), r.ballotId(), r.submissionKind(), r.trackingCode(),
            r.confirmationCode(), r.reason(), r.sequence(), r.timestamp())).toList();
  }

  /** The committed refused-ballot row of a (kiosk, request id), if a refusal was recorded for it. */
  Optional<RefusedRow> priorRefusal(String kioskId, String requestId) {
    return store.refusalByRequest(kioskId, requestId).filter(r -> r.headSize() != BoardStore.PENDING_HEAD);
  }

  /** The receipt of a recorded refusal with the head that first covered it: what the kiosk was first given. */
  Receipt originalRefusalReceipt(RefusedRow row) {
    return originalReceipt(row.asBallotRow());
  }

  /** {@link #receiptFirstCovering} of a refusal the writer recorded (or found recorded) in a batch. */
  Receipt refusalReceiptFirstCovering(RefusedRow row, SignedHead head, long sizeBefore, BoardEntry knownEntry) {
    return receiptFirstCovering(row.asBallotRow(), head, sizeBefore, knownEntry);
  }

  /** Committed challenged ballots in board order from sequence number {@code from}, at most {@code limit}. */
  public List<ChallengedBallot> challenged(long from, int limit) {
    return store.ballotsOfKind(EntryKind.BALLOT_CHALLENGED.wireName(), from, limit).stream().filter(this::committed)
        .map(row -> new ChallengedBallot(row.ballotId(), row.trackingCode(), row.confirmationCode(), row.sequence(),
            row.timestamp(), row.kioskId(), (EntryPayload.BallotChallenged) BoardJson.decodePayload(
                store.entry(row.sequence()).orElseThrow())))
        .toList();
  }

  /** True if this bearer token may administer the board (the database keeps only tokens' SHA-256). */
  public boolean isAdministrator(String token) {
    return token.matches("[0-9a-f]{64}") && store.adminTokenHashExists(AdminCredentials.hash(token));
  }

  /** The committed ballot row of an accepted (kiosk, request id), if any. */
  Optional<BallotRow> priorSubmission(String kioskId, String requestId) {
    return store.ballotByRequest(kioskId, requestId).filter(r -> r.headSize() != BoardStore.PENDING_HEAD);
  }

  private boolean committed(BallotRow row) {
    return row.sequence() < size() && row.headSize() != BoardStore.PENDING_HEAD;
  }

  /** The receipt for a stored ballot with the head that first covered it: what the kiosk was first given. */
  Receipt originalReceipt(BallotRow row) {
    SignedHead current = head();
    return receiptAt(row, null, current.size() == row.headSize() ? current : headOfSize(row.headSize()));
  }

  /**
   * The receipt of a ballot the writer just handled in a batch that committed {@code head}: a row appended in this
   * batch (at or after {@code sizeBefore}) was first covered by {@code head}, an older one by its own head.
   */
  Receipt receiptFirstCovering(BallotRow row, SignedHead head, long sizeBefore, BoardEntry knownEntry) {
    long headSize = row.sequence() >= sizeBefore ? head.size() : row.headSize();
    return receiptAt(row, knownEntry, headSize == head.size() ? head : headOfSize(headSize));
  }

  /** A receipt looked up later: with the newest quorum-cosigned checkpoint covering the ballot, if there is one. */
  private Receipt currentReceipt(BallotRow row) {
    Receipt r = receiptAt(row, null, head());
    java.util.OptionalLong size = checkpoints.newestQuorumSize(row.sequence() + 1);
    if (size.isEmpty()) {
      return r;
    }
    SignedHead h = size.getAsLong() == r.signedHead().size() ? r.signedHead() : headOfSize(size.getAsLong());
    return r.withCosigned(new Receipt.Cosigned(checkpoints.cosigned(h), inclusion(row.sequence(), h.size())));
  }

  private SignedHead headOfSize(long size) {
    return store.head(size).orElseThrow(() -> new StoreException("no signed head of size " + size, null));
  }

  private Receipt receiptAt(BallotRow row, BoardEntry knownEntry, SignedHead h) {
    InclusionProof proof = inclusion(row.sequence(), h.size());
    BoardEntry entry = knownEntry != null ? knownEntry : store.entry(row.sequence()).orElseThrow();
    return new Receipt(row.ballotId(), row.kind(), row.confirmationCode(), row.trackingCode(), row.sequence(),
        entry.entryHash(), entry.previousHash(), row.timestamp(), h, proof, checkpoints.of(h), Optional.empty());
  }
}
