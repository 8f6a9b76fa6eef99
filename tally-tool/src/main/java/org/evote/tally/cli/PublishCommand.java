package org.evote.tally.cli;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.evote.board.client.AdminEntry;
import org.evote.board.client.BoardDownload;
import org.evote.board.client.BoardException;
import org.evote.crypto.keystore.AdminCredentials;
import org.evote.crypto.keystore.SecretFiles;
import org.evote.tally.service.PublishService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Posts the record's tally hashes to the board, then completes the record with the final board and checkpoint. */
@Command(name = "publish", mixinStandardHelpOptions = true,
    description = "Post the tally of a record to the bulletin board (tally_published), then download the final "
        + "board file and its checkpoint into the record.")
public final class PublishCommand implements Callable<Integer> {
  @Option(names = "--server", required = true, description = "board URL") URI server;

  @Option(names = "--admin-credentials", required = true, description = "administrator credential file")
  Path credentials;

  @Option(names = "--admin-passphrase-file", description = "first line: the passphrase sealing the administrator "
      + "credential's key (default: ask on the console)") Path adminPassphrase;

  @Parameters(index = "0", description = "record directory") Path record;

  @Option(names = "--notice", description = "the election notice: wait until its quorum of witnesses has "
      + "cosigned the final checkpoint") Path notice;

  @Option(names = "--wait", paramLabel = "SECONDS", description = "how long to wait for the final, cosigned "
      + "checkpoint (default: ${DEFAULT-VALUE})") long waitSeconds = 120;

  @Override
  public Integer call() throws Exception {
    Inputs.directoryWith("the record directory", record, org.evote.crypto.record.RecordFiles.TALLY,
        org.evote.crypto.record.RecordFiles.SHARES, org.evote.crypto.record.RecordFiles.RESULT);
    Inputs.file("--admin-credentials", credentials);
    if (notice != null) {
      Inputs.file("--notice", notice);
    }
    java.util.Optional<org.evote.crypto.note.WitnessPolicy> policy = java.util.Optional.empty();
    if (notice != null) {
      try {
        policy = java.util.Optional.of(org.evote.crypto.notice.NoticeJson.decode(
            org.evote.crypto.json.JsonText.readObject(notice)).witnessPolicy());
      } catch (org.evote.crypto.InvalidFieldException e) {
        System.err.println("error: --notice " + notice + ": " + e.getMessage());
        return 2;
      }
    }
    AdminCredentials admin = AdminCredentials.read(credentials,
        SecretFiles.passphrase(adminPassphrase, "administrator credential passphrase",
            "--admin-passphrase-file"));
    try {
      // the same step as the desktop app's: a retry after a lost download completes the record (PublishService)
      PublishService.Published p = new PublishService(new SecureRandom()).publish(server, admin, record, policy,
          Duration.ofSeconds(waitSeconds));
      AdminEntry e = p.entry();
      System.out.println((p.earlier() ? "already published: " : "published: ") + e.kind().wireName()
          + " at sequence " + e.sequence() + ", entry hash " + e.entryHash().toHex());
      BoardDownload.Downloaded d = p.download();
      System.out.println("board file " + d.board() + " (" + d.entries() + " entries) and its checkpoint "
          + d.checkpoint() + " (" + (d.note().signatures().size() - 1) + " cosignature lines)");
      return 0;
    } catch (BoardException | BoardDownload.MismatchException | org.evote.crypto.InvalidFieldException e) {
      System.err.println("error: " + e.getMessage());
      return 1;
    }
  }
}
