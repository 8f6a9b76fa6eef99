package org.evote.crypto.tally;

import java.util.List;
import java.util.Optional;
import org.evote.crypto.elgamal.Ciphertext;

/**
 * The encrypted tally (protocol §8.1): for every contest and selection of the manifest, the sum of that
 * selection's ciphertexts over all cast ballots whose style includes the contest; challenged ballots never count.
 * A selection on no counted ballot has the sum (O, O).
 */
public record EncryptedTally(List<Contest> contests, long castBallots) {
  public EncryptedTally {
    contests = List.copyOf(contests);
    if (castBallots < 0) {
      throw new IllegalArgumentException("cast ballot count must not be negative");
    }
  }

  /** One contest's selection sums, in manifest order. */
  public record Contest(String contestId, List<Selection> selections) {
    public Contest {
      selections = List.copyOf(selections);
    }
  }

  /** One selection's summed ciphertext (A, B). */
  public record Selection(String selectionId, Ciphertext ciphertext) {}

  public Optional<Contest> contest(String contestId) {
    return contests.stream().filter(c -> c.contestId().equals(contestId)).findFirst();
  }
}
