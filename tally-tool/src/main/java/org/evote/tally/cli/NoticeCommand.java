package org.evote.tally.cli;

import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.evote.board.client.BoardClient;
import org.evote.board.client.BoardException;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.notice.ElectionNotice;
import org.evote.crypto.notice.NoticeJson;
import org.evote.tally.service.NoticeService;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The election notice (docs/protocol.md §10.3), made from the board after the kiosks are registered. */
@Command(name = "notice", mixinStandardHelpOptions = true,
    description = "Make the election notice from the board (after registering the kiosks, before opening the "
        + "polls): the board's keys, the registered kiosks, the witnesses and their quorum.")
public final class NoticeCommand implements Callable<Integer> {
  @ArgGroup(multiplicity = "1")
  Source source;

  static final class Source {
    @Option(names = "--server", description = "board URL (reads its public API)") URI server;

    @ArgGroup(exclusive = false) Exported exported;
  }

  static final class Exported {
    @Option(names = "--board", required = true, description = "an exported board file") Path board;

    @Option(names = "--election", required = true, description = "election.json") Path election;
  }

  @Option(names = "--witness", paramLabel = "URL=VKEY",
      description = "a witness the board submits its checkpoints to, and its cosignature verifier key (repeat)")
  List<String> witnesses = new ArrayList<>();

  @Option(names = "--witness-quorum", paramLabel = "K",
      description = "how many of the witnesses must cosign the final checkpoint (required with --witness)")
  Integer quorum;

  @Option(names = "--out", required = true, description = "the notice file to write (never replaced)") Path out;

  @picocli.CommandLine.Mixin TlsPin tls;

  @Override
  public Integer call() throws Exception {
    java.util.Optional<org.evote.crypto.keystore.TlsFingerprint> pin;
    try {
      pin = tls.get();
    } catch (InvalidFieldException e) {
      System.err.println("error: " + e.getMessage());
      return 2;
    }
    List<ElectionNotice.Witness> listed = new ArrayList<>();
    try {
      for (int i = 0; i < witnesses.size(); i++) {
        listed.add(ElectionNotice.Witness.parse(witnesses.get(i), "--witness " + witnesses.get(i)));
      }
    } catch (InvalidFieldException e) {
      System.err.println("error: " + e.getMessage());
      return 2;
    }
    if (quorum == null && !listed.isEmpty()) {
      System.err.println("error: --witness-quorum is required with --witness");
      return 2;
    }
    int k = quorum == null ? 0 : quorum;
    if (source.exported != null) {
      Inputs.file("--election", source.exported.election);
      Inputs.file("--board", source.exported.board);
    }
    if (java.nio.file.Files.exists(out)) {
      System.err.println("error: " + out + " exists; a notice is never replaced");
      return 2;
    }
    NoticeService service = new NoticeService(new SecureRandom());
    NoticeService.Made made;
    try {
      made = source.server != null
          ? service.fromServer(BoardClient.create(source.server, pin, Duration.ofSeconds(60)), listed, k)
          : service.fromBoardFile(JsonText.readObject(source.exported.election), source.exported.board, listed, k);
      NoticeService.write(made.notice(), out);
    } catch (NoticeService.NoticeException | BoardException | InvalidFieldException e) {
      System.err.println("error: " + e.getMessage());
      return 1;
    } catch (FileAlreadyExistsException e) {
      System.err.println("error: " + out + " exists; a notice is never replaced");
      return 2;
    }
    ElectionNotice n = made.notice();
    System.out.println("Election notice written to " + out.toAbsolutePath());
    System.out.println("  election (H_E)   " + n.extendedHash().toHex());
    System.out.println("  board key        " + n.boardKey().hex());
    System.out.println("  checkpoint key   " + n.checkpointKey().encoded());
    System.out.println("  witnesses        " + n.witnesses().size() + ", quorum " + n.witnessQuorum());
    for (ElectionNotice.Witness w : n.witnesses()) {
      System.out.println("    " + w.url() + "  " + w.key().encoded());
    }
    System.out.println("  kiosks           " + n.kiosks().size());
    for (ElectionNotice.Kiosk kiosk : n.kiosks()) {
      System.out.println("    " + kiosk.kioskId() + "  " + kiosk.publicKey().hex());
    }
    System.out.println("  notice hash      " + NoticeJson.hash(n).toHex()
        + "  (H_JSON of the notice: read it out when publishing)");
    if (made.pollsOpened()) {
      System.err.println("warning: the polls are already open; a notice should be published before they open");
    }
    if (n.witnessQuorum() == 0) {
      System.err.println("warning: witness quorum 0: verifiers will not require any witness cosignature");
    }
    return 0;
  }
}
