package org.evote.crypto.verify;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.List;
import org.evote.crypto.InvalidFieldException;

/**
 * What a record holds of the mix cascade's files (§10.2): {@code mix-1.json} … {@code mix-m.json} in position
 * order, {@code mix_decryption.json}, {@code mixed_ballots.json} and {@code ranked_result.json}. Each file is read
 * only when its step needs it, so only the lists being compared are in memory at once.
 */
public record MixRecord(List<File> mixes, File decryption, File mixedBallots, File rankedResult) {
  public MixRecord {
    mixes = List.copyOf(mixes);
    java.util.Objects.requireNonNull(decryption, "decryption");
    java.util.Objects.requireNonNull(mixedBallots, "mixedBallots");
    java.util.Objects.requireNonNull(rankedResult, "rankedResult");
  }

  /** A record without any of these files. */
  public static final MixRecord ABSENT = new MixRecord(List.of(), File.ABSENT, File.ABSENT, File.ABSENT);

  /** The name of the mix file at cascade position {@code p}: {@code mix-<p>.json}, p in decimal, no leading 0. */
  public static String fileName(int position) {
    return "mix-" + position + ".json";
  }

  /** The position of a mix file's name, or 0 if the name is none. */
  public static int position(String fileName) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("mix-([1-9][0-9]{0,5})\\.json").matcher(fileName);
    return m.matches() ? Integer.parseInt(m.group(1)) : 0;
  }

  /** True if the record has at least one of the files. */
  public boolean any() {
    return !mixes.isEmpty() || !(decryption instanceof Absent) || !(mixedBallots instanceof Absent)
        || !(rankedResult instanceof Absent);
  }

  /** Reads a file's JSON object when asked. */
  public interface Loader {
    JsonObject load() throws IOException;
  }

  /** One file: absent, or present under its name (read by {@link #read}). */
  public sealed interface File permits Absent, Present {
    File ABSENT = new Absent();
  }

  /** The record has no such file. */
  public record Absent() implements File {}

  /** The file {@code name}, read by {@code loader}. */
  public record Present(String name, Loader loader) implements File {
    /** Its JSON object; a file that is no JSON object (or cannot be read) throws with the reason. */
    public JsonObject read() {
      try {
        return loader.load();
      } catch (IOException e) {
        throw new InvalidFieldException(name, "cannot be read: " + e.getMessage());
      }
    }
  }
}
