package org.evote.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.evote.board.client.ApiPaths;
import org.evote.server.board.Checkpoints;

/**
 * {@code GET /checkpoint}: the board's latest C2SP checkpoint (protocol §9.8) with every witness cosignature
 * collected for it so far, as a signed note in {@code text/plain; charset=utf-8}.
 */
final class CheckpointController {
  private final Checkpoints checkpoints;

  CheckpointController(Checkpoints checkpoints) {
    this.checkpoints = checkpoints;
  }

  void routes(RoutesConfig routes) {
    routes.get(ApiPaths.CHECKPOINT, this::checkpoint);
  }

  private void checkpoint(Context ctx) {
    ctx.contentType("text/plain; charset=utf-8");
    ctx.header("Cache-Control", "no-cache");
    ctx.result(checkpoints.latestCosigned().bytes());
  }
}
