package org.evote.tally.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.evote.board.client.BoardClient;
import org.evote.board.client.BoardDownload;
import org.evote.board.client.BoardException;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.keystore.TlsFingerprint;
import org.evote.crypto.note.WitnessPolicy;
import org.evote.crypto.notice.NoticeJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The board's part of the record: the board file and its final checkpoint, as a matching pair. */
@Command(name = "fetch", mixinStandardHelpOptions = true,
    description = "Download the board file and the board's checkpoint of exactly those entries (board.json and "
        + "checkpoint.txt, docs/protocol.md §10.2) into a directory.")
public final class FetchCommand implements Callable<Integer> {
  @Option(names = "--server", required = true, description = "board URL (https:// with --tls-fingerprint)")
  URI server;

  @Option(names = "--out", required = true, description = "directory (a record directory, or where the board "
      + "is kept for the tally); board.json and checkpoint.txt in it are replaced") Path out;

  @Option(names = "--notice", description = "the election notice: wait until its quorum of witnesses has "
      + "cosigned the checkpoint") Path notice;

  @Option(names = "--wait", paramLabel = "SECONDS", description = "how long to wait for a matching (and "
      + "cosigned) checkpoint (default: ${DEFAULT-VALUE})") long waitSeconds = 120;

  @picocli.CommandLine.Mixin TlsPin tls;

  @Override
  public Integer call() throws Exception {
    Optional<TlsFingerprint> pin;
    try {
      pin = tls.get();
    } catch (InvalidFieldException e) {
      System.err.println("error: " + e.getMessage());
      return 2;
    }
    return fetch(server, pin, out, notice, Duration.ofSeconds(waitSeconds));
  }

  /**
   * Downloads into {@code out} from the board at {@code server} (its TLS certificate pinned by {@code tls}),
   * printing what was written; the exit code. Also used by {@code publish}.
   */
  static int fetch(URI server, Optional<TlsFingerprint> tls, Path out, Path notice, Duration wait)
      throws Exception {
    Optional<WitnessPolicy> policy = Optional.empty();
    if (notice != null) {
      try {
        policy = Optional.of(NoticeJson.decode(JsonText.readObject(notice)).witnessPolicy());
      } catch (InvalidFieldException e) {
        System.err.println("error: " + notice + ": " + e.getMessage());
        return 2;
      }
    }
    try {
      BoardDownload.Downloaded d = new BoardDownload(BoardClient.create(server, tls, Duration.ofSeconds(60)), wait,
          Duration.ofMillis(500)).into(out, policy);
      System.out.println("board file " + d.board() + " (" + d.entries() + " entries) and its checkpoint "
          + d.checkpoint() + " (" + (d.note().signatures().size() - 1) + " cosignature lines)");
      return 0;
    } catch (BoardException | BoardDownload.MismatchException | InvalidFieldException e) {
      System.err.println("error: " + e.getMessage());
      return 1;
    }
  }
}
