package org.evote.crypto.record;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.json.Fields;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.verify.MixRecord;
import org.evote.crypto.verify.RecordVerifier;
import org.evote.crypto.verify.TallyFile;
import org.evote.crypto.verify.TranscriptFile;
import org.evote.crypto.verify.VerificationReport;

/**
 * The published election record as a directory (protocol §10.2): {@code election.json}, {@code board.json},
 * {@code ceremony_transcript.json}, {@code checkpoint.txt} once the polls are closed, and after the tally
 * {@code encrypted_tally.json}, {@code decryption_shares.json} and {@code result.json}.
 */
public final class RecordFiles {
  public static final String ELECTION = "election.json";
  public static final String BOARD = "board.json";
  /** The board's final checkpoint (§9.8), the signed note as {@code GET /checkpoint} serves it. */
  public static final String CHECKPOINT = "checkpoint.txt";
  public static final String TALLY = TallyFile.ENCRYPTED_TALLY.fileName();
  public static final String SHARES = TallyFile.DECRYPTION_SHARES.fileName();
  public static final String RESULT = TallyFile.RESULT.fileName();
  /** The key ceremony's public transcript (§10.2, V18). */
  public static final String TRANSCRIPT = TranscriptFile.NAME;
  /** The guardians' partial decryptions of the final mixed lists with their proofs (§10.2, V22). */
  public static final String MIX_DECRYPTION = "mix_decryption.json";
  /** The decrypted rows of the mixed contests, the anonymized cast-vote records (§10.2, V22). */
  public static final String MIXED_BALLOTS = "mixed_ballots.json";
  /** The instant-runoff rounds and the write-in lists (§10.2, V23). */
  public static final String RANKED_RESULT = "ranked_result.json";

  private RecordFiles() {}

  /** The mix file of cascade position {@code p}: {@code mix-<p>.json}. */
  public static String mixFile(int position) {
    return MixRecord.fileName(position);
  }

  /**
   * The mix cascade's files in {@code dir} (null: none): every {@code mix-<p>.json} in the order of p, and the
   * decryption, decrypted rows and count files; each read only when its step needs it.
   */
  public static MixRecord mixes(Path dir) throws IOException {
    if (dir == null || !Files.isDirectory(dir)) {
      return MixRecord.ABSENT;
    }
    java.util.TreeMap<Integer, Path> mixes = new java.util.TreeMap<>();
    try (java.util.stream.Stream<Path> files = Files.list(dir)) {
      files.forEach(f -> {
        int p = MixRecord.position(f.getFileName().toString());
        if (p > 0) {
          mixes.put(p, f);
        }
      });
    }
    List<MixRecord.File> list = new ArrayList<>();
    mixes.values().forEach(f -> list.add(file(f)));
    return new MixRecord(list, file(dir.resolve(MIX_DECRYPTION)), file(dir.resolve(MIXED_BALLOTS)),
        file(dir.resolve(RANKED_RESULT)));
  }

  private static MixRecord.File file(Path f) {
    if (!Files.exists(f)) {
      return MixRecord.File.ABSENT;
    }
    return new MixRecord.Present(f.getFileName().toString(), () -> JsonText.readObject(f));
  }

  /** Verifies the record in {@code dir}; a missing or unreadable file fails the step it belongs to. */
  public static VerificationReport verify(Path dir, SecureRandom random, int threads, LongConsumer progress)
      throws IOException {
    return verify(dir, null, random, threads, progress);
  }

  /**
   * Verifies the record in {@code dir} against the election notice in {@code notice} (V20; {@code null}: none, V20
   * is not checked and the report lists the trust checks not made).
   */
  public static VerificationReport verify(Path dir, Path notice, SecureRandom random, int threads,
      LongConsumer progress) throws IOException {
    return verify(dir.resolve(ELECTION), BoardFile.open(dir.resolve(BOARD), dir.resolve(CHECKPOINT)), dir, notice,
        random, threads, progress);
  }

  /**
   * Verifies an election file and a board file, plus the tally files if {@code tallyDir} holds them. Never throws
   * for bad content: an unreadable file fails the step it feeds. Throws only if a file cannot be read at all.
   */
  public static VerificationReport verify(Path election, Path board, Path tallyDir, SecureRandom random, int threads,
      LongConsumer progress) throws IOException {
    return verify(election, BoardFile.open(board, checkpointBeside(board)), tallyDir, null, random, threads,
        progress);
  }

  /**
   * Verifies an election file, a board file with its checkpoint file ({@link BoardFile#open(Path, Path)}), the tally
   * files if {@code tallyDir} holds them, against the notice file {@code notice} if not null.
   */
  public static VerificationReport verify(Path election, BoardFile board, Path tallyDir, Path notice,
      SecureRandom random, int threads, LongConsumer progress) throws IOException {
    JsonObject electionJson;
    try {
      electionJson = JsonText.readObject(election);
    } catch (InvalidFieldException e) {
      return RecordVerifier.unreadableElection(e.getMessage());
    }
    RecordVerifier.Input in = tallyInput(electionJson, board, tallyDir);
    return new RecordVerifier(random, threads, progress).verify(new RecordVerifier.Input(in.election(), in.board(),
        in.tally(), in.shares(), in.result(), in.unreadable(), in.transcript(), notice(notice), in.mixes()));
  }

  /** The notice file as V20 takes it: absent ({@code null}), its JSON, or why it cannot be read. */
  public static RecordVerifier.NoticeInput notice(Path file) throws IOException {
    if (file == null) {
      return RecordVerifier.NoticeInput.ABSENT;
    }
    if (!Files.exists(file)) {
      return new RecordVerifier.NoticeInput.Unreadable(file.getFileName() + " does not exist");
    }
    try {
      return new RecordVerifier.NoticeInput.Given(JsonText.readObject(file));
    } catch (InvalidFieldException e) {
      return new RecordVerifier.NoticeInput.Unreadable(e.getMessage());
    }
  }

  /**
   * V1–V13 over an election and board file in one pass, keeping the encrypted sum of the cast ballots for the
   * tally; {@link #verifyTally} then checks the tally files written from it without a second pass.
   */
  public static RecordVerifier.BoardCheck verifyBoard(JsonObject electionJson, Path board, SecureRandom random,
      int threads, LongConsumer progress) {
    return verifyBoard(electionJson, BoardFile.open(board, checkpointBeside(board)), random, threads, progress);
  }

  /** {@link #verifyBoard(JsonObject, Path, SecureRandom, int, LongConsumer)} of a board file and its checkpoint. */
  public static RecordVerifier.BoardCheck verifyBoard(JsonObject electionJson, BoardFile board, SecureRandom random,
      int threads, LongConsumer progress) {
    return new RecordVerifier(random, threads, progress).verifyBoard(electionJson, board);
  }

  /**
   * Where a board file's checkpoint is looked for when none is named: {@link #CHECKPOINT} in the board file's
   * directory, as in a record and in what {@code tally fetch} downloads.
   */
  public static Path checkpointBeside(Path board) {
    Path dir = board.toAbsolutePath().getParent();
    return dir.resolve(CHECKPOINT);
  }

  /** Every step, the tally steps V14–V17 checked on the files in {@code tallyDir} against {@code board}'s pass. */
  public static VerificationReport verifyTally(RecordVerifier.BoardCheck board, JsonObject electionJson,
      Path boardFile, Path tallyDir) throws IOException {
    return board.withTally(tallyInput(electionJson, BoardFile.open(boardFile, checkpointBeside(boardFile)),
        tallyDir));
  }

  private static RecordVerifier.Input tallyInput(JsonObject electionJson, RecordVerifier.BoardSource board,
      Path tallyDir) throws IOException {
    Map<TallyFile, String> unreadable = new EnumMap<>(TallyFile.class);
    Optional<JsonObject> tally = optional(tallyDir, TallyFile.ENCRYPTED_TALLY, unreadable);
    Optional<JsonObject> result = optional(tallyDir, TallyFile.RESULT, unreadable);
    List<JsonObject> shares = new ArrayList<>();
    Optional<JsonObject> sharesFile = optional(tallyDir, TallyFile.DECRYPTION_SHARES, unreadable);
    try {
      if (sharesFile.isPresent()) {
        for (JsonValue v : Fields.of(sharesFile.get()).array("shares")) {
          if (v.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidFieldException("shares", "every share must be a JSON object");
          }
          shares.add(v.asJsonObject());
        }
      }
    } catch (InvalidFieldException e) {
      unreadable.put(TallyFile.DECRYPTION_SHARES, e.getMessage());
      shares.clear();
    }
    return new RecordVerifier.Input(electionJson, board, tally, shares, result, unreadable, transcript(tallyDir),
        RecordVerifier.NoticeInput.ABSENT, mixes(tallyDir));
  }

  /** The record's ceremony transcript: absent, unreadable (with why) or its JSON object. */
  private static TranscriptFile transcript(Path dir) throws IOException {
    try {
      return optional(dir == null ? null : dir.resolve(TRANSCRIPT)).<TranscriptFile>map(TranscriptFile.Present::new)
          .orElse(TranscriptFile.ABSENT);
    } catch (InvalidFieldException e) {
      return new TranscriptFile.Unreadable(e.getMessage());
    }
  }

  private static Optional<JsonObject> optional(Path dir, TallyFile file, Map<TallyFile, String> unreadable)
      throws IOException {
    Optional<JsonObject> o = Optional.empty();
    try {
      o = optional(dir == null ? null : dir.resolve(file.fileName()));
    } catch (InvalidFieldException e) {
      unreadable.put(file, e.getMessage());
    }
    return o;
  }

  private static Optional<JsonObject> optional(Path file) throws IOException {
    if (file == null || !Files.exists(file)) {
      return Optional.empty();
    }
    return Optional.of(JsonText.readObject(file));
  }
}
