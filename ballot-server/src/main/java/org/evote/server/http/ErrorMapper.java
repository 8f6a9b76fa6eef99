package org.evote.server.http;

import org.evote.board.client.ErrorCodes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.evote.crypto.board.Rule;
import org.evote.crypto.json.JsonText;
import org.evote.server.board.Receipt;
import org.evote.server.board.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place refusals become HTTP answers: the status of each typed {@link Refusal.Reason} (docs/api.md), and
 * the one JSON shape of every error, {@code {"error": {"status", "code", "message", "field"?}}}.
 */
final class ErrorMapper {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

  private ErrorMapper() {}

  /** The HTTP status of a refusal's reason. */
  static int status(Refusal.Reason reason) {
    if (reason instanceof Refusal.BrokenRule b) {
      return status(b.rule());
    }
    if (reason == Refusal.Policy.KIOSK_ALREADY_REVOKED) {
      return 409;
    }
    if (reason instanceof Refusal.Invalid || reason instanceof Refusal.Policy) {
      return 400;
    }
    if (reason instanceof Refusal.Conflict) {
      return 409;
    }
    return 503; // Refusal.Unavailable
  }

  /** A broken board rule: the kiosk is not allowed (403), the kiosk to revoke is unknown (404), else a conflict. */
  static int status(Rule rule) {
    switch (rule) {
      case BALLOT_KIOSK_REGISTERED:
      case BALLOT_KIOSK_NOT_REVOKED:
      case BALLOT_SIGNED_BY_KIOSK:
        return 403;
      case REVOKED_KIOSK_REGISTERED:
        return 404;
      case BALLOT_NOT_AFTER_ENTRY:
        return 400;
      default:
        return 409;
    }
  }

  /** Registers the mapping of every exception a handler may throw. */
  static void register(RoutesConfig routes, int maxBodyBytes) {
    routes.exception(Refusal.class, (e, ctx) -> {
      ctx.attribute(ANSWERED, e.code());
      write(ctx, status(e.reason()), e.code(), e.getMessage(), e.field(),
          e.recordedReceipt().map(Receipt::toJson).orElse(null));
    });
    routes.exception(ApiError.class, (e, ctx) -> {
      ctx.attribute(ANSWERED, e.code());
      write(ctx, e.status(), e.code(), e.getMessage(), e.field());
    });
    routes.exception(HttpResponseException.class, (e, ctx) -> {
      if (e.getStatus() == 413) {
        write(ctx, 413, ErrorCodes.BODY_TOO_LARGE, "the request body is over the size limit of " + maxBodyBytes + " bytes",
            null);
      } else {
        write(ctx, e.getStatus(), ErrorCodes.HTTP_ERROR, String.valueOf(e.getMessage()), null);
      }
    });
    ThrottledLog clientErrors = ThrottledLog.perSecond(LOG::info);
    routes.exception(Exception.class, (e, ctx) -> {
      if (cutOff(e)) { // ResponseRate closed the connection and logged it: nothing can reach the client
        return;
      }
      if (clientWentAway(e)) { // a client error: one line (at most one a second), no stack trace, no 5xx
        String method = ctx.method().name();
        String path = ctx.path();
        String ip = ctx.ip();
        clientErrors.log("client_went_away", () -> method + " " + path + " from " + ip
            + ": the client went away before its request was read (" + e.getClass().getSimpleName() + ")");
        write(ctx, 400, ErrorCodes.BODY_INCOMPLETE, "the request body ended early", null);
        return;
      }
      LOG.error("internal error on {} {}", ctx.method(), ctx.path(), e);
      write(ctx, 500, ErrorCodes.INTERNAL_ERROR, "the board could not handle this request", null);
    });
    // A 404 of a known resource (revoking an unknown kiosk: unknown_kiosk) keeps its own error; only an unknown
    // path gets the generic one.
    routes.error(404, "*", ctx -> {
      if (ctx.attribute(ANSWERED) == null) {
        write(ctx, 404, ErrorCodes.NOT_FOUND, "no such resource: " + ctx.path(), null);
      }
    });
  }

  /** The context attribute set once a refusal has been written, so that the 404 handler does not replace it. */
  private static final String ANSWERED = "evote.refusal-answered";

  /** Jetty's end-of-stream failure, anywhere in the cause chain: the client closed its connection. */
  static boolean clientWentAway(Throwable e) {
    return inChain(e, org.eclipse.jetty.io.EofException.class);
  }

  /** A response cut off for its slow reader ({@link ResponseRate}), anywhere in the cause chain. */
  static boolean cutOff(Throwable e) {
    return inChain(e, ResponseRate.CutOff.class);
  }

  private static boolean inChain(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
      for (Throwable s : t.getSuppressed()) {
        if (type.isInstance(s)) {
          return true;
        }
      }
    }
    return false;
  }

  static void write(Context ctx, int status, String code, String message, String field) {
    write(ctx, status, code, message, field, null);
  }

  /**
   * The error body; for a refusal recorded on the board (protocol §9.6), also {@code "receipt"}: the signed receipt
   * of its {@code ballot_refused} entry.
   */
  static void write(Context ctx, int status, String code, String message, String field, JsonObject receipt) {
    JsonObjectBuilder e = JsonText.object().add("status", status).add("code", code).add("message", message);
    if (field != null) {
      e.add("field", field);
    }
    JsonObjectBuilder body = JsonText.object().add("error", e);
    if (receipt != null) {
      body.add("receipt", receipt);
    }
    ctx.status(status).contentType("application/json").result(body.build().toString());
  }
}
