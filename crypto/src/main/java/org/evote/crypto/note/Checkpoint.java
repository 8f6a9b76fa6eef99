package org.evote.crypto.note;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.hash.Digest;

/**
 * The text of a transparency-log checkpoint (c2sp.org/tlog-checkpoint, "Note text"): the origin, the tree size in
 * decimal, the base64 RFC 6962 root hash, and optional extension lines. {@link #parse} and {@link #text} are exact
 * inverses; the empty tree (size 0) must have the root SHA-256("").
 */
public record Checkpoint(String origin, long size, Digest rootHash, List<String> extensions) {
  /** The root of the empty tree, SHA-256 of the empty string. */
  public static final Digest EMPTY_ROOT = Digest.of(NoteText.sha256());

  public Checkpoint {
    if (origin == null || origin.isEmpty() || origin.indexOf('\n') >= 0) {
      throw new InvalidFieldException("checkpoint.origin", "a non-empty single line");
    }
    NoteText.requireNoControlCharacters(origin, "checkpoint.origin");
    if (size < 0) {
      throw new InvalidFieldException("checkpoint.size", "must not be negative");
    }
    if (rootHash == null) {
      throw new InvalidFieldException("checkpoint.root_hash", "missing");
    }
    if (size == 0 && !rootHash.equals(EMPTY_ROOT)) {
      throw new InvalidFieldException("checkpoint.root_hash", "the empty tree's root is SHA-256 of the empty string");
    }
    extensions = List.copyOf(extensions);
    for (int i = 0; i < extensions.size(); i++) {
      String e = extensions.get(i);
      if (e.isEmpty() || e.indexOf('\n') >= 0) {
        throw new InvalidFieldException("checkpoint.extensions[" + i + "]", "a non-empty single line");
      }
      NoteText.requireNoControlCharacters(e, "checkpoint.extensions[" + i + "]");
    }
  }

  /** A checkpoint without extension lines. */
  public Checkpoint(String origin, long size, Digest rootHash) {
    this(origin, size, rootHash, List.of());
  }

  /** Parses a note text as a checkpoint, naming the offending line on failure. */
  public static Checkpoint parse(String text) {
    if (!text.endsWith("\n")) {
      throw new InvalidFieldException("checkpoint", "the text ends in a newline");
    }
    String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
    if (lines.length < 3) {
      throw new InvalidFieldException("checkpoint", "at least three lines: origin, tree size, root hash");
    }
    long size = NoteText.decimal(lines[1], "checkpoint.size");
    byte[] root = NoteText.base64(lines[2], "checkpoint.root_hash");
    if (root.length != Digest.BYTES) {
      throw new InvalidFieldException("checkpoint.root_hash", "a root hash has 32 bytes");
    }
    List<String> ext = new ArrayList<>();
    for (int i = 3; i < lines.length; i++) {
      ext.add(lines[i]);
    }
    return new Checkpoint(lines[0], size, Digest.of(root), ext);
  }

  /**
   * True if {@code text} is a well-formed checkpoint text except that it claims the empty tree (size 0) with a root
   * other than SHA-256(""): {@link #parse} refuses it, and a witness answers it "422 Unprocessable Entity"
   * (c2sp.org/tlog-witness) rather than "400 Bad Request". Linear in the text's length.
   */
  public static boolean isEmptyTreeWithOtherRoot(String text) {
    if (!text.endsWith("\n")) {
      return false;
    }
    String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
    if (lines.length < 3 || !lines[1].equals("0")) {
      return false;
    }
    try {
      byte[] root = NoteText.base64(lines[2], "checkpoint.root_hash");
      if (root.length != Digest.BYTES || Digest.of(root).equals(EMPTY_ROOT)) {
        return false;
      }
      List<String> ext = new ArrayList<>();
      for (int i = 3; i < lines.length; i++) {
        ext.add(lines[i]);
      }
      new Checkpoint(lines[0], 0, EMPTY_ROOT, ext);
      return true;
    } catch (InvalidFieldException e) {
      return false;
    }
  }

  /** The note text, ending in a newline. */
  public String text() {
    StringBuilder b = new StringBuilder(origin).append('\n').append(size).append('\n')
        .append(Base64.getEncoder().encodeToString(rootHash.toBytes())).append('\n');
    for (String e : extensions) {
      b.append(e).append('\n');
    }
    return b.toString();
  }
}
