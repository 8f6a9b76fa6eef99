package org.evote.crypto.proof;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.evote.crypto.elgamal.ElectionPublicKey;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.Scalar;
import org.evote.crypto.group.SecretScalar;
import org.evote.crypto.group.internal.Curve;
import org.evote.crypto.group.internal.FixedBaseBatch;
import org.evote.crypto.group.internal.FixedBaseTable;
import org.evote.crypto.group.internal.Points;
import org.evote.crypto.hash.DomainTags;
import org.evote.crypto.hash.Hasher;

/**
 * A disjunctive Chaum–Pedersen range proof (protocol §4.1): for each j in 0..R a branch (a_j, b_j, c_j, v_j) with
 * v_j·G = a_j + c_j·α and v_j·K = b_j + c_j·(β − j·G), and Σ c_j = c, the Fiat–Shamir challenge over the whole
 * statement and every commitment. Commitments are published (not recomputed) so proofs verify in batches.
 */
public record RangeProof(List<Branch> branches) {
  public RangeProof {
    branches = List.copyOf(branches);
    if (branches.isEmpty()) {
      throw new IllegalArgumentException("a range proof has at least one branch");
    }
  }

  /** One branch: commitments a_j, b_j, challenge c_j, response v_j. */
  public record Branch(Element a, Element b, Scalar c, Scalar v) {
    public Branch {
      if (a == null || b == null || c == null || v == null) {
        throw new IllegalArgumentException("branch fields must not be null");
      }
    }
  }

  /** Proves that the statement's ciphertext is Enc(m; r), with fresh nonces from {@code random}. */
  public static RangeProof prove(RangeStatement st, long m, SecretScalar r, SecureRandom random) {
    return prove(st, m, r, NonceSource.random(random));
  }

  /**
   * Proves that the statement's ciphertext is Enc(m; r), with the nonces of {@code nonces} (a ballot's are derived
   * from its seed, §3.2): {@link #begin} and {@link Pending#finish} with a batch of its own.
   */
  public static RangeProof prove(RangeStatement st, long m, SecretScalar r, NonceSource nonces) {
    FixedBaseBatch batch = new FixedBaseBatch();
    Pending pending = begin(st.bound(), st.key(), m, r, nonces, batch);
    batch.run();
    return pending.finish(st);
  }

  /**
   * The first half of proving Enc(m; r) in 0..bound under {@code key}: draws the nonces and registers the
   * commitments' fixed-base multiplications in {@code batch} (the simulated branches use a_j = (v_j − c_j·r)·G and
   * b_j = (v_j − c_j·r)·K + c_j·(j − m)·G, so no variable-base multiplication is needed), so that a whole ballot's
   * multiplications are computed together ({@link EncryptionBatch}). Run the batch, then {@link Pending#finish}
   * with the statement, whose ciphertext the commitments do not depend on.
   */
  static Pending begin(int bound, ElectionPublicKey key, long m, SecretScalar r, NonceSource nonces,
      FixedBaseBatch batch) {
    if (m < 0 || m > bound) {
      throw new IllegalArgumentException("plaintext outside 0..bound");
    }
    return new Pending(bound, key, m, r, nonces, batch);
  }

  /** A proof whose commitments are registered in a batch ({@link EncryptionBatch}); holds secrets, never printed. */
  public static final class Pending {
    private final int bound;
    private final ElectionPublicKey key;
    private final int real;
    private final SecretScalar r;
    private final SecretScalar u;
    private final Scalar[] cs;
    private final Scalar[] vs;
    private final Scalar sumOthers;
    private final int[] jobs;
    private final FixedBaseBatch batch;

    private Pending(int bound, ElectionPublicKey key, long m, SecretScalar r, NonceSource nonces,
        FixedBaseBatch batch) {
      this.bound = bound;
      this.key = key;
      this.real = (int) m;
      this.r = r;
      this.batch = batch;
      int n = bound + 1;
      cs = new Scalar[n];
      vs = new Scalar[n];
      jobs = new int[2 * n];
      FixedBaseTable gTable = Curve.G_TABLE;
      FixedBaseTable kTable = Points.table(key.element());
      SecretScalar nonce = null;
      Scalar others = Scalar.ZERO;
      for (int j = 0; j < n; j++) {
        if (j == m) {
          nonce = nonces.nonce("u", j);
          BigInteger uk = nonce.revealSecret().toBigInteger();
          jobs[2 * j] = batch.multiply(gTable, uk);
          jobs[2 * j + 1] = batch.multiply(kTable, uk);
        } else {
          // A simulated branch's c_j and v_j are published in the proof.
          cs[j] = nonces.nonce("c", j).revealSecret();
          vs[j] = nonces.nonce("v", j).revealSecret();
          others = others.add(cs[j]);
          BigInteger t = r.multiply(cs[j]).negate().add(vs[j]).revealSecret().toBigInteger();
          BigInteger shift = cs[j].multiply(Scalar.of(j - m)).toBigInteger();
          jobs[2 * j] = batch.multiply(gTable, t);
          jobs[2 * j + 1] = batch.multiplyAdd(kTable, t, gTable, shift);
        }
      }
      this.u = nonce;
      this.sumOthers = others;
    }

    /** Completes the proof for {@code st} (same bound and key as begun with) once the batch has run. */
    public RangeProof finish(RangeStatement st) {
      if (st.bound() != bound || !st.key().equals(key)) {
        throw new IllegalArgumentException("statement does not match the proof begun");
      }
      int n = bound + 1;
      Hasher h = st.challengeHasher().integer(n);
      Element[] es = new Element[2 * n];
      for (int i = 0; i < 2 * n; i++) {
        es[i] = Points.element(batch.result(jobs[i]));
        h.element(es[i]);
      }
      Scalar c = h.toScalar();
      Scalar[] challenges = cs.clone();
      Scalar[] responses = vs.clone();
      challenges[real] = c.subtract(sumOthers);
      responses[real] = u.add(r.multiply(challenges[real])).revealSecret();
      List<Branch> branches = new ArrayList<>(n);
      for (int j = 0; j < n; j++) {
        branches.add(new Branch(es[2 * j], es[2 * j + 1], challenges[j], responses[j]));
      }
      return new RangeProof(branches);
    }

    @Override
    public String toString() {
      return "RangeProof.Pending[secret]";
    }
  }

  /** Checks the proof against its statement. */
  public ProofCheck verify(RangeStatement st) {
    EquationChecker direct = EquationChecker.direct();
    ProofCheck pre = require(st, direct);
    if (!pre.isValid()) {
      return pre;
    }
    return direct.holds() ? ProofCheck.VALID : ProofCheck.invalid(
        switch (st.tag()) {
          case DomainTags.PROOF_SELECTION_RANGE -> "range proof equations do not hold";
          case DomainTags.PROOF_RANK_RANGE -> "rank range proof equations do not hold";
          default -> "contest range proof equations do not hold";
        });
  }

  /**
   * Checks the proof's shape and challenge, returning the reason if it is rejected before any equation is
   * evaluated; otherwise hands its 2(R+1) equations to {@code checker}.
   */
  ProofCheck require(RangeStatement st, EquationChecker checker) {
    int n = st.bound() + 1;
    if (branches.size() != n) {
      return ProofCheck.invalid("range proof has " + branches.size() + " branches, expected " + n);
    }
    Hasher h = st.challengeHasher().integer(n);
    Scalar sum = Scalar.ZERO;
    for (Branch br : branches) {
      if (br.a().isIdentity() || br.b().isIdentity()) {
        return ProofCheck.invalid("range proof commitment is the identity");
      }
      h.element(br.a()).element(br.b());
      sum = sum.add(br.c());
    }
    if (!sum.equals(h.toScalar())) {
      return ProofCheck.invalid("range proof challenges do not sum to the Fiat–Shamir challenge");
    }
    for (int j = 0; j < n; j++) {
      Branch br = branches.get(j);
      Scalar negC = br.c().negate();
      Equation first = new Equation().g(br.v()).minus(br.a());
      Equation second = new Equation().k(st.key(), br.v()).minus(br.b()).g(br.c().multiply(Scalar.of(j)));
      if (st.parts().isEmpty()) {
        first.term(negC, st.ciphertext().alpha());
        second.term(negC, st.ciphertext().beta());
      } else {
        for (var part : st.parts()) {
          first.term(negC, part.alpha());
          second.term(negC, part.beta());
        }
      }
      checker.require(first);
      checker.require(second);
    }
    return ProofCheck.VALID;
  }
}
