package org.evote.crypto.ballot;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Optional;

/**
 * The rule for a write-in name (protocol §5.6): after {@link #normalize}, 1 … {@value #MAX_CHARACTERS} Unicode
 * characters (code points) and at most {@value #MAX_BYTES} bytes of UTF-8, in Unicode normalization form C, with no
 * control, format, surrogate or unassigned characters, no leading or trailing space and no two spaces in a row. The
 * kiosk, the ballot encoder and the decoder of mixed names all apply this one rule.
 */
public final class WriteInNames {
  /** At most this many characters (code points). */
  public static final int MAX_CHARACTERS = 40;
  /** At most this many bytes of UTF-8: what {@code WRITE_IN_POINTS} points carry (§5.6). */
  public static final int MAX_BYTES = 93;

  private WriteInNames() {}

  /** What a kiosk does to typed text before checking it: NFC, spaces of every kind folded to one, trimmed. */
  public static String normalize(String typed) {
    String nfc = Normalizer.normalize(typed, Normalizer.Form.NFC);
    StringBuilder out = new StringBuilder(nfc.length());
    boolean space = false;
    for (int i = 0; i < nfc.length(); ) {
      int cp = nfc.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        space = true;
        continue;
      }
      if (space && out.length() > 0) {
        out.append(' ');
      }
      space = false;
      out.appendCodePoint(cp);
    }
    return out.toString();
  }

  /** Why {@code name} is not a valid write-in name, or empty if it is. Never echoes the name. */
  public static Optional<String> problem(String name) {
    if (name == null || name.isEmpty()) {
      return Optional.of("a write-in name must not be empty");
    }
    if (!name.equals(normalize(name))) {
      return Optional.of("a write-in name must be in NFC with single spaces and no leading or trailing space");
    }
    int count = name.codePointCount(0, name.length());
    if (count > MAX_CHARACTERS) {
      return Optional.of("a write-in name has at most " + MAX_CHARACTERS + " characters, this one " + count);
    }
    int bytes = name.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_BYTES) {
      return Optional.of("a write-in name has at most " + MAX_BYTES + " bytes of UTF-8, this one " + bytes);
    }
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
          || type == Character.UNASSIGNED || type == Character.PRIVATE_USE || type == Character.LINE_SEPARATOR
          || type == Character.PARAGRAPH_SEPARATOR) {
        return Optional.of("a write-in name must not contain control, format or unassigned characters (U+"
            + String.format("%04X", cp) + ")");
      }
    }
    return Optional.empty();
  }

  /** True if {@link #problem} finds none. */
  public static boolean isValid(String name) {
    return problem(name).isEmpty();
  }
}
