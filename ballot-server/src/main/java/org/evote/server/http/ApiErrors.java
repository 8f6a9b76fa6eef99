package org.evote.server.http;

import io.javalin.http.Context;
import jakarta.json.JsonObjectBuilder;
import org.evote.server.board.Rejection;
import org.evote.crypto.json.JsonText;

/** The one JSON shape of every error: {"error": {"status", "code", "message", "field"?}}. */
final class ApiErrors {
  private ApiErrors() {}

  static void write(Context ctx, Rejection r) {
    JsonObjectBuilder e = JsonText.object().add("status", r.status()).add("code", r.code())
        .add("message", r.getMessage());
    if (r.field() != null) {
      e.add("field", r.field());
    }
    ctx.status(r.status()).contentType("application/json")
        .result(JsonText.object().add("error", e).build().toString());
  }
}
