package org.evote.witness;

import java.util.List;
import org.evote.crypto.note.NoteSignature;

/**
 * The answer to one {@code add-checkpoint} request (c2sp.org/tlog-witness): the witness cosigned it, or it refused it
 * with the status the specification names and a one-line reason.
 */
public sealed interface Outcome {
  /** The HTTP status of this outcome. */
  int status();

  /** One line for the client and the log. */
  String reason();

  /** 200: the checkpoint is consistent with everything seen before; the witness's cosignature lines. */
  record Cosigned(String origin, long size, List<NoteSignature> cosignatures) implements Outcome {
    public Cosigned {
      cosignatures = List.copyOf(cosignatures);
    }

    @Override
    public int status() {
      return 200;
    }

    @Override
    public String reason() {
      return "cosigned " + origin + " at size " + size;
    }
  }

  /** 400: the body does not parse, or the old size is larger than the checkpoint's. */
  record Malformed(String reason) implements Outcome {
    @Override
    public int status() {
      return 400;
    }
  }

  /** 403: no signature of a trusted key for the origin, or a trusted key's signature fails to verify. */
  record Forbidden(String reason) implements Outcome {
    @Override
    public int status() {
      return 403;
    }
  }

  /** 404: the witness trusts no log of this origin. */
  record UnknownOrigin(String reason) implements Outcome {
    @Override
    public int status() {
      return 404;
    }
  }

  /** 409: the old size is not the size of the latest checkpoint cosigned for the origin, {@code latestSize}. */
  record StaleOldSize(long latestSize) implements Outcome {
    @Override
    public int status() {
      return 409;
    }

    @Override
    public String reason() {
      return "the latest cosigned size is " + latestSize;
    }
  }

  /**
   * 422: the checkpoint is validly signed by the log but not consistent with what the witness cosigned before (or
   * the empty tree has another root); kept as evidence, never cosigned.
   */
  record Inconsistent(String reason) implements Outcome {
    @Override
    public int status() {
      return 422;
    }
  }
}
