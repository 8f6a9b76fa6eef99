package org.evote.tally.cli;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.evote.crypto.ceremony.GuardianKey;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.record.BoardFile;
import org.evote.crypto.record.RecordFiles;
import org.evote.crypto.verify.ElectionChecks;
import org.evote.tally.service.MixService;
import org.evote.tally.service.TallyService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** One guardian's mix of the cast ballots' ranked contests and write-ins (protocol §13.5), offline. */
@Command(name = "mix", mixinStandardHelpOptions = true,
    description = "Verify the board and the previous mixes, then re-encrypt, shuffle and prove the mixed contests' "
        + "lists with one guardian's key and write the signed mix file (each of k or more guardians in turn).")
public final class MixCommand implements Callable<Integer> {
  @Option(names = "--election", required = true, description = "election.json") Path election;

  @Option(names = "--board", required = true, description = "board file (the server's export)") Path board;

  @Option(names = "--checkpoint", description = "the board's final checkpoint (default: checkpoint.txt next to "
      + "the board file)") Path checkpoint;

  @Option(names = "--guardian-key", required = true, description = "this guardian's key file") Path key;

  @Option(names = "--passphrase-file", description = "first line is the guardian's passphrase (default: typed)")
  Path passphrase;

  @Option(names = "--mix", description = "a previous mix file (repeat; all of them, any order)")
  List<Path> previous = new ArrayList<>();

  @Option(names = "--out", required = true, description = "the mix file to write, e.g. mix-2.json") Path out;

  @Option(names = "--threads", description = "threads to use (default: all cores)") Integer threads;

  @Override
  public Integer call() throws Exception {
    Inputs.file("--election", election);
    Inputs.file("--board", board);
    if (checkpoint != null) {
      Inputs.file("--checkpoint", checkpoint);
    }
    Inputs.file("--guardian-key", key);
    if (passphrase != null) {
      Inputs.file("--passphrase-file", passphrase);
    }
    for (Path p : previous) {
      Inputs.file("--mix", p);
    }
    ElectionConfig config = ElectionChecks.accept(JsonText.readObject(election));
    GuardianKey guardian;
    try {
      guardian = GuardianKeys.open(key, passphrase, config);
    } catch (GuardianKeys.KeyException e) {
      System.err.println("error: " + e.getMessage());
      return 2;
    }
    int n = threads != null ? Math.max(1, threads) : Runtime.getRuntime().availableProcessors();
    MixService service = new MixService(new SecureRandom(), n);
    Path checkpointFile = checkpoint != null ? checkpoint : RecordFiles.checkpointBeside(board);
    MixService.Outcome outcome;
    try (ProgressBar bar = Inputs.entriesBar("verifying board", BoardFile.open(board, checkpointFile))) {
      outcome = service.mix(election, board, checkpointFile, guardian, previous, out, bar::stepTo);
    } catch (TallyService.TallyException e) {
      System.err.println("error: " + e.getMessage());
      return 1;
    }
    long rows = outcome.mix().shuffles().stream().mapToLong(s -> s.output().size()).sum();
    System.out.println("Mix " + outcome.mix().position() + " by guardian " + outcome.mix().mixer() + ": "
        + outcome.mix().shuffles().size() + " lists, " + rows + " rows shuffled and proven");
    System.out.println("Written: " + out.toAbsolutePath());
    return 0;
  }
}
