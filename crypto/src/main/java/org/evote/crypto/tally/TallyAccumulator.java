package org.evote.crypto.tally;

import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.math.ec.ECPoint;
import org.evote.crypto.ballot.EncryptedBallot;
import org.evote.crypto.ballot.EncryptedContest;
import org.evote.crypto.ballot.EncryptedSelection;
import org.evote.crypto.elgamal.Ciphertext;
import org.evote.crypto.group.internal.Curve;
import org.evote.crypto.group.internal.Points;
import org.evote.crypto.manifest.ContestDescription;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.manifest.SelectionDescription;

/**
 * Adds cast ballots homomorphically into an {@link EncryptedTally} (protocol §8.1), streaming: one ballot at a
 * time, in constant memory. Ranked contests are not summed (their rankings are mixed and counted by instant
 * runoff, §13) and have no place in the tally; a write-in line of a contest that is not ranked is a selection and is
 * summed like any other. Not thread-safe; give each thread its own and {@link #merge} them. Callers add only ballots
 * that passed verification.
 */
public final class TallyAccumulator {
  private final Manifest manifest;
  private final ECPoint[][] alpha;
  private final ECPoint[][] beta;
  private long count;

  public TallyAccumulator(Manifest manifest) {
    this.manifest = manifest;
    List<ContestDescription> contests = manifest.contests();
    alpha = new ECPoint[contests.size()][];
    beta = new ECPoint[contests.size()][];
    for (int c = 0; c < contests.size(); c++) {
      int n = contests.get(c).isRanked() ? 0 : contests.get(c).selections().size();
      alpha[c] = new ECPoint[n];
      beta[c] = new ECPoint[n];
      for (int s = 0; s < n; s++) {
        alpha[c][s] = Curve.infinity();
        beta[c][s] = Curve.infinity();
      }
    }
  }

  /** Adds a verified cast ballot; each of its contests must be a manifest contest with all its selections. */
  public void add(EncryptedBallot ballot) {
    for (EncryptedContest contest : ballot.contests()) {
      int c = contestIndex(contest.contestId());
      ContestDescription desc = manifest.contests().get(c);
      if (desc.isRanked()) {
        if (!contest.isRanked()) {
          throw new IllegalArgumentException("ballot " + ballot.ballotId() + " contest " + contest.contestId()
              + " is ranked in the manifest");
        }
        continue;
      }
      if (desc.selections().size() != contest.selections().size()) {
        throw new IllegalArgumentException("ballot " + ballot.ballotId() + " contest " + contest.contestId()
            + " does not match the manifest");
      }
      for (int s = 0; s < contest.selections().size(); s++) {
        EncryptedSelection sel = contest.selections().get(s);
        if (!sel.selectionId().equals(desc.selections().get(s).id())) {
          throw new IllegalArgumentException("ballot " + ballot.ballotId() + " selection " + sel.selectionId()
              + " is out of manifest order");
        }
        alpha[c][s] = alpha[c][s].add(Points.raw(sel.ciphertext().alpha()));
        beta[c][s] = beta[c][s].add(Points.raw(sel.ciphertext().beta()));
      }
    }
    count++;
  }

  /** Adds another accumulator's sums (for parallel tallying). */
  public void merge(TallyAccumulator other) {
    if (other.manifest != manifest && !other.manifest.equals(manifest)) {
      throw new IllegalArgumentException("accumulators for different manifests");
    }
    for (int c = 0; c < alpha.length; c++) {
      for (int s = 0; s < alpha[c].length; s++) {
        alpha[c][s] = alpha[c][s].add(other.alpha[c][s]);
        beta[c][s] = beta[c][s].add(other.beta[c][s]);
      }
    }
    count += other.count;
  }

  public long count() {
    return count;
  }

  /** The tally so far: every contest of the manifest that is not ranked, in manifest order. */
  public EncryptedTally result() {
    List<EncryptedTally.Contest> contests = new ArrayList<>();
    List<ContestDescription> descs = manifest.contests();
    for (int c = 0; c < descs.size(); c++) {
      if (descs.get(c).isRanked()) {
        continue;
      }
      List<SelectionDescription> sels = descs.get(c).selections();
      ECPoint[] points = new ECPoint[2 * sels.size()];
      for (int s = 0; s < sels.size(); s++) {
        points[2 * s] = alpha[c][s];
        points[2 * s + 1] = beta[c][s];
      }
      Curve.normalizeAll(points);
      List<EncryptedTally.Selection> out = new ArrayList<>();
      for (int s = 0; s < sels.size(); s++) {
        out.add(new EncryptedTally.Selection(sels.get(s).id(),
            new Ciphertext(Points.element(points[2 * s]), Points.element(points[2 * s + 1]))));
      }
      contests.add(new EncryptedTally.Contest(descs.get(c).id(), out));
    }
    return new EncryptedTally(contests, count);
  }

  private int contestIndex(String contestId) {
    List<ContestDescription> descs = manifest.contests();
    for (int c = 0; c < descs.size(); c++) {
      if (descs.get(c).id().equals(contestId)) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown contest " + contestId);
  }
}
