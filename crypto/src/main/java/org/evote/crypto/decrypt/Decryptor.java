package org.evote.crypto.decrypt;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeSet;
import org.bouncycastle.math.ec.ECPoint;
import org.evote.crypto.ceremony.GuardianKey;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.Scalar;
import org.evote.crypto.group.internal.Curve;
import org.evote.crypto.group.internal.Points;
import org.evote.crypto.proof.DecryptionProof;
import org.evote.crypto.tally.EncryptedTally;

/**
 * Threshold decryption of protocol §8: each present guardian's partial decryption with proofs, and the combination
 * of any k of them into counts by Lagrange interpolation and a bounded discrete-log search.
 */
public final class Decryptor {
  private final ElectionConfig config;

  public Decryptor(ElectionConfig config) {
    this.config = config;
  }

  /** Thrown when the shares cannot be combined: too few guardians, or a count beyond its bound. */
  public static final class DecryptionException extends Exception {
    private static final long serialVersionUID = 1L;

    public DecryptionException(String message) {
      super(message);
    }
  }

  /** Guardian ℓ's partial decryption of every selection of the tally. */
  public DecryptionShare partialDecrypt(GuardianKey key, EncryptedTally tally, SecureRandom random) {
    if (key.index() > config.guardianCount()) {
      throw new IllegalArgumentException("guardian " + key.index() + " is not one of the " + config.guardianCount());
    }
    Element vk = config.verificationKey(key.index());
    if (!key.verificationKey().equals(vk)) {
      throw new IllegalArgumentException("guardian " + key.index() + "'s key does not belong to this election");
    }
    List<DecryptionShare.Contest> contests = new ArrayList<>();
    for (EncryptedTally.Contest c : tally.contests()) {
      List<DecryptionShare.Selection> sels = new ArrayList<>();
      for (EncryptedTally.Selection s : c.selections()) {
        Element partial = s.ciphertext().alpha().multiply(key.share());
        DecryptionProof.Statement st = new DecryptionProof.Statement(config.extendedHash(),
            config.jointKey().element(), key.index(), vk, c.contestId(), s.selectionId(), s.ciphertext(), partial);
        sels.add(new DecryptionShare.Selection(s.selectionId(), partial,
            DecryptionProof.prove(st, key.share(), random)));
      }
      contests.add(new DecryptionShare.Contest(c.contestId(), sels));
    }
    return new DecryptionShare(key.index(), contests);
  }

  /**
   * Combines the shares of at least k distinct guardians (their proofs checked by the caller or by the verifier)
   * into counts: T = B − Σ w_ℓ·M_ℓ = t·G, 0 ≤ t ≤ number of cast ballots.
   */
  public ElectionResult combine(EncryptedTally tally, List<DecryptionShare> shares, long challengedBallots)
      throws DecryptionException {
    SortedSet<Integer> present = new TreeSet<>();
    for (DecryptionShare s : shares) {
      if (!present.add(s.guardian())) {
        throw new DecryptionException("guardian " + s.guardian() + " gave two shares");
      }
    }
    if (present.size() < config.quorum()) {
      throw new DecryptionException("decryption needs at least " + config.quorum() + " of the "
          + config.guardianCount() + " guardians; only " + present.size() + " present " + present);
    }
    Map<Integer, Scalar> w = Lagrange.coefficients(present);
    List<ElectionResult.Contest> contests = new ArrayList<>();
    for (int c = 0; c < tally.contests().size(); c++) {
      EncryptedTally.Contest tc = tally.contests().get(c);
      List<ElectionResult.Selection> sels = new ArrayList<>();
      for (int s = 0; s < tc.selections().size(); s++) {
        EncryptedTally.Selection ts = tc.selections().get(s);
        ECPoint m = Curve.infinity();
        for (DecryptionShare share : shares) {
          DecryptionShare.Selection ps = share.contests().get(c).selections().get(s);
          if (!ps.selectionId().equals(ts.selectionId())) {
            throw new DecryptionException("guardian " + share.guardian() + "'s share does not match the tally at "
                + tc.contestId() + "/" + ts.selectionId());
          }
          m = m.add(Points.raw(ps.partial().multiply(w.get(share.guardian()))));
        }
        Element t = ts.ciphertext().beta().subtract(Points.element(m));
        OptionalLong count = DiscreteLog.solve(t, tally.castBallots());
        if (count.isEmpty()) {
          throw new DecryptionException("count of " + tc.contestId() + "/" + ts.selectionId()
              + " is not in 0.." + tally.castBallots() + ": the shares are inconsistent with the tally");
        }
        sels.add(new ElectionResult.Selection(ts.selectionId(), count.getAsLong()));
      }
      contests.add(new ElectionResult.Contest(tc.contestId(), sels));
    }
    return new ElectionResult(contests, tally.castBallots(), challengedBallots);
  }
}
