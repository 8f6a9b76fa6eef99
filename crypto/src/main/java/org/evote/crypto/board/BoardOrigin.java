package org.evote.crypto.board;

import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.note.Checkpoint;
import org.evote.crypto.note.SignatureType;
import org.evote.crypto.note.VerifierKey;

/**
 * The origin line of the board's C2SP checkpoints (protocol §9.8): {@code <board name>/<hex H_E>}, naming the board
 * and the one election it records. It is also the key name of the board's note key, so a witness that trusts the
 * board's verifier key knows the origin.
 */
public record BoardOrigin(String boardName, Digest extendedHash) {
  /** Longest board name accepted. */
  public static final int MAX_NAME = 100;

  public BoardOrigin {
    if (boardName == null || boardName.isEmpty() || boardName.length() > MAX_NAME
        || !boardName.matches("[A-Za-z0-9._:-]+(/[A-Za-z0-9._:-]+)*")) {
      throw new InvalidFieldException("board_name", "1 to " + MAX_NAME
          + " characters of letters, digits, '.', '_', ':', '-', in '/'-separated parts");
    }
    if (extendedHash == null) {
      throw new InvalidFieldException("election_hash", "missing");
    }
  }

  /** The origin line. */
  public String origin() {
    return boardName + "/" + extendedHash.toHex();
  }

  /** The checkpoint of the board's first {@code size} entries, whose Merkle root (§9.3) is {@code root}. */
  public Checkpoint checkpoint(long size, Digest root) {
    return new Checkpoint(origin(), size, root);
  }

  /** Reads an origin line back, naming {@code field} when it is not {@code <board name>/<64 hex>}. */
  public static BoardOrigin parse(String origin, String field) {
    int slash = origin == null ? -1 : origin.lastIndexOf('/');
    if (slash <= 0) {
      throw new InvalidFieldException(field, "a board origin is <board name>/<hex H_E>");
    }
    try {
      return new BoardOrigin(origin.substring(0, slash), Digest.decode(origin.substring(slash + 1), field));
    } catch (InvalidFieldException e) {
      throw new InvalidFieldException(field, e.reason());
    }
  }

  /**
   * Checks that {@code key} can be the checkpoint key of the board of the election {@code extendedHash} (§9.1, §9.8):
   * an Ed25519 note key (type 0x01) whose name is a board origin naming that election. Returns the origin; names
   * {@code field} on failure.
   */
  public static BoardOrigin ofCheckpointKey(VerifierKey key, Digest extendedHash, String field) {
    if (key == null) {
      throw new InvalidFieldException(field, "missing");
    }
    if (key.type() != SignatureType.ED25519) {
      throw new InvalidFieldException(field, "the checkpoint key is an Ed25519 note key (signature type 0x01)");
    }
    BoardOrigin origin = parse(key.name(), field);
    if (!origin.extendedHash().equals(extendedHash)) {
      throw new InvalidFieldException(field, "its name names another election (" + key.name() + ")");
    }
    return origin;
  }
}
