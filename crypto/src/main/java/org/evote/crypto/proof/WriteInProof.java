package org.evote.crypto.proof;

import org.evote.crypto.elgamal.Ciphertext;
import org.evote.crypto.elgamal.ElectionPublicKey;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.Scalar;
import org.evote.crypto.group.SecretScalar;
import org.evote.crypto.group.internal.Curve;
import org.evote.crypto.group.internal.FixedBaseBatch;
import org.evote.crypto.group.internal.Points;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.hash.DomainTags;
import org.evote.crypto.hash.Hasher;
import org.evote.crypto.manifest.Ids;

/**
 * Schnorr proof of knowledge of the nonce r of one write-in name ciphertext (α, β) = (r·G, M + r·K) (protocol
 * §4.7): commitment h = u·G, challenge c = H(PROOF_WRITE_IN; H_E, K, ballot id, contest id, selection id, k, α, β,
 * h) mod q, response v = u + c·r; valid when h is not the identity and v·G = h + c·α. Binding the whole ciphertext
 * and its position makes a name ciphertext impossible to copy onto another ballot or line without knowing r (and so
 * the name).
 */
public record WriteInProof(Element commitment, Scalar response) {
  public WriteInProof {
    if (commitment == null || response == null) {
      throw new IllegalArgumentException("write-in proof fields must not be null");
    }
  }

  /** The public statement: the k-th (1 … 3) name ciphertext of a write-in line of a ballot. */
  public record Statement(Digest extendedHash, ElectionPublicKey key, String ballotId, String contestId,
      String selectionId, int index, Ciphertext ciphertext) {
    public Statement {
      if (extendedHash == null || key == null || ciphertext == null) {
        throw new IllegalArgumentException("write-in statement fields must not be null");
      }
      for (String id : new String[] {ballotId, contestId, selectionId}) {
        if (!Ids.isValid(id)) {
          throw new IllegalArgumentException("invalid id in a write-in statement");
        }
      }
      if (index < 1) {
        throw new IllegalArgumentException("a write-in ciphertext index starts at 1");
      }
    }

    Scalar challenge(Element h) {
      return Hasher.tagged(DomainTags.PROOF_WRITE_IN).digest(extendedHash).element(key.element()).string(ballotId)
          .string(contestId).string(selectionId).integer(index).element(ciphertext.alpha())
          .element(ciphertext.beta()).element(h).toScalar();
    }
  }

  /** Registers the commitment u·G in {@code batch}; finish with the statement once it has run. */
  static Pending begin(SecretScalar r, SecretScalar u, FixedBaseBatch batch) {
    return new Pending(r, u, batch.multiply(Curve.G_TABLE, u.revealSecret().toBigInteger()), batch);
  }

  /** A proof whose commitment is registered in a batch; holds the nonce and r, never printed. */
  public static final class Pending {
    private final SecretScalar r;
    private final SecretScalar u;
    private final int job;
    private final FixedBaseBatch batch;

    private Pending(SecretScalar r, SecretScalar u, int job, FixedBaseBatch batch) {
      this.r = r;
      this.u = u;
      this.job = job;
      this.batch = batch;
    }

    /** The proof for {@code st}, whose ciphertext's α must be r·G, after the batch has run. */
    public WriteInProof finish(Statement st) {
      Element h = Points.element(batch.result(job));
      Scalar c = st.challenge(h);
      return new WriteInProof(h, u.add(r.multiply(c)).revealSecret());
    }

    @Override
    public String toString() {
      return "WriteInProof.Pending[secret]";
    }
  }

  /** Checks the proof against its statement. */
  public ProofCheck verify(Statement st) {
    EquationChecker direct = EquationChecker.direct();
    ProofCheck pre = require(st, direct);
    if (!pre.isValid()) {
      return pre;
    }
    return direct.holds() ? ProofCheck.VALID : ProofCheck.invalid("write-in proof equation does not hold");
  }

  /** Rejects an identity commitment, then hands v·G − h − c·α = 0 to {@code checker}. */
  ProofCheck require(Statement st, EquationChecker checker) {
    if (commitment.isIdentity()) {
      return ProofCheck.invalid("write-in proof commitment is the identity");
    }
    Scalar c = st.challenge(commitment);
    checker.require(new Equation().g(response).minus(commitment).term(c.negate(), st.ciphertext().alpha()));
    return ProofCheck.VALID;
  }
}
