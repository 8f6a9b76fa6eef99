package org.evote.board.client;

import jakarta.json.JsonObject;
import java.util.Objects;
import java.util.Optional;
import org.evote.crypto.board.BoardEntry;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.board.RefusalReason;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.BoardJson;
import org.evote.crypto.json.CanonicalJson;
import org.evote.crypto.json.Fields;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.note.SignedNote;
import org.evote.crypto.note.VerifierKey;

/**
 * The kiosk's check of the board's answer to its own submission (protocol §9.7), before anyone is told the ballot
 * is on the board: the answer decodes as a receipt; its signed head verifies under the board key pinned in the
 * kiosk's credentials (§9.4); its inclusion proof ties the entry hash at the receipt's sequence number to that
 * head's Merkle root (§9.3); and that entry is the one the kiosk sent — its hash recomputed (§9.2) from the kiosk's
 * own signed submission with the receipt's sequence number, time and previous hash, with the same kind, ballot id
 * and confirmation code; and the receipt's C2SP checkpoint is the checkpoint of that same head, signed by the
 * board's checkpoint key pinned in the credentials (§9.8, {@link BoardCheckpoint}) — so that the history the kiosk
 * holds the board to under its board key is the one the witnesses hold it to under its checkpoint key.
 *
 * <p>Security guarantees: a {@link Valid} result means the holder of the pinned board key signed a head whose tree
 * contains exactly this submission at that position — a look-alike board without the key cannot produce one, and
 * the real board cannot later deny it without a split view (§9.4). It does not show that the head is the one other
 * observers see; that needs consistency proofs between heads. Never throws on hostile input: every defect is an
 * {@link Invalid} naming the {@link Failure} and why.
 */
public final class ReceiptCheck {
  private final Digest extendedHash;
  private final Ed25519.PublicKey boardKey;
  private final BoardCheckpoint checkpoints;

  /** Which check a receipt failed (the order in which they are made). */
  public enum Failure {
    /** The answer is not a receipt: not JSON, a member missing or of the wrong form. */
    MALFORMED,
    /** The signed head does not verify under the pinned board key. */
    HEAD_SIGNATURE,
    /** The inclusion proof does not lead from the entry hash at the sequence number to the head's root. */
    INCLUSION_PROOF,
    /** The entry is not the kiosk's submission: another kind, ballot, confirmation code or entry hash. */
    NOT_OUR_ENTRY,
    /**
     * The receipt's checkpoint is missing, not signed by the pinned checkpoint key, of another origin, or not of
     * the signed head's size and Merkle root.
     */
    CHECKPOINT
  }

  /** The outcome of {@link #check}: {@link Valid} or {@link Invalid}. */
  public sealed interface Result permits Valid, Invalid {}

  /**
   * The receipt passed every check. Only {@link ReceiptCheck} makes one, so a value of this type is proof that the
   * check was run (what the kiosk's store demands before it marks a ballot uploaded).
   */
  public static final class Valid implements Result {
    private final BoardReceipt receipt;

    private Valid(BoardReceipt receipt) {
      this.receipt = Objects.requireNonNull(receipt, "receipt");
    }

    /** The checked receipt. */
    public BoardReceipt receipt() {
      return receipt;
    }

    @Override
    public String toString() {
      return "Valid[" + receipt.ballotId() + " at " + receipt.sequence() + "]";
    }
  }

  /** The receipt failed {@code failure}; {@code reason} says how (for logs and the poll workers). */
  public record Invalid(Failure failure, String reason) implements Result {
    public Invalid {
      Objects.requireNonNull(failure, "failure");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * Checks receipts of election {@code extendedHash} (H_E) against the pinned board key and checkpoint key.
   *
   * @throws org.evote.crypto.InvalidFieldException if {@code checkpointKey} cannot be this election's board's
   */
  public ReceiptCheck(Digest extendedHash, Ed25519.PublicKey boardKey, VerifierKey checkpointKey) {
    this.extendedHash = Objects.requireNonNull(extendedHash, "extendedHash");
    this.boardKey = Objects.requireNonNull(boardKey, "boardKey");
    this.checkpoints = new BoardCheckpoint(extendedHash, checkpointKey);
  }

  /**
   * Checks {@code answer}, the board's 200 answer as text, to the kiosk's own submission of {@code kind} with body
   * {@code submissionBody} (the payload plus {@code election_hash}, docs/api.md).
   *
   * @throws IllegalArgumentException if {@code submissionBody} is not a ballot submission (the kiosk's own bug)
   */
  public Result check(EntryKind kind, String submissionBody, String answer) {
    if (kind != EntryKind.BALLOT_CAST && kind != EntryKind.BALLOT_CHALLENGED) {
      throw new IllegalArgumentException("not a ballot submission: " + kind);
    }
    Sent sent = Sent.of(submissionBody);
    BoardReceipt r;
    try {
      r = BoardReceipt.decode(JsonText.parseObject(answer));
    } catch (RuntimeException e) {
      return new Invalid(Failure.MALFORMED, "the answer is not a receipt: " + e.getMessage());
    }
    return checked(kind, sent, r);
  }

  /**
   * {@link #check(EntryKind, String, String)} of a receipt already decoded by {@link BoardClient} (a look-up by
   * confirmation code, {@code GET /api/receipts/{code}}, whose inclusion proof is to the board's latest head).
   */
  public Result check(EntryKind kind, String submissionBody, BoardReceipt receipt) {
    if (kind != EntryKind.BALLOT_CAST && kind != EntryKind.BALLOT_CHALLENGED) {
      throw new IllegalArgumentException("not a ballot submission: " + kind);
    }
    return checked(kind, Sent.of(submissionBody), Objects.requireNonNull(receipt, "receipt"));
  }

  /**
   * Checks the receipt of a refusal the board recorded (protocol §9.6, "Refusal records"): {@code answer} is
   * {@link BoardRefusedException#recordedReceipt()}, {@code reason} the refusal's code
   * ({@link BoardRefusedException#code()}), and the kiosk's own submission of {@code kind} with body
   * {@code submissionBody}. The {@code ballot_refused} entry's payload is recomputed from the submission and the
   * reason, and everything a ballot receipt's check checks is checked for it: signed head, inclusion proof, entry
   * hash, ballot id and confirmation code, checkpoint. A {@link Valid} result means the board recorded exactly this
   * submission, refused for exactly this reason, as the kiosk's chain link at that position: the kiosk's next
   * ballot continues from its confirmation code.
   *
   * @throws IllegalArgumentException if {@code submissionBody} is not a ballot submission (the kiosk's own bug)
   */
  public Result checkRefusal(EntryKind kind, String submissionBody, String reason, String answer) {
    if (kind != EntryKind.BALLOT_CAST && kind != EntryKind.BALLOT_CHALLENGED) {
      throw new IllegalArgumentException("not a ballot submission: " + kind);
    }
    Sent sent = Sent.of(submissionBody);
    BoardReceipt r;
    try {
      r = BoardReceipt.decode(JsonText.parseObject(answer));
    } catch (RuntimeException e) {
      return new Invalid(Failure.MALFORMED, "the answer is not a receipt: " + e.getMessage());
    }
    return checkedRefusal(kind, sent, reason, r);
  }

  /** {@link #checkRefusal(EntryKind, String, String, String)} of a receipt already decoded (a look-up by code). */
  public Result checkRefusal(EntryKind kind, String submissionBody, String reason, BoardReceipt receipt) {
    if (kind != EntryKind.BALLOT_CAST && kind != EntryKind.BALLOT_CHALLENGED) {
      throw new IllegalArgumentException("not a ballot submission: " + kind);
    }
    return checkedRefusal(kind, Sent.of(submissionBody), reason, Objects.requireNonNull(receipt, "receipt"));
  }

  private Result checkedRefusal(EntryKind kind, Sent sent, String reason, BoardReceipt r) {
    Optional<RefusalReason> recorded = RefusalReason.fromWire(String.valueOf(reason));
    if (recorded.isEmpty()) {
      return new Invalid(Failure.NOT_OUR_ENTRY, "'" + reason + "' is not a reason the board records a refusal for");
    }
    String payload;
    try {
      payload = BoardJson.refusedPayloadText(kind, sent.canonicalPayload(), recorded.get());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a ballot submission body: " + e.getMessage(), e);
    }
    return checked(EntryKind.BALLOT_REFUSED, payload, sent, r);
  }

  private Result checked(EntryKind kind, Sent sent, BoardReceipt r) {
    return checked(kind, sent.canonicalPayload(), sent, r);
  }

  private Result checked(EntryKind kind, String canonicalPayload, Sent sent, BoardReceipt r) {
    try {
      return checkDecoded(kind, canonicalPayload, sent, r);
    } catch (RuntimeException e) {
      return new Invalid(Failure.MALFORMED, "the receipt cannot be checked: " + e.getMessage());
    }
  }

  private Result checkDecoded(EntryKind kind, String canonicalPayload, Sent sent, BoardReceipt r) {
    if (!r.signedHead().signatureValid(extendedHash, boardKey)) {
      return new Invalid(Failure.HEAD_SIGNATURE, "the signed head of size " + r.signedHead().size()
          + " is not signed by the board key " + boardKey.hex());
    }
    if (r.inclusionProof().index() != r.sequence() || r.inclusionProof().size() != r.signedHead().size()) {
      return new Invalid(Failure.INCLUSION_PROOF, "the inclusion proof is for entry " + r.inclusionProof().index()
          + " of " + r.inclusionProof().size() + ", not entry " + r.sequence() + " of the head's "
          + r.signedHead().size());
    }
    if (!r.inclusionProof().verifies(r.entryHash(), r.signedHead().merkleRoot())) {
      return new Invalid(Failure.INCLUSION_PROOF, "the inclusion proof does not lead from entry " + r.sequence()
          + "'s hash to the head's Merkle root");
    }
    if (r.kind() != kind) {
      return new Invalid(Failure.NOT_OUR_ENTRY, "the entry is a " + r.kind().wireName() + ", not a "
          + kind.wireName());
    }
    if (!r.ballotId().equals(sent.ballotId())) {
      return new Invalid(Failure.NOT_OUR_ENTRY, "the receipt is for ballot " + r.ballotId() + ", not "
          + sent.ballotId());
    }
    if (!r.confirmationCode().equals(sent.confirmationCode())) {
      return new Invalid(Failure.NOT_OUR_ENTRY, "the receipt's confirmation code is not the ballot's");
    }
    Digest recomputed = BoardEntry.hash(extendedHash, r.previousHash(), r.sequence(), kind, r.timestamp(),
        canonicalPayload);
    if (!recomputed.equals(r.entryHash())) {
      return new Invalid(Failure.NOT_OUR_ENTRY, "entry " + r.sequence() + "'s hash is not that of the kiosk's "
          + "submission with the receipt's sequence number, time and previous hash");
    }
    if (r.sequence() == r.signedHead().size() - 1 && !r.signedHead().headHash().equals(recomputed)) {
      return new Invalid(Failure.INCLUSION_PROOF, "the head's last entry hash is not entry " + r.sequence()
          + "'s");
    }
    Optional<SignedNote> checkpoint;
    try {
      checkpoint = r.checkpoint();
    } catch (RuntimeException e) {
      return new Invalid(Failure.CHECKPOINT, "the receipt's checkpoint is not a signed note: " + e.getMessage());
    }
    if (checkpoint.isEmpty()) {
      return new Invalid(Failure.CHECKPOINT, "the receipt carries no checkpoint of its head");
    }
    Optional<String> mismatch = checkpoints.mismatch(checkpoint.get(), r.signedHead().size(),
        r.signedHead().merkleRoot());
    if (mismatch.isPresent()) {
      return new Invalid(Failure.CHECKPOINT, mismatch.get());
    }
    return new Valid(r);
  }

  /** What the kiosk sent: the entry payload in canonical form (the body without election_hash), its ballot. */
  private record Sent(String canonicalPayload, String ballotId, String confirmationCode) {
    static Sent of(String body) {
      try {
        JsonObject payload = JsonText.object(JsonText.parseObject(body)).remove("election_hash").build();
        Fields ballot = Fields.of(payload).object("ballot");
        return new Sent(CanonicalJson.write(payload), ballot.string("ballot_id"),
            ballot.string("confirmation_code"));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("not a ballot submission body: " + e.getMessage(), e);
      }
    }
  }
}
