package org.evote.server.http;

import org.evote.board.client.ErrorCodes;
import org.evote.board.client.ApiPaths;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.concurrent.Semaphore;
import org.evote.crypto.board.EntryKind;
import org.evote.server.board.BoardService;
import org.evote.server.board.Receipt;
import org.evote.server.board.Refusal;
import org.evote.server.board.SubmissionChecker;
import org.evote.server.board.VerifiedSubmission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kiosk submissions: checked on the request's thread (as many at once as there are cores), then appended by the
 * board's writer; the receipt is sent once the entry is durable. An exact retry gets its original receipt.
 */
final class SubmissionController {
  private static final Logger LOG = LoggerFactory.getLogger(SubmissionController.class);
  private static final String CAST = ApiPaths.CAST_BALLOTS;
  private static final String CHALLENGED = ApiPaths.CHALLENGED_BALLOTS;

  private final BoardService board;
  private final SubmissionChecker checker;
  private final int maxBodyBytes;
  /** Proof checking is CPU-bound: run as many at once as there are cores, and queue the rest. */
  private final Semaphore verifying = new Semaphore(Runtime.getRuntime().availableProcessors(), true);

  SubmissionController(BoardService board, SubmissionChecker checker, int maxBodyBytes) {
    this.board = board;
    this.checker = checker;
    this.maxBodyBytes = maxBodyBytes;
  }

  void routes(RoutesConfig routes) {
    routes.post(CAST, ctx -> submit(ctx, EntryKind.BALLOT_CAST));
    routes.post(CHALLENGED, ctx -> submit(ctx, EntryKind.BALLOT_CHALLENGED));
  }

  private void submit(Context ctx, EntryKind kind) throws Exception {
    byte[] body = ctx.bodyAsBytes();
    if (body.length > maxBodyBytes) {
      throw new ApiError(413, ErrorCodes.BODY_TOO_LARGE, "the request body is over the size limit of " + maxBodyBytes
          + " bytes");
    }
    SubmissionChecker.Checked checked;
    verifying.acquire();
    try {
      checked = checker.check(kind, body);
    } catch (Refusal r) {
      LOG.info("rejected {} from {}: {} {}", kind.wireName(), ctx.ip(), r.code(), r.getMessage());
      throw r;
    } finally {
      verifying.release();
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
