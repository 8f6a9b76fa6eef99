package org.evote.server.http;

import org.evote.board.client.ApiPaths;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.board.BoardEntry;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.board.EntryPayload;
import org.evote.crypto.json.Fields;
import org.evote.crypto.json.JsonText;
import org.evote.server.board.BoardService;
import org.evote.server.board.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Administrator actions (each guarded by {@link AdminAuth}): polls, kiosks and the tally. Each answers
 * {@code {"sequence", "kind", "entry_hash"}} once its entry is durable.
 */
final class AdminController {
  private static final Logger LOG = LoggerFactory.getLogger(AdminController.class);
  /** Every administrator path starts so ({@link AdminAuth} guards them all). */
  static final String ALL = "/api/admin/*";
  private static final String OPEN_POLLS = ApiPaths.OPEN_POLLS;
  private static final String CLOSE_POLLS = ApiPaths.CLOSE_POLLS;
  private static final String KIOSKS = ApiPaths.KIOSKS;
  private static final String REVOKE_KIOSK = ApiPaths.REVOKE_KIOSK;
  private static final String TALLY = ApiPaths.TALLY;
  private static final String DEFAULT_REASON = "revoked by an administrator";

  private final BoardService board;

  AdminController(BoardService board) {
    this.board = board;
  }

  void routes(RoutesConfig routes) {
    routes.post(OPEN_POLLS, ctx -> answer(ctx, board.openPolls()));
    routes.post(CLOSE_POLLS, ctx -> answer(ctx, board.closePolls()));
    routes.post(KIOSKS, this::registerKiosk);
    routes.post(REVOKE_KIOSK, this::revokeKiosk);
    routes.post(TALLY, this::publishTally);
  }

  private void answer(Context ctx, CompletableFuture<BoardEntry> action) throws Exception {
    BoardEntry e;
    try {
      e = Writes.await(action);
    } catch (Refusal r) {
      LOG.info("refused administrator request {} {}: {} {}", ctx.method(), ctx.path(), r.code(), r.getMessage());
      throw r;
    }
    LOG.info("administrator action {} recorded at sequence {}", e.kind().wireName(), e.sequence());
    Json.send(ctx, JsonText.object().add("sequence", e.sequence()).add("kind", e.kind().wireName())
        .add("entry_hash", e.entryHash().toHex()).build().toString());
  }

  private static Fields body(Context ctx) {
    try {
      return Fields.of(JsonText.parseObject(ctx.bodyAsBytes()));
    } catch (InvalidFieldException e) {
      throw new Refusal(Refusal.Invalid.MALFORMED_JSON, e.getMessage(), e.field());
    }
  }

  private static Refusal invalid(InvalidFieldException e) {
    return new Refusal(Refusal.Invalid.INVALID_FIELD, e.getMessage(), e.field());
  }

  private void registerKiosk(Context ctx) throws Exception {
    Fields f = body(ctx);
    String id;
    Ed25519.PublicKey key;
    try {
      f.only(Set.of("kiosk_id", "public_key"));
      id = f.id("kiosk_id");
      key = new Ed25519.PublicKey(f.string("public_key"));
    } catch (InvalidFieldException e) {
      throw invalid(e);
    }
    answer(ctx, board.registerKiosk(id, key));
  }

  private void revokeKiosk(Context ctx) throws Exception {
    String id = ctx.pathParam("id");
    String reason = DEFAULT_REASON;
    if (!ctx.body().isBlank()) {
      try {
        reason = body(ctx).optionalString("reason").orElse(reason);
      } catch (InvalidFieldException e) {
        throw invalid(e);
      }
    }
    answer(ctx, board.revokeKiosk(id, reason));
  }

  private void publishTally(Context ctx) throws Exception {
    Fields f = body(ctx);
    EntryPayload.TallyPublished t;
    try {
      f.only(Set.of("tally_hash", "shares_hash", "result_hash"));
      t = new EntryPayload.TallyPublished(f.digest("tally_hash"), f.digest("shares_hash"), f.digest("result_hash"));
    } catch (InvalidFieldException e) {
      throw invalid(e);
    }
    answer(ctx, board.publishTally(t));
  }
}
