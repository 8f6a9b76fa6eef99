package org.evote.launcher.election;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.evote.crypto.ceremony.GuardianKey;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.keystore.EncryptedKeyFile;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.record.RecordFiles;
import org.evote.kiosk.robot.RobotVoter;
import org.evote.tally.report.ResultReport;
import org.evote.tally.service.TallyService;

/**
 * The demo's tally (step 7): a random quorum of guardians decrypts the homomorphic tally and — after the mix cascade
 * — the final mixed lists, as {@code tally tally --mix …} does; the result files are written in every language, and
 * the mixed contests' counts are compared with the robots' truth ({@link MixedTruth}).
 */
final class DemoTally {
  /** The tally's outcome, the robots' write-in names and how the mixed counts differ from the truth. */
  record Tallied(TallyService.Outcome outcome, Map<String, Map<String, Long>> namesTruth,
      List<String> mixedProblems) {
    Tallied {
      mixedProblems = List.copyOf(mixedProblems);
    }
  }

  private DemoTally() {}

  static Tallied run(Manifest manifest, ElectionConfig config, int guardianCount, Path guardians, Path electionFile,
      Path boardFile, Optional<DemoMixing.Cascade> cascade, Path record, List<RobotVoter.Entry> voted,
      SecureRandom random, PrintStream log) throws IOException, TallyService.TallyException,
      EncryptedKeyFile.WrongPassphraseException {
    List<Integer> present = chooseQuorum(guardianCount, config.quorum(), random);
    List<GuardianKey> keys = new ArrayList<>();
    for (int g : present) {
      keys.add(DemoMixing.open(guardians, g));
    }
    int threads = Runtime.getRuntime().availableProcessors();
    TallyService.Outcome tallied = new TallyService(random, threads).tally(electionFile, boardFile,
        RecordFiles.checkpointBeside(boardFile), keys, cascade.map(DemoMixing.Cascade::files).orElse(List.of()),
        record, n -> { });
    List<String> resultFiles = new ResultReport(manifest, tallied.result(), tallied.ranked(), tallied.writeIns())
        .write(record);
    log.printf("%n7. Tally: the board verified, the cast ballots added up, decrypted by guardians %s of %d%s%n"
        + "   result files in every language of the manifest: %s%n", present, guardianCount,
        cascade.isPresent() ? ";\n   the mixes verified, the final lists decrypted with a proof per ciphertext and "
            + "counted (instant runoff, Maine's rules; write-in names listed)" : "",
        String.join(", ", resultFiles));
    MixedTruth truth = new MixedTruth(manifest, voted);
    List<String> problems = new ArrayList<>();
    if (cascade.isPresent()) {
      problems.addAll(truth.problems(config.extendedHash(), cascade.get().last(), tallied.ranked(),
          tallied.writeIns(), record));
    }
    return new Tallied(tallied, truth.names(), problems);
  }

  /** A random quorum of the guardians, in index order. */
  private static List<Integer> chooseQuorum(int guardians, int quorum, SecureRandom random) {
    List<Integer> all = new ArrayList<>();
    for (int i = 1; i <= guardians; i++) {
      all.add(i);
    }
    Collections.shuffle(all, random);
    List<Integer> chosen = new ArrayList<>(all.subList(0, quorum));
    chosen.sort(Comparator.naturalOrder());
    return chosen;
  }
}
