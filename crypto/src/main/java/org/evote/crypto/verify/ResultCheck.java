package org.evote.crypto.verify;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.evote.crypto.board.BoardState;
import org.evote.crypto.decrypt.DecryptionShare;
import org.evote.crypto.decrypt.ElectionResult;
import org.evote.crypto.decrypt.Lagrange;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.Scalar;
import org.evote.crypto.tally.EncryptedTally;

/**
 * V16: the result counts the board's cast and challenged ballots and, if V15 passed with a quorum, every count t
 * satisfies B − Σ_{ℓ∈S} w_ℓ·M_ℓ = t·G (§8.3), contests and selections compared by id.
 */
final class ResultCheck {
  private ResultCheck() {}

  static void run(ElectionResult result, BoardState board, EncryptedTally tally, List<DecryptionShare> shares,
      boolean sharesValid, VerificationReport.Recorder v16) {
    if (result.castBallots() != board.cast() || result.challengedBallots() != board.challenged()) {
      v16.fail("result.json", "reports " + result.castBallots() + " cast and " + result.challengedBallots()
          + " challenged ballots; the board has " + board.cast() + " and " + board.challenged());
    }
    if (sharesValid) {
      counts(tally, shares, result, v16);
    } else {
      v16.note("counts not checked: the decryption shares are not valid");
    }
  }

  private static void counts(EncryptedTally tally, List<DecryptionShare> shares, ElectionResult result,
      VerificationReport.Recorder v16) {
    SortedSet<Integer> present = new TreeSet<>();
    shares.forEach(s -> present.add(s.guardian()));
    Map<Integer, Scalar> w = Lagrange.coefficients(present);
    Set<String> tallyContests = new HashSet<>();
    tally.contests().forEach(c -> tallyContests.add(c.contestId()));
    for (ElectionResult.Contest rc : result.contests()) {
      if (!tallyContests.contains(rc.contestId())) {
        v16.fail("result " + rc.contestId(), "is not a contest of the tally");
      }
    }
    for (int c = 0; c < tally.contests().size(); c++) {
      EncryptedTally.Contest tc = tally.contests().get(c);
      Optional<ElectionResult.Contest> rc = result.contests().stream()
          .filter(x -> x.contestId().equals(tc.contestId())).findFirst();
      if (rc.isEmpty()) {
        v16.fail("result " + tc.contestId(), "contest missing from result.json");
        continue;
      }
      Set<String> tallySelections = new HashSet<>();
      tc.selections().forEach(x -> tallySelections.add(x.selectionId()));
      for (ElectionResult.Selection rs : rc.get().selections()) {
        if (!tallySelections.contains(rs.selectionId())) {
          v16.fail("result " + tc.contestId() + "/" + rs.selectionId(), "is not a selection of the tally");
        }
      }
      for (int s = 0; s < tc.selections().size(); s++) {
        EncryptedTally.Selection ts = tc.selections().get(s);
        String object = "result " + tc.contestId() + "/" + ts.selectionId();
        Optional<Long> count = result.count(tc.contestId(), ts.selectionId());
        if (count.isEmpty()) {
          v16.fail(object, "selection missing from result.json");
          continue;
        }
        Element m = Element.IDENTITY;
        for (DecryptionShare share : shares) {
          m = m.add(share.contests().get(c).selections().get(s).partial().multiply(w.get(share.guardian())));
        }
        Element t = ts.ciphertext().beta().subtract(m);
        if (count.get() > tally.castBallots() || !t.equals(Element.gPow(Scalar.of(count.get())))) {
          v16.fail(object, "count " + count.get() + " does not match the combined decryption");
        }
      }
    }
  }
}
