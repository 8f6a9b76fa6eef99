package org.evote.launcher.election;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.evote.crypto.ceremony.GuardianKey;
import org.evote.crypto.keystore.EncryptedKeyFile;
import org.evote.crypto.keystore.GuardianKeyFile;
import org.evote.crypto.mix.MixFile;
import org.evote.crypto.record.RecordFiles;
import org.evote.tally.service.CeremonyService;
import org.evote.tally.service.MixService;
import org.evote.tally.service.TallyService;

/**
 * The demo's mix cascade (protocol §13.5): every guardian in turn runs {@code tally mix} on the closed board — as on
 * its own offline machine, with its own key file — after the mixes before it. The mix files go to {@code mixes/}.
 */
final class DemoMixing {
  /** The mix files in cascade order, and the last mix (whose output lists are the ones decrypted). */
  record Cascade(List<Path> files, MixFile last) {
    Cascade {
      files = List.copyOf(files);
    }
  }

  private DemoMixing() {}

  static Cascade run(Path guardians, int guardianCount, Path electionFile, Path boardFile, Path dir,
      SecureRandom random, PrintStream log) throws IOException, TallyService.TallyException,
      EncryptedKeyFile.WrongPassphraseException {
    Files.createDirectories(dir);
    int threads = Runtime.getRuntime().availableProcessors();
    MixService service = new MixService(random, threads);
    List<Path> files = new ArrayList<>();
    MixFile last = null;
    for (int g = 1; g <= guardianCount; g++) {
      GuardianKey key = open(guardians, g);
      Path file = dir.resolve(RecordFiles.mixFile(g));
      long started = System.nanoTime();
      MixService.Outcome mixed = service.mix(electionFile, boardFile, RecordFiles.checkpointBeside(boardFile), key,
          files, file, n -> { });
      files.add(file);
      last = mixed.mix();
      long ciphertexts = last.shuffles().stream()
          .mapToLong(s -> (long) s.output().size() * (s.output().isEmpty() ? 0 : s.output().get(0).width())).sum();
      int before = files.size() - 1;
      log.printf("   mix %d by guardian %d: %d lists, %d ciphertexts re-encrypted, permuted and proven in %.1f s "
          + "(after verifying the board%s)%n", mixed.mix().position(), g, last.shuffles().size(), ciphertexts,
          (System.nanoTime() - started) / 1e9, before == 0 ? "" : " and the " + before + " mix" + (before == 1 ? ""
              : "es") + " before it");
    }
    return new Cascade(files, last);
  }

  /** Guardian {@code g}'s key, opened with the passphrase the demo wrote beside it. */
  static GuardianKey open(Path guardians, int g) throws IOException, EncryptedKeyFile.WrongPassphraseException {
    char[] p = Files.readString(guardians.resolve("guardian-" + g + ".pass")).strip().toCharArray();
    try {
      return GuardianKeyFile.open(CeremonyService.keyFile(guardians, g), p);
    } finally {
      java.util.Arrays.fill(p, '\0');
    }
  }
}
