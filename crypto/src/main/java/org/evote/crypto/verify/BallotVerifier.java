package org.evote.crypto.verify;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.evote.crypto.ballot.ConfirmationCodes;
import org.evote.crypto.ballot.EncryptedBallot;
import org.evote.crypto.ballot.EncryptedContest;
import org.evote.crypto.ballot.EncryptedSelection;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.manifest.ContestDescription;
import org.evote.crypto.manifest.SelectionDescription;
import org.evote.crypto.proof.BatchVerifier;
import org.evote.crypto.proof.RangeStatement;

/**
 * Verifies one encrypted ballot on its own (protocol §10.4 steps V8–V11): structure against the manifest, every
 * selection and contest range proof, the contest hashes and the confirmation code. Proofs are checked in one
 * {@link BatchVerifier}; the first failing proof it names is the result. Chain continuity and
 * uniqueness across ballots are board-level checks (V8, V12) done by the caller.
 */
public final class BallotVerifier {
  private final ElectionConfig config;
  private final SecureRandom random;

  public BallotVerifier(ElectionConfig config, SecureRandom random) {
    this.config = config;
    this.random = random;
  }

  /**
   * True if the manifest has a ballot style with this id: the first structure check of V8, for a caller that
   * answers an unknown style differently from other invalid ballots (the ballot server's {@code unknown_style}).
   */
  public boolean knowsStyle(String styleId) {
    return config.manifest().style(styleId).isPresent();
  }

  public VerificationResult verify(EncryptedBallot ballot) {
    String object = "ballot " + ballot.ballotId();
    VerificationResult structure = checkStructure(ballot, object);
    if (!structure.isValid()) {
      return structure;
    }
    VerificationResult proofs = checkProofs(ballot, object);
    if (!proofs.isValid()) {
      return proofs;
    }
    return checkCodes(ballot, object);
  }

  /** Where a proof sits on the ballot: its step (V9 or V10) and the object a failure names. */
  private record ProofLabel(Step step, String object) {}

  private VerificationResult checkStructure(EncryptedBallot ballot, String object) {
    if (!knowsStyle(ballot.styleId())) {
      return VerificationResult.invalid(Step.V8_BALLOT_STRUCTURE, object, "unknown ballot style "
          + ballot.styleId());
    }
    List<ContestDescription> expected = config.manifest().contestsFor(ballot.styleId());
    if (expected.size() != ballot.contests().size()) {
      return VerificationResult.invalid(Step.V8_BALLOT_STRUCTURE, object, "style " + ballot.styleId() + " has "
          + expected.size() + " contests, ballot has " + ballot.contests().size());
    }
    for (int c = 0; c < expected.size(); c++) {
      ContestDescription desc = expected.get(c);
      EncryptedContest contest = ballot.contests().get(c);
      if (!desc.id().equals(contest.contestId())) {
        return VerificationResult.invalid(Step.V8_BALLOT_STRUCTURE, object, "contest " + c + " is "
            + contest.contestId() + ", expected " + desc.id());
      }
      if (desc.selections().size() != contest.selections().size()) {
        return VerificationResult.invalid(Step.V8_BALLOT_STRUCTURE, object, "contest " + desc.id() + " has "
            + contest.selections().size() + " selections, expected " + desc.selections().size());
      }
      for (int s = 0; s < desc.selections().size(); s++) {
        SelectionDescription sd = desc.selections().get(s);
        if (!sd.id().equals(contest.selections().get(s).selectionId())) {
          return VerificationResult.invalid(Step.V8_BALLOT_STRUCTURE, object, "contest " + desc.id()
              + " selection " + s + " is " + contest.selections().get(s).selectionId() + ", expected " + sd.id());
        }
      }
    }
    return VerificationResult.VALID;
  }

  private VerificationResult checkProofs(EncryptedBallot ballot, String object) {
    Digest he = config.extendedHash();
    BatchVerifier<ProofLabel> batch = new BatchVerifier<>(random);
    List<ContestDescription> descs = config.manifest().contestsFor(ballot.styleId());
    for (int c = 0; c < descs.size() && !batch.hasRejected(); c++) {
      ContestDescription desc = descs.get(c);
      EncryptedContest contest = ballot.contests().get(c);
      for (EncryptedSelection sel : contest.selections()) {
        batch.add(new ProofLabel(Step.V9_SELECTION_PROOFS, object + " selection " + contest.contestId() + "/"
            + sel.selectionId()), sel.proof(), RangeStatement.selection(he, config.jointKey(), ballot.ballotId(),
            contest.contestId(), sel.selectionId(), sel.ciphertext(), ContestDescription.SELECTION_LIMIT));
        if (batch.hasRejected()) {
          break;
        }
      }
      if (!batch.hasRejected()) {
        batch.add(new ProofLabel(Step.V10_CONTEST_PROOFS, object + " contest " + contest.contestId()),
            contest.proof(), contestStatement(ballot, contest, desc.votesAllowed()));
      }
    }
    List<BatchVerifier.Failure<ProofLabel>> failures = batch.verify();
    if (failures.isEmpty()) {
      return VerificationResult.VALID;
    }
    BatchVerifier.Failure<ProofLabel> first = failures.get(0);
    return VerificationResult.invalid(first.label().step(), first.label().object(), first.reason());
  }

  private RangeStatement contestStatement(EncryptedBallot ballot, EncryptedContest contest, int votesAllowed) {
    return RangeStatement.contestOf(config.extendedHash(), config.jointKey(), ballot.ballotId(), contest.contestId(),
        contest.selections().stream().map(EncryptedSelection::ciphertext).toList(), votesAllowed);
  }

  private VerificationResult checkCodes(EncryptedBallot ballot, String object) {
    Digest he = config.extendedHash();
    List<Digest> hashes = new ArrayList<>();
    for (EncryptedContest contest : ballot.contests()) {
      Digest chi = ConfirmationCodes.contestHash(he, ballot.ballotId(), contest.contestId(), contest.selections());
      if (!chi.equals(contest.contestHash())) {
        return VerificationResult.invalid(Step.V11_CONFIRMATION_CODES, object + " contest " + contest.contestId(),
            "contest hash does not match its ciphertexts");
      }
      hashes.add(chi);
    }
    Digest code = ConfirmationCodes.confirmationCode(he, ballot.kioskId(), ballot.previousCode(),
        ballot.timestamp(), ballot.ballotId(), ballot.styleId(), hashes);
    if (!code.equals(ballot.confirmationCode())) {
      return VerificationResult.invalid(Step.V11_CONFIRMATION_CODES, object,
          "confirmation code does not match the ballot");
    }
    return VerificationResult.VALID;
  }
}
