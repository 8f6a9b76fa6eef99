package org.evote.tally.cli;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
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
    VerificationReport report;
    try (ProgressBar bar = new ProgressBarBuilder().setTaskName("board entries").setStyle(ProgressBarStyle.ASCII)
        .setInitialMax(-1).setUpdateIntervalMillis(500).build()) {
      if (source.record != null) {
        report = RecordFiles.verify(source.record, notice, random, threads, bar::stepTo);
      } else {
        report = RecordFiles.verify(source.pair.election, BoardFile.open(source.pair.board,
            source.pair.checkpoint != null ? source.pair.checkpoint
                : RecordFiles.checkpointBeside(source.pair.board)), null, notice, random, threads, bar::stepTo);
      }
    }
    System.out.print(report.render());
    return report.isValid() ? 0 : 1;
  }
}
