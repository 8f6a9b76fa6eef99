package org.evote.tally.service;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import org.evote.board.client.AdminEntry;
import org.evote.board.client.BoardClient;
import org.evote.board.client.BoardDownload;
import org.evote.board.client.BoardException;
import org.evote.board.client.BoardRefusedException;
import org.evote.crypto.board.BoardEntry;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.board.EntryPayload;
import org.evote.crypto.board.Rule;
import org.evote.crypto.json.BoardJson;
import org.evote.crypto.json.Fields;
import org.evote.crypto.keystore.AdminCredentials;
import org.evote.crypto.note.WitnessPolicy;
import org.evote.crypto.record.BoardFile;
import org.evote.crypto.record.RecordFiles;

/**
 * What {@code tally publish} does, for the desktop app: post the record's {@code tally_published} entry (protocol
 * V17) to the board with the administrator's signed request, then download the final board and its checkpoint of
 * exactly those entries into the record (§10.2), so the record ends with the board that holds its tally.
 *
 * <p>A retry is idempotent: when the board refuses because its tally is already published (409
 * {@code tally_published}, e.g. the earlier attempt posted the entry but its download failed), the board is
 * downloaded aside and, only if its {@code tally_published} entry holds exactly this record's hashes, moved into the
 * record; otherwise the refusal stands and the record is left as it was.
 */
public final class PublishService {
  private final SecureRandom random;

  public PublishService(SecureRandom random) {
    this.random = random;
  }

  /** What was published and downloaded; {@code earlier} when the board already held this very tally. */
  public record Published(AdminEntry entry, BoardDownload.Downloaded download, boolean earlier) {}

  /** Publishes the tally of {@code record} on the board at {@code server}; waits up to {@code wait} for the checkpoint. */
  public Published publish(URI server, AdminCredentials admin, Path record, Optional<WitnessPolicy> policy,
      Duration wait) throws IOException, BoardException, InterruptedException, BoardDownload.MismatchException {
    var tally = TallyPublication.of(record);
    BoardClient client = BoardClient.create(server, admin.tlsFingerprint(), Duration.ofSeconds(60));
    BoardDownload download = new BoardDownload(client, wait, Duration.ofMillis(500));
    AdminEntry entry;
    try {
      entry = client.admin(admin, random).publishTally(tally);
    } catch (BoardRefusedException e) {
      if (e.status() != 409 || !Rule.TALLY_ONCE.apiCode().equals(e.code())) {
        throw e;
      }
      return alreadyPublished(download, tally, record, policy).orElseThrow(() -> e);
    }
    return new Published(entry, download.into(record, policy), false);
  }

  /** The board downloaded into the record if its tally entry is exactly {@code tally}; empty (record untouched) if not. */
  private static Optional<Published> alreadyPublished(BoardDownload download, EntryPayload.TallyPublished tally,
      Path record, Optional<WitnessPolicy> policy)
      throws IOException, BoardException, InterruptedException, BoardDownload.MismatchException {
    Path aside = Files.createTempDirectory(record, ".published-");
    try {
      BoardDownload.Downloaded d = download.into(aside, policy);
      BoardEntry[] mine = {null};
      BoardFile.open(d.board()).forEachEntry(json -> {
        BoardEntry e = BoardJson.decodeEntry(Fields.of(json));
        if (e.kind() == EntryKind.TALLY_PUBLISHED && tally.equals(BoardJson.decodePayload(e))) {
          mine[0] = e;
        }
      });
      if (mine[0] == null) {
        return Optional.empty();
      }
      Path board = record.resolve(RecordFiles.BOARD);
      Path checkpoint = record.resolve(RecordFiles.CHECKPOINT);
      Files.move(d.board(), board, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      Files.move(d.checkpoint(), checkpoint, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      AdminEntry entry = new AdminEntry(mine[0].sequence(), mine[0].kind(), mine[0].entryHash());
      return Optional.of(new Published(entry, new BoardDownload.Downloaded(board, checkpoint, d.entries(), d.note()),
          true));
    } finally {
      try (var left = Files.list(aside)) {
        for (Path p : left.toList()) {
          Files.deleteIfExists(p);
        }
      }
      Files.deleteIfExists(aside);
    }
  }
}
