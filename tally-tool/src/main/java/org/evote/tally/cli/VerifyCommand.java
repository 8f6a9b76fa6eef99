package org.evote.tally.cli;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.evote.crypto.record.BoardFile;
import org.evote.crypto.record.RecordFiles;
import org.evote.crypto.verify.VerificationReport;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Every numbered step of docs/protocol.md §10.4 over a record, or over an election and a board. */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Verify an election record (every step of docs/protocol.md §10.4), against the election notice "
        + "if given; exit 0 only if no step fails.")
public final class VerifyCommand implements Callable<Integer> {
  @ArgGroup(multiplicity = "1")
  Source source;

  static final class Source {
    @Option(names = "--record", description = "record directory") Path record;

    @ArgGroup(exclusive = false) Pair pair;
  }

  static final class Pair {
    @Option(names = "--election", required = true, description = "election.json") Path election;

    @Option(names = "--board", required = true, description = "board file (the server's export)") Path board;

    @Option(names = "--checkpoint", description = "the board's final checkpoint (GET /checkpoint; default: "
        + "checkpoint.txt next to the board file)")
    Path checkpoint;
  }

  @Option(names = "--notice", description = "the election notice the officials published (V20); without it the "
      + "board key, the kiosk keys and the witness cosignatures are not checked")
  Path notice;

  @Option(names = "--threads", description = "threads (default: all cores)")
  int threads = Runtime.getRuntime().availableProcessors();

  @Override
  public Integer call() throws Exception {
    SecureRandom random = new SecureRandom();
    if (notice != null) {
      Inputs.file("--notice", notice);
    }
    Path election;
    BoardFile board;
    Path tallyDir;
    if (source.record != null) {
      Inputs.directoryWith("--record", source.record, RecordFiles.ELECTION, RecordFiles.BOARD);
      election = source.record.resolve(RecordFiles.ELECTION);
      board = BoardFile.open(source.record.resolve(RecordFiles.BOARD), source.record.resolve(RecordFiles.CHECKPOINT));
      tallyDir = source.record;
    } else {
      election = Inputs.file("--election", source.pair.election);
      Inputs.file("--board", source.pair.board);
      if (source.pair.checkpoint != null) {
        Inputs.file("--checkpoint", source.pair.checkpoint);
      }
      board = BoardFile.open(source.pair.board, source.pair.checkpoint != null ? source.pair.checkpoint
          : RecordFiles.checkpointBeside(source.pair.board));
      tallyDir = null;
    }
    VerificationReport report;
    try (ProgressBar bar = Inputs.entriesBar("board entries", board)) {
      report = RecordFiles.verify(election, board, tallyDir, notice, random, threads, bar::stepTo);
    }
    System.out.print(report.render());
    return report.isValid() ? 0 : 1;
  }
}
