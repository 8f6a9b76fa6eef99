package org.evote.witness;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.evote.crypto.note.AddCheckpointRequest;
import org.evote.crypto.note.NoteSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The witness's HTTP interface, exactly c2sp.org/tlog-witness (docs/api.md, "Witness"): {@code POST /add-checkpoint}
 * and the monitoring API {@code GET /<hex SHA-256 of the origin>/checkpoint}, with one prefix for both. Every
 * refusal is the specification's status and a one-line plain-text reason; one log line per request.
 */
public final class WitnessApi {
  /** The largest request body accepted: a checkpoint note of the largest size, and its proof. */
  public static final int MAX_BODY_BYTES = AddCheckpointRequest.MAX_BODY_BYTES;
  /** The Content-Type of a 409 answer's body (c2sp.org/tlog-witness). */
  public static final String SIZE_CONTENT_TYPE = "text/x.tlog.size";
  static final String TEXT = "text/plain; charset=utf-8";
  private static final Logger LOG = LoggerFactory.getLogger(WitnessApi.class);
  private static final Pattern ORIGIN_HASH = Pattern.compile("[0-9a-f]{64}");

  private WitnessApi() {}

  /** The application, configured but not started, for Javalin's plain-HTTP listener. */
  public static Javalin create(Witness witness) {
    return create(witness, java.util.Optional.empty());
  }

  /** The application, configured but not started; with {@code tls}, on that HTTPS listener only. */
  static Javalin create(Witness witness, java.util.Optional<WitnessTls> tls) {
    return Javalin.create(config -> {
      tls.ifPresent(t -> config.jetty.addConnector(t::create));
      config.http.maxRequestSize = MAX_BODY_BYTES;
      config.http.defaultContentType = TEXT;
      config.startup.showJavalinBanner = false;
      config.jetty.modifyServer(server -> server.setErrorHandler(new TextErrorHandler()));
      config.routes.before(ctx -> ctx.header("X-Content-Type-Options", "nosniff"));
      config.routes.post("/add-checkpoint", ctx -> addCheckpoint(witness, ctx));
      config.routes.get("/{origin_hash}/checkpoint", ctx -> checkpoint(witness, ctx));
      config.routes.exception(HttpResponseException.class, (e, ctx) -> {
        String reason = e.getStatus() == 413 ? "the request body is larger than " + MAX_BODY_BYTES + " bytes"
            : String.valueOf(e.getMessage());
        LOG.info("{} {} from {}: {} {}", ctx.method(), ctx.path(), ctx.ip(), e.getStatus(), reason);
        text(ctx, e.getStatus(), reason);
      });
      config.routes.exception(WitnessStore.Failure.class, (e, ctx) -> {
        LOG.error("{} {} from {}: 500 storage failure: {}", ctx.method(), ctx.path(), ctx.ip(), e.getMessage());
        text(ctx, 500, "the witness could not store its state; nothing was cosigned");
      });
      config.routes.exception(Exception.class, (e, ctx) -> {
        LOG.error("internal error on {} {}", ctx.method(), ctx.path(), e);
        text(ctx, 500, "the witness could not handle this request");
      });
      config.routes.error(404, "*", ctx -> {
        if (ctx.result() == null) {
          text(ctx, 404, "no such resource: " + Witness.echo(ctx.path()));
        }
      });
    });
  }

  private static void addCheckpoint(Witness witness, Context ctx) {
    byte[] body = ctx.bodyAsBytes();
    if (body.length > MAX_BODY_BYTES) {
      throw new HttpResponseException(413, "too large");
    }
    Outcome outcome = witness.addCheckpoint(body);
    LOG.info("add-checkpoint from {}: {} {}", ctx.ip(), outcome.status(), outcome.reason());
    if (outcome instanceof Outcome.Cosigned c) {
      StringBuilder b = new StringBuilder();
      for (NoteSignature s : c.cosignatures()) {
        b.append(s.line());
      }
      ctx.status(200).contentType(TEXT).result(b.toString());
    } else if (outcome instanceof Outcome.StaleOldSize s) {
      // Exactly the spec's media type, without the "; charset" Jetty would add to a text/* type set otherwise.
      ctx.status(409);
      ctx.result((s.latestSize() + "\n").getBytes(StandardCharsets.US_ASCII));
      ctx.res().setCharacterEncoding(null);
      ctx.res().setHeader("Content-Type", SIZE_CONTENT_TYPE);
    } else {
      text(ctx, outcome.status(), outcome.reason());
    }
  }

  private static void checkpoint(Witness witness, Context ctx) {
    String hash = ctx.pathParam("origin_hash");
    Optional<String> note = ORIGIN_HASH.matcher(hash).matches() ? witness.checkpoint(hash) : Optional.empty();
    if (note.isEmpty()) {
      LOG.info("checkpoint {} from {}: 404", Witness.echo(hash), ctx.ip());
      text(ctx, 404, "this witness has cosigned no checkpoint of a log whose origin hashes to " + Witness.echo(hash));
      return;
    }
    LOG.info("checkpoint {} from {}: 200", hash, ctx.ip());
    ctx.status(200).contentType(TEXT).result(note.get());
  }

  private static void text(Context ctx, int status, String reason) {
    ctx.status(status).contentType(TEXT).result(oneLine(reason) + "\n");
  }

  private static String oneLine(String s) {
    return s.replaceAll("[\\p{Cntrl}]", " ");
  }

  /** Errors Jetty answers before the application (a malformed URL, oversized headers): one plain-text line. */
  private static final class TextErrorHandler extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
        Callback callback) {
      String line = (message == null || message.isBlank() ? "the request cannot be handled" : oneLine(message)) + "\n";
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, TEXT);
      response.write(true, ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)), callback);
    }
  }
}
