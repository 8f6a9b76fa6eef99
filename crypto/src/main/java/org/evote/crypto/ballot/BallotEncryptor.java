package org.evote.crypto.ballot;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.elgamal.Ciphertext;
import org.evote.crypto.group.Scalar;
import org.evote.crypto.group.SecretScalar;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.hash.DomainTags;
import org.evote.crypto.hash.Hasher;
import org.evote.crypto.manifest.ContestDescription;
import org.evote.crypto.manifest.SelectionDescription;
import org.evote.crypto.proof.EncryptionBatch;
import org.evote.crypto.proof.NonceSource;
import org.evote.crypto.proof.RangeProof;
import org.evote.crypto.proof.RangeStatement;

/**
 * Encrypts a plaintext ballot for an election (protocol §5): every selection of every contest on the ballot's
 * style, with its range proof, each contest's sum proof and hash, and the confirmation code continuing the kiosk's
 * chain. Deterministic given the seed, so a disclosed seed reproduces the ballot bit for bit (§6).
 */
public final class BallotEncryptor {
  private final ElectionConfig config;

  public BallotEncryptor(ElectionConfig config) {
    this.config = config;
  }

  /**
   * Encrypts {@code ballot}. Rejects (IllegalArgumentException) an unknown style, a contest not on the style, an
   * unknown selection or more marks than a contest allows.
   */
  public EncryptedBallot encrypt(PlaintextBallot ballot, BallotSeed seed, String kioskId, long timestamp,
      Digest previousCode) {
    List<ContestDescription> contests = config.manifest().contestsFor(ballot.styleId());
    if (config.manifest().style(ballot.styleId()).isEmpty()) {
      throw new IllegalArgumentException("unknown ballot style " + ballot.styleId());
    }
    validate(ballot, contests);
    Digest he = config.extendedHash();
    byte[] xi = seed.toBytes();
    EncryptionBatch batch = new EncryptionBatch(config.jointKey());
    List<ContestWork> work = new ArrayList<>(contests.size());
    for (ContestDescription contest : contests) {
      work.add(begin(contest, ballot, he, xi, batch));
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
   * Derives a contest's nonces and registers all its fixed-base multiplications in {@code batch}: for each selection
   * α = r·G and β = r·K + m·G (§3.1) and its range proof's commitments, then the contest proof's commitments.
   */
  private ContestWork begin(ContestDescription contest, PlaintextBallot ballot, Digest he, byte[] xi,
      EncryptionBatch batch) {
    List<SelectionDescription> descriptions = contest.selections();
    int count = descriptions.size();
    ContestWork w = new ContestWork(contest, count);
    SecretScalar nonceSum = SecretScalar.of(Scalar.ZERO);
    long marked = 0;
    for (int i = 0; i < count; i++) {
      String sel = descriptions.get(i).id();
      long vote = ballot.vote(contest.id(), sel);
      marked += vote;
      SecretScalar r = selectionNonce(he, xi, ballot.ballotId(), contest.id(), sel);
      nonceSum = nonceSum.add(r);
      w.ciphertexts[i] = batch.encrypt(vote, r);
      w.proofs[i] = batch.rangeProof(ContestDescription.SELECTION_LIMIT, vote, r,
          proofNonces(he, xi, ballot.ballotId(), contest.id(), sel));
    }
    w.contestProof = batch.rangeProof(contest.votesAllowed(), marked, nonceSum,
        proofNonces(he, xi, ballot.ballotId(), contest.id(), ""));
    return w;
  }

  /** One contest between registering its multiplications and completing its proofs. */
  private final class ContestWork {
    final ContestDescription contest;
    final EncryptionBatch.PendingCiphertext[] ciphertexts;
    final RangeProof.Pending[] proofs;
    RangeProof.Pending contestProof;

    ContestWork(ContestDescription contest, int count) {
      this.contest = contest;
      ciphertexts = new EncryptionBatch.PendingCiphertext[count];
      proofs = new RangeProof.Pending[count];
    }

    EncryptedContest finish(Digest he, String ballotId) {
      List<SelectionDescription> descriptions = contest.selections();
      List<EncryptedSelection> selections = new ArrayList<>(descriptions.size());
      List<Ciphertext> cts = new ArrayList<>(descriptions.size());
      for (int i = 0; i < descriptions.size(); i++) {
        String sel = descriptions.get(i).id();
        Ciphertext ct = ciphertexts[i].get();
        cts.add(ct);
        RangeStatement st = RangeStatement.selection(he, config.jointKey(), ballotId, contest.id(), sel, ct,
            ContestDescription.SELECTION_LIMIT);
        selections.add(new EncryptedSelection(sel, ct, proofs[i].finish(st)));
      }
      RangeStatement st = RangeStatement.contest(he, config.jointKey(), ballotId, contest.id(),
          Ciphertext.sum(cts), contest.votesAllowed());
      RangeProof proof = contestProof.finish(st);
      Digest chi = ConfirmationCodes.contestHash(he, ballotId, contest.id(), selections);
      return new EncryptedContest(contest.id(), selections, proof, chi);
    }
  }

  private static void validate(PlaintextBallot ballot, List<ContestDescription> contests) {
    Set<String> onStyle = new HashSet<>();
    for (ContestDescription c : contests) {
      onStyle.add(c.id());
      Set<String> marked = ballot.marked(c.id());
      if (marked.size() > c.votesAllowed()) {
        throw new IllegalArgumentException("contest " + c.id() + " allows " + c.votesAllowed() + " votes, "
            + marked.size() + " marked (overvote)");
      }
      for (String s : marked) {
        if (c.selection(s).isEmpty()) {
          throw new IllegalArgumentException("contest " + c.id() + " has no selection " + s);
        }
      }
    }
    for (String contestId : ballot.contestIds()) {
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
