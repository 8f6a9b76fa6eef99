package org.evote.crypto.ballot;

import java.util.List;
import org.evote.crypto.elgamal.Ciphertext;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.manifest.Ids;
import org.evote.crypto.proof.RangeProof;

/**
 * One contest of an encrypted ballot (protocol §5.2). A contest that is not ranked has every selection in manifest
 * order and the range proof that their sum is in 0..L ({@link #proof}); a ranked contest has instead its L ranks in
 * rank order, no selections and no contest proof ({@link #proof} is null). Either kind has, for each write-in line
 * in selection order, the line's encrypted name ({@link #writeIns}, §5.6), and the contest hash χ over all of its
 * ciphertexts.
 */
public record EncryptedContest(String contestId, List<EncryptedSelection> selections, RangeProof proof,
    List<EncryptedRank> ranks, List<EncryptedWriteIn> writeIns, Digest contestHash) {
  public EncryptedContest {
    if (!Ids.isValid(contestId)) {
      throw new IllegalArgumentException("invalid contest id");
    }
    selections = List.copyOf(selections);
    ranks = List.copyOf(ranks);
    writeIns = List.copyOf(writeIns);
    if (contestHash == null) {
      throw new IllegalArgumentException("contest needs a hash");
    }
    if (ranks.isEmpty() ? selections.isEmpty() || proof == null : !selections.isEmpty() || proof != null) {
      throw new IllegalArgumentException(
          "a contest has either selections and a proof, or ranks (ranked) and neither selections nor a proof");
    }
  }

  /** True if the contest carries ranks (a ranked contest). */
  public boolean isRanked() {
    return !ranks.isEmpty();
  }

  /** The same contest with other selections and contest proof (tests that edit ballots). */
  public EncryptedContest withSelections(List<EncryptedSelection> newSelections, RangeProof newProof) {
    return new EncryptedContest(contestId, newSelections, newProof, ranks, writeIns, contestHash);
  }

  /** The same contest with another contest hash. */
  public EncryptedContest withContestHash(Digest newHash) {
    return new EncryptedContest(contestId, selections, proof, ranks, writeIns, newHash);
  }

  /** Σ of the selection ciphertexts, the statement of the contest proof. */
  public Ciphertext sum() {
    return Ciphertext.sum(selections.stream().map(EncryptedSelection::ciphertext).toList());
  }
}
