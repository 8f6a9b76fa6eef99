package org.evote.server.http;

import io.javalin.http.Context;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import org.evote.server.board.Rejection;

/** The one JSON shape of every error: {"error": {"status", "code", "message", "field"?}}. */
final class ApiErrors {
  private ApiErrors() {}

  static void write(Context ctx, Rejection r) {
    JsonObjectBuilder e = Json.createObjectBuilder().add("status", r.status()).add("code", r.code())
        .add("message", r.getMessage());
    if (r.field() != null) {
      e.add("field", r.field());
    }
    ctx.status(r.status()).contentType("application/json")
        .result(Json.createObjectBuilder().add("error", e).build().toString());
  }
}
