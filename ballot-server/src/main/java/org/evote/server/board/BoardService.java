package org.evote.server.board;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.evote.crypto.board.BoardEntry;
import org.evote.crypto.board.BoardState;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.board.EntryPayload;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.note.VerifierKey;
import org.evote.server.store.BoardStore;
import org.evote.server.store.WriteTransaction;

/**
 * A served board (docs/protocol.md §9): its writes go through the single {@link BoardWriter} as typed
 * {@link WriteCommand}s, each future completing once its entry is durable; its reads through {@link BoardReads}.
 * Opened by {@link BoardLoader#load}, after the whole stored board has been checked.
 */
public final class BoardService implements AutoCloseable {
  private final BoardView view;
  private final BoardStore store;
  private final BoardReads reads;
  private final BoardWriter writer;
  private final Ed25519.PublicKey boardPublicKey;
  private final Checkpoints checkpoints;

  BoardService(BoardView view, BoardStore store, WriteTransaction tx, Ed25519.PrivateKey boardKey,
      Checkpoints checkpoints, Clock clock) {
    this.view = view;
    this.store = store;
    this.boardPublicKey = boardKey.publicKey();
    this.checkpoints = checkpoints;
    this.reads = new BoardReads(view, store, checkpoints, clock);
    this.writer = new BoardWriter(view, reads, tx, boardKey, checkpoints, clock);
  }

  public ElectionConfig config() {
    return view.config();
  }

  public Ed25519.PublicKey boardPublicKey() {
    return boardPublicKey;
  }

  /** The board's checkpoint key (§9.8); its name is the checkpoint origin. */
  public VerifierKey checkpointKey() {
    return checkpoints.key();
  }

  /** The board's checkpoints and their cosignatures. */
  public Checkpoints checkpoints() {
    return checkpoints;
  }

  /** What the board answers to readers. */
  public BoardReads reads() {
    return reads;
  }

  /** The rules' state, for the submission checker's thread-safe kiosk check. */
  BoardState state() {
    return view.state();
  }

  /** Performs a write; completes with its typed result once durable, or fails with a {@link Refusal}. */
  public <R> CompletableFuture<R> perform(WriteCommand<R> command) {
    return writer.submit(command);
  }

  /** Appends a verified ballot; completes with its receipt once durable. */
  public CompletableFuture<Receipt> submit(VerifiedSubmission s) {
    return perform(new WriteCommand.AppendBallot(s));
  }

  /** Opens the polls. */
  public CompletableFuture<BoardEntry> openPolls() {
    return perform(new WriteCommand.OpenPolls());
  }

  /** Closes the polls, posting every kiosk's chain close (§5.4). */
  public CompletableFuture<BoardEntry> closePolls() {
    return perform(new WriteCommand.ClosePolls());
  }

  /** Registers a kiosk and its public key. */
  public CompletableFuture<BoardEntry> registerKiosk(String kioskId, Ed25519.PublicKey key) {
    return perform(new WriteCommand.RegisterKiosk(kioskId, key));
  }

  /** Revokes a kiosk: its later submissions are refused. */
  public CompletableFuture<BoardEntry> revokeKiosk(String kioskId, String reason) {
    return perform(new WriteCommand.RevokeKiosk(kioskId, reason));
  }

  /** Posts the tally's hashes once the polls are closed. */
  public CompletableFuture<BoardEntry> publishTally(EntryPayload.TallyPublished tally) {
    return perform(new WriteCommand.PublishTally(tally));
  }

  /**
   * Stops accepting writes: a witness showed a checkpoint signed by this board's key that its history does not
   * contain (protocol §9.8). Every later write is refused with {@code board_forked}; {@code /api/status} says why.
   */
  public void stopWritesForked(String why) {
    view.broke(Refusal.Unavailable.BOARD_FORKED, why);
  }

  /** Why writes stopped, if they did. */
  public Optional<String> brokenReason() {
    return view.brokenReason();
  }

  /** Finishes the queued writes (at most 5 s) and closes the database. */
  @Override
  public void close() {
    writer.close();
    store.close();
    checkpoints.close();
  }
}
