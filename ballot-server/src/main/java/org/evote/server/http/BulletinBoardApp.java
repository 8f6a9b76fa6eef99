package org.evote.server.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.evote.board.client.ApiPaths;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.ballot.ConfirmationCodes;
import org.evote.crypto.board.BoardEntry;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.board.EntryPayload;
import org.evote.crypto.board.SignedHead;
import org.evote.crypto.json.BoardJson;
import org.evote.crypto.json.ElectionJson;
import org.evote.crypto.json.Fields;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.manifest.ContestDescription;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.record.BoardFile;
import org.evote.server.board.BoardService;
import org.evote.server.board.Receipt;
import org.evote.server.board.Rejection;
import org.evote.server.board.SubmissionChecker;
import org.evote.server.board.VerifiedSubmission;
import org.evote.crypto.keystore.AdminCredentials;
import org.evote.server.store.BallotRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bulletin board's HTTP interface (docs/api.md): public reads of the election, board, heads, proofs and
 * receipts; kiosk submissions; administrator actions; and the observer page at {@code /}. Built unstarted by
 * {@link #create}, so tests run it on a random loopback port.
 */
public final class BulletinBoardApp {
  private static final Logger LOG = LoggerFactory.getLogger(BulletinBoardApp.class);
  /** The largest request body accepted (a ballot of the county sample is about 90 kB). */
  public static final int MAX_BODY_BYTES = 4 * 1024 * 1024;
  private static final int MAX_PAGE = 1000;
  private static final long WRITE_TIMEOUT_SECONDS = 60;

  private final BoardService board;
  private final SubmissionChecker checker;
  /** Proof checking is CPU-bound: run as many at once as there are cores, and queue the rest. */
  private final java.util.concurrent.Semaphore verifying =
      new java.util.concurrent.Semaphore(Runtime.getRuntime().availableProcessors(), true);
  private final String electionJson;

  private BulletinBoardApp(BoardService board, SubmissionChecker checker) {
    this.board = board;
    this.checker = checker;
    this.electionJson = JsonText.object()
        .add("election", ElectionJson.encode(board.config()))
        .add("extended_hash", board.config().extendedHash().toHex())
        .add("board_public_key", board.boardPublicKey().hex()).build().toString();
  }

  /** The application, configured but not started. */
  public static Javalin create(BoardService board, SubmissionChecker checker) {
    BulletinBoardApp api = new BulletinBoardApp(board, checker);
    return Javalin.create(config -> {
      config.http.maxRequestSize = MAX_BODY_BYTES;
      config.http.defaultContentType = "application/json";
      config.startup.showJavalinBanner = false;
      config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
      config.routes.before(ctx -> {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; base-uri 'none'");
        ctx.header("Referrer-Policy", "no-referrer");
      });
      config.routes.get("/", ctx -> api.resource(ctx, "index.html", "text/html; charset=utf-8"));
      config.routes.get("/app.js", ctx -> api.resource(ctx, "app.js", "text/javascript; charset=utf-8"));
      config.routes.get("/style.css", ctx -> api.resource(ctx, "style.css", "text/css; charset=utf-8"));
      config.routes.get(ApiPaths.ELECTION, ctx -> api.json(ctx, api.electionJson));
      config.routes.get(ApiPaths.STATUS, api::status);
      config.routes.get(ApiPaths.HEAD, api::head);
      config.routes.get(ApiPaths.BOARD, api::page);
      config.routes.get(ApiPaths.INCLUSION_PROOF, api::inclusion);
      config.routes.get(ApiPaths.CONSISTENCY_PROOF, api::consistency);
      config.routes.get(ApiPaths.EXPORT, api::export);
      config.routes.get(ApiPaths.RECEIPT, api::receipt);
      config.routes.get(ApiPaths.CHALLENGED, api::challenged);
      config.routes.post(ApiPaths.CAST_BALLOTS, ctx -> api.submit(ctx, EntryKind.BALLOT_CAST));
      config.routes.post(ApiPaths.CHALLENGED_BALLOTS, ctx -> api.submit(ctx, EntryKind.BALLOT_CHALLENGED));
      config.routes.post(ApiPaths.OPEN_POLLS, ctx -> api.admin(ctx, () -> board.openPolls()));
      config.routes.post(ApiPaths.CLOSE_POLLS, ctx -> api.admin(ctx, () -> board.closePolls()));
      config.routes.post(ApiPaths.KIOSKS, api::registerKiosk);
      config.routes.post(ApiPaths.REVOKE_KIOSK, api::revokeKiosk);
      config.routes.post(ApiPaths.TALLY, api::publishTally);
      config.routes.exception(Rejection.class, (e, ctx) -> ApiErrors.write(ctx, e));
      config.routes.exception(HttpResponseException.class, (e, ctx) -> ApiErrors.write(ctx,
          new Rejection(e.getStatus(), e.getStatus() == 413 ? "body_too_large" : "http_error",
              e.getStatus() == 413 ? "the request body is over the size limit of " + MAX_BODY_BYTES + " bytes"
                  : String.valueOf(e.getMessage()))));
      config.routes.exception(Exception.class, (e, ctx) -> {
        LOG.error("internal error on {} {}", ctx.method(), ctx.path(), e);
        ApiErrors.write(ctx, new Rejection(500, "internal_error", "the board could not handle this request"));
      });
      config.routes.error(404, "*", ctx -> ApiErrors.write(ctx, new Rejection(404, "not_found",
          "no such resource: " + ctx.path())));
    });
  }

  private void json(Context ctx, String body) {
    ctx.contentType("application/json").result(body);
  }

  private void resource(Context ctx, String name, String type) throws IOException {
    try (InputStream in = BulletinBoardApp.class.getResourceAsStream("/org/evote/server/web/" + name)) {
      if (in == null) {
        throw new Rejection(404, "not_found", name);
      }
      ctx.contentType(type).result(in.readAllBytes());
    }
  }

  private void status(Context ctx) {
    BoardService.Status s = board.status();
    Manifest m = board.config().manifest();
    JsonObjectBuilder o = JsonText.object()
        .add("election_name", m.name().in("en").orElse(m.electionScopeId()))
        .add("polls", s.polls().name().toLowerCase())
        .add("cast_ballots", s.castBallots()).add("challenged_ballots", s.challengedBallots())
        .add("entries", s.entries());
    s.head().ifPresent(h -> o.add("signed_head", BoardJson.encode(h)));
    board.brokenReason().ifPresent(r -> o.add("accepting_ballots", false).add("problem", r));
    json(ctx, o.build().toString());
  }

  private void head(Context ctx) {
    SignedHead h = board.head().orElseThrow(() -> new Rejection(404, "no_head", "the board has no signed head"));
    json(ctx, BoardJson.encode(h).toString());
  }

  private long longParam(Context ctx, String name, long min, long max, Long fallback) {
    String v = ctx.queryParam(name);
    if (v == null) {
      if (fallback != null) {
        return fallback;
      }
      throw Rejection.badRequest("missing_parameter", "query parameter " + name + " is required", name);
    }
    try {
      long l = Long.parseLong(v);
      if (l < min || l > max) {
        throw Rejection.badRequest("invalid_parameter", name + " must be between " + min + " and " + max, name);
      }
      return l;
    } catch (NumberFormatException e) {
      throw Rejection.badRequest("invalid_parameter", name + " must be an integer", name);
    }
  }

  private void page(Context ctx) {
    long size = board.size();
    long from = longParam(ctx, "from", 0, Long.MAX_VALUE, 0L);
    int limit = (int) longParam(ctx, "limit", 1, MAX_PAGE, 100L);
    JsonArrayBuilder entries = JsonText.array();
    long next = from;
    for (BoardEntry e : board.store().entries(from, limit)) {
      if (e.sequence() >= size) {
        break;
      }
      entries.add(BoardJson.encode(e));
      next = e.sequence() + 1;
    }
    JsonObjectBuilder o = JsonText.object().add("from", from).add("entries", entries).add("size", size);
    if (next < size) {
      o.add("next", next);
    }
    json(ctx, o.build().toString());
  }

  private void inclusion(Context ctx) {
    long size = longParam(ctx, "size", 1, board.size(), board.size());
    long seq = longParam(ctx, "seq", 0, size - 1, null);
    BoardEntry e = board.store().entry(seq).orElseThrow();
    json(ctx, JsonText.object(BoardJson.encode(board.inclusion(seq, size)))
        .add("entry_hash", e.entryHash().toHex()).build().toString());
  }

  private void consistency(Context ctx) {
    long to = longParam(ctx, "to", 1, board.size(), board.size());
    long from = longParam(ctx, "from", 0, to, null);
    json(ctx, BoardJson.encode(board.consistency(from, to)).toString());
  }

  private void export(Context ctx) throws IOException {
    long size = board.size();
    List<SignedHead> heads = board.store().heads();
    ctx.contentType("application/json").header("Content-Disposition", "attachment; filename=\"board.json\"");
    Iterable<BoardEntry> entries = () -> new java.util.Iterator<>() {
      long next = 0;
      List<BoardEntry> page = List.of();
      int i = 0;

      @Override
      public boolean hasNext() {
        if (i < page.size()) {
          return page.get(i).sequence() < size;
        }
        if (next >= size) {
          return false;
        }
        page = board.store().entries(next, 500);
        i = 0;
        return !page.isEmpty() && page.get(0).sequence() < size;
      }

      @Override
      public BoardEntry next() {
        BoardEntry e = page.get(i++);
        next = e.sequence() + 1;
        return e;
      }
    };
    BoardFile.write(ctx.outputStream(), entries, heads.stream().filter(h -> h.size() <= size).toList());
  }

  private void receipt(Context ctx) {
    String code = ctx.pathParam("code");
    Optional<BallotRow> row;
    if (code.length() == 64 && org.evote.crypto.group.Hex.isLowercaseHex(code)) {
      row = board.store().ballotByCode(code);
    } else {
      String normalized = ConfirmationCodes.normalizeShortForm(code).orElseThrow(() -> Rejection.badRequest(
          "invalid_code", "a tracking code is 16 letters and digits (e.g. 7KQ2-M9XD-4TB0-WZ5R) or the 64-hex "
              + "confirmation code", "code"));
      List<BallotRow> rows = board.store().ballotsByTrackingCode(normalized).stream()
          .filter(x -> x.sequence() < board.size()).toList();
      if (rows.size() > 1) {
        throw Rejection.conflict("ambiguous_code", rows.size() + " ballots share this tracking code: check with the "
            + "full confirmation code from the receipt's QR code, and tell an election official");
      }
      row = rows.stream().findFirst();
    }
    BallotRow r = row.filter(x -> x.sequence() < board.size()).orElseThrow(() -> new Rejection(404, "not_found",
        "no ballot with this code is on the board"));
    json(ctx, board.currentReceipt(r).toJson().toString());
  }

  private void challenged(Context ctx) {
    long from = longParam(ctx, "from", 0, Long.MAX_VALUE, 0L);
    int limit = (int) longParam(ctx, "limit", 1, MAX_PAGE, 100L);
    Manifest m = board.config().manifest();
    JsonArrayBuilder out = JsonText.array();
    for (BallotRow row : board.store().ballotsOfKind(EntryKind.BALLOT_CHALLENGED.wireName(), from, limit)) {
      BoardEntry e = board.store().entry(row.sequence()).orElseThrow();
      EntryPayload.BallotChallenged c = (EntryPayload.BallotChallenged) BoardJson.decodePayload(e);
      JsonArrayBuilder contests = JsonText.array();
      for (ContestDescription d : m.contestsFor(c.ballot().styleId())) {
        JsonArrayBuilder chosen = JsonText.array();
        for (String sel : c.plaintext().marked(d.id())) {
          chosen.add(JsonText.object().add("selection_id", sel).add("name", selectionName(m, d, sel)));
        }
        contests.add(JsonText.object().add("contest_id", d.id())
            .add("name", d.ballotTitle().in("en").or(() -> d.name().in("en")).orElse(d.id()))
            .add("chosen", chosen));
      }
      out.add(JsonText.object().add("ballot_id", row.ballotId()).add("tracking_code", row.trackingCode())
          .add("confirmation_code", row.confirmationCode()).add("sequence", row.sequence())
          .add("timestamp", row.timestamp()).add("kiosk_id", row.kioskId()).add("contests", contests));
    }
    json(ctx, JsonText.object().add("challenged", out).build().toString());
  }

  private static String selectionName(Manifest m, ContestDescription d, String selectionId) {
    return d.selection(selectionId).flatMap(s -> m.candidate(s.candidateId())).flatMap(c -> c.name().in("en"))
        .orElse(selectionId);
  }

  private void submit(Context ctx, EntryKind kind) throws Exception {
    byte[] body = ctx.bodyAsBytes();
    if (body.length > MAX_BODY_BYTES) {
      throw new Rejection(413, "body_too_large", "the request body is over the size limit of " + MAX_BODY_BYTES
          + " bytes");
    }
    VerifiedSubmission s;
    verifying.acquire();
    try {
      s = checker.check(kind, body);
    } catch (SubmissionChecker.AlreadyOnBoard again) {
      Receipt original = board.receipt(again.row());
      LOG.info("repeated {} ballot {} from kiosk {} (request {}): original receipt, sequence {}", kind.wireName(),
          again.row().ballotId(), again.row().kioskId(), again.row().requestId(), original.sequence());
      json(ctx, original.toJson().toString());
      return;
    } catch (Rejection r) {
      LOG.info("rejected {} from {}: {} {}", kind.wireName(), ctx.ip(), r.code(), r.getMessage());
      throw r;
    } finally {
      verifying.release();
    }
    Receipt receipt = await(board.submit(s), s, kind);
    LOG.info("accepted {} ballot {} from kiosk {} (request {}) at sequence {}", kind.wireName(),
        s.ballot().ballotId(), s.ballot().kioskId(), s.requestId(), receipt.sequence());
    ctx.status(200);
    json(ctx, receipt.toJson().toString());
  }

  private <T> T await(java.util.concurrent.CompletableFuture<T> f, VerifiedSubmission s, EntryKind kind)
      throws Exception {
    try {
      return f.get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | CompletionException e) {
      if (e.getCause() instanceof Rejection r) {
        if (s != null) {
          LOG.info("rejected {} ballot {} from kiosk {} (request {}): {} {}", kind.wireName(),
              s.ballot().ballotId(), s.ballot().kioskId(), s.requestId(), r.code(), r.getMessage());
        }
        throw r;
      }
      throw e;
    } catch (TimeoutException e) {
      throw new Rejection(503, "board_busy", "the board did not store this in time; retry the same request");
    }
  }

  // ---- administrators ----

  private void authorize(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || !header.startsWith("Bearer ")) {
      throw new Rejection(401, "unauthorized", "administrator credential required (Authorization: Bearer …)");
    }
    String token = header.substring("Bearer ".length()).trim();
    if (!token.matches("[0-9a-f]{64}") || !board.store().adminTokenHashExists(AdminCredentials.hash(token))) {
      LOG.warn("rejected administrator request {} {} from {}: bad credential", ctx.method(), ctx.path(), ctx.ip());
      throw new Rejection(403, "forbidden", "this credential may not administer the board");
    }
  }

  private interface AdminAction {
    java.util.concurrent.CompletableFuture<BoardEntry> run();
  }

  private void admin(Context ctx, AdminAction action) throws Exception {
    authorize(ctx);
    BoardEntry e = await(action.run(), null, null);
    LOG.info("administrator action {} recorded at sequence {}", e.kind().wireName(), e.sequence());
    json(ctx, JsonText.object().add("sequence", e.sequence()).add("kind", e.kind().wireName())
        .add("entry_hash", e.entryHash().toHex()).build().toString());
  }

  private Fields adminBody(Context ctx) {
    try {
      return Fields.of(JsonText.parseObject(ctx.bodyAsBytes()));
    } catch (InvalidFieldException e) {
      throw Rejection.badRequest("malformed_json", e.getMessage(), e.field());
    }
  }

  private void registerKiosk(Context ctx) throws Exception {
    authorize(ctx);
    Fields f = adminBody(ctx);
    String id;
    Ed25519.PublicKey key;
    try {
      f.only(java.util.Set.of("kiosk_id", "public_key"));
      id = f.id("kiosk_id");
      key = new Ed25519.PublicKey(f.string("public_key"));
    } catch (InvalidFieldException e) {
      throw Rejection.badRequest("invalid_field", e.getMessage(), e.field());
    }
    admin(ctx, () -> board.registerKiosk(id, key));
  }

  private void revokeKiosk(Context ctx) throws Exception {
    authorize(ctx);
    String id = ctx.pathParam("id");
    String reason = "revoked by an administrator";
    if (!ctx.body().isBlank()) {
      try {
        reason = adminBody(ctx).optionalString("reason").orElse(reason);
      } catch (InvalidFieldException e) {
        throw Rejection.badRequest("invalid_field", e.getMessage(), e.field());
      }
    }
    String why = reason;
    admin(ctx, () -> board.revokeKiosk(id, why));
  }

  private void publishTally(Context ctx) throws Exception {
    authorize(ctx);
    Fields f = adminBody(ctx);
    EntryPayload.TallyPublished t;
    try {
      f.only(java.util.Set.of("tally_hash", "shares_hash", "result_hash"));
      t = new EntryPayload.TallyPublished(f.digest("tally_hash"), f.digest("shares_hash"), f.digest("result_hash"));
    } catch (InvalidFieldException e) {
      throw Rejection.badRequest("invalid_field", e.getMessage(), e.field());
    }
    admin(ctx, () -> board.publishTally(t));
  }
}
