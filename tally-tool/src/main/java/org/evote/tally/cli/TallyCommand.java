package org.evote.tally.cli;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.evote.crypto.verify.ElectionChecks;
import org.evote.crypto.ceremony.GuardianKey;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.json.JsonText;
import org.evote.tally.report.ResultReport;
import org.evote.tally.service.TallyService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Verify the board, tally homomorphically, decrypt with any k guardians, write the record and the result. */
@Command(name = "tally", mixinStandardHelpOptions = true,
    description = "Tally a verified board with the keys of at least k guardians and write the election record.")
public final class TallyCommand implements Callable<Integer> {
  @Option(names = "--election", required = true, description = "election.json") Path election;

  @Option(names = "--board", required = true, description = "board file (the server's export)") Path board;

  @Option(names = "--checkpoint", description = "the board's final checkpoint (default: checkpoint.txt next to "
      + "the board file)") Path checkpoint;

  @Option(names = "--guardian-key", required = true, description = "a present guardian's key file (repeat)")
  List<Path> keys;

  @Option(names = "--passphrase-file", description = "in the order of --guardian-key: first line is that "
      + "guardian's passphrase (default: each guardian types theirs)")
  List<Path> passphrases = new ArrayList<>();

  @Option(names = "--mix", description = "a mix file from `tally mix` (repeat, one per mixing guardian; needed "
      + "when the election has ranked contests or write-in lines)")
  List<Path> mixes = new ArrayList<>();

  @Option(names = "--out", required = true, description = "record directory to write") Path out;

  @Override
  public Integer call() throws Exception {
    Inputs.file("--election", election);
    Inputs.file("--board", board);
    if (checkpoint != null) {
      Inputs.file("--checkpoint", checkpoint);
    }
    for (Path k : keys) {
      Inputs.file("--guardian-key", k);
    }
    for (Path p : passphrases) {
      Inputs.file("--passphrase-file", p);
    }
    for (Path m : mixes) {
      Inputs.file("--mix", m);
    }
    ElectionConfig config = ElectionChecks.accept(JsonText.readObject(election));
    TreeMap<Integer, GuardianKey> opened = new TreeMap<>();
    for (int i = 0; i < keys.size(); i++) {
      try {
        GuardianKey k = GuardianKeys.open(keys.get(i), passphrases.size() > i ? passphrases.get(i) : null, config);
        opened.put(k.index(), k);
      } catch (GuardianKeys.KeyException e) {
        System.err.println("error: " + e.getMessage());
        return 2;
      }
    }
    if (opened.size() < config.quorum()) {
      System.err.println("error: the tally needs at least " + config.quorum() + " of the " + config.guardianCount()
          + " guardians; " + opened.size() + " present " + opened.keySet());
      return 2;
    }
    TallyService service = new TallyService(new SecureRandom(), Runtime.getRuntime().availableProcessors());
    TallyService.Outcome outcome;
    Path checkpointFile = checkpoint != null ? checkpoint
        : org.evote.crypto.record.RecordFiles.checkpointBeside(board);
    try (ProgressBar bar = Inputs.entriesBar("verifying board",
        org.evote.crypto.record.BoardFile.open(board, checkpointFile))) {
      outcome = service.tally(election, board, checkpointFile,
          List.copyOf(opened.values()), mixes, out, bar::stepTo);
    } catch (TallyService.TallyException e) {
      System.err.println("error: " + e.getMessage());
      return 1;
    }
    ResultReport report = new ResultReport(config.manifest(), outcome.result(), outcome.ranked(),
        outcome.writeIns());
    List<String> files = report.write(out);
    System.out.print(report.text());
    System.out.print(outcome.report().render());
    System.out.println("Record: " + out.toAbsolutePath() + " (" + String.join(", ", files) + ")");
    return outcome.report().isValid() ? 0 : 1;
  }
}
