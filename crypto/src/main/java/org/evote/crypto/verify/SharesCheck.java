package org.evote.crypto.verify;

import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.decrypt.DecryptionShare;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.group.Element;
import org.evote.crypto.json.Fields;
import org.evote.crypto.json.TallyJson;
import org.evote.crypto.proof.DecryptionProof;
import org.evote.crypto.proof.BatchVerifier;
import org.evote.crypto.tally.EncryptedTally;

/**
 * V15: each decryption share decodes, comes from a distinct guardian ℓ ≤ n, matches the tally's shape, and every
 * Chaum–Pedersen proof of its partial decryptions holds (batched per share, §4.5); at least k guardians decrypted.
 */
final class SharesCheck {
  private SharesCheck() {}

  /** The shares that passed. */
  static List<DecryptionShare> run(ElectionConfig config, EncryptedTally tally, List<JsonObject> shares,
      SecureRandom random, VerificationReport.Recorder v15) {
    List<DecryptionShare> valid = new ArrayList<>();
    SortedSet<Integer> guardians = new TreeSet<>();
    for (int i = 0; i < shares.size(); i++) {
      v15.checked(1);
      DecryptionShare share;
      try {
        share = TallyJson.decodeShare(Fields.of(shares.get(i), "decryption_shares[" + i + "]"));
      } catch (InvalidFieldException e) {
        v15.fail("decryption share " + i, e.getMessage());
        continue;
      }
      String object = "guardian " + share.guardian() + "'s decryption share";
      if (share.guardian() > config.guardianCount()) {
        v15.fail(object, "there are only " + config.guardianCount() + " guardians");
        continue;
      }
      if (!guardians.add(share.guardian())) {
        v15.fail(object, "guardian gave two shares");
        continue;
      }
      Optional<String> failure = check(config, tally, share, random);
      if (failure.isPresent()) {
        v15.fail(object, failure.get());
        continue;
      }
      valid.add(share);
    }
    if (guardians.size() < config.quorum()) {
      v15.fail("decryption shares", "only " + guardians.size() + " guardians decrypted; the quorum is "
          + config.quorum());
    }
    return valid;
  }

  private static Optional<String> check(ElectionConfig config, EncryptedTally tally, DecryptionShare share,
      SecureRandom random) {
    if (share.contests().size() != tally.contests().size()) {
      return Optional.of("covers " + share.contests().size() + " contests, the tally has " + tally.contests().size());
    }
    Element vk = config.verificationKey(share.guardian());
    BatchVerifier<String> batch = new BatchVerifier<>(random);
    for (int c = 0; c < tally.contests().size(); c++) {
      EncryptedTally.Contest tc = tally.contests().get(c);
      DecryptionShare.Contest sc = share.contests().get(c);
      if (!tc.contestId().equals(sc.contestId()) || tc.selections().size() != sc.selections().size()) {
        return Optional.of("contest " + c + " does not match the tally");
      }
      for (int s = 0; s < tc.selections().size(); s++) {
        EncryptedTally.Selection ts = tc.selections().get(s);
        DecryptionShare.Selection ss = sc.selections().get(s);
        if (!ts.selectionId().equals(ss.selectionId())) {
          return Optional.of("selection " + tc.contestId() + "/" + s + " does not match the tally");
        }
        batch.add(tc.contestId() + "/" + ts.selectionId(), ss.proof(), new DecryptionProof.Statement(
            config.extendedHash(), config.jointKey().element(), share.guardian(), vk, tc.contestId(),
            ts.selectionId(), ts.ciphertext(), ss.partial()));
      }
    }
    List<BatchVerifier.Failure<String>> failures = batch.verify();
    return failures.isEmpty() ? Optional.empty()
        : Optional.of(failures.get(0).label() + ": " + failures.get(0).reason());
  }
}
