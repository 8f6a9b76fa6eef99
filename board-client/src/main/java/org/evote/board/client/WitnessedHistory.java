package org.evote.board.client;

import java.util.Objects;
import java.util.Optional;
import org.evote.crypto.board.ConsistencyProof;
import org.evote.crypto.board.InclusionProof;
import org.evote.crypto.board.SignedHead;
import org.evote.crypto.note.Checkpoint;
import org.evote.crypto.note.SignedNote;
import org.evote.crypto.note.WitnessPolicy;

/**
 * An observer's check that the history its witnesses hold the board to is the one it holds the board to (protocol
 * §9.7, "Audit with a notice"): the board's latest checkpoint ({@code GET /checkpoint}), once cosigned by the
 * notice's witness quorum ({@link WitnessPolicy}), must be consistent with the signed head the observer kept — the
 * same root at the same size, else an RFC 9162 consistency proof (§9.3) between the two sizes, in whichever
 * direction, from the board's consistency endpoint; and a ballot is <em>covered</em> when a receipt's
 * {@code cosigned_checkpoint} satisfies the policy and {@code cosigned_inclusion_proof} leads from the ballot's
 * entry to its root.
 *
 * <p>Security guarantees: with the receipt check (whose check 5 ties every believed head to the board's checkpoint
 * key) a {@link Consistent} result means the board cannot show the kiosks one history under its board key and the
 * witnesses another under its checkpoint key. A checkpoint below the quorum gives no verdict (cosigning lags; it is
 * asked again). Never throws on hostile input; an unreachable board is {@link BoardUnavailableException}.
 */
public final class WitnessedHistory {
  private final WitnessPolicy policy;

  /** Which check failed. */
  public enum Failure {
    /** The board's checkpoint is not signed by its checkpoint key (or names another log). */
    NOT_SIGNED_BY_BOARD,
    /** The quorum-cosigned checkpoint and the kept head are not of one history. */
    HISTORY_DIFFERS
  }

  /** The outcome of {@link #check}. */
  public sealed interface Result {
    /** The cosigned checkpoint and the kept head are of one history. */
    record Consistent(Checkpoint checkpoint) implements Result {}

    /** No verdict: the board has no checkpoint yet, or too few witnesses have cosigned it. */
    record NotWitnessed(String reason) implements Result {}

    /**
     * Failure {@code failure}; {@code reason} says how (English, for logs); {@code checkpoint} is the board's
     * checkpoint that failed, if it could be read (with the kept head, the evidence).
     */
    record Invalid(Failure failure, String reason, Optional<SignedNote> checkpoint) implements Result {
      public Invalid {
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(checkpoint, "checkpoint");
      }
    }
  }

  /** Whether a ballot is covered by a quorum-cosigned checkpoint. */
  public sealed interface Coverage {
    /** Covered by {@code checkpoint}. */
    record Covered(Checkpoint checkpoint) implements Coverage {}

    /** Not (yet) covered; {@code reason} says why (English). */
    record NotCovered(String reason) implements Coverage {}
  }

  /** Checks against {@code policy}: the board's checkpoint key and the notice's witnesses and quorum. */
  public WitnessedHistory(WitnessPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /**
   * Checks the board's latest checkpoint against {@code kept}, asking {@code board} for it and for the consistency
   * proof when one is needed.
   *
   * @throws BoardUnavailableException if the board could not be asked: no verdict
   */
  public Result check(SignedHead kept, BoardClient board)
      throws BoardRefusedException, BoardUnavailableException, InterruptedException {
    Optional<SignedNote> note;
    try {
      note = board.checkpoint();
    } catch (BoardUnavailableException e) {
      if (e.status().isPresent() && e.status().getAsInt() == 200) {
        return new Result.Invalid(Failure.NOT_SIGNED_BY_BOARD, "the board's checkpoint cannot be read",
            Optional.empty());
      }
      throw e;
    }
    if (note.isEmpty()) {
      return new Result.NotWitnessed("the board has no checkpoint");
    }
    WitnessPolicy.Result r = policy.check(note.get());
    if (!(r instanceof WitnessPolicy.Result.Satisfied s) || s.checkpoint().size() == kept.size()) {
      return check(kept, note.get(), Optional.empty());
    }
    Checkpoint cp = s.checkpoint();
    long from = Math.min(cp.size(), kept.size());
    long to = Math.max(cp.size(), kept.size());
    try {
      return check(kept, note.get(), Optional.of(board.consistencyProof(from, to)));
    } catch (BoardRefusedException e) {
      return new Result.Invalid(Failure.HISTORY_DIFFERS, "the board refused a consistency proof between the "
          + "witnessed checkpoint of " + cp.size() + " entries and the kept head of " + kept.size() + ": "
          + e.code(), note);
    } catch (BoardUnavailableException e) {
      if (e.status().isPresent() && e.status().getAsInt() == 200) {
        return new Result.Invalid(Failure.HISTORY_DIFFERS, "the board's consistency proof from size " + from
            + " to " + to + " cannot be read", note);
      }
      throw e;
    }
  }

  /**
   * The check itself, given the consistency proof the board gave between the checkpoint's size and the kept
   * head's ({@code proof}; empty if none): needed only when the sizes differ.
   */
  public Result check(SignedHead kept, SignedNote checkpoint, Optional<ConsistencyProof> proof) {
    Objects.requireNonNull(kept, "kept");
    Objects.requireNonNull(checkpoint, "checkpoint");
    Objects.requireNonNull(proof, "proof");
    WitnessPolicy.Result r = policy.check(checkpoint);
    if (r instanceof WitnessPolicy.Result.NotSignedByLog n) {
      return new Result.Invalid(Failure.NOT_SIGNED_BY_BOARD, "the board's checkpoint: " + n.reason(),
          Optional.of(checkpoint));
    }
    if (r instanceof WitnessPolicy.Result.BelowQuorum b) {
      return new Result.NotWitnessed("the checkpoint of " + b.checkpoint().size() + " entries has "
          + b.cosignedBy().size() + " valid cosignature(s); the quorum is " + b.quorum());
    }
    Checkpoint cp = ((WitnessPolicy.Result.Satisfied) r).checkpoint();
    if (cp.size() == kept.size()) {
      return cp.rootHash().equals(kept.merkleRoot()) ? new Result.Consistent(cp)
          : new Result.Invalid(Failure.HISTORY_DIFFERS, "the witnesses cosigned a tree of " + cp.size()
              + " entries with root " + cp.rootHash().toHex() + "; the kiosk's kept head of that size has root "
              + kept.merkleRoot().toHex(), Optional.of(checkpoint));
    }
    boolean witnessedSmaller = cp.size() < kept.size();
    long m = Math.min(cp.size(), kept.size());
    long n = Math.max(cp.size(), kept.size());
    if (proof.isEmpty()) {
      return new Result.Invalid(Failure.HISTORY_DIFFERS, "the board gave no consistency proof from size " + m
          + " to " + n, Optional.of(checkpoint));
    }
    ConsistencyProof p = proof.get();
    if (p.first() != m || p.second() != n) {
      return new Result.Invalid(Failure.HISTORY_DIFFERS, "the board gave a consistency proof from size "
          + p.first() + " to " + p.second() + ", not from " + m + " to " + n, Optional.of(checkpoint));
    }
    boolean ok = witnessedSmaller ? p.verifies(cp.rootHash(), kept.merkleRoot())
        : p.verifies(kept.merkleRoot(), cp.rootHash());
    return ok ? new Result.Consistent(cp) : new Result.Invalid(Failure.HISTORY_DIFFERS, "the tree of " + m
        + " entries the " + (witnessedSmaller ? "witnesses cosigned" : "kiosk kept")
        + " is not a prefix of the tree of " + n + " entries the " + (witnessedSmaller ? "kiosk kept"
            : "witnesses cosigned"), Optional.of(checkpoint));
  }

  /**
   * Whether {@code receipt} (a look-up receipt that passed {@link ReceiptCheck}) is covered by its
   * {@code cosigned_checkpoint}: the policy is satisfied and {@code cosigned_inclusion_proof} is for the receipt's
   * entry in that checkpoint's tree and verifies to its root.
   */
  public Coverage covers(BoardReceipt receipt) {
    Optional<BoardReceipt.CosignedCheckpoint> c;
    try {
      c = receipt.cosignedCheckpoint();
    } catch (RuntimeException e) {
      return new Coverage.NotCovered("its cosigned checkpoint cannot be read: " + e.getMessage());
    }
    if (c.isEmpty()) {
      return new Coverage.NotCovered("no cosigned checkpoint covers it yet");
    }
    WitnessPolicy.Result r = policy.check(c.get().checkpoint());
    if (!(r instanceof WitnessPolicy.Result.Satisfied s)) {
      return new Coverage.NotCovered("its cosigned checkpoint does not satisfy the witness policy: " + r);
    }
    Checkpoint cp = s.checkpoint();
    InclusionProof proof = c.get().inclusionProof();
    if (proof.index() != receipt.sequence() || proof.size() != cp.size()) {
      return new Coverage.NotCovered("the cosigned inclusion proof is for entry " + proof.index() + " of "
          + proof.size() + ", not entry " + receipt.sequence() + " of " + cp.size());
    }
    if (!proof.verifies(receipt.entryHash(), cp.rootHash())) {
      return new Coverage.NotCovered("the cosigned inclusion proof does not lead from entry " + receipt.sequence()
          + " to the cosigned checkpoint's root");
    }
    return new Coverage.Covered(cp);
  }
}
