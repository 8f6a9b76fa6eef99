package org.evote.board.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import org.evote.crypto.note.Checkpoint;
import org.evote.crypto.note.SignedNote;
import org.evote.crypto.note.WitnessPolicy;
import org.evote.crypto.record.BoardFile;
import org.evote.crypto.record.RecordFiles;
import org.evote.crypto.record.RecordWriter;

/**
 * Downloads the board's part of the election record (docs/protocol.md §10.2): the board file ({@code GET
 * /api/board/export}) and the board's checkpoint of exactly those entries ({@code GET /checkpoint}), as
 * {@code board.json} and {@code checkpoint.txt} in one directory. The two are read separately, so a download is
 * repeated until the checkpoint's size is the number of entries exported (the board checkpoints a new entry
 * shortly after appending it) and, if a witness policy is given, until the checkpoint satisfies it (witnesses
 * cosign shortly after); each file is replaced atomically, the board file first.
 */
public final class BoardDownload {
  private final BoardClient client;
  private final Duration patience;
  private final Duration pause;

  /** Downloads from {@code client}, trying for at most {@code patience}, {@code pause} between tries. */
  public BoardDownload(BoardClient client, Duration patience, Duration pause) {
    if (patience.isNegative() || pause.isNegative() || pause.isZero()) {
      throw new IllegalArgumentException("patience must not be negative and the pause must be positive");
    }
    this.client = client;
    this.patience = patience;
    this.pause = pause;
  }

  /** What was written: the number of entries and the checkpoint of them. */
  public record Downloaded(Path board, Path checkpoint, long entries, SignedNote note) {}

  /** The board and its checkpoint could not be downloaded as a matching pair in time. */
  public static final class MismatchException extends Exception {
    private static final long serialVersionUID = 1L;

    MismatchException(String message) {
      super(message);
    }
  }

  /**
   * Writes {@code dir/board.json} and {@code dir/checkpoint.txt}. With {@code policy}, waits until the checkpoint
   * is signed by the policy's log key and cosigned by its quorum of witnesses.
   */
  public Downloaded into(Path dir, Optional<WitnessPolicy> policy) throws BoardException, InterruptedException,
      IOException, MismatchException {
    Files.createDirectories(dir);
    long deadline = System.nanoTime() + patience.toNanos();
    String last;
    while (true) {
      Path partial = Files.createTempFile(dir, RecordFiles.BOARD, ".part");
      try {
        client.export(partial);
        long entries = count(partial);
        Optional<SignedNote> note = client.checkpoint();
        last = mismatch(note, entries, policy);
        if (last == null) {
          Files.move(partial, dir.resolve(RecordFiles.BOARD), StandardCopyOption.REPLACE_EXISTING,
              StandardCopyOption.ATOMIC_MOVE);
          RecordWriter.writeCheckpoint(dir, note.get());
          return new Downloaded(dir.resolve(RecordFiles.BOARD), dir.resolve(RecordFiles.CHECKPOINT), entries,
              note.get());
        }
      } finally {
        Files.deleteIfExists(partial);
      }
      if (System.nanoTime() + pause.toNanos() > deadline) {
        throw new MismatchException("no matching board file and checkpoint within " + patience.toSeconds()
            + " s: " + last);
      }
      Thread.sleep(pause.toMillis());
    }
  }

  /** Why this checkpoint cannot go with a board file of {@code entries} entries, or null if it can. */
  private static String mismatch(Optional<SignedNote> note, long entries, Optional<WitnessPolicy> policy) {
    if (note.isEmpty()) {
      return "the board serves no checkpoint yet";
    }
    Checkpoint cp;
    try {
      cp = Checkpoint.parse(note.get().text());
    } catch (RuntimeException e) {
      return "the board's checkpoint does not parse: " + e.getMessage();
    }
    if (cp.size() != entries) {
      return "the checkpoint covers " + cp.size() + " entries, the export has " + entries;
    }
    if (policy.isPresent()) {
      WitnessPolicy.Result r = policy.get().check(note.get());
      if (r instanceof WitnessPolicy.Result.BelowQuorum b) {
        return "cosigned by " + b.cosignedBy().size() + " of the witnesses, quorum " + b.quorum();
      }
      if (r instanceof WitnessPolicy.Result.NotSignedByLog n) {
        return n.reason();
      }
    }
    return null;
  }

  private static long count(Path board) throws IOException {
    long[] n = {0};
    BoardFile.open(board).forEachEntry(e -> n[0]++);
    return n[0];
  }
}
