package org.evote.server.http;

import org.evote.board.client.ErrorCodes;
import io.javalin.http.Context;

/** Integer query parameters with bounds, refused as {@code missing_parameter} / {@code invalid_parameter}. */
final class QueryParams {
  private QueryParams() {}

  /** The parameter, between {@code min} and {@code max}; {@code fallback} if absent (required if null). */
  static long integer(Context ctx, String name, long min, long max, Long fallback) {
    String v = ctx.queryParam(name);
    if (v == null) {
      if (fallback != null) {
        return fallback;
      }
      throw ApiError.badRequest(ErrorCodes.MISSING_PARAMETER, "query parameter " + name + " is required", name);
    }
    long l;
    try {
      l = Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw ApiError.badRequest(ErrorCodes.INVALID_PARAMETER, name + " must be an integer", name);
    }
    if (l < min || l > max) {
      throw ApiError.badRequest(ErrorCodes.INVALID_PARAMETER, name + " must be between " + min + " and " + max, name);
    }
    return l;
  }
}
