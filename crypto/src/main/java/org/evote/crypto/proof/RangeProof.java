package org.evote.crypto.proof;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.math.ec.ECPoint;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.Scalar;
import org.evote.crypto.group.SecretScalar;
import org.evote.crypto.group.internal.Curve;
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
   * from its seed, §3.2). Every commitment is formed with fixed-base multiplications only (the simulated branches
   * use a_j = (v_j − c_j·r)·G and b_j = (v_j − c_j·r)·K + c_j·(j − m)·G), then normalized in one batch.
   */
  public static RangeProof prove(RangeStatement st, long m, SecretScalar r, NonceSource nonces) {
    int bound = st.bound();
    if (m < 0 || m > bound) {
      throw new IllegalArgumentException("plaintext outside 0..bound");
    }
    int n = bound + 1;
    Scalar[] cs = new Scalar[n];
    Scalar[] vs = new Scalar[n];
    ECPoint[] commitments = new ECPoint[2 * n];
    FixedBaseTable kTable = Points.table(st.key().element());
    SecretScalar u = null;
    Scalar sumOthers = Scalar.ZERO;
    for (int j = 0; j < n; j++) {
      if (j == m) {
        u = nonces.nonce("u", j);
        commitments[2 * j] = Points.gPow(u.revealSecret());
        commitments[2 * j + 1] = kTable.multiply(u.revealSecret().toBigInteger());
      } else {
        // A simulated branch's c_j and v_j are published in the proof.
        cs[j] = nonces.nonce("c", j).revealSecret();
        vs[j] = nonces.nonce("v", j).revealSecret();
        sumOthers = sumOthers.add(cs[j]);
        Scalar t = r.multiply(cs[j]).negate().add(vs[j]).revealSecret();
        commitments[2 * j] = Points.gPow(t);
        Scalar shift = cs[j].multiply(Scalar.of(j - m));
        commitments[2 * j + 1] = kTable.multiply(t.toBigInteger()).add(Points.gPow(shift));
      }
    }
    Curve.normalizeAll(commitments);
    Hasher h = st.challengeHasher().integer(n);
    Element[] es = new Element[2 * n];
    for (int i = 0; i < 2 * n; i++) {
      es[i] = Points.element(commitments[i]);
      h.element(es[i]);
    }
    Scalar c = h.toScalar();
    int real = (int) m;
    cs[real] = c.subtract(sumOthers);
    vs[real] = u.add(r.multiply(cs[real])).revealSecret();
    List<Branch> branches = new ArrayList<>(n);
    for (int j = 0; j < n; j++) {
      branches.add(new Branch(es[2 * j], es[2 * j + 1], cs[j], vs[j]));
    }
    return new RangeProof(branches);
  }

  /** Checks the proof against its statement. */
  public ProofCheck verify(RangeStatement st) {
    EquationChecker direct = EquationChecker.direct();
    ProofCheck pre = require(st, direct);
    if (!pre.isValid()) {
      return pre;
    }
    return direct.holds() ? ProofCheck.VALID : ProofCheck.invalid(
        st.tag().equals(DomainTags.PROOF_SELECTION_RANGE) ? "range proof equations do not hold"
            : "contest range proof equations do not hold");
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
