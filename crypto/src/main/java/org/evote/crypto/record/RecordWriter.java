package org.evote.crypto.record;

import jakarta.json.JsonArrayBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.evote.crypto.board.BoardEntry;
import org.evote.crypto.board.SignedHead;
import org.evote.crypto.ceremony.CeremonyTranscript;
import org.evote.crypto.decrypt.DecryptionShare;
import org.evote.crypto.decrypt.ElectionResult;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.json.CeremonyJson;
import org.evote.crypto.json.ElectionJson;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.json.TallyJson;
import org.evote.crypto.json.CountJson;
import org.evote.crypto.json.MixDecryptionJson;
import org.evote.crypto.json.MixFileJson;
import org.evote.crypto.json.MixedBallotsJson;
import org.evote.crypto.decrypt.MixDecryptionShare;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.decrypt.DecodedList;
import org.evote.crypto.mix.MixFile;
import org.evote.crypto.decrypt.MixedResults;
import org.evote.crypto.tally.EncryptedTally;

/** Writes the files of the election record (protocol §10.2) into a directory. */
public final class RecordWriter {
  private RecordWriter() {}

  /** election.json and board.json. */
  public static void writeElectionAndBoard(Path dir, ElectionConfig config, Iterable<BoardEntry> entries,
      List<SignedHead> heads) throws IOException {
    Files.createDirectories(dir);
    JsonText.write(dir.resolve(RecordFiles.ELECTION), ElectionJson.encode(config));
    BoardFile.write(dir.resolve(RecordFiles.BOARD), entries, heads);
  }

  /** ceremony_transcript.json: the key ceremony's public transcript (no secret is in it). */
  public static void writeTranscript(Path dir, CeremonyTranscript transcript) throws IOException {
    Files.createDirectories(dir);
    JsonText.write(dir.resolve(RecordFiles.TRANSCRIPT), CeremonyJson.encode(transcript));
  }

  /** checkpoint.txt: the board's final checkpoint as it serves it (§9.8), written atomically. */
  public static void writeCheckpoint(Path dir, org.evote.crypto.note.SignedNote checkpoint) throws IOException {
    Files.createDirectories(dir);
    Path target = dir.resolve(RecordFiles.CHECKPOINT);
    Path partial = Files.createTempFile(dir, RecordFiles.CHECKPOINT, ".part");
    try {
      Files.write(partial, checkpoint.bytes());
      Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  /** A mix file ({@code mix-<p>.json} in a record, or wherever {@code tally mix --out} names), written atomically. */
  public static void writeMix(Path file, MixFile mix) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path partial = Files.createTempFile(dir, file.getFileName().toString(), ".part");
    try {
      JsonText.write(partial, MixFileJson.encode(mix));
      Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  /**
   * The mix cascade's part of the record: {@code mix-<p>.json} for each mix, {@code mix_decryption.json},
   * {@code mixed_ballots.json} and {@code ranked_result.json}.
   */
  public static void writeMixes(Path dir, Manifest manifest, List<MixFile> mixes, List<MixDecryptionShare> shares,
      List<DecodedList> decoded, MixedResults.Counts counts) throws IOException {
    Files.createDirectories(dir);
    for (MixFile m : mixes) {
      writeMix(dir.resolve(RecordFiles.mixFile(m.position())), m);
    }
    JsonText.write(dir.resolve(RecordFiles.MIX_DECRYPTION), MixDecryptionJson.encode(shares));
    JsonText.write(dir.resolve(RecordFiles.MIXED_BALLOTS), MixedBallotsJson.encode(manifest, decoded));
    JsonText.write(dir.resolve(RecordFiles.RANKED_RESULT), CountJson.encode(counts.ranked(), counts.writeIns()));
  }

  /** encrypted_tally.json, decryption_shares.json and result.json. */
  public static void writeTally(Path dir, EncryptedTally tally, List<DecryptionShare> shares, ElectionResult result)
      throws IOException {
    Files.createDirectories(dir);
    JsonText.write(dir.resolve(RecordFiles.TALLY), TallyJson.encode(tally));
    JsonArrayBuilder arr = JsonText.array();
    shares.forEach(s -> arr.add(TallyJson.encode(s)));
    JsonText.write(dir.resolve(RecordFiles.SHARES), JsonText.object().add("shares", arr).build());
    JsonText.write(dir.resolve(RecordFiles.RESULT), TallyJson.encode(result));
  }
}
