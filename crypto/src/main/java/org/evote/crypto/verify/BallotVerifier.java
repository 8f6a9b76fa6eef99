package org.evote.crypto.verify;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.evote.crypto.ballot.ConfirmationCodes;
import org.evote.crypto.ballot.EncryptedBallot;
import org.evote.crypto.ballot.EncryptedContest;
import org.evote.crypto.ballot.EncryptedRank;
import org.evote.crypto.ballot.EncryptedSelection;
import org.evote.crypto.ballot.EncryptedWriteIn;
import org.evote.crypto.ballot.MixedContests;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.manifest.ContestDescription;
import org.evote.crypto.manifest.SelectionDescription;
import org.evote.crypto.proof.BatchVerifier;
import org.evote.crypto.proof.RangeStatement;
import org.evote.crypto.proof.WriteInProof;

/**
 * Verifies one encrypted ballot on its own (protocol §10.4 steps V8–V11): structure against the manifest, every
 * selection, rank and contest range proof, every write-in proof, the contest hashes and the confirmation code. Proofs are checked in one
 * {@link BatchVerifier}; the first failing proof it names is the result. {@link #verifyAll} does the same for many
 * ballots with one combination of all their proofs, and gives the same results. Chain continuity and
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
    String object = objectOf(ballot);
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

  /**
   * Verifies several ballots (protocol §4.5, "Batches across ballots"): the result of each, in the same order,
   * exactly as {@link #verify} gives it. Each ballot's structure and its proofs' pre-checks are checked on their
   * own; the equations of all proofs of the ballots that pass them form one random linear combination (one
   * multi-scalar multiplication, weights from this verifier's SecureRandom). If it holds, each of those ballots
   * goes on to its contest hashes and confirmation code; if it fails, each of them is verified again on its own
   * ({@link #verify}), which names exactly the bad ones. A batch with bad ballots thus costs at most one more
   * pass of per-ballot verification than the same ballots verified one at a time, never more (linear in the
   * batch). Thread-safe, as {@link #verify} is.
   */
  public List<VerificationResult> verifyAll(List<EncryptedBallot> ballots) {
    int n = ballots.size();
    VerificationResult[] results = new VerificationResult[n];
    BatchVerifier<ProofLabel> batch = new BatchVerifier<>(random);
    List<Integer> together = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      EncryptedBallot ballot = ballots.get(i);
      String object = objectOf(ballot);
      VerificationResult structure = checkStructure(ballot, object);
      if (!structure.isValid()) {
        results[i] = structure;
        continue;
      }
      int mark = batch.rejections().size();
      if (addProofs(batch, ballot, object)) {
        together.add(i);
      } else {
        results[i] = invalid(batch.rejections().get(mark));
      }
    }
    boolean holds = together.isEmpty() || batch.holdsTogether();
    for (int i : together) {
      EncryptedBallot ballot = ballots.get(i);
      results[i] = holds ? checkCodes(ballot, objectOf(ballot)) : verify(ballot);
    }
    return List.of(results);
  }

  private static String objectOf(EncryptedBallot ballot) {
    return "ballot " + ballot.ballotId();
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
      String problem = contestShape(desc, contest);
      if (problem != null) {
        return VerificationResult.invalid(Step.V8_BALLOT_STRUCTURE, object, problem);
      }
    }
    return VerificationResult.VALID;
  }

  /** Why the contest does not have its description's shape (§5.2, §5.6), or null if it has. */
  private String contestShape(ContestDescription desc, EncryptedContest contest) {
    if (desc.isRanked()) {
      if (!contest.isRanked()) {
        return "contest " + desc.id() + " is ranked: expected " + desc.votesAllowed()
            + " ranks, the ballot has selections";
      }
      if (contest.ranks().size() != desc.votesAllowed()) {
        return "contest " + desc.id() + " has " + contest.ranks().size() + " ranks, expected "
            + desc.votesAllowed();
      }
    } else {
      if (contest.isRanked()) {
        return "contest " + desc.id() + " is not ranked, the ballot has ranks";
      }
      if (desc.selections().size() != contest.selections().size()) {
        return "contest " + desc.id() + " has " + contest.selections().size() + " selections, expected "
            + desc.selections().size();
      }
      for (int s = 0; s < desc.selections().size(); s++) {
        SelectionDescription sd = desc.selections().get(s);
        if (!sd.id().equals(contest.selections().get(s).selectionId())) {
          return "contest " + desc.id() + " selection " + s + " is " + contest.selections().get(s).selectionId()
              + ", expected " + sd.id();
        }
      }
    }
    List<SelectionDescription> lines = MixedContests.writeInLines(config.manifest(), desc);
    if (lines.size() != contest.writeIns().size()) {
      return "contest " + desc.id() + " has " + contest.writeIns().size() + " encrypted write-in names, expected "
          + lines.size();
    }
    for (int l = 0; l < lines.size(); l++) {
      if (!lines.get(l).id().equals(contest.writeIns().get(l).selectionId())) {
        return "contest " + desc.id() + " write-in " + l + " is " + contest.writeIns().get(l).selectionId()
            + ", expected " + lines.get(l).id();
      }
    }
    return null;
  }

  private VerificationResult checkProofs(EncryptedBallot ballot, String object) {
    BatchVerifier<ProofLabel> batch = new BatchVerifier<>(random);
    addProofs(batch, ballot, object);
    List<BatchVerifier.Failure<ProofLabel>> failures = batch.verify();
    if (failures.isEmpty()) {
      return VerificationResult.VALID;
    }
    return invalid(failures.get(0));
  }

  /**
   * Adds the ballot's selection proofs and contest proofs, in ballot order, to {@code batch}, stopping at the first
   * of them rejected before its equations; true if none was.
   */
  private boolean addProofs(BatchVerifier<ProofLabel> batch, EncryptedBallot ballot, String object) {
    int mark = batch.rejections().size();
    Digest he = config.extendedHash();
    List<ContestDescription> descs = config.manifest().contestsFor(ballot.styleId());
    for (int c = 0; c < descs.size(); c++) {
      ContestDescription desc = descs.get(c);
      EncryptedContest contest = ballot.contests().get(c);
      for (EncryptedSelection sel : contest.selections()) {
        batch.add(new ProofLabel(Step.V9_SELECTION_PROOFS, object + " selection " + contest.contestId() + "/"
            + sel.selectionId()), sel.proof(), RangeStatement.selection(he, config.jointKey(), ballot.ballotId(),
            contest.contestId(), sel.selectionId(), sel.ciphertext(), ContestDescription.SELECTION_LIMIT));
        if (batch.rejections().size() > mark) {
          return false;
        }
      }
      for (int i = 0; i < contest.ranks().size(); i++) {
        EncryptedRank rank = contest.ranks().get(i);
        batch.add(new ProofLabel(Step.V9_SELECTION_PROOFS, object + " rank " + contest.contestId() + "/" + (i + 1)),
            rank.proof(), RangeStatement.rank(he, config.jointKey(), ballot.ballotId(), contest.contestId(), i + 1,
                rank.ciphertext(), desc.selections().size()));
        if (batch.rejections().size() > mark) {
          return false;
        }
      }
      for (EncryptedWriteIn line : contest.writeIns()) {
        for (int k = 0; k < line.ciphertexts().size(); k++) {
          batch.add(new ProofLabel(Step.V9_SELECTION_PROOFS, object + " write-in " + contest.contestId() + "/"
              + line.selectionId() + "/" + (k + 1)), line.proofs().get(k), new WriteInProof.Statement(he,
              config.jointKey(), ballot.ballotId(), contest.contestId(), line.selectionId(), k + 1,
              line.ciphertexts().get(k)));
          if (batch.rejections().size() > mark) {
            return false;
          }
        }
      }
      if (contest.isRanked()) {
        continue;
      }
      batch.add(new ProofLabel(Step.V10_CONTEST_PROOFS, object + " contest " + contest.contestId()),
          contest.proof(), contestStatement(ballot, contest, desc.votesAllowed()));
      if (batch.rejections().size() > mark) {
        return false;
      }
    }
    return true;
  }

  private static VerificationResult invalid(BatchVerifier.Failure<ProofLabel> failure) {
    return VerificationResult.invalid(failure.label().step(), failure.label().object(), failure.reason());
  }

  private RangeStatement contestStatement(EncryptedBallot ballot, EncryptedContest contest, int votesAllowed) {
    return RangeStatement.contestOf(config.extendedHash(), config.jointKey(), ballot.ballotId(), contest.contestId(),
        contest.selections().stream().map(EncryptedSelection::ciphertext).toList(), votesAllowed);
  }

  private VerificationResult checkCodes(EncryptedBallot ballot, String object) {
    Digest he = config.extendedHash();
    List<Digest> hashes = new ArrayList<>();
    for (EncryptedContest contest : ballot.contests()) {
      Digest chi = ConfirmationCodes.contestHash(he, ballot.ballotId(), contest);
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
