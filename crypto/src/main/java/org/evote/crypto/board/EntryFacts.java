package org.evote.crypto.board;

import java.util.List;
import org.evote.crypto.ballot.EncryptedBallot;
import org.evote.crypto.ballot.EncryptedContest;
import org.evote.crypto.ballot.EncryptedSelection;
import org.evote.crypto.hash.Digest;

/**
 * What the board's rules ({@link BoardState}) read of an entry's payload. A ballot's facts can be taken from a
 * decoded ballot or read straight from its JSON without decoding a point ({@code BoardJson.decodeFacts}), so a
 * board can be replayed at the speed of JSON parsing.
 */
public sealed interface EntryFacts {
  EntryKind kind();

  /** The facts of a decoded payload ({@code unsignedPayload} is the signed text of a ballot entry, §9.5). */
  static EntryFacts of(EntryPayload payload, String unsignedPayload) {
    if (payload instanceof EntryPayload.BallotCast c) {
      return Ballot.of(EntryKind.BALLOT_CAST, c.requestId(), c.ballot(), c.signature(), unsignedPayload);
    }
    if (payload instanceof EntryPayload.BallotChallenged c) {
      return Ballot.of(EntryKind.BALLOT_CHALLENGED, c.requestId(), c.ballot(), c.signature(), unsignedPayload);
    }
    if (payload instanceof EntryPayload.BallotRefused r) {
      return new Refused((Ballot) of(r.submission(), unsignedPayload), r.reason());
    }
    return new Control(payload);
  }

  /** Any entry that is not a ballot: its whole payload (these are small and have no points to decode). */
  record Control(EntryPayload payload) implements EntryFacts {
    public Control {
      if (payload == null || payload instanceof EntryPayload.BallotCast
          || payload instanceof EntryPayload.BallotChallenged || payload instanceof EntryPayload.BallotRefused) {
        throw new IllegalArgumentException("ballot entries are described by EntryFacts.Ballot or Refused");
      }
    }

    @Override
    public EntryKind kind() {
      return payload.kind();
    }
  }

  /**
   * A {@code ballot_refused} entry: the facts of the refused submission (its kind is the submission's) and the
   * recorded reason. {@code submission.unsignedPayload()} is the text the kiosk signed.
   */
  record Refused(Ballot submission, RefusalReason reason) implements EntryFacts {
    public Refused {
      if (submission == null || reason == null) {
        throw new IllegalArgumentException("a refusal's facts name its submission and reason");
      }
    }

    @Override
    public EntryKind kind() {
      return EntryKind.BALLOT_REFUSED;
    }
  }

  /**
   * A cast or challenged ballot: its request id, ids, chain link, time, the encodings of every α (in ballot order:
   * per contest its selections', ranks', then write-in names'), the kiosk's signature and the canonical payload text it signs (§9.5).
   */
  record Ballot(EntryKind kind, String requestId, String ballotId, String kioskId, Digest previousCode,
      Digest confirmationCode, long timestamp, List<String> alphas, Ed25519.Signature signature,
      String unsignedPayload) implements EntryFacts {
    public Ballot {
      if (kind != EntryKind.BALLOT_CAST && kind != EntryKind.BALLOT_CHALLENGED) {
        throw new IllegalArgumentException("not a ballot kind: " + kind);
      }
      if (requestId == null || ballotId == null || kioskId == null || previousCode == null
          || confirmationCode == null || signature == null || unsignedPayload == null) {
        throw new IllegalArgumentException("ballot facts must not be null");
      }
      alphas = List.copyOf(alphas);
    }

    /** The facts of a decoded ballot. */
    public static Ballot of(EntryKind kind, String requestId, EncryptedBallot b, Ed25519.Signature signature,
        String unsignedPayload) {
      List<String> alphas = new java.util.ArrayList<>();
      for (EncryptedContest c : b.contests()) {
        for (EncryptedSelection s : c.selections()) {
          alphas.add(s.ciphertext().alpha().encode());
        }
        for (org.evote.crypto.ballot.EncryptedRank r : c.ranks()) {
          alphas.add(r.ciphertext().alpha().encode());
        }
        for (org.evote.crypto.ballot.EncryptedWriteIn w : c.writeIns()) {
          for (org.evote.crypto.elgamal.Ciphertext ct : w.ciphertexts()) {
            alphas.add(ct.alpha().encode());
          }
        }
      }
      return new Ballot(kind, requestId, b.ballotId(), b.kioskId(), b.previousCode(), b.confirmationCode(),
          b.timestamp(), alphas, signature, unsignedPayload);
    }
  }
}
