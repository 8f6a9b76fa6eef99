package org.evote.crypto.note;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.evote.crypto.InvalidFieldException;

/**
 * A signed note (c2sp.org/signed-note): a UTF-8 text ending in a newline, a blank line, and one or more signature
 * lines. Parsing costs linear work in the size and is bounded ({@link #MAX_BYTES}, {@link #MAX_SIGNATURES});
 * no signature is checked until {@link #verify} is asked with the keys the caller trusts.
 */
public record SignedNote(String text, List<NoteSignature> signatures) {
  /** The largest note accepted: room for 16 ML-DSA-44 cosignatures and more. */
  public static final int MAX_BYTES = 128 * 1024;
  /** The most signature lines accepted (the specification requires at least 16). */
  public static final int MAX_SIGNATURES = 64;

  public SignedNote {
    if (text == null || text.isEmpty() || !text.endsWith("\n")) {
      throw new InvalidFieldException("note.text", "a note text is non-empty and ends in a newline");
    }
    NoteText.requireNoControlCharacters(text, "note.text");
    signatures = List.copyOf(signatures);
    if (signatures.size() > MAX_SIGNATURES) {
      throw new InvalidFieldException("note.signatures", "more than " + MAX_SIGNATURES + " signatures");
    }
  }

  /** Parses a note from its bytes (strict UTF-8), naming the offending part on failure. */
  public static SignedNote parse(byte[] bytes) {
    if (bytes.length > MAX_BYTES) {
      throw new InvalidFieldException("note", "larger than " + MAX_BYTES + " bytes");
    }
    return parse(NoteText.utf8(bytes, "note"));
  }

  /** Parses a note, naming the offending part on failure. */
  public static SignedNote parse(String note) {
    if (note.length() > MAX_BYTES) {
      throw new InvalidFieldException("note", "larger than " + MAX_BYTES + " bytes");
    }
    NoteText.requireNoControlCharacters(note, "note");
    int blank = note.lastIndexOf("\n\n");
    if (blank < 0) {
      throw new InvalidFieldException("note", "no blank line separates the text from the signatures");
    }
    String text = note.substring(0, blank + 1);
    String sigs = note.substring(blank + 2);
    if (sigs.isEmpty() || !sigs.endsWith("\n")) {
      throw new InvalidFieldException("note.signatures", "one or more signature lines, each ending in a newline");
    }
    List<NoteSignature> lines = parseSignatureLines(sigs, "note.signatures");
    return new SignedNote(text, lines);
  }

  /**
   * Parses a sequence of signature lines, each ending in a newline (a witness's add-checkpoint answer,
   * c2sp.org/tlog-witness), naming {@code field}.
   */
  public static List<NoteSignature> parseSignatureLines(String lines, String field) {
    if (lines.length() > MAX_BYTES) {
      throw new InvalidFieldException(field, "larger than " + MAX_BYTES + " bytes");
    }
    if (lines.isEmpty() || !lines.endsWith("\n")) {
      throw new InvalidFieldException(field, "one or more signature lines, each ending in a newline");
    }
    NoteText.requireNoControlCharacters(lines, field);
    List<NoteSignature> out = new ArrayList<>();
    int start = 0;
    while (start < lines.length()) {
      int end = lines.indexOf('\n', start);
      if (out.size() == MAX_SIGNATURES) {
        throw new InvalidFieldException(field, "more than " + MAX_SIGNATURES + " signatures");
      }
      out.add(NoteSignature.parseLine(lines.substring(start, end), field + "[" + out.size() + "]"));
      start = end + 1;
    }
    return out;
  }

  /** The note as text: the text, a blank line, the signature lines. */
  public String format() {
    StringBuilder b = new StringBuilder(text).append('\n');
    for (NoteSignature s : signatures) {
      b.append(s.line());
    }
    return b.toString();
  }

  /** The note's UTF-8 bytes. */
  public byte[] bytes() {
    return format().getBytes(StandardCharsets.UTF_8);
  }

  /** The same text with {@code more} signature lines appended (lines already present are not repeated). */
  public SignedNote withSignatures(Collection<NoteSignature> more) {
    List<NoteSignature> all = new ArrayList<>(signatures);
    for (NoteSignature s : more) {
      if (!all.contains(s)) {
        all.add(s);
      }
    }
    return new SignedNote(text, all);
  }

  /**
   * Checks the note against the keys the caller trusts (c2sp.org/signed-note): lines of unknown keys are ignored;
   * every line naming a known key (same name and key ID) must verify; at least one must.
   */
  public NoteVerification verify(Collection<VerifierKey> trusted) {
    List<VerifierKey> verified = new ArrayList<>();
    for (NoteSignature s : signatures) {
      for (VerifierKey k : trusted) {
        if (k.matches(s)) {
          if (!k.verifies(text, s.signature())) {
            return new NoteVerification.BadSignature(k);
          }
          if (!verified.contains(k)) {
            verified.add(k);
          }
        }
      }
    }
    return verified.isEmpty() ? new NoteVerification.NoKnownSignature() : new NoteVerification.Verified(verified);
  }
}
