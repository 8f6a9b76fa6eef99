package org.evote.tally.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.evote.crypto.ceremony.GuardianKey;
import org.evote.crypto.count.RankedResult;
import org.evote.crypto.count.WriteInCount;
import org.evote.crypto.decrypt.Decryptor;
import org.evote.crypto.decrypt.MixDecryption;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.mix.MixCascade;
import org.evote.crypto.tally.MixInput;
import org.evote.crypto.decrypt.MixedResults;
import org.evote.crypto.record.RecordFiles;
import org.evote.crypto.record.RecordWriter;
import org.evote.crypto.verify.MixRecord;

/**
 * The tally's mixed part: the cascade of the given mix files checked over the cast ballots' rows (k or more
 * guardians), the final lists decrypted by the present guardians, decoded and counted; written into the record.
 * Nothing for an election without mixed contests.
 */
final class MixedTally {
  private final List<Path> mixes;
  private final MixDecryption.Outcome outcome;

  private MixedTally(List<Path> mixes, MixDecryption.Outcome outcome) {
    this.mixes = mixes;
    this.outcome = outcome;
  }

  static MixedTally decrypt(ElectionConfig config, MixInput input, List<Path> files, List<GuardianKey> keys,
      SecureRandom random, int threads) throws IOException, TallyService.TallyException {
    if (!input.any()) {
      if (!files.isEmpty()) {
        throw new TallyService.TallyException("this election has no mixed contests; it is tallied without --mix");
      }
      return new MixedTally(List.of(), null);
    }
    if (files.isEmpty()) {
      throw new TallyService.TallyException("this election has mixed contests (ranked contests or write-in lines): "
          + "at least " + config.quorum() + " guardians must each run `tally mix` in turn first; then give every "
          + "mix file with --mix. Nothing was decrypted");
    }
    if (input.broken() != null) {
      throw new TallyService.TallyException(input.broken());
    }
    MixFiles.Checked checked = MixFiles.check(config, files, input.lists(), true, random, threads);
    MixCascade.Check check = checked.check();
    if (check instanceof MixCascade.Fails f) {
      throw new TallyService.TallyException("the mix cascade does not verify; nothing was decrypted: " + f.object()
          + ": " + f.reason());
    }
    try {
      return new MixedTally(checked.files(), MixDecryption.run(config, ((MixCascade.Holds) check).finalLists(), keys, random,
          threads));
    } catch (Decryptor.DecryptionException | MixedResults.UndecodableRowException e) {
      throw new TallyService.TallyException(e.getMessage());
    }
  }

  /** Writes the cascade, the decryption, the decoded rows and the count (stale mix files in {@code out} removed). */
  void write(Path out, ElectionConfig config) throws IOException {
    if (outcome == null) {
      return;
    }
    try (var files = Files.list(out)) {
      for (Path f : files.toList()) {
        int p = MixRecord.position(f.getFileName().toString());
        if (p > mixes.size()) {
          Files.delete(f);
        }
      }
    }
    for (int p = 1; p <= mixes.size(); p++) {
      Path target = out.resolve(RecordFiles.mixFile(p));
      if (!Files.exists(target) || !Files.isSameFile(mixes.get(p - 1), target)) {
        Files.copy(mixes.get(p - 1), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    RecordWriter.writeMixes(out, config.manifest(), List.of(), outcome.shares(), outcome.decoded(),
        outcome.counts());
  }

  List<RankedResult> ranked() {
    return outcome == null ? List.of() : outcome.counts().ranked();
  }

  List<WriteInCount> writeIns() {
    return outcome == null ? List.of() : outcome.counts().writeIns();
  }
}
