package org.evote.server.http;

import org.evote.board.client.ErrorCodes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/** The observer page: plain HTML, JavaScript and CSS from the jar. */
final class ObserverPage {
  private static final String INDEX = "/";
  private static final String SCRIPT = "/app.js";
  private static final String STYLE = "/style.css";

  void routes(RoutesConfig routes) {
    routes.get(INDEX, ctx -> resource(ctx, "index.html", "text/html; charset=utf-8"));
    routes.get(SCRIPT, ctx -> resource(ctx, "app.js", "text/javascript; charset=utf-8"));
    routes.get(STYLE, ctx -> resource(ctx, "style.css", "text/css; charset=utf-8"));
  }

  private static void resource(Context ctx, String name, String type) throws IOException {
    try (InputStream in = ObserverPage.class.getResourceAsStream("/org/evote/server/web/" + name)) {
      if (in == null) {
        throw new ApiError(404, ErrorCodes.NOT_FOUND, name);
      }
      ctx.contentType(type).result(in.readAllBytes());
    }
  }
}
