package org.evote.crypto.ballot;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.elgamal.Ciphertext;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.Scalar;
import org.evote.crypto.group.SecretScalar;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.hash.DomainTags;
import org.evote.crypto.hash.Hasher;
import org.evote.crypto.manifest.ContestDescription;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.manifest.SelectionDescription;
import org.evote.crypto.proof.EncryptionBatch;
import org.evote.crypto.proof.NonceSource;
import org.evote.crypto.proof.RangeProof;
import org.evote.crypto.proof.RangeStatement;
import org.evote.crypto.proof.WriteInProof;

/**
 * Encrypts a plaintext ballot for an election (protocol §5): every selection of every contest on the ballot's
 * style that is not ranked, with its range proof and the contest's sum proof; every rank of every ranked contest
 * with its range proof 0 … n; every write-in line's name as {@link MixedContests#WRITE_IN_POINTS} point
 * ciphertexts with their proofs of knowledge; each contest's hash and the confirmation code continuing the kiosk's
 * chain. Deterministic given the seed, so a disclosed seed reproduces the ballot bit for bit (§6).
 */
public final class BallotEncryptor {
  private final ElectionConfig config;

  public BallotEncryptor(ElectionConfig config) {
    this.config = config;
  }

  /**
   * Encrypts {@code ballot}. Rejects (IllegalArgumentException) an unknown style, a contest not on the style, an
   * unknown selection, more marks than a contest allows (more ranks than a ranked contest has), a name on a line
   * that is no write-in line or is not marked (ranked), and a marked (ranked) write-in line without a name.
   */
  public EncryptedBallot encrypt(PlaintextBallot ballot, BallotSeed seed, String kioskId, long timestamp,
      Digest previousCode) {
    List<ContestDescription> contests = config.manifest().contestsFor(ballot.styleId());
    if (config.manifest().style(ballot.styleId()).isEmpty()) {
      throw new IllegalArgumentException("unknown ballot style " + ballot.styleId());
    }
    validate(config.manifest(), ballot, contests);
    Digest he = config.extendedHash();
    byte[] xi = seed.toBytes();
    EncryptionBatch batch = new EncryptionBatch(config.jointKey());
    List<ContestWork> work = new ArrayList<>(contests.size());
    for (ContestDescription contest : contests) {
      work.add(new ContestWork(contest, ballot, he, xi, batch));
    }
    java.util.Arrays.fill(xi, (byte) 0);
    batch.run();
    List<EncryptedContest> out = new ArrayList<>(contests.size());
    List<Digest> contestHashes = new ArrayList<>(contests.size());
    for (ContestWork w : work) {
      EncryptedContest ec = w.finish(he, ballot.ballotId());
      contestHashes.add(ec.contestHash());
      out.add(ec);
    }
    Digest code = ConfirmationCodes.confirmationCode(he, kioskId, previousCode, timestamp, ballot.ballotId(),
        ballot.styleId(), contestHashes);
    return new EncryptedBallot(ballot.ballotId(), ballot.styleId(), kioskId, timestamp, previousCode, out, code);
  }

  /**
   * One contest between registering its fixed-base multiplications in the ballot's batch and completing its
   * proofs: for each selection α = r·G and β = r·K + m·G (§3.1) and its range proof's commitments, then the contest
   * proof's; or for each rank Enc(m_i) and its range proof's; then each write-in line's point encryptions and
   * proof commitments.
   */
  private final class ContestWork {
    final ContestDescription contest;
    final List<SelectionDescription> lines;
    EncryptionBatch.PendingCiphertext[] ciphertexts = new EncryptionBatch.PendingCiphertext[0];
    RangeProof.Pending[] proofs = new RangeProof.Pending[0];
    RangeProof.Pending contestProof;
    final EncryptionBatch.PendingCiphertext[][] names;
    final WriteInProof.Pending[][] nameProofs;

    ContestWork(ContestDescription contest, PlaintextBallot ballot, Digest he, byte[] xi, EncryptionBatch batch) {
      this.contest = contest;
      String ballotId = ballot.ballotId();
      if (contest.isRanked()) {
        int ranks = contest.votesAllowed();
        int n = contest.selections().size();
        List<String> ranking = ballot.ranking(contest.id());
        ciphertexts = new EncryptionBatch.PendingCiphertext[ranks];
        proofs = new RangeProof.Pending[ranks];
        for (int i = 1; i <= ranks; i++) {
          long m = i <= ranking.size() ? position(contest, ranking.get(i - 1)) : 0;
          NonceSource nonces = NonceSource.forRank(he, xi, ballotId, contest.id(), i);
          SecretScalar r = nonces.encryptionNonce();
          ciphertexts[i - 1] = batch.encrypt(m, r);
          proofs[i - 1] = batch.rangeProof(n, m, r, nonces);
        }
      } else {
        List<SelectionDescription> descriptions = contest.selections();
        int count = descriptions.size();
        ciphertexts = new EncryptionBatch.PendingCiphertext[count];
        proofs = new RangeProof.Pending[count];
        SecretScalar nonceSum = SecretScalar.of(Scalar.ZERO);
        long marked = 0;
        for (int i = 0; i < count; i++) {
          String sel = descriptions.get(i).id();
          long vote = ballot.vote(contest.id(), sel);
          marked += vote;
          SecretScalar r = selectionNonce(he, xi, ballotId, contest.id(), sel);
          nonceSum = nonceSum.add(r);
          ciphertexts[i] = batch.encrypt(vote, r);
          proofs[i] = batch.rangeProof(ContestDescription.SELECTION_LIMIT, vote, r,
              proofNonces(he, xi, ballotId, contest.id(), sel));
        }
        contestProof = batch.rangeProof(contest.votesAllowed(), marked, nonceSum,
            proofNonces(he, xi, ballotId, contest.id(), ""));
      }
      lines = MixedContests.writeInLines(config.manifest(), contest);
      names = new EncryptionBatch.PendingCiphertext[lines.size()][];
      nameProofs = new WriteInProof.Pending[lines.size()][];
      for (int l = 0; l < lines.size(); l++) {
        String sel = lines.get(l).id();
        List<Element> points = NamePoints.encode(ballot.writeIn(contest.id(), sel));
        names[l] = new EncryptionBatch.PendingCiphertext[points.size()];
        nameProofs[l] = new WriteInProof.Pending[points.size()];
        for (int k = 1; k <= points.size(); k++) {
          NonceSource nonces = NonceSource.forWriteIn(he, xi, ballotId, contest.id(), sel, k);
          SecretScalar r = nonces.encryptionNonce();
          names[l][k - 1] = batch.encryptPoint(points.get(k - 1), r);
          nameProofs[l][k - 1] = batch.writeInProof(r, nonces);
        }
      }
    }

    EncryptedContest finish(Digest he, String ballotId) {
      List<EncryptedSelection> selections = new ArrayList<>();
      List<EncryptedRank> ranks = new ArrayList<>();
      RangeProof proof = null;
      if (contest.isRanked()) {
        for (int i = 0; i < ciphertexts.length; i++) {
          Ciphertext ct = ciphertexts[i].get();
          RangeStatement st = RangeStatement.rank(he, config.jointKey(), ballotId, contest.id(), i + 1, ct,
              contest.selections().size());
          ranks.add(new EncryptedRank(ct, proofs[i].finish(st)));
        }
      } else {
        List<SelectionDescription> descriptions = contest.selections();
        List<Ciphertext> cts = new ArrayList<>(descriptions.size());
        for (int i = 0; i < descriptions.size(); i++) {
          String sel = descriptions.get(i).id();
          Ciphertext ct = ciphertexts[i].get();
          cts.add(ct);
          RangeStatement st = RangeStatement.selection(he, config.jointKey(), ballotId, contest.id(), sel, ct,
              ContestDescription.SELECTION_LIMIT);
          selections.add(new EncryptedSelection(sel, ct, proofs[i].finish(st)));
        }
        proof = contestProof.finish(RangeStatement.contest(he, config.jointKey(), ballotId, contest.id(),
            Ciphertext.sum(cts), contest.votesAllowed()));
      }
      List<EncryptedWriteIn> writeIns = new ArrayList<>(lines.size());
      for (int l = 0; l < lines.size(); l++) {
        String sel = lines.get(l).id();
        List<Ciphertext> cts = new ArrayList<>(names[l].length);
        List<WriteInProof> ps = new ArrayList<>(names[l].length);
        for (int k = 0; k < names[l].length; k++) {
          Ciphertext ct = names[l][k].get();
          cts.add(ct);
          ps.add(nameProofs[l][k].finish(new WriteInProof.Statement(he, config.jointKey(), ballotId, contest.id(),
              sel, k + 1, ct)));
        }
        writeIns.add(new EncryptedWriteIn(sel, cts, ps));
      }
      EncryptedContest draft = new EncryptedContest(contest.id(), selections, proof, ranks, writeIns, Digest.ZERO);
      return draft.withContestHash(ConfirmationCodes.contestHash(he, ballotId, draft));
    }
  }

  /** The 1-based position of a selection in its contest's manifest order (what a rank encrypts, §5.2). */
  static int position(ContestDescription contest, String selectionId) {
    List<SelectionDescription> sels = contest.selections();
    for (int i = 0; i < sels.size(); i++) {
      if (sels.get(i).id().equals(selectionId)) {
        return i + 1;
      }
    }
    throw new IllegalArgumentException("contest " + contest.id() + " has no selection " + selectionId);
  }

  private static void validate(Manifest manifest, PlaintextBallot ballot, List<ContestDescription> contests) {
    Set<String> onStyle = new HashSet<>();
    for (ContestDescription c : contests) {
      onStyle.add(c.id());
      Set<String> marked = ballot.marked(c.id());
      if (marked.size() > c.votesAllowed()) {
        throw new IllegalArgumentException(c.isRanked()
            ? "contest " + c.id() + " allows " + c.votesAllowed() + " ranks, " + marked.size() + " ranked"
            : "contest " + c.id() + " allows " + c.votesAllowed() + " votes, " + marked.size()
                + " marked (overvote)");
      }
      for (String s : marked) {
        if (c.selection(s).isEmpty()) {
          throw new IllegalArgumentException("contest " + c.id() + " has no selection " + s);
        }
      }
      Map<String, String> names = ballot.writeIns().getOrDefault(c.id(), Map.of());
      Set<String> lines = new HashSet<>();
      for (SelectionDescription line : MixedContests.writeInLines(manifest, c)) {
        lines.add(line.id());
        if (marked.contains(line.id()) && !names.containsKey(line.id())) {
          throw new IllegalArgumentException("contest " + c.id() + ": write-in line " + line.id()
              + " is " + (c.isRanked() ? "ranked" : "marked") + " without a name");
        }
      }
      for (String sel : names.keySet()) {
        if (!lines.contains(sel)) {
          throw new IllegalArgumentException("contest " + c.id() + ": " + sel + " is no write-in line");
        }
        if (!marked.contains(sel)) {
          throw new IllegalArgumentException("contest " + c.id() + ": write-in line " + sel + " has a name but is "
              + (c.isRanked() ? "not ranked" : "not marked"));
        }
      }
    }
    for (String contestId : ballot.contestIds()) {
      if (!onStyle.contains(contestId)) {
        throw new IllegalArgumentException("contest " + contestId + " is not on style " + ballot.styleId());
      }
    }
    for (String contestId : ballot.writeIns().keySet()) {
      if (!onStyle.contains(contestId)) {
        throw new IllegalArgumentException("contest " + contestId + " is not on style " + ballot.styleId());
      }
    }
  }

  /** r = H_wide(NONCE_SELECTION; H_E, ξ, ballot id, contest id, selection id) (§2.2, §3.2). */
  static SecretScalar selectionNonce(Digest he, byte[] seed, String ballotId, String contestId, String selectionId) {
    return Hasher.tagged(DomainTags.NONCE_SELECTION).digest(he).bytes(seed).string(ballotId).string(contestId)
        .string(selectionId).toWideSecret();
  }

  /** Proof nonces H_wide(NONCE_PROOF; H_E, ξ, ballot id, contest id, selection id or "", purpose, j) (§3.2). */
  static NonceSource proofNonces(Digest he, byte[] seed, String ballotId, String contestId, String selectionId) {
    return NonceSource.fromBallotSeed(he, seed, ballotId, contestId, selectionId);
  }
}
