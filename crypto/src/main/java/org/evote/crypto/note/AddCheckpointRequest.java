package org.evote.crypto.note;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.hash.Digest;

/**
 * The body of a C2SP tlog-witness {@code add-checkpoint} request: {@code old <size>}, zero to 63 base64 consistency
 * proof lines, an empty line, and the signed checkpoint. Parsing is strict and bounded (the signed checkpoint too:
 * {@link #MAX_CHECKPOINT_BYTES}, {@link #MAX_CHECKPOINT_SIGNATURES}); a body that does not parse is a "400 Bad
 * Request".
 */
public record AddCheckpointRequest(long oldSize, List<Digest> consistencyProof, SignedNote checkpoint) {
  /** The most proof lines a client may send. */
  public static final int MAX_PROOF_LINES = 63;
  /** The largest body accepted: the largest signed note, and room for the old size and proof lines. */
  public static final int MAX_BODY_BYTES = SignedNote.MAX_BYTES + 8 * 1024;
  /**
   * The largest signed checkpoint a request may carry (protocol §9.9, step 1): 8 KiB less than the largest note, the
   * room a witness's two cosignature lines need (at most 3,870 bytes with a 255-byte name), so that the note a
   * witness serves — the checkpoint, the log's lines and its cosignatures — is always a note monitors can read.
   */
  public static final int MAX_CHECKPOINT_BYTES = SignedNote.MAX_BYTES - 8 * 1024;
  /** The most signature lines the signed checkpoint may carry: room for a witness's two cosignature lines. */
  public static final int MAX_CHECKPOINT_SIGNATURES = SignedNote.MAX_SIGNATURES - 2;

  public AddCheckpointRequest {
    if (oldSize < 0) {
      throw new InvalidFieldException("old", "must not be negative");
    }
    consistencyProof = List.copyOf(consistencyProof);
    if (consistencyProof.size() > MAX_PROOF_LINES) {
      throw new InvalidFieldException("proof", "more than " + MAX_PROOF_LINES + " consistency proof lines");
    }
  }

  /** Parses a request body (strict UTF-8), naming the offending part on failure. */
  public static AddCheckpointRequest parse(byte[] body) {
    if (body.length > MAX_BODY_BYTES) {
      throw new InvalidFieldException("body", "larger than the largest request accepted");
    }
    String s = NoteText.utf8(body, "body");
    int nl = s.indexOf('\n');
    if (nl < 0 || !s.startsWith("old ")) {
      throw new InvalidFieldException("old", "the first line is 'old <size>'");
    }
    long old = NoteText.decimal(s.substring(4, nl), "old");
    List<Digest> proof = new ArrayList<>();
    int start = nl + 1;
    while (true) {
      int end = s.indexOf('\n', start);
      if (end < 0) {
        throw new InvalidFieldException("proof", "an empty line must follow the consistency proof");
      }
      if (end == start) {
        start = end + 1;
        break;
      }
      if (proof.size() == MAX_PROOF_LINES) {
        throw new InvalidFieldException("proof", "more than " + MAX_PROOF_LINES + " consistency proof lines");
      }
      byte[] h = NoteText.base64(s.substring(start, end), "proof[" + proof.size() + "]");
      if (h.length != Digest.BYTES) {
        throw new InvalidFieldException("proof[" + proof.size() + "]", "a hash has 32 bytes");
      }
      proof.add(Digest.of(h));
      start = end + 1;
    }
    String note = s.substring(start);
    if (note.getBytes(StandardCharsets.UTF_8).length > MAX_CHECKPOINT_BYTES) {
      throw new InvalidFieldException("checkpoint", "a signed checkpoint has at most " + MAX_CHECKPOINT_BYTES
          + " bytes, to leave room for the witness's cosignatures");
    }
    SignedNote checkpoint = SignedNote.parse(note);
    if (checkpoint.signatures().size() > MAX_CHECKPOINT_SIGNATURES) {
      throw new InvalidFieldException("checkpoint", "a signed checkpoint has at most " + MAX_CHECKPOINT_SIGNATURES
          + " signature lines, to leave room for the witness's cosignatures");
    }
    return new AddCheckpointRequest(old, proof, checkpoint);
  }

  /** The request body. */
  public byte[] body() {
    StringBuilder b = new StringBuilder("old ").append(oldSize).append('\n');
    for (Digest d : consistencyProof) {
      b.append(Base64.getEncoder().encodeToString(d.toBytes())).append('\n');
    }
    b.append('\n').append(checkpoint.format());
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }
}
