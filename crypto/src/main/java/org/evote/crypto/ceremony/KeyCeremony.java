package org.evote.crypto.ceremony;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.proof.ProofCheck;

/**
 * The whole key ceremony of protocol §7 for n guardians on one machine: every guardian generates, publishes,
 * checks the others' proofs, exchanges encrypted shares, checks them and combines. Fails naming the guardian if a
 * proof or share is bad. The shares sent make the ceremony's public transcript ({@link Outcome#transcript}).
 */
public final class KeyCeremony {
  private KeyCeremony() {}

  /** The ceremony's result: the public records (for the election config) and each guardian's secret key. */
  public static final class Outcome {
    private final List<GuardianRecord> records;
    private final List<GuardianKey> keys;
    private final Digest baseHash;
    private final List<EncryptedShare> shares;

    Outcome(Digest baseHash, List<GuardianRecord> records, List<GuardianKey> keys, List<EncryptedShare> shares) {
      this.baseHash = baseHash;
      this.records = List.copyOf(records);
      this.keys = List.copyOf(keys);
      this.shares = List.copyOf(shares);
    }

    /** Every encrypted share sent, in order of sender, then recipient (public). */
    public List<EncryptedShare> shares() {
      return shares;
    }

    /**
     * The ceremony's public transcript for the record (§10.3), bound to the election's H_E, which is computed from
     * these records (by {@code ElectionConfig}). The honest ceremony has no complaints and no reveals.
     */
    public CeremonyTranscript transcript(Digest extendedHash) {
      return new CeremonyTranscript(baseHash, extendedHash, shares, List.of(), List.of());
    }

    public List<GuardianRecord> records() {
      return records;
    }

    /** Guardian keys in index order — secrets. */
    public List<GuardianKey> keys() {
      return keys;
    }
  }

  /** Runs the ceremony for n guardians with quorum k, bound to the election base hash H_B. */
  public static Outcome run(Digest baseHash, int guardians, int quorum, SecureRandom random) {
    GuardianCeremony.checkSizes(guardians, quorum);
    List<GuardianCeremony> parties = new ArrayList<>();
    List<GuardianRecord> records = new ArrayList<>();
    for (int i = 1; i <= guardians; i++) {
      GuardianCeremony g = GuardianCeremony.start(baseHash, i, guardians, quorum, random);
      parties.add(g);
      records.add(g.record());
    }
    for (GuardianRecord r : records) {
      if (r.verifyProofs(baseHash) instanceof ProofCheck.Invalid invalid) {
        throw new IllegalStateException("guardian " + r.index() + " published an invalid proof: "
            + invalid.reason());
      }
    }
    List<EncryptedShare> sent = new ArrayList<>();
    for (GuardianCeremony sender : parties) {
      for (EncryptedShare share : sender.sharesFor(records, random)) {
        sent.add(share);
        GuardianCeremony recipient = parties.get(share.recipient() - 1);
        Optional<ShareComplaint> complaint = recipient.receive(share, sender.record());
        if (complaint.isPresent()) {
          throw new IllegalStateException("guardian " + complaint.get().accuser() + " rejects the share of guardian "
              + complaint.get().accused() + ": " + complaint.get().reason());
        }
      }
    }
    List<GuardianKey> keys = new ArrayList<>();
    for (GuardianCeremony g : parties) {
      keys.add(g.finish());
    }
    return new Outcome(baseHash, records, keys, sent);
  }
}
