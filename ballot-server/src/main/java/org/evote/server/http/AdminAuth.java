package org.evote.server.http;

import org.evote.board.client.ErrorCodes;
import org.evote.board.client.ApiPaths;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.evote.server.board.BoardReads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Administrator authentication, run before every administrator endpoint: {@code Authorization: Bearer <token>}
 * from an administrator credential file; a missing token is 401 {@code unauthorized}, an unknown one 403
 * {@code forbidden} (logged, without the token).
 */
final class AdminAuth {
  private static final Logger LOG = LoggerFactory.getLogger(AdminAuth.class);
  private static final String PREFIX = ApiPaths.BEARER;

  private final BoardReads reads;

  AdminAuth(BoardReads reads) {
    this.reads = reads;
  }

  /** Guards every route under {@code pathPattern} that exists (an unknown path stays a 404). */
  void guard(RoutesConfig routes, String pathPattern) {
    routes.beforeMatched(pathPattern, this::authorize);
  }

  private void authorize(Context ctx) {
    String header = ctx.header(ApiPaths.AUTHORIZATION);
    if (header == null || !header.startsWith(PREFIX)) {
      throw new ApiError(401, ErrorCodes.UNAUTHORIZED, "administrator credential required (Authorization: Bearer …)");
    }
    if (!reads.isAdministrator(header.substring(PREFIX.length()).trim())) {
      LOG.warn("rejected administrator request {} {} from {}: bad credential", ctx.method(), ctx.path(), ctx.ip());
      throw new ApiError(403, ErrorCodes.FORBIDDEN, "this credential may not administer the board");
    }
  }
}
