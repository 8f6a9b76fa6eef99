package org.evote.server.board;

import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.evote.board.client.ApiPaths;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.ballot.EncryptedBallot;
import org.evote.crypto.board.BoardState;
import org.evote.crypto.board.EntryFacts;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.board.EntryPayload;
import org.evote.crypto.board.RefusalReason;
import org.evote.crypto.board.Rule;
import org.evote.crypto.board.Violation;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.BoardJson;
import org.evote.crypto.json.CanonicalJson;
import org.evote.crypto.json.Fields;
import org.evote.crypto.json.JsonHashes;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.verify.BallotVerifier;
import org.evote.crypto.verify.ChallengedBallotCheck;
import org.evote.crypto.verify.VerificationResult;
import org.evote.server.store.BallotRow;
import org.evote.server.store.RefusedRow;

/**
 * Everything the board checks about a kiosk submission that needs no lock (docs/api.md, "Acceptance rules"),
 * cheapest first: {@link #authenticate} — the headers, the kiosk and its Ed25519 signature over the body's raw bytes,
 * then the body's JSON and canonical form, all linear in its length — then an exact retry, a revoked kiosk, the
 * ballot's size against its style, the fields the rules read, a reused request id; only then are the ballot's
 * points decoded and its proofs, hashes and codes verified, and for a challenged ballot its disclosed seed
 * re-encrypted. Runs on the request's own thread — decoding and the challenge's re-encryption as many at once as
 * there are cores — except the proofs, hashes and codes, which the {@link BallotBatcher} verifies for many
 * submissions at once when they queue; proof checking never holds the database write lock, and the writer admits
 * what passes against the rest of the rules. Close it with the server.
 */
public final class SubmissionChecker implements AutoCloseable {
  /** The largest submission body the board reads (docs/api.md: 4 MiB). */
  public static final int MAX_BODY_BYTES = 4 * 1024 * 1024;
  private final ElectionConfig config;
  private final BoardService board;
  private final BallotVerifier verifier;
  private final ChallengedBallotCheck challengeCheck;
  private final SubmissionAuthenticator authenticator;
  private final BallotBatcher batcher;
  /** Decoding and re-encryption are CPU-bound: as many at once as there are cores, the rest queue (fairly). */
  private final Semaphore cpu;

  /** The outcome of a check that did not refuse. */
  public sealed interface Checked {}

  /**
   * A new, authenticated and fully decoded submission, ready for the writer — with the ballot check it failed, if
   * any, which the writer records as a refusal if the submission continues its kiosk's chain (protocol §9.6).
   */
  public record Fresh(VerifiedSubmission submission) implements Checked {}

  /** An exact retry of a submission already on the board: answer with its original receipt, store nothing. */
  public record Retry(Receipt original, String kioskId, String requestId) implements Checked {}

  /** A checker against a board's registered kiosks and accepted requests. */
  public SubmissionChecker(ElectionConfig config, SecureRandom random, BoardService board) {
    this.config = config;
    this.authenticator = new SubmissionAuthenticator(config.extendedHash(), board, MAX_BODY_BYTES);
    this.board = board;
    this.verifier = new BallotVerifier(config, random);
    this.challengeCheck = new ChallengedBallotCheck(config);
    int cores = Runtime.getRuntime().availableProcessors();
    this.cpu = new Semaphore(cores, true);
    this.batcher = new BallotBatcher(verifier, cores);
  }

  /**
   * The front of the check, linear in the body's length and run before any other work on it: the headers, the
   * kiosk and its signature over the raw body, then the body's parse and canonical form
   * ({@link SubmissionAuthenticator}).
   *
   * @throws Refusal if the submission is refused
   */
  public Authenticated authenticate(SubmissionRequest request) {
    return authenticator.authenticate(request);
  }

  /** {@link #authenticate} then {@link #check(Authenticated)}. */
  public Checked check(SubmissionRequest request) {
    return check(authenticate(request));
  }

  /**
   * Checks an authenticated submission: an exact retry (of an accepted or a recorded refusal), a revoked kiosk, a
   * reused request id, then the ballot's
   * points, proofs and (for a challenge) opening.
   *
   * @throws Refusal if the submission is refused
   */
  public Checked check(Authenticated a) {
    BallotBatcher.Arrival arrival;
    Front front;
    cpu.acquireUninterruptibly();
    try {
      arrival = batcher.announce();
      try {
        front = decode(a);
      } catch (RuntimeException e) {
        arrival.withdraw();
        throw e;
      }
    } finally {
      cpu.release();
    }
    try {
      if (front instanceof Again again) {
        return again.retry();
      }
      Decoded d = (Decoded) front;
      VerifiedSubmission s = d.submission();
      VerifiedSubmission.CheckFailure failed = d.checkProofs() ? ballotCheck(arrival, a.kioskId(), d.decoded(),
          s.ballot()) : null;
      return new Fresh(failed == null ? s : new VerifiedSubmission(s.kind(), s.requestId(), s.ballot(),
          s.payload(), s.submissionHash(), s.facts(), Optional.of(failed)));
    } finally {
      arrival.withdraw();
    }
  }

  /** What the checks before the ballot's own give: an exact retry, or the decoded submission. */
  private sealed interface Front {}

  private record Again(Retry retry) implements Front {}

  /** A decoded submission whose ballot checks are still to be made (unless {@code checkProofs} is false). */
  private record Decoded(VerifiedSubmission submission, EntryPayload decoded, boolean checkProofs)
      implements Front {}

  /** Everything before the ballot checks: a retry, or the decoded submission. */
  private Front decode(Authenticated a) {
    EntryKind kind = a.kind();
    JsonObject payload = JsonText.object(a.unsigned()).add("signature", a.signature().hex()).build();
    String payloadText = field(() -> CanonicalJson.write(payload));
    Digest submissionHash = JsonHashes.ofCanonical(payloadText);
    Fields f = Fields.of(payload, "payload");
    String requestId = field(() -> f.id("request_id"));
    String kioskId = a.kioskId();
    Optional<BallotRow> earlier = board.reads().priorSubmission(kioskId, requestId);
    if (earlier.isPresent() && earlier.get().submissionHash().equals(submissionHash.toHex())) {
      return new Again(new Retry(board.reads().originalReceipt(earlier.get()), kioskId, requestId));
    }
    // An exact retry of a recorded refusal gets it again, with its original receipt — like an accepted ballot's
    // retry, before the revoked-kiosk check: what the board already answered does not change (docs/api.md).
    Optional<RefusedRow> earlierRefusal = board.reads().priorRefusal(kioskId, requestId);
    RefusalRecorder.answerRetry(board.reads(), earlierRefusal, submissionHash);
    if (a.revoked()) {
      throw new Refusal(new Refusal.BrokenRule(Rule.BALLOT_KIOSK_NOT_REVOKED), "kiosk " + kioskId
          + " has been revoked", ApiPaths.KIOSK_HEADER);
    }
    // The ballot's size against its style before anything in its contests is read: a ballot too large for it is
    // refused invalid_field, not recorded (it does not decode, protocol §9.6).
    field(() -> {
      BoardJson.checkBallotSize(payload, config.manifest());
      return null;
    });
    // The board's facts of the submission, read from its JSON without decoding a point.
    EntryFacts.Ballot facts = field(() -> (EntryFacts.Ballot) BoardJson.decodeFacts(kind, payload));
    if (earlier.isPresent() || earlierRefusal.isPresent()) {
      throw new Refusal(new Refusal.BrokenRule(Rule.REQUEST_ID_UNUSED), "request id " + requestId + " of kiosk "
          + kioskId + " was already used for a different submission");
    }
    EntryPayload decoded = field(() -> BoardJson.decodePayload(kind, payload));
    EncryptedBallot ballot = decoded instanceof EntryPayload.BallotChallenged c ? c.ballot()
        : ((EntryPayload.BallotCast) decoded).ballot();
    // A ballot that repeats a ciphertext breaks CIPHERTEXTS_UNIQUE whatever the board holds: the writer records
    // it, no proof is checked.
    return new Decoded(new VerifiedSubmission(kind, requestId, ballot, payloadText, submissionHash, facts),
        decoded, BoardState.repeatsCiphertextWithin(facts).isEmpty());
  }

  /**
   * The first ballot check the decoded submission fails (unknown style, V8–V11, the challenge's opening), or null.
   * A failure is not answered here: the writer records it as refused if the submission continues its kiosk's chain
   * (protocol §9.6, "Refusal records").
   */
  private VerifiedSubmission.CheckFailure ballotCheck(BallotBatcher.Arrival arrival, String kioskId,
      EntryPayload decoded, EncryptedBallot ballot) {
    if (!verifier.knowsStyle(ballot.styleId())) {
      return new VerifiedSubmission.CheckFailure(RefusalReason.UNKNOWN_STYLE, "V8 ballot " + ballot.ballotId()
          + ": unknown ballot style " + ballot.styleId(), "payload.ballot");
    }
    if (arrival.verify(kioskId, ballot) instanceof VerificationResult.Invalid inv) {
      return new VerifiedSubmission.CheckFailure(RefusalReason.INVALID_BALLOT, inv.step().id() + " " + inv.object()
          + ": " + inv.reason(), "payload.ballot");
    }
    if (decoded instanceof EntryPayload.BallotChallenged c) {
      VerificationResult opened;
      cpu.acquireUninterruptibly();
      try {
        opened = challengeCheck.check(ballot, c.seed(), c.plaintext());
      } finally {
        cpu.release();
      }
      if (opened instanceof VerificationResult.Invalid inv) {
        return new VerifiedSubmission.CheckFailure(RefusalReason.CHALLENGE_MISMATCH, inv.object() + ": "
            + inv.reason(), "payload.plaintext");
      }
    }
    return null;
  }

  /** Stops the batching stage (with the server): submissions still waiting for it are refused board_unavailable. */
  @Override
  public void close() {
    batcher.close();
  }

  private interface FieldRead<T> {
    T read();
  }

  /** Reads a field, turning a field error into an {@code invalid_field} refusal naming it. */
  private static <T> T field(FieldRead<T> read) {
    try {
      return read.read();
    } catch (InvalidFieldException e) {
      throw new Refusal(Refusal.Invalid.INVALID_FIELD, e.getMessage(), e.field());
    }
  }
}
