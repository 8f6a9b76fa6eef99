package org.evote.crypto.note;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.evote.crypto.InvalidFieldException;

/**
 * One signature line of a signed note: {@code — <key name> base64(key ID || signature)} (c2sp.org/signed-note,
 * "Signatures"). {@link #signature()} is the bytes after the 4-byte key ID.
 */
public record NoteSignature(String keyName, int keyId, byte[] signature) {
  /** The em dash and space that start a signature line. */
  static final String PREFIX = "\u2014 ";

  public NoteSignature {
    NoteText.requireKeyName(keyName, "signature.key_name");
    if (signature == null || signature.length == 0) {
      throw new InvalidFieldException("signature", "a signature line carries a key ID and a signature");
    }
    signature = signature.clone();
  }

  /** Parses one line without its final newline, naming {@code field} on failure. */
  static NoteSignature parseLine(String line, String field) {
    if (!line.startsWith(PREFIX)) {
      throw new InvalidFieldException(field, "a signature line starts with an em dash (U+2014) and a space");
    }
    String rest = line.substring(PREFIX.length());
    int space = rest.indexOf(' ');
    if (space <= 0 || rest.indexOf(' ', space + 1) >= 0) {
      throw new InvalidFieldException(field, "a signature line is '\u2014 <key name> <base64 signature>'");
    }
    String name = rest.substring(0, space);
    try {
      NoteText.requireKeyName(name, field);
    } catch (InvalidFieldException e) {
      throw new InvalidFieldException(field, e.reason());
    }
    byte[] raw = NoteText.base64(rest.substring(space + 1), field);
    if (raw.length < 5) {
      throw new InvalidFieldException(field, "a signature holds a 4-byte key ID and at least one byte");
    }
    return new NoteSignature(name, ByteBuffer.wrap(raw, 0, 4).getInt(), Arrays.copyOfRange(raw, 4, raw.length));
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  /** The line, with its final newline. */
  public String line() {
    byte[] raw = ByteBuffer.allocate(4 + signature.length).putInt(keyId).put(signature).array();
    return PREFIX + keyName + " " + NoteText.base64(raw) + "\n";
  }

  /** For cosignature lines: the timestamp (the first 8 bytes of the timestamped_signature), or -1 if too short. */
  public long cosignatureTimestamp() {
    return signature.length < 8 ? -1 : ByteBuffer.wrap(signature, 0, 8).getLong();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NoteSignature s && s.line().equals(line());
  }

  @Override
  public int hashCode() {
    return line().hashCode();
  }

  @Override
  public String toString() {
    return line().strip();
  }
}
