package org.evote.server.http;

import org.evote.board.client.ErrorCodes;
import org.evote.board.client.ApiPaths;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.evote.crypto.board.EntryKind;
import org.evote.server.board.Authenticated;
import org.evote.server.board.BoardService;
import org.evote.server.board.Receipt;
import org.evote.server.board.Refusal;
import org.evote.server.board.SubmissionChecker;
import org.evote.server.board.SubmissionRequest;
import org.evote.server.board.VerifiedSubmission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kiosk submissions: checked on the request's thread (decoding as many at once as there are cores; the proofs of
 * those that queue verified together by the checker's batching stage), then appended by the board's writer; the
 * receipt is sent once the entry is durable. An exact retry gets its original receipt.
 */
final class SubmissionController {
  private static final Logger LOG = LoggerFactory.getLogger(SubmissionController.class);
  /**
   * Refusals by the checks before the writer: most need no credentials (anyone can send a body with a wrong
   * signature), so at most one line a second per refusal code, with the count of those left out.
   */
  /** Refusals before authentication: at most a line a second per code, so a flood cannot grow the log unbounded. */
  private final ThrottledLog unauthenticated = ThrottledLog.perSecond(LOG::info);
  /** Refusals of authenticated kiosks before the writer (and busy answers), throttled the same way. */
  private final ThrottledLog beforeTheWriter = ThrottledLog.perSecond(LOG::info);
  private static final String CAST = ApiPaths.CAST_BALLOTS;
  private static final String CHALLENGED = ApiPaths.CHALLENGED_BALLOTS;

  private final BoardService board;
  private final SubmissionChecker checker;
  private final int maxBodyBytes;
  /** Submissions of one kiosk checked or written at once (docs/api.md, "Limits"); beyond it 503 board_busy. */
  static final int MAX_IN_FLIGHT_PER_KIOSK = 2;
  private final KioskInFlight inFlight = new KioskInFlight(MAX_IN_FLIGHT_PER_KIOSK);

  SubmissionController(BoardService board, SubmissionChecker checker, int maxBodyBytes) {
    this.board = board;
    this.checker = checker;
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * The body, read no further than {@code maxBodyBytes} (whatever the Content-Length says, and for a chunked body
   * too); a longer one is refused with 413 before any of it is looked at.
   */
  private byte[] boundedBody(Context ctx) throws java.io.IOException {
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxBodyBytes) {
      throw tooLarge();
    }
    try (java.io.InputStream in = ctx.req().getInputStream()) {
      byte[] body = in.readNBytes(maxBodyBytes + 1);
      if (body.length > maxBodyBytes) {
        throw tooLarge();
      }
      return body;
    }
  }

  private ApiError tooLarge() {
    return new ApiError(413, ErrorCodes.BODY_TOO_LARGE, "the request body is over the size limit of " + maxBodyBytes
        + " bytes");
  }

  void routes(RoutesConfig routes) {
    routes.post(CAST, ctx -> submit(ctx, EntryKind.BALLOT_CAST));
    routes.post(CHALLENGED, ctx -> submit(ctx, EntryKind.BALLOT_CHALLENGED));
  }

  private void submit(Context ctx, EntryKind kind) throws Exception {
    byte[] body = boundedBody(ctx);
    SubmissionRequest request = new SubmissionRequest(kind, ctx.header(ApiPaths.ELECTION_HEADER),
        ctx.header(ApiPaths.KIOSK_HEADER), ctx.header(ApiPaths.SIGNATURE_HEADER), body);
    Authenticated authenticated;
    try {
      // Authentication is linear in the body's length and needs no permit: an unauthenticated body never waits
      // for, nor holds, one of the permits honest kiosks' proofs are checked under.
      authenticated = checker.authenticate(request);
    } catch (Refusal r) {
      String ip = ctx.ip();
      unauthenticated.log(r.code(), () -> "rejected " + kind.wireName() + " from " + ip + ": " + r.code() + " "
          + r.getMessage());
      throw r;
    }
    // Then at most MAX_IN_FLIGHT_PER_KIOSK of this kiosk's submissions are checked or written at once.
    java.util.Optional<KioskInFlight.Slot> slot = inFlight.enter(authenticated.kioskId());
    if (slot.isEmpty()) {
      String kiosk = authenticated.kioskId();
      beforeTheWriter.log("busy", () -> "busy " + kind.wireName() + " from kiosk " + kiosk + ": " + inFlight.limit()
          + " of its submissions in flight");
      throw new Refusal(Refusal.Unavailable.BOARD_BUSY, "kiosk " + authenticated.kioskId() + " already has "
          + inFlight.limit() + " submissions being checked or stored; retry the same request later");
    }
    try {
      checkAndStore(ctx, kind, authenticated);
    } finally {
      slot.get().close();
    }
  }

  private void checkAndStore(Context ctx, EntryKind kind, Authenticated authenticated) throws Exception {
    SubmissionChecker.Checked checked;
    try {
      // CPU-bound work runs as many at once as there are cores; the proofs of submissions that queue are verified
      // together (SubmissionChecker, BallotBatcher).
      checked = checker.check(authenticated);
    } catch (Refusal r) {
      String ip = ctx.ip();
      beforeTheWriter.log(r.code(), () -> "rejected " + kind.wireName() + " from " + ip + ": " + r.code() + " "
          + r.getMessage());
      throw r;
    }
    if (checked instanceof SubmissionChecker.Retry again) {
      Receipt original = again.original();
      LOG.info("repeated {} ballot {} from kiosk {} (request {}): original receipt, sequence {}", kind.wireName(),
          original.ballotId(), again.kioskId(), again.requestId(), original.sequence());
      Json.send(ctx, original.toJson().toString());
      return;
    }
    VerifiedSubmission s = ((SubmissionChecker.Fresh) checked).submission();
    Receipt receipt;
    try {
      receipt = Writes.await(board.submit(s));
    } catch (Refusal r) {
      if (r.recordedReceipt().isPresent()) {
        LOG.info("refused {} ballot {} from kiosk {} (request {}), recorded at sequence {}: {} {}",
            kind.wireName(), s.ballot().ballotId(), s.ballot().kioskId(), s.requestId(),
            r.recordedReceipt().get().sequence(), r.code(), r.getMessage());
      } else {
        LOG.info("rejected {} ballot {} from kiosk {} (request {}): {} {}", kind.wireName(), s.ballot().ballotId(),
            s.ballot().kioskId(), s.requestId(), r.code(), r.getMessage());
      }
      throw r;
    }
    LOG.info("accepted {} ballot {} from kiosk {} (request {}) at sequence {}", kind.wireName(),
        s.ballot().ballotId(), s.ballot().kioskId(), s.requestId(), receipt.sequence());
    ctx.status(200);
    Json.send(ctx, receipt.toJson().toString());
  }
}
