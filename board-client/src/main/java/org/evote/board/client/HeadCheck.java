package org.evote.board.client;

import java.util.Objects;
import java.util.Optional;
import org.evote.crypto.board.ConsistencyProof;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.board.SignedHead;
import org.evote.crypto.hash.Digest;

/**
 * An observer's check of a signed head it is shown against the latest head it believed (protocol §9.7, checks 6
 * to 8): the shown head verifies under the pinned board key (§9.4), and the board proves with an RFC 9162
 * consistency proof (§9.3) that the tree of the kept head is a prefix of the tree of the newer one. A kiosk runs
 * it on every receipt's head and on the board's latest head when it polls; a head that fails is not believed (the
 * kept head stays) and raises the poll workers' alarm.
 *
 * <p>Security guarantees: a chain of {@link Consistent} results from the first head believed to the kept one
 * means every head believed extends every earlier one — a board that rolled back (lost its tail) or shows this
 * observer a history other than the one it showed before cannot produce one; the kept head and the failing head,
 * both signed by the board key, are then a non-repudiable proof of the split view. Never throws on hostile input;
 * an unreachable board is {@link BoardUnavailableException} (no verdict: ask again later).
 */
public final class HeadCheck {
  private final Digest extendedHash;
  private final Ed25519.PublicKey boardKey;

  /** Which check a head failed. */
  public enum Failure {
    /** The head does not verify under the pinned board key. */
    HEAD_SIGNATURE,
    /** The board's latest head is smaller than the head kept: it lost entries it had signed. */
    ROLLED_BACK,
    /** A head of the kept head's size with another Merkle root or head hash: two histories. */
    FORKED,
    /** The board did not give a consistency proof between the two heads (it refused, or gave one for other sizes). */
    NO_CONSISTENCY_PROOF,
    /** The consistency proof does not verify: the kept head's tree is not a prefix of the other's. */
    CONSISTENCY_PROOF
  }

  /** What a head claims to be: whether a smaller head than the kept one is a rollback or just an older head. */
  public enum Shown {
    /** The board's latest head ({@code GET /api/board/head}, {@code /api/status}): it must not be smaller. */
    LATEST,
    /**
     * A head the board signed at some time, e.g. in a receipt (an identical retry returns the original receipt):
     * a smaller one must be proven a prefix of the kept head.
     */
    ANY
  }

  /** The outcome of {@link #check}: {@link Consistent} or {@link Invalid}. */
  public sealed interface Result permits Consistent, Invalid {}

  /**
   * The shown head is consistent with the kept one. Only {@link HeadCheck} makes one: the kiosk's store keeps a
   * head only from this.
   */
  public static final class Consistent implements Result {
    private final SignedHead head;
    private final boolean advanced;

    private Consistent(SignedHead head, boolean advanced) {
      this.head = head;
      this.advanced = advanced;
    }

    /** The head to keep from now on: the shown one if {@link #advanced}, else the one kept before. */
    public SignedHead head() {
      return head;
    }

    /** True if the shown head is newer than the kept one (or the first one believed) and replaces it. */
    public boolean advanced() {
      return advanced;
    }

    @Override
    public String toString() {
      return "Consistent[size " + head.size() + (advanced ? ", advanced]" : "]");
    }
  }

  /** The shown head failed {@code failure}; {@code reason} says how (for logs and the poll workers). */
  public record Invalid(Failure failure, String reason) implements Result {
    public Invalid {
      Objects.requireNonNull(failure, "failure");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Checks heads of election {@code extendedHash} (H_E) against the pinned board key. */
  public HeadCheck(Digest extendedHash, Ed25519.PublicKey boardKey) {
    this.extendedHash = Objects.requireNonNull(extendedHash, "extendedHash");
    this.boardKey = Objects.requireNonNull(boardKey, "boardKey");
  }

  /**
   * Checks {@code shown} against {@code kept} (empty: no head believed yet), asking {@code board} for the
   * consistency proof when one is needed.
   *
   * @throws BoardUnavailableException if the board could not be asked (no answer, a 5xx): no verdict
   */
  public Result check(Optional<SignedHead> kept, SignedHead shown, Shown claim, BoardClient board)
      throws BoardUnavailableException, InterruptedException {
    Optional<long[]> needed = proofNeeded(kept, shown, claim);
    if (needed.isEmpty()) {
      return check(kept, shown, claim, Optional.empty());
    }
    long from = needed.get()[0];
    long to = needed.get()[1];
    try {
      return check(kept, shown, claim, Optional.of(board.consistencyProof(from, to)));
    } catch (BoardRefusedException e) {
      return new Invalid(Failure.NO_CONSISTENCY_PROOF, "the board refused a consistency proof from size " + from
          + " to " + to + ": " + e.code());
    } catch (BoardUnavailableException e) {
      if (e.status().isPresent() && e.status().getAsInt() == 200) {
        return new Invalid(Failure.CONSISTENCY_PROOF, "the board's consistency proof from size " + from + " to "
            + to + " cannot be read");
      }
      throw e;
    }
  }

  /**
   * The check itself, given the consistency proof the board gave ({@code proof}; empty if it gave none): needed
   * from the kept head's size to the shown one's when the shown head is larger, and from the shown head's size to
   * the kept one's when an {@link Shown#ANY} head is smaller.
   */
  public Result check(Optional<SignedHead> kept, SignedHead shown, Shown claim, Optional<ConsistencyProof> proof) {
    Objects.requireNonNull(kept, "kept");
    Objects.requireNonNull(shown, "shown");
    Objects.requireNonNull(claim, "claim");
    Objects.requireNonNull(proof, "proof");
    if (!shown.signatureValid(extendedHash, boardKey)) {
      return new Invalid(Failure.HEAD_SIGNATURE, "the head of size " + shown.size()
          + " is not signed by the board key " + boardKey.hex());
    }
    if (kept.isEmpty()) {
      return new Consistent(shown, true);
    }
    SignedHead k = kept.get();
    if (shown.size() == k.size()) {
      if (!shown.merkleRoot().equals(k.merkleRoot()) || !shown.headHash().equals(k.headHash())) {
        return new Invalid(Failure.FORKED, "the board signed two heads of size " + k.size()
            + " with different roots (" + k.merkleRoot().toHex() + " kept, " + shown.merkleRoot().toHex()
            + " shown)");
      }
      return new Consistent(k, false);
    }
    if (shown.size() < k.size() && claim == Shown.LATEST) {
      return new Invalid(Failure.ROLLED_BACK, "the board's latest head has " + shown.size()
          + " entries, fewer than the " + k.size() + " of a head it signed before");
    }
    SignedHead small = shown.size() < k.size() ? shown : k;
    SignedHead large = shown.size() < k.size() ? k : shown;
    if (proof.isEmpty()) {
      return new Invalid(Failure.NO_CONSISTENCY_PROOF, "the board gave no consistency proof from size "
          + small.size() + " to " + large.size());
    }
    ConsistencyProof p = proof.get();
    if (p.first() != small.size() || p.second() != large.size()) {
      return new Invalid(Failure.NO_CONSISTENCY_PROOF, "the board gave a consistency proof from size " + p.first()
          + " to " + p.second() + ", not from " + small.size() + " to " + large.size());
    }
    if (!p.verifies(small.merkleRoot(), large.merkleRoot())) {
      return new Invalid(Failure.CONSISTENCY_PROOF, "the consistency proof does not show the tree of "
          + small.size() + " entries to be a prefix of the tree of " + large.size());
    }
    return large == shown ? new Consistent(shown, true) : new Consistent(k, false);
  }

  /** The sizes {from, to} of the consistency proof {@link #check} needs, if any. */
  private Optional<long[]> proofNeeded(Optional<SignedHead> kept, SignedHead shown, Shown claim) {
    if (kept.isEmpty() || kept.get().size() == shown.size() || !shown.signatureValid(extendedHash, boardKey)) {
      return Optional.empty();
    }
    long k = kept.get().size();
    if (shown.size() > k) {
      return Optional.of(new long[] {k, shown.size()});
    }
    return claim == Shown.ANY ? Optional.of(new long[] {shown.size(), k}) : Optional.empty();
  }
}
