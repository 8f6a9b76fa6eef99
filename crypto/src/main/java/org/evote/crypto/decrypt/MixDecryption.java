package org.evote.crypto.decrypt;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.evote.crypto.ceremony.GuardianKey;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.group.Element;
import org.evote.crypto.mix.MixList;

/**
 * The tally's part after the cascade (protocol §13.5–§13.7): the present guardians each decrypt the final lists with
 * proofs, the shares are combined, the rows decoded and counted — what {@code mix_decryption.json},
 * {@code mixed_ballots.json} and {@code ranked_result.json} hold, and what V22 and V23 check again.
 */
public final class MixDecryption {
  private MixDecryption() {}

  /** The shares, the decoded rows (one list per mixed contest, manifest order) and the counts. */
  public record Outcome(List<MixDecryptionShare> shares, List<DecodedList> decoded, MixedResults.Counts counts) {
    public Outcome {
      shares = List.copyOf(shares);
      decoded = List.copyOf(decoded);
    }
  }

  /** Decrypts {@code finalLists} (the cascade's output, manifest order) with {@code keys} (at least k). */
  public static Outcome run(ElectionConfig config, List<MixList> finalLists, List<GuardianKey> keys,
      SecureRandom random, int threads) throws Decryptor.DecryptionException, MixedResults.UndecodableRowException {
    MixDecryptor d = new MixDecryptor(config, threads);
    List<MixDecryptionShare> shares = new ArrayList<>();
    for (GuardianKey k : keys) {
      shares.add(d.partialDecrypt(k, finalLists, random));
    }
    List<List<List<Element>>> points = d.combine(finalLists, shares);
    List<DecodedList> decoded = MixedResults.decode(config.manifest(), finalLists, points);
    return new Outcome(shares, decoded, MixedResults.count(config.manifest(), config.extendedHash(), finalLists,
        decoded));
  }
}
