package org.evote.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import org.evote.board.client.ApiPaths;
import org.evote.board.client.ErrorCodes;
import org.evote.crypto.board.AdminRequests;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.group.Hex;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.manifest.Ids;
import org.evote.server.board.BoardReads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Administrator authentication, run before every administrator endpoint (docs/api.md, "Administrators"): the
 * request carries {@code Evote-Admin}, {@code Evote-Time}, {@code Evote-Nonce} and {@code Evote-Admin-Signature},
 * the administrator key's signature over {@link AdminRequests#message}. The cheap checks come first — the headers'
 * form, the time against the board's clock (and its start, and the latest request time its earlier runs accepted:
 * nonces are kept in memory only), the nonce against those recently seen, the administrator's key — then
 * one hash of the body (linear in its size) and one signature verification; only then is the nonce recorded. Each
 * refusal has its own code, names the header and the reason, and is logged once, without the signature.
 */
final class AdminAuth {
  private static final Logger LOG = LoggerFactory.getLogger(AdminAuth.class);
  private final ThrottledLog refusals = ThrottledLog.perSecond(LOG::warn);
  /** The most recent nonces kept: far above any administrator's request rate over two minutes. */
  static final int MAX_NONCES = 10_000;

  private final BoardReads reads;
  private final Digest extendedHash;
  private final Clock clock;
  private final AdminNonces nonces;
  /** When this run of the board began: the nonces of earlier runs are forgotten, so their requests are refused. */
  private final long startedAt;
  /** The latest request time accepted, across runs: a request of an earlier run dated ahead is refused too. */
  private final AdminTimeMark mark;

  AdminAuth(BoardReads reads, Digest extendedHash, Clock clock, AdminTimeMark mark) {
    this(reads, extendedHash, clock, new AdminNonces(MAX_NONCES, AdminRequests.WINDOW_SECONDS), mark);
  }

  AdminAuth(BoardReads reads, Digest extendedHash, Clock clock, AdminNonces nonces, AdminTimeMark mark) {
    this.reads = reads;
    this.extendedHash = extendedHash;
    this.clock = clock;
    this.nonces = nonces;
    this.mark = mark;
    this.startedAt = clock.instant().getEpochSecond();
  }

  /** Guards every route under {@code pathPattern} that exists (an unknown path stays a 404). */
  void guard(RoutesConfig routes, String pathPattern) {
    routes.beforeMatched(pathPattern, this::authorize);
  }

  private void authorize(Context ctx) {
    String admin = header(ctx, ApiPaths.ADMIN);
    String timeText = header(ctx, ApiPaths.ADMIN_TIME);
    String nonce = header(ctx, ApiPaths.ADMIN_NONCE);
    String signatureHex = header(ctx, ApiPaths.ADMIN_SIGNATURE);
    if (!Ids.isValid(admin)) {
      throw refuse(ctx, 401, ErrorCodes.ADMIN_HEADER_INVALID, null, ApiPaths.ADMIN
          + ": not an administrator name (1-256 printable ASCII characters without spaces)");
    }
    if (timeText.isEmpty() || timeText.length() > 12 || !timeText.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw refuse(ctx, 401, ErrorCodes.ADMIN_HEADER_INVALID, admin, ApiPaths.ADMIN_TIME
          + ": not a time in Unix seconds (1-12 decimal digits)");
    }
    if (!AdminRequests.isNonce(nonce)) {
      throw refuse(ctx, 401, ErrorCodes.ADMIN_HEADER_INVALID, admin, ApiPaths.ADMIN_NONCE + ": not "
          + AdminRequests.NONCE_HEX_LENGTH + " lowercase hex characters");
    }
    if (signatureHex.length() != 128 || !Hex.isLowercaseHex(signatureHex)) {
      throw refuse(ctx, 401, ErrorCodes.ADMIN_HEADER_INVALID, admin, ApiPaths.ADMIN_SIGNATURE
          + ": not an Ed25519 signature (128 lowercase hex characters)");
    }
    String target = target(ctx);
    if (target.length() > AdminRequests.MAX_TARGET_LENGTH) {
      throw refuse(ctx, 401, ErrorCodes.ADMIN_HEADER_INVALID, admin, "the request path is over "
          + AdminRequests.MAX_TARGET_LENGTH + " characters");
    }
    long time = Long.parseLong(timeText);
    long now = clock.instant().getEpochSecond();
    if (Math.abs(time - now) > AdminRequests.WINDOW_SECONDS) {
      throw refuse(ctx, 403, ErrorCodes.ADMIN_TIME_SKEW, admin, ApiPaths.ADMIN_TIME + ": " + time + " is "
          + Math.abs(time - now) + " s " + (time < now ? "behind" : "ahead of") + " the board's clock (" + now
          + "); at most " + AdminRequests.WINDOW_SECONDS + " s is accepted");
    }
    if (time < startedAt) {
      throw refuse(ctx, 403, ErrorCodes.ADMIN_TIME_SKEW, admin, ApiPaths.ADMIN_TIME + ": " + time + " is before "
          + "the board started (" + startedAt + "), so the board cannot know whether it accepted it before; send "
          + "a new request");
    }
    if (time <= mark.previousRuns()) {
      throw refuse(ctx, 403, ErrorCodes.ADMIN_TIME_SKEW, admin, ApiPaths.ADMIN_TIME + ": " + time + " is not after "
          + mark.previousRuns() + ", the latest time of a request an earlier run of the board accepted, so the "
          + "board cannot know whether it accepted this one before; send a new request");
    }
    if (nonces.seen(nonce)) {
      throw refuse(ctx, 403, ErrorCodes.ADMIN_NONCE_REPLAYED, admin, ApiPaths.ADMIN_NONCE
          + ": already used: a request is accepted once");
    }
    Ed25519.PublicKey key = reads.administratorKey(admin).orElseThrow(() -> refuse(ctx, 403,
        ErrorCodes.ADMIN_UNKNOWN, admin, ApiPaths.ADMIN + ": no administrator of this board is named " + admin));
    Digest message = AdminRequests.message(extendedHash, admin, ctx.method().name(), target, time, nonce,
        ctx.bodyAsBytes());
    if (!key.verifies(message, new Ed25519.Signature(signatureHex))) {
      throw refuse(ctx, 403, ErrorCodes.ADMIN_BAD_SIGNATURE, admin, ApiPaths.ADMIN_SIGNATURE + ": does not verify "
          + "under " + admin + "'s key over this method, path, time, nonce and body");
    }
    switch (nonces.record(nonce)) {
      case REPLAYED -> throw refuse(ctx, 403, ErrorCodes.ADMIN_NONCE_REPLAYED, admin, ApiPaths.ADMIN_NONCE
          + ": already used: a request is accepted once");
      case FULL -> throw refuse(ctx, 503, ErrorCodes.ADMIN_BUSY, admin, "the board holds " + MAX_NONCES
          + " recent administrator nonces, as many as it keeps; retry in a minute with a new request");
      case RECORDED -> { }
    }
    try {
      mark.advance(time);
    } catch (java.io.IOException e) {
      LOG.error("cannot record the latest administrator request time in {}: {}", "admin-time.txt", e.toString());
      throw refuse(ctx, 503, ErrorCodes.ADMIN_BUSY, admin, "the board cannot record this request durably; retry "
          + "with a new request");
    }
  }

  /** The header's value; a missing header is refused, naming it (and saying that bearer tokens are not accepted). */
  private String header(Context ctx, String name) {
    String value = ctx.header(name);
    if (value == null) {
      String why = name + ": missing; administrator requests are signed (" + ApiPaths.ADMIN + ", "
          + ApiPaths.ADMIN_TIME + ", " + ApiPaths.ADMIN_NONCE + ", " + ApiPaths.ADMIN_SIGNATURE + ")";
      if (ctx.header(ApiPaths.AUTHORIZATION) != null) {
        why += "; an " + ApiPaths.AUTHORIZATION + " bearer token is not accepted";
      }
      throw refuse(ctx, 401, ErrorCodes.ADMIN_HEADER_MISSING, null, why);
    }
    return value;
  }

  /** The request target as the client sent it and signed it: the raw path and, if any, {@code ?} and the query. */
  private static String target(Context ctx) {
    String path = ctx.req().getRequestURI();
    String query = ctx.req().getQueryString();
    return query == null ? path : path + "?" + query;
  }

  /** Refuses the request; one WARN line a second per code at most, so refusals cannot grow the log unbounded. */
  private ApiError refuse(Context ctx, int status, String code, String admin, String message) {
    String method = ctx.method().name();
    String path = ctx.path();
    String ip = ctx.ip();
    refusals.log(code, () -> "refused administrator request " + method + " " + path + " from " + ip
        + (admin == null ? "" : " as " + admin) + ": " + code);
    return new ApiError(status, code, message);
  }
}
