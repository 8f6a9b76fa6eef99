package org.evote.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import jakarta.json.JsonArrayBuilder;
import org.evote.board.client.ApiPaths;
import org.evote.crypto.json.JsonText;
import org.evote.server.board.BoardReads;

/**
 * {@code GET /api/refused}: the ballots the board refused and recorded ({@code ballot_refused}, protocol §9.6), in
 * board order and paged, so that poll workers and observers see every refusal and why. Read from the index table:
 * a page costs the same however large the board is.
 */
final class RefusedController {
  private static final int MAX_PAGE = 1000;
  private final BoardReads reads;

  RefusedController(BoardReads reads) {
    this.reads = reads;
  }

  void routes(RoutesConfig routes) {
    routes.get(ApiPaths.REFUSED, this::refused);
  }

  private void refused(Context ctx) {
    long from = QueryParams.integer(ctx, "from", 0, Long.MAX_VALUE, 0L);
    int limit = (int) QueryParams.integer(ctx, "limit", 1, MAX_PAGE, 100L);
    JsonArrayBuilder out = JsonText.array();
    for (BoardReads.RefusedBallot r : reads.refused(from, limit)) {
      out.add(JsonText.object().add("kiosk_id", r.kioskId()).add("ballot_id", r.ballotId())
          .add("submission_kind", r.submissionKind()).add("tracking_code", r.trackingCode())
          .add("confirmation_code", r.confirmationCode()).add("reason", r.reason()).add("sequence", r.sequence())
          .add("timestamp", r.timestamp()));
    }
    Json.send(ctx, JsonText.object().add("refused", out).build().toString());
  }
}
