package org.evote.tally.service;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.function.LongConsumer;
import org.evote.crypto.ceremony.GuardianKey;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.mix.MixCascade;
import org.evote.crypto.mix.MixFile;
import org.evote.crypto.tally.MixInput;
import org.evote.crypto.record.BoardFile;
import org.evote.crypto.record.RecordFiles;
import org.evote.crypto.record.RecordWriter;
import org.evote.crypto.verify.ElectionChecks;
import org.evote.crypto.verify.RecordVerifier;
import org.evote.crypto.verify.VerificationReport;

/**
 * One guardian's mix (protocol §13.5, {@code tally mix}), offline: verify the board (V1–V13, V19) and every previous
 * mix (V21's rules on the cascade so far), then re-encrypt, permute and prove each mixed list, sign the mix with the
 * guardian's share, and write the mix file atomically. Refuses a guardian who already mixed.
 */
public final class MixService {
  private final SecureRandom random;
  private final int threads;

  public MixService(SecureRandom random, int threads) {
    this.random = random;
    this.threads = threads;
  }

  /** What was written: the mix (its position and mixer) and the board's report. */
  public record Outcome(MixFile mix, Path file, VerificationReport board) {}

  /** Guardian {@code key}'s mix after {@code previous} mix files, written to {@code out}. */
  public Outcome mix(Path election, Path board, Path checkpoint, GuardianKey key, List<Path> previous, Path out,
      LongConsumer progress) throws IOException, TallyService.TallyException {
    if (Files.exists(out)) {
      throw new TallyService.TallyException(out + " already exists; a mix file is never overwritten");
    }
    JsonObject electionJson = JsonText.readObject(election);
    ElectionConfig config = ElectionChecks.accept(electionJson);
    if (!key.verificationKey().equals(config.verificationKey(key.index()))) {
      throw new TallyService.TallyException("guardian " + key.index() + "'s key does not belong to this election");
    }
    RecordVerifier.BoardCheck check = RecordFiles.verifyBoard(electionJson, BoardFile.open(board, checkpoint),
        random, threads, progress);
    VerificationReport report = check.report();
    if (report.wrongElection().isPresent()) {
      throw new TallyService.TallyException(report.wrongElection().get().headline() + ". Nothing was mixed");
    }
    if (!report.isValid()) {
      throw new TallyService.TallyException("the board does not verify; nothing was mixed:\n" + report.render());
    }
    MixInput input = check.mixInput();
    if (!input.any()) {
      throw new TallyService.TallyException("this election has no mixed contests (no ranked contest and no "
          + "write-in line): there is nothing to mix");
    }
    if (input.broken() != null) {
      throw new TallyService.TallyException(input.broken());
    }
    List<org.evote.crypto.mix.MixList> lists = input.lists();
    MixCascade.Check before = MixFiles.check(config, previous, lists, false, random, threads).check();
    lists = null;
    if (before instanceof MixCascade.Fails f) {
      throw new TallyService.TallyException("the previous mixes do not verify; nothing was mixed: " + f.object()
          + ": " + f.reason());
    }
    MixCascade.Holds holds = (MixCascade.Holds) before;
    if (holds.mixers().contains(key.index())) {
      throw new TallyService.TallyException("guardian " + key.index() + " already mixed; each guardian mixes once");
    }
    MixFile mix = MixCascade.mix(config, key, holds.mixers().size() + 1, holds.finalLists(), random, threads);
    RecordWriter.writeMix(out, mix);
    return new Outcome(mix, out, report);
  }
}
