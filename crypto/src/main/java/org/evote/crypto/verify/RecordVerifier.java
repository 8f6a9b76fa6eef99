package org.evote.crypto.verify;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.board.BoardState;
import org.evote.crypto.decrypt.DecryptionShare;
import org.evote.crypto.decrypt.ElectionResult;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.json.Fields;
import org.evote.crypto.json.TallyJson;
import org.evote.crypto.decrypt.DecodedList;
import org.evote.crypto.tally.MixInput;
import org.evote.crypto.mix.MixList;
import org.evote.crypto.tally.EncryptedTally;

/**
 * Verifies a whole election record against every numbered step of protocol §10.4 and reports each: V1–V4 on the
 * election ({@link ElectionChecks}), one streaming pass over the board for V5–V13 ({@link BoardPass}; memory grows
 * with the number of ballots only by fingerprints of their ids and ciphertexts), V19 on the board's final
 * checkpoint ({@link CheckpointCheck}) and V20 against the election notice ({@link NoticeCheck}), then V14–V17 on
 * the tally files ({@link EncryptedTallyCheck}, {@link SharesCheck}, {@link ResultCheck},
 * {@link PublishedTallyCheck}), V18 on the key ceremony's transcript ({@link TranscriptCheck}), and V21–V23 on the
 * mix cascade, its decryption and the count ({@link MixCascadeCheck}, {@link MixDecryptionCheck},
 * {@link RankedCountCheck}) over the cast ballots' rows the board pass collected. Never
 * throws on hostile input: a file or object that cannot be read fails the step it belongs to, naming the field.
 */
public final class RecordVerifier {
  private final SecureRandom random;
  private final int threads;
  private final LongConsumer progress;

  /** A verifier using {@code threads} threads, reporting the number of board entries read to {@code progress}. */
  public RecordVerifier(SecureRandom random, int threads, LongConsumer progress) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1");
    }
    this.random = random;
    this.threads = threads;
    this.progress = progress;
  }

  /** A verifier on all cores, without progress reports. */
  public RecordVerifier(SecureRandom random) {
    this(random, Runtime.getRuntime().availableProcessors(), n -> { });
  }

  /** The board as a stream of entry objects followed by its signed heads. */
  public interface BoardSource {
    /** Hands every entry object, in file order, to {@code consumer}. */
    void forEachEntry(Consumer<JsonObject> consumer) throws IOException;

    /** The signed heads; called after {@link #forEachEntry}. */
    List<JsonObject> heads();

    /**
     * The board's final checkpoint (§9.8) as published with it — the signed note's bytes — or empty if none was
     * published with the board (V19 then fails if the polls are closed).
     */
    default Optional<byte[]> checkpoint() throws IOException {
      return Optional.empty();
    }
  }

  /** The election notice a record is checked against (V20): none, its JSON, or a file that cannot be read. */
  public sealed interface NoticeInput {
    /** No notice: V20 is not checked, and the report lists the trust checks not made. */
    record Absent() implements NoticeInput {}

    /** The notice's JSON object, decoded and checked by V20. */
    record Given(JsonObject json) implements NoticeInput {}

    /** A notice file that exists but cannot be read: V20 fails with {@code reason}. */
    record Unreadable(String reason) implements NoticeInput {}

    NoticeInput ABSENT = new Absent();
  }

  /**
   * The record's parts as JSON; tally, shares and result are absent before the tally. {@code unreadable} maps a
   * tally file that exists but could not be parsed to the reason, so the step it feeds fails with it.
   */
  public record Input(JsonObject election, BoardSource board, Optional<JsonObject> tally, List<JsonObject> shares,
      Optional<JsonObject> result, Map<TallyFile, String> unreadable, TranscriptFile transcript,
      NoticeInput notice, MixRecord mixes) {
    public Input {
      java.util.Objects.requireNonNull(mixes, "mixes");
      shares = List.copyOf(shares);
      unreadable = Map.copyOf(unreadable);
      if (transcript == null) {
        throw new IllegalArgumentException("say whether the record has a ceremony transcript");
      }
      java.util.Objects.requireNonNull(notice, "notice");
    }

    /** A record without the mix cascade's files. */
    public Input(JsonObject election, BoardSource board, Optional<JsonObject> tally, List<JsonObject> shares,
        Optional<JsonObject> result, Map<TallyFile, String> unreadable, TranscriptFile transcript,
        NoticeInput notice) {
      this(election, board, tally, shares, result, unreadable, transcript, notice, MixRecord.ABSENT);
    }

    /** A record without a ceremony transcript and without a notice. */
    public Input(JsonObject election, BoardSource board, Optional<JsonObject> tally, List<JsonObject> shares,
        Optional<JsonObject> result, Map<TallyFile, String> unreadable) {
      this(election, board, tally, shares, result, unreadable, TranscriptFile.ABSENT, NoticeInput.ABSENT);
    }

    public Input(JsonObject election, BoardSource board, Optional<JsonObject> tally, List<JsonObject> shares,
        Optional<JsonObject> result) {
      this(election, board, tally, shares, result, Map.of());
    }

    /** This input with {@code transcript} as its ceremony transcript. */
    public Input withTranscript(TranscriptFile file) {
      return new Input(election, board, tally, shares, result, unreadable, file, notice, mixes);
    }

    /** This input with {@code record} as its mix cascade's files. */
    public Input withMixes(MixRecord record) {
      return new Input(election, board, tally, shares, result, unreadable, transcript, notice, record);
    }

    /** True if the record claims to be final: it has tally files (readable or not). */
    boolean hasTally() {
      return tally.isPresent() || !unreadable.isEmpty();
    }
  }

  /** A report for an election file that cannot be read at all: V1 fails, nothing else runs. */
  public static VerificationReport unreadableElection(String reason) {
    StepLog log = new StepLog();
    log.step(Step.V1_PARAMETERS).fail("election.json", reason);
    log.allNotRunExcept(Step.V1_PARAMETERS, "election.json cannot be read");
    return log.report();
  }

  public VerificationReport verify(Input input) {
    return verifyBoard(input.election(), input.board(), input.notice()).withTally(input);
  }

  /** {@link #verifyBoard(JsonObject, BoardSource, NoticeInput)} without an election notice. */
  public BoardCheck verifyBoard(JsonObject election, BoardSource board) {
    return verifyBoard(election, board, NoticeInput.ABSENT);
  }

  /**
   * Steps V1–V13, V19 and V20 over an election, its board and checkpoint, and the election notice, in one pass,
   * keeping what the pass computed — the encrypted sum of the cast ballots — so a tally can be formed and its files
   * checked (V14–V17) without reading the board again.
   */
  public BoardCheck verifyBoard(JsonObject election, BoardSource board, NoticeInput notice) {
    StepLog log = new StepLog();
    Optional<ElectionConfig> config = ElectionChecks.run(election, log);
    if (config.isEmpty()) {
      return new BoardCheck(null, null, null, null, log);
    }
    MixInput mixInput = new MixInput(config.get().manifest());
    try (BoardPass pass = new BoardPass(config.get(), random, threads, progress, log, mixInput)) {
      try {
        board.forEachEntry(pass::accept);
      } catch (java.nio.file.NoSuchFileException e) {
        log.step(Step.V5_BOARD_CHAIN).fail("board", "the board file " + e.getFile() + " does not exist");
        boardMissing(log, "there is no board file");
      } catch (IOException | InvalidFieldException e) {
        log.step(Step.V5_BOARD_CHAIN).fail("board", "cannot be read: " + e.getMessage());
        boardMissing(log, "the board file cannot be read");
      }
      pass.finish(board.heads());
      Optional<byte[]> checkpoint;
      try {
        checkpoint = board.checkpoint();
      } catch (IOException | InvalidFieldException e) {
        log.step(Step.V19_BOARD_CHECKPOINT).fail(CheckpointCheck.OBJECT, "cannot be read: " + e.getMessage());
        checkpoint = null;
      }
      pass.finishCheckpoint(checkpoint, notice);
      return new BoardCheck(config.get(), pass.state(), pass.castSum(), mixInput, log);
    }
  }

  /**
   * The steps over the board when the board file is missing or cannot be read to its end: never PASS, as what they
   * check was not (all) read. A step that already failed stays failed.
   */
  private static void boardMissing(StepLog log, String why) {
    log.notRun(why, Step.V6_SIGNED_HEADS, Step.V7_BOARD_SEQUENCE, Step.V8_BALLOT_STRUCTURE,
        Step.V9_SELECTION_PROOFS, Step.V10_CONTEST_PROOFS, Step.V11_CONFIRMATION_CODES, Step.V12_KIOSK_CHAINS,
        Step.V13_CHALLENGED_BALLOTS, Step.V14_ENCRYPTED_TALLY, Step.V15_DECRYPTION_SHARES, Step.V16_RESULT,
        Step.V17_TALLY_PUBLISHED, Step.V19_BOARD_CHECKPOINT, Step.V20_ELECTION_NOTICE, Step.V21_MIX_CASCADE,
        Step.V22_MIX_DECRYPTION, Step.V23_RANKED_COUNT);
  }

  /** The outcome of {@link #verifyBoard}: its report, the sum of the cast ballots, and the tally steps to come. */
  public final class BoardCheck {
    private static final Step[] TALLY_STEPS = {Step.V14_ENCRYPTED_TALLY, Step.V15_DECRYPTION_SHARES,
        Step.V16_RESULT, Step.V17_TALLY_PUBLISHED};
    private static final Step[] MIX_STEPS = {Step.V21_MIX_CASCADE, Step.V22_MIX_DECRYPTION,
        Step.V23_RANKED_COUNT};
    private final ElectionConfig config;
    private final BoardState board;
    private final EncryptedTally castSum;
    private final MixInput mixInput;
    private final StepLog log;
    private boolean tallyChecked;

    private BoardCheck(ElectionConfig config, BoardState board, EncryptedTally castSum, MixInput mixInput,
        StepLog log) {
      this.config = config;
      this.board = board;
      this.castSum = castSum;
      this.mixInput = mixInput;
      this.log = log;
    }

    /** V1–V13 (V14–V17 not applicable: no tally yet; V18 is checked with the whole record). */
    public VerificationReport report() {
      StepLog copy = log.copyOfNotApplicable();
      copy.notApplicableUnlessMarked("no tally in this record", TALLY_STEPS);
      copy.notApplicableUnlessMarked("not run: the ceremony transcript is checked with the whole record",
          Step.V18_CEREMONY_TRANSCRIPT);
      copy.notApplicableUnlessMarked(mixInput != null && mixInput.any() ? "no mix cascade in this record"
          : "no mixed contests in this election", MIX_STEPS);
      return copy.report();
    }

    /**
     * The cast ballots' rows of each mixed contest, in board order: the cascade's input (§13.5; meaningful only if
     * {@link #report()} is valid).
     */
    public MixInput mixInput() {
      if (config == null) {
        throw new IllegalStateException("the election could not be read");
      }
      return mixInput;
    }

    /** The homomorphic sum of the cast ballots on the board (meaningful only if {@link #report()} is valid). */
    public EncryptedTally castSum() {
      if (config == null) {
        throw new IllegalStateException("the election could not be read");
      }
      return castSum;
    }

    /** The number of challenged ballots on the board. */
    public long challenged() {
      return board == null ? 0 : board.challenged();
    }

    /**
     * The whole report once the tally files exist: V14–V17 against this pass, and V18 on the record's ceremony
     * transcript. Call at most once.
     */
    public VerificationReport withTally(Input input) {
      if (config == null) {
        return report();
      }
      if (tallyChecked) {
        throw new IllegalStateException("the tally was already checked against this board pass");
      }
      tallyChecked = true;
      transcript(input);
      input.unreadable().forEach((file, reason) -> log.step(file.step()).fail(file.fileName(), reason));
      if (!input.unreadable().isEmpty()) {
        log.notRun("a tally file cannot be read", Step.V17_TALLY_PUBLISHED);
      }
      if (input.tally().isEmpty() && input.unreadable().isEmpty()) {
        log.notApplicableUnlessMarked("no tally in this record", TALLY_STEPS);
      } else if (input.tally().isEmpty()) {
        log.notRun("a tally file cannot be read", TALLY_STEPS);
      } else {
        checkTally(input);
      }
      checkMixes(input);
      return log.report();
    }

    /**
     * V21–V23: n/a in an election without mixed contests, and in a record without a tally and without mix files;
     * a final record of an election with mixed contests needs the whole cascade, its decryption and the count.
     */
    private void checkMixes(Input input) {
      if (!mixInput.any()) {
        log.notApplicable("no mixed contests in this election", MIX_STEPS);
        return;
      }
      boolean finalRecord = input.hasTally() || board.tally().isPresent();
      if (!finalRecord && !input.mixes().any()) {
        log.notApplicable("no mix cascade in this record (required once it has a tally)", MIX_STEPS);
        return;
      }
      if (input.mixes().mixes().isEmpty()) {
        log.step(Step.V21_MIX_CASCADE).fail("mix cascade", "the election has mixed contests but the record has "
            + "no mix (each of k or more guardians runs tally mix)");
        log.notRun("there is no mix cascade", Step.V22_MIX_DECRYPTION, Step.V23_RANKED_COUNT);
        return;
      }
      Optional<List<MixList>> finalLists = MixCascadeCheck.run(config, mixInput, input.mixes().mixes(), random,
          threads, log.step(Step.V21_MIX_CASCADE));
      if (finalLists.isEmpty()) {
        log.notRun("the mix cascade does not verify (V21)", Step.V22_MIX_DECRYPTION, Step.V23_RANKED_COUNT);
        return;
      }
      Optional<List<DecodedList>> decoded = MixDecryptionCheck.run(config, finalLists.get(), input.mixes(), random,
          threads, log.step(Step.V22_MIX_DECRYPTION));
      if (decoded.isEmpty()) {
        log.notRun("the mixed lists' decryption does not verify (V22)", Step.V23_RANKED_COUNT);
        return;
      }
      RankedCountCheck.run(config, finalLists.get(), decoded.get(), input.mixes().rankedResult(),
          log.step(Step.V23_RANKED_COUNT));
    }

    /**
     * V18. A record without a transcript fails it if it claims to be final — it has tally files or the board has a
     * tally_published entry — and is otherwise n/a with a note (a board checked during the election).
     */
    private void transcript(Input input) {
      boolean finalRecord = input.hasTally() || board.tally().isPresent();
      if (input.transcript() instanceof TranscriptFile.Absent && !finalRecord) {
        log.notApplicable("no ceremony transcript in this record (required once it has a tally)",
            Step.V18_CEREMONY_TRANSCRIPT);
        return;
      }
      TranscriptCheck.run(config, input.transcript(), log.step(Step.V18_CEREMONY_TRANSCRIPT));
    }

    /** V14–V17. */
    private void checkTally(Input input) {
      Optional<EncryptedTally> tally = EncryptedTallyCheck.run(input.tally().get(), board, castSum, log);
      if (tally.isEmpty()) {
        return;
      }
      VerificationReport.Recorder v15 = log.step(Step.V15_DECRYPTION_SHARES);
      List<DecryptionShare> shares = SharesCheck.run(config, tally.get(), input.shares(), random, v15);

      VerificationReport.Recorder v16 = log.step(Step.V16_RESULT);
      v16.checked(1);
      if (input.result().isEmpty()) {
        if (!input.unreadable().containsKey(TallyFile.RESULT)) {
          v16.fail(TallyFile.RESULT.fileName(), "missing");
        }
        log.notRun("result.json cannot be read", Step.V17_TALLY_PUBLISHED);
        return;
      }
      ElectionResult result;
      try {
        result = TallyJson.decodeResult(Fields.of(input.result().get(), "result"));
      } catch (InvalidFieldException e) {
        v16.fail(TallyFile.RESULT.fileName(), e.getMessage());
        log.notRun("result.json cannot be read", Step.V17_TALLY_PUBLISHED);
        return;
      }
      ResultCheck.run(result, board, tally.get(), shares, !v15.failed() && shares.size() >= config.quorum(), v16);

      if (!input.unreadable().isEmpty()) {
        return;
      }
      if (board.tally().isEmpty()) {
        log.notChecked("the board has no tally entry yet (nothing to compare the tally files with)",
            Step.V17_TALLY_PUBLISHED);
        return;
      }
      PublishedTallyCheck.run(board.tally().get(), input.tally().get(), input.shares(), input.result().get(),
          log.step(Step.V17_TALLY_PUBLISHED));
    }
  }
}
