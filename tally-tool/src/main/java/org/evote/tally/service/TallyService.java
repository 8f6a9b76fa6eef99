package org.evote.tally.service;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.evote.crypto.count.RankedResult;
import org.evote.crypto.count.WriteInCount;
import org.evote.crypto.verify.ElectionChecks;
import org.evote.crypto.ceremony.GuardianKey;
import org.evote.crypto.decrypt.DecryptionShare;
import org.evote.crypto.decrypt.Decryptor;
import org.evote.crypto.decrypt.ElectionResult;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.record.BoardFile;
import org.evote.crypto.record.RecordFiles;
import org.evote.crypto.record.RecordWriter;
import org.evote.crypto.tally.EncryptedTally;
import org.evote.crypto.verify.RecordVerifier;
import org.evote.crypto.verify.VerificationReport;

/**
 * The tally: in one streaming pass, verify the whole board (V1–V13) and add the cast ballots
 * homomorphically; for an election with mixed contests check the mix cascade and have the present guardians decrypt
 * its final lists (§13.5); then have each present guardian decrypt the tally with proofs, combine, write the
 * complete election record (with the key ceremony's transcript found beside election.json), and read its files
 * back to check them (V14–V18, V21–V23) against that pass. Used by the command line and the desktop
 * app.
 */
public final class TallyService {
  private final SecureRandom random;
  private final int threads;

  public TallyService(SecureRandom random, int threads) {
    this.random = random;
    this.threads = threads;
  }

  /** Why a tally cannot go on; the message is for officials. */
  public static final class TallyException extends Exception {
    private static final long serialVersionUID = 1L;

    public TallyException(String message) {
      super(message);
    }
  }

  /**
   * The outcome: the result, the record directory, the final verification report of the record, and — for an
   * election with mixed contests — each ranked contest's instant-runoff count and each write-in line's names.
   */
  public record Outcome(ElectionResult result, Path record, VerificationReport report, List<RankedResult> ranked,
      List<WriteInCount> writeIns) {
    public Outcome {
      ranked = List.copyOf(ranked);
      writeIns = List.copyOf(writeIns);
    }

    /** The outcome of an election without mixed contests. */
    public Outcome(ElectionResult result, Path record, VerificationReport report) {
      this(result, record, report, List.of(), List.of());
    }
  }

  /** Step 1: verify the election and the board before anything is decrypted. */
  public VerificationReport verifyBoard(Path election, Path board, LongConsumer progress) throws IOException {
    return RecordFiles.verify(election, board, null, random, threads, progress);
  }

  /**
   * The key ceremony's transcript that goes into the record: {@code ceremony_transcript.json} beside election.json,
   * where the ceremony writes it. A record without one fails V18.
   */
  public static Path transcriptBeside(Path election) {
    Path dir = election.toAbsolutePath().getParent();
    return dir.resolve(RecordFiles.TRANSCRIPT);
  }

  /** The whole tally with the given guardians' keys (at least k); the record includes the ceremony transcript. */
  public Outcome tally(Path election, Path board, List<GuardianKey> keys, Path out, LongConsumer progress)
      throws IOException, TallyException {
    return tally(election, board, RecordFiles.checkpointBeside(board), keys, out, progress);
  }

  /**
   * The mix files ({@code mix-<p>.json}) in the directory of {@code board}, in cascade order: where the desktop app
   * takes them from (the guardians' {@code tally mix} files are copied beside the board they mixed).
   */
  public static List<Path> mixesBeside(Path board) throws IOException {
    Path dir = board.toAbsolutePath().getParent();
    java.util.TreeMap<Integer, Path> found = new java.util.TreeMap<>();
    if (dir != null && Files.isDirectory(dir)) {
      try (java.util.stream.Stream<Path> files = Files.list(dir)) {
        files.forEach(f -> {
          int p = org.evote.crypto.verify.MixRecord.position(f.getFileName().toString());
          if (p > 0 && Files.isRegularFile(f)) {
            found.put(p, f);
          }
        });
      }
    }
    return List.copyOf(found.values());
  }

  /**
   * The whole tally of {@code board} and its final checkpoint {@code checkpoint} (copied into the record with the
   * board file) with the given guardians' keys (at least k).
   */
  public Outcome tally(Path election, Path board, Path checkpoint, List<GuardianKey> keys, Path out,
      LongConsumer progress) throws IOException, TallyException {
    return tally(election, board, checkpoint, keys, List.of(), out, progress);
  }

  /**
   * The whole tally with the mix files {@code mixes} (one per guardian who ran {@code tally mix}, at least k; none
   * for an election without mixed contests): the cascade is checked, the homomorphic tally and the final mixed lists
   * are decrypted by the present guardians, the ranked contests counted, and all of it written and verified again.
   */
  public Outcome tally(Path election, Path board, Path checkpoint, List<GuardianKey> keys, List<Path> mixes,
      Path out, LongConsumer progress) throws IOException, TallyException {
    JsonObject electionJson = JsonText.readObject(election);
    ElectionConfig config = ElectionChecks.accept(electionJson);
    if (keys.size() < config.quorum()) {
      throw new TallyException("the tally needs at least " + config.quorum() + " of the " + config.guardianCount()
          + " guardians' keys; " + keys.size() + " given");
    }
    // One pass over the board verifies it and adds up the cast ballots; nothing is decrypted unless it all holds.
    RecordVerifier.BoardCheck check = RecordFiles.verifyBoard(electionJson, BoardFile.open(board, checkpoint), random,
        threads, progress);
    VerificationReport before = check.report();
    if (before.wrongElection().isPresent()) {
      throw new TallyException(before.wrongElection().get().headline() + ". Nothing was decrypted; tally this "
          + "board with its own election file");
    }
    if (!before.isValid()) {
      throw new TallyException("the board does not verify; nothing was decrypted:\n" + before.render());
    }
    MixedTally mixed = MixedTally.decrypt(config, check.mixInput(), mixes, keys, random, threads);
    EncryptedTally tally = check.castSum();
    Decryptor decryptor = new Decryptor(config);
    List<DecryptionShare> shares = new ArrayList<>();
    for (GuardianKey k : keys) {
      shares.add(decryptor.partialDecrypt(k, tally, random));
    }
    ElectionResult result;
    try {
      result = decryptor.combine(tally, shares, check.challenged());
    } catch (Decryptor.DecryptionException e) {
      throw new TallyException(e.getMessage());
    }
    Files.createDirectories(out);
    JsonText.write(out.resolve(RecordFiles.ELECTION), electionJson);
    Files.copy(board, out.resolve(RecordFiles.BOARD), StandardCopyOption.REPLACE_EXISTING);
    Path transcript = transcriptBeside(election);
    if (Files.exists(transcript) && !Files.isSameFile(transcript.getParent(), out)) {
      Files.copy(transcript, out.resolve(RecordFiles.TRANSCRIPT), StandardCopyOption.REPLACE_EXISTING);
    }
    if (Files.exists(checkpoint)
        && !checkpoint.toAbsolutePath().normalize().equals(out.resolve(RecordFiles.CHECKPOINT).toAbsolutePath()
            .normalize())) {
      Files.copy(checkpoint, out.resolve(RecordFiles.CHECKPOINT), StandardCopyOption.REPLACE_EXISTING);
    }
    RecordWriter.writeTally(out, tally, shares, result);
    mixed.write(out, config);
    // The files as written are read back and checked (V14–V18) against the same board pass.
    VerificationReport after = RecordFiles.verifyTally(check, electionJson, out.resolve(RecordFiles.BOARD), out);
    return new Outcome(result, out, after, mixed.ranked(), mixed.writeIns());
  }
}
