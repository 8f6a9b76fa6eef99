package org.evote.launcher.election;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.evote.crypto.note.NoteSignature;
import org.evote.crypto.note.SignatureType;
import org.evote.crypto.note.SignedNote;
import org.evote.crypto.notice.ElectionNotice;
import org.evote.crypto.note.VerifierKey;

/**
 * A cosigned checkpoint as a person reads it (the demo's last look at the board): the note text, then each
 * signature line with whose key it is — the board's checkpoint key or a witness's cosignature key of the election
 * notice — and whether it verifies. Lines too long for a terminal (ML-DSA-44 cosignatures are about 3,300
 * characters) are shortened; the file holds them whole.
 */
public final class CheckpointView {
  /** The longest signature line shown whole. */
  static final int MAX_LINE = 200;

  private CheckpointView() {}

  /** The lines to print, without indentation. */
  public static List<String> lines(SignedNote note, ElectionNotice notice) {
    List<String> out = new ArrayList<>(List.of(note.text().split("\n")));
    out.add("");
    for (NoteSignature s : note.signatures()) {
      String line = s.line().strip();
      out.add(line.length() <= MAX_LINE ? line : line.substring(0, MAX_LINE - 20) + "… (" + line.length()
          + " characters)");
      out.add("    " + whose(s, note.text(), notice));
    }
    return out;
  }

  private static String whose(NoteSignature s, String text, ElectionNotice notice) {
    List<VerifierKey> keys = new ArrayList<>();
    keys.add(notice.checkpointKey());
    notice.witnesses().forEach(w -> keys.add(w.key()));
    for (VerifierKey k : keys) {
      if (k.matches(s)) {
        String verdict = k.verifies(text, s.signature()) ? "verifies" : "DOES NOT VERIFY";
        if (k.type() == SignatureType.ED25519) {
          return "the board's checkpoint key (Ed25519, type 0x01): " + verdict;
        }
        return "witness " + k.name() + ", " + (k.type() == SignatureType.COSIGNATURE_ED25519
            ? "Ed25519 cosignature (type 0x04)" : "ML-DSA-44 cosignature (type 0x06)") + " at "
            + Instant.ofEpochSecond(s.cosignatureTimestamp()) + ": " + verdict;
      }
    }
    return "a key not in the election notice (ignored)";
  }
}
