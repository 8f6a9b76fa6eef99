package org.evote.crypto.ballot;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.elgamal.Ciphertext;
import org.evote.crypto.elgamal.ElGamal;
import org.evote.crypto.group.Scalar;
import org.evote.crypto.group.SecretScalar;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.hash.DomainTags;
import org.evote.crypto.hash.Hasher;
import org.evote.crypto.manifest.ContestDescription;
import org.evote.crypto.manifest.SelectionDescription;
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
    List<EncryptedContest> out = new ArrayList<>(contests.size());
    List<Digest> contestHashes = new ArrayList<>(contests.size());
    for (ContestDescription contest : contests) {
      List<SelectionDescription> descriptions = contest.selections();
      int count = descriptions.size();
      long[] votes = new long[count];
      SecretScalar[] nonces = new SecretScalar[count];
      SecretScalar nonceSum = SecretScalar.of(Scalar.ZERO);
      long marked = 0;
      for (int i = 0; i < count; i++) {
        votes[i] = ballot.vote(contest.id(), descriptions.get(i).id());
        marked += votes[i];
        nonces[i] = selectionNonce(he, xi, ballot.ballotId(), contest.id(), descriptions.get(i).id());
        nonceSum = nonceSum.add(nonces[i]);
      }
      Ciphertext[] cts = ElGamal.encryptAll(votes, nonces, config.jointKey());
      List<EncryptedSelection> selections = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        String sel = descriptions.get(i).id();
        RangeStatement st = RangeStatement.selection(he, config.jointKey(), ballot.ballotId(), contest.id(), sel,
            cts[i], ContestDescription.SELECTION_LIMIT);
        RangeProof proof = RangeProof.prove(st, votes[i], nonces[i],
            proofNonces(he, xi, ballot.ballotId(), contest.id(), sel));
        selections.add(new EncryptedSelection(sel, cts[i], proof));
      }
      Ciphertext sum = Ciphertext.sum(java.util.Arrays.asList(cts));
      RangeStatement st = RangeStatement.contest(he, config.jointKey(), ballot.ballotId(), contest.id(), sum,
          contest.votesAllowed());
      RangeProof contestProof = RangeProof.prove(st, marked, nonceSum,
          proofNonces(he, xi, ballot.ballotId(), contest.id(), ""));
      Digest chi = ConfirmationCodes.contestHash(he, ballot.ballotId(), contest.id(), selections);
      contestHashes.add(chi);
      out.add(new EncryptedContest(contest.id(), selections, contestProof, chi));
    }
    java.util.Arrays.fill(xi, (byte) 0);
    Digest code = ConfirmationCodes.confirmationCode(he, kioskId, previousCode, timestamp, ballot.ballotId(),
        ballot.styleId(), contestHashes);
    return new EncryptedBallot(ballot.ballotId(), ballot.styleId(), kioskId, timestamp, previousCode, out, code);
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
