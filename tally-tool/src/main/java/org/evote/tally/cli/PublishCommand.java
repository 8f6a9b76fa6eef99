package org.evote.tally.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.evote.board.client.AdminEntry;
import org.evote.board.client.BoardClient;
import org.evote.board.client.BoardException;
import org.evote.crypto.keystore.AdminCredentials;
import org.evote.tally.service.TallyPublication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Posts the record's tally hashes to the board (the only command that uses the network). */
@Command(name = "publish", mixinStandardHelpOptions = true,
    description = "Post the tally of a record to the bulletin board (tally_published).")
public final class PublishCommand implements Callable<Integer> {
  @Option(names = "--server", required = true, description = "board URL") URI server;

  @Option(names = "--admin-credentials", required = true, description = "administrator credential file")
  Path credentials;

  @Parameters(index = "0", description = "record directory") Path record;

  @Override
  public Integer call() throws Exception {
    var tally = TallyPublication.of(record);
    AdminCredentials admin = AdminCredentials.read(credentials);
    try {
      AdminEntry e = BoardClient.create(server, Duration.ofSeconds(60)).admin(admin).publishTally(tally);
      System.out.println("published: " + e.kind().wireName() + " at sequence " + e.sequence() + ", entry hash "
          + e.entryHash().toHex());
      return 0;
    } catch (BoardException e) {
      System.err.println("error: " + e.getMessage());
      return 1;
    }
  }
}
