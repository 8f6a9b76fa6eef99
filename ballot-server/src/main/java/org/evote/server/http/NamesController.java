package org.evote.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.evote.board.client.ApiPaths;
import org.evote.board.client.ErrorCodes;
import org.evote.crypto.manifest.DisplayNames;
import org.evote.crypto.manifest.Manifest;

/**
 * {@code GET /api/names?lang=L}: the manifest's display names in language L (protocol §5.1), for the observer page.
 * Every answer is made once, at start, for each language the page offers ({@link #offered}), so a request costs
 * a map look-up; any other language is refused.
 */
final class NamesController {
  private final List<String> offered;
  private final Map<String, String> answers = new LinkedHashMap<>();

  NamesController(Manifest manifest) {
    this.offered = offered(manifest);
    DisplayNames names = new DisplayNames(manifest);
    for (String lang : offered) {
      answers.put(lang, DisplayNamesJson.of(names, lang, offered).toString());
    }
  }

  /** The languages a reader may choose: the manifest's own (English if it names none). */
  static List<String> offered(Manifest manifest) {
    List<String> langs = manifest.languages();
    return langs.isEmpty() ? List.of("en") : langs;
  }

  void routes(RoutesConfig routes) {
    routes.get(ApiPaths.NAMES, this::names);
  }

  private void names(Context ctx) {
    String lang = ctx.queryParam("lang");
    String answer = answers.get(lang == null ? offered.get(0) : lang);
    if (answer == null) {
      throw ApiError.badRequest(ErrorCodes.INVALID_PARAMETER, "lang must be one of the manifest's languages: "
          + String.join(", ", offered), "lang");
    }
    Json.send(ctx, answer);
  }
}
