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
import org.evote.crypto.verify.RecordVerifier;
import org.evote.crypto.verify.TallyFile;
import org.evote.crypto.verify.TranscriptFile;
import org.evote.crypto.verify.VerificationReport;

/**
 * The published election record as a directory (protocol §10.2): {@code election.json}, {@code board.json},
 * {@code ceremony_transcript.json}, and after the tally {@code encrypted_tally.json}, {@code decryption_shares.json}
 * and {@code result.json}.
 */
public final class RecordFiles {
  public static final String ELECTION = "election.json";
  public static final String BOARD = "board.json";
  public static final String TALLY = TallyFile.ENCRYPTED_TALLY.fileName();
  public static final String SHARES = TallyFile.DECRYPTION_SHARES.fileName();
  public static final String RESULT = TallyFile.RESULT.fileName();
  /** The key ceremony's public transcript (§10.2, V18). */
  public static final String TRANSCRIPT = TranscriptFile.NAME;

  private RecordFiles() {}

  /** Verifies the record in {@code dir}; a missing or unreadable file fails the step it belongs to. */
  public static VerificationReport verify(Path dir, SecureRandom random, int threads, LongConsumer progress)
      throws IOException {
    return verify(dir.resolve(ELECTION), dir.resolve(BOARD), dir, random, threads, progress);
  }

  /**
   * Verifies an election file and a board file, plus the tally files if {@code tallyDir} holds them. Never throws
   * for bad content: an unreadable file fails the step it feeds. Throws only if a file cannot be read at all.
   */
  public static VerificationReport verify(Path election, Path board, Path tallyDir, SecureRandom random, int threads,
      LongConsumer progress) throws IOException {
    JsonObject electionJson;
    try {
      electionJson = JsonText.readObject(election);
    } catch (InvalidFieldException e) {
      return RecordVerifier.unreadableElection(e.getMessage());
    }
    return new RecordVerifier(random, threads, progress).verify(tallyInput(electionJson, BoardFile.open(board),
        tallyDir));
  }

  /**
   * V1–V13 over an election and board file in one pass, keeping the encrypted sum of the cast ballots for the
   * tally; {@link #verifyTally} then checks the tally files written from it without a second pass.
   */
  public static RecordVerifier.BoardCheck verifyBoard(JsonObject electionJson, Path board, SecureRandom random,
      int threads, LongConsumer progress) {
    return new RecordVerifier(random, threads, progress).verifyBoard(electionJson, BoardFile.open(board));
  }

  /** Every step, the tally steps V14–V17 checked on the files in {@code tallyDir} against {@code board}'s pass. */
  public static VerificationReport verifyTally(RecordVerifier.BoardCheck board, JsonObject electionJson,
      Path boardFile, Path tallyDir) throws IOException {
    return board.withTally(tallyInput(electionJson, BoardFile.open(boardFile), tallyDir));
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
    return new RecordVerifier.Input(electionJson, board, tally, shares, result, unreadable, transcript(tallyDir));
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
