package org.evote.crypto.verify;

import org.evote.crypto.ballot.BallotEncryptor;
import org.evote.crypto.ballot.BallotSeed;
import org.evote.crypto.ballot.EncryptedBallot;
import org.evote.crypto.ballot.PlaintextBallot;
import org.evote.crypto.election.ElectionConfig;

/**
 * The Benaloh challenge check of protocol §6: re-encrypt the claimed plaintext with the disclosed seed and the
 * ballot's own kiosk, time and previous code; the result must equal the posted ballot in every ciphertext (of
 * selections, ranks and write-in names), proof, hash and the confirmation code. The disclosed plaintext carries a
 * ranked contest's ranking in order and every write-in name. A kiosk that encrypted anything other than what it showed the voter is caught.
 */
public final class ChallengedBallotCheck {
  private final BallotEncryptor encryptor;

  public ChallengedBallotCheck(ElectionConfig config) {
    this.encryptor = new BallotEncryptor(config);
  }

  public VerificationResult check(EncryptedBallot posted, BallotSeed seed, PlaintextBallot claimed) {
    String object = "challenged ballot " + posted.ballotId();
    if (!claimed.ballotId().equals(posted.ballotId()) || !claimed.styleId().equals(posted.styleId())) {
      return VerificationResult.invalid(Step.V13_CHALLENGED_BALLOTS, object,
          "disclosed plaintext is for another ballot id or style");
    }
    EncryptedBallot again;
    try {
      again = encryptor.encrypt(claimed, seed, posted.kioskId(), posted.timestamp(), posted.previousCode());
    } catch (IllegalArgumentException e) {
      return VerificationResult.invalid(Step.V13_CHALLENGED_BALLOTS, object, "disclosed plaintext is not a valid "
          + "ballot: " + e.getMessage());
    }
    for (int c = 0; c < again.contests().size() && c < posted.contests().size(); c++) {
      var mine = again.contests().get(c);
      var theirs = posted.contests().get(c);
      for (int s = 0; s < mine.selections().size() && s < theirs.selections().size(); s++) {
        if (!mine.selections().get(s).ciphertext().equals(theirs.selections().get(s).ciphertext())) {
          return VerificationResult.invalid(Step.V13_CHALLENGED_BALLOTS, object + " selection "
              + mine.contestId() + "/" + mine.selections().get(s).selectionId(),
              "ciphertext does not encrypt the disclosed choice with the disclosed seed");
        }
      }
      for (int r = 0; r < mine.ranks().size() && r < theirs.ranks().size(); r++) {
        if (!mine.ranks().get(r).ciphertext().equals(theirs.ranks().get(r).ciphertext())) {
          return VerificationResult.invalid(Step.V13_CHALLENGED_BALLOTS, object + " rank " + mine.contestId() + "/"
              + (r + 1), "ciphertext does not encrypt the disclosed ranking with the disclosed seed");
        }
      }
      for (int w = 0; w < mine.writeIns().size() && w < theirs.writeIns().size(); w++) {
        if (!mine.writeIns().get(w).ciphertexts().equals(theirs.writeIns().get(w).ciphertexts())) {
          return VerificationResult.invalid(Step.V13_CHALLENGED_BALLOTS, object + " write-in " + mine.contestId()
              + "/" + mine.writeIns().get(w).selectionId(),
              "ciphertexts do not encrypt the disclosed name with the disclosed seed");
        }
      }
    }
    if (!again.equals(posted)) {
      return VerificationResult.invalid(Step.V13_CHALLENGED_BALLOTS, object,
          "re-encryption from the disclosed seed differs from the posted ballot");
    }
    return VerificationResult.VALID;
  }
}
