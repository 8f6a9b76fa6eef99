package org.evote.crypto.board;

import java.util.List;
import org.evote.crypto.ballot.BallotSeed;
import org.evote.crypto.ballot.EncryptedBallot;
import org.evote.crypto.ballot.PlaintextBallot;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.note.VerifierKey;

/** The payload of each {@link EntryKind} (protocol §9.1), read from an entry's canonical JSON. */
public sealed interface EntryPayload {
  EntryKind kind();

  /**
   * Entry 0: the election's extended hash, the election object's canonical JSON, the board's public key, and the
   * board's checkpoint key (§9.8), whose name is the board's checkpoint origin for this election.
   */
  record ElectionPublished(Digest extendedHash, String electionJson, Ed25519.PublicKey boardKey,
      VerifierKey checkpointKey) implements EntryPayload {
    public ElectionPublished {
      BoardOrigin.ofCheckpointKey(checkpointKey, extendedHash, "checkpoint_key");
    }

    @Override
    public EntryKind kind() {
      return EntryKind.ELECTION_PUBLISHED;
    }
  }

  /** Polls open: ballots may be cast from now on. */
  record PollsOpened() implements EntryPayload {
    @Override
    public EntryKind kind() {
      return EntryKind.POLLS_OPENED;
    }
  }

  /** A kiosk and the public key its submissions are signed with. */
  record KioskRegistered(String kioskId, Ed25519.PublicKey publicKey) implements EntryPayload {
    @Override
    public EntryKind kind() {
      return EntryKind.KIOSK_REGISTERED;
    }
  }

  /** A kiosk whose later submissions are refused. */
  record KioskRevoked(String kioskId, String reason) implements EntryPayload {
    @Override
    public EntryKind kind() {
      return EntryKind.KIOSK_REVOKED;
    }
  }

  /** A cast ballot with the kiosk's request id and signature over the submission (§9.5). */
  record BallotCast(String requestId, EncryptedBallot ballot, Ed25519.Signature signature) implements EntryPayload {
    @Override
    public EntryKind kind() {
      return EntryKind.BALLOT_CAST;
    }
  }

  /** A challenged ballot with its disclosed seed and plaintext; never counted (§6). */
  record BallotChallenged(String requestId, EncryptedBallot ballot, BallotSeed seed, PlaintextBallot plaintext,
      Ed25519.Signature signature) implements EntryPayload {
    @Override
    public EntryKind kind() {
      return EntryKind.BALLOT_CHALLENGED;
    }
  }

  /**
   * A refused ballot (§9.6, "Refusal records"): the kiosk's submission exactly as it signed it (a
   * {@link BallotCast} or {@link BallotChallenged} payload, of {@code submissionKind}) and why it was refused.
   */
  record BallotRefused(EntryKind submissionKind, EntryPayload submission, RefusalReason reason)
      implements EntryPayload {
    public BallotRefused {
      if (submissionKind == null || submission == null || reason == null || submission.kind() != submissionKind
          || (submissionKind != EntryKind.BALLOT_CAST && submissionKind != EntryKind.BALLOT_CHALLENGED)) {
        throw new IllegalArgumentException("a refusal records a cast or challenged ballot of its submission kind,"
            + " with a reason");
      }
    }

    /** The refused ballot. */
    public EncryptedBallot ballot() {
      return submission instanceof BallotCast c ? c.ballot() : ((BallotChallenged) submission).ballot();
    }

    @Override
    public EntryKind kind() {
      return EntryKind.BALLOT_REFUSED;
    }
  }

  /** Polls closed, with every kiosk's chain closing value (§5.4). */
  record PollsClosed(List<ChainClose> chains) implements EntryPayload {
    public PollsClosed {
      chains = List.copyOf(chains);
    }

    @Override
    public EntryKind kind() {
      return EntryKind.POLLS_CLOSED;
    }
  }

  /** One kiosk's chain at closing: ballots it posted, its last confirmation code and H(CHAIN_CLOSE; …). */
  record ChainClose(String kioskId, long ballots, Digest lastCode, Digest closeHash) {}

  /** The hashes of the published encrypted tally, decryption shares and result (§10.3). */
  record TallyPublished(Digest tallyHash, Digest sharesHash, Digest resultHash) implements EntryPayload {
    @Override
    public EntryKind kind() {
      return EntryKind.TALLY_PUBLISHED;
    }
  }
}
