package org.evote.crypto.ceremony;

import java.util.List;
import org.evote.crypto.group.Element;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.proof.ProofCheck;
import org.evote.crypto.proof.SchnorrProof;

/**
 * What guardian i publishes in the key ceremony (protocol §7.2): commitments K_i,j = a_i,j·G to the coefficients
 * of its secret polynomial, j = 0..k−1, each with a Schnorr proof of knowledge. K_i,0 is its share of the joint key.
 */
public record GuardianRecord(int index, List<Element> commitments, List<SchnorrProof> proofs) {
  public GuardianRecord {
    commitments = List.copyOf(commitments);
    proofs = List.copyOf(proofs);
    if (index < 1) {
      throw new IllegalArgumentException("guardian index must be at least 1");
    }
    if (commitments.isEmpty() || commitments.size() != proofs.size()) {
      throw new IllegalArgumentException("guardian " + index + " needs one proof per commitment");
    }
  }

  /** K_i,0. */
  public Element publicKey() {
    return commitments.get(0);
  }

  /** Checks every Schnorr proof against H_B (§4.3); the first failure names its coefficient. */
  public ProofCheck verifyProofs(Digest baseHash) {
    for (int j = 0; j < commitments.size(); j++) {
      SchnorrProof.Statement st = new SchnorrProof.Statement(baseHash, index, j, commitments.get(j));
      if (proofs.get(j).verify(st) instanceof ProofCheck.Invalid invalid) {
        return ProofCheck.invalid("coefficient " + j + ": " + invalid.reason());
      }
    }
    return ProofCheck.VALID;
  }

  /** Σ_j ℓ^j·K_i,j: the public image P_i(ℓ)·G of the share this guardian owes guardian ℓ (§7.3). */
  public Element shareImage(int recipient) {
    return Polynomials.evaluateInExponent(commitments, recipient);
  }
}
