package org.evote.tally.service;

import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.nio.file.Path;
import java.util.Optional;
import org.evote.board.client.AdminEntry;
import org.evote.board.client.BoardClient;
import org.evote.board.client.BoardDownload;
import org.evote.board.client.BoardException;
import org.evote.crypto.keystore.AdminCredentials;
import org.evote.crypto.note.WitnessPolicy;

/**
 * What {@code tally publish} does, for the desktop app: post the record's {@code tally_published} entry (protocol
 * V17) to the board with the administrator's signed request, then download the final board and its checkpoint of
 * exactly those entries into the record (§10.2), so the record ends with the board that holds its tally.
 */
public final class PublishService {
  private final SecureRandom random;

  public PublishService(SecureRandom random) {
    this.random = random;
  }

  /** What was published and downloaded. */
  public record Published(AdminEntry entry, BoardDownload.Downloaded download) {}

  /** Publishes the tally of {@code record} on the board at {@code server}; waits up to {@code wait} for the checkpoint. */
  public Published publish(URI server, AdminCredentials admin, Path record, Optional<WitnessPolicy> policy,
      Duration wait) throws IOException, BoardException, InterruptedException, BoardDownload.MismatchException {
    var tally = TallyPublication.of(record);
    BoardClient client = BoardClient.create(server, admin.tlsFingerprint(), Duration.ofSeconds(60));
    AdminEntry entry = client.admin(admin, random).publishTally(tally);
    BoardDownload.Downloaded d = new BoardDownload(client, wait, Duration.ofMillis(500)).into(record, policy);
    return new Published(entry, d);
  }
}
