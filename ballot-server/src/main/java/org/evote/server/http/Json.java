package org.evote.server.http;

import io.javalin.http.Context;

/** Sends a JSON answer. */
final class Json {
  private Json() {}

  static void send(Context ctx, String body) {
    ctx.contentType("application/json").result(body);
  }
}
