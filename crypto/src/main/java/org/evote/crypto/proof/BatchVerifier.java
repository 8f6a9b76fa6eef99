package org.evote.crypto.proof;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * Verifies many proofs at once (protocol §4.5) and names the ones that fail. Each proof is added with its statement
 * and a caller's label (what to call it in a report). {@link #verify} first rejects proofs whose shape, commitments
 * or challenges are wrong (no point arithmetic needed); if there are none, it checks the equations of all proofs as
 * one random linear combination Σ ρ_e·E_e (independent 128-bit weights ρ_e from the verifier's SecureRandom, one
 * multi-scalar multiplication) and, only if that fails, re-checks each proof on its own to name the failing ones.
 *
 * <p>Security guarantees: sound because P-256 has prime order (cofactor 1); a batch with a false equation passes
 * with probability at most 2^−128 over the weights. Not thread-safe; one instance verifies once.
 *
 * @param <L> the caller's label for a proof
 */
public final class BatchVerifier<L> {
  /** A proof that does not hold, with the caller's label and the reason. */
  public record Failure<L>(L label, String reason) {}

  private record Entry<L>(L label, Supplier<ProofCheck> direct) {}

  private final EquationChecker batch;
  private final List<Entry<L>> entries = new ArrayList<>();
  private final List<Failure<L>> rejected = new ArrayList<>();
  private boolean verified;

  /** A batch whose weights come from the verifier's one SecureRandom. */
  public BatchVerifier(SecureRandom random) {
    this.batch = EquationChecker.batch(random);
  }

  /** Adds a range proof (§4.1, §4.2). */
  public BatchVerifier<L> add(L label, RangeProof proof, RangeStatement statement) {
    return add(label, proof.require(statement, ensureOpen()), () -> proof.verify(statement));
  }

  /** Adds a Schnorr proof (§4.3). */
  public BatchVerifier<L> add(L label, SchnorrProof proof, SchnorrProof.Statement statement) {
    return add(label, proof.require(statement, ensureOpen()), () -> proof.verify(statement));
  }

  /** Adds a write-in proof of knowledge of a name ciphertext's nonce (§4.7). */
  public BatchVerifier<L> add(L label, WriteInProof proof, WriteInProof.Statement statement) {
    return add(label, proof.require(statement, ensureOpen()), () -> proof.verify(statement));
  }

  /** Adds a Chaum–Pedersen decryption proof (§4.4). */
  public BatchVerifier<L> add(L label, DecryptionProof proof, DecryptionProof.Statement statement) {
    return add(label, proof.require(statement, ensureOpen()), () -> proof.verify(statement));
  }

  /** True if some proof added so far was already rejected without point arithmetic. */
  public boolean hasRejected() {
    return !rejected.isEmpty();
  }

  /**
   * The proofs rejected so far without point arithmetic, in the order added (a read-only view). A caller batching
   * independent groups of proofs (one ballot's, §4.5) notes its size before adding a group to see whether, and
   * with which proof, that group was rejected.
   */
  public List<Failure<L>> rejections() {
    return Collections.unmodifiableList(rejected);
  }

  /**
   * Checks the equations of every proof added and not rejected as one random linear combination (one multi-scalar
   * multiplication), whatever else was rejected: true if they all hold; false if one does not, except with
   * probability at most 2^−128. Names no proof. For batches across independent groups (ballots, §4.5): a group with
   * a rejected proof is decided by that rejection — its proofs added before it stay in the combination, which at
   * worst makes it fail — and if the combination fails the caller verifies each remaining group on its own. Ends
   * the batch, as {@link #verify} does.
   */
  public boolean holdsTogether() {
    ensureOpen();
    verified = true;
    return entries.isEmpty() || batch.holds();
  }

  /**
   * Verifies every proof added and returns those that fail, in the order added; empty if all hold. If some proofs
   * were rejected before any equation (see the class comment), only those are returned and no equation is
   * evaluated.
   */
  public List<Failure<L>> verify() {
    ensureOpen();
    verified = true;
    if (!rejected.isEmpty()) {
      return List.copyOf(rejected);
    }
    if (batch.holds()) {
      return List.of();
    }
    List<Failure<L>> failures = new ArrayList<>();
    for (Entry<L> e : entries) {
      if (e.direct().get() instanceof ProofCheck.Invalid invalid) {
        failures.add(new Failure<>(e.label(), invalid.reason()));
      }
    }
    if (failures.isEmpty()) {
      // Unreachable for honest arithmetic (a batch of valid equations holds); never throw on hostile input.
      for (Entry<L> e : entries) {
        failures.add(new Failure<>(e.label(), "the batched equations do not hold"));
      }
    }
    return List.copyOf(failures);
  }

  private BatchVerifier<L> add(L label, ProofCheck pre, Supplier<ProofCheck> direct) {
    if (pre instanceof ProofCheck.Invalid invalid) {
      rejected.add(new Failure<>(label, invalid.reason()));
    } else {
      entries.add(new Entry<>(label, direct));
    }
    return this;
  }

  private EquationChecker ensureOpen() {
    if (verified) {
      throw new IllegalStateException("this batch was already verified");
    }
    return batch;
  }
}
