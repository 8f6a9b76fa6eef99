package org.evote.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.evote.board.client.ErrorCodes;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.manifest.Manifest;

/**
 * The observer page: plain HTML, JavaScript and CSS from the jar. The page is served in one of the manifest's
 * languages ({@code /?lang=es}; else the browser's Accept-Language, else the manifest's first language), its own
 * words taken from the {@code ObserverWords} resource bundle (English and Spanish; English for a language without
 * one) and put into index.html's {@code {{key}}} places — and all of them handed to app.js in a JSON script block.
 * Every language's page is made once, at start.
 */
final class ObserverPage {
  static final String BUNDLE = "org.evote.server.web.ObserverWords";
  private static final String INDEX = "/";
  private static final String SCRIPT = "/app.js";
  private static final String CHECKS = "/verify.js";
  private static final String STYLE = "/style.css";
  private static final Pattern PLACE = Pattern.compile("\\{\\{([a-zA-Z0-9._-]+)}}");

  private final List<String> offered;
  private final Map<String, byte[]> pages = new LinkedHashMap<>();

  ObserverPage(Manifest manifest) {
    this.offered = NamesController.offered(manifest);
    String template = new String(resource("index.html"), StandardCharsets.UTF_8);
    for (String lang : offered) {
      pages.put(lang, page(template, lang).getBytes(StandardCharsets.UTF_8));
    }
  }

  void routes(RoutesConfig routes) {
    routes.get(INDEX, ctx -> ctx.contentType("text/html; charset=utf-8").header("Vary", "Accept-Language")
        .result(pages.get(language(ctx))));
    routes.get(SCRIPT, ctx -> ctx.contentType("text/javascript; charset=utf-8").result(resource("app.js")));
    routes.get(CHECKS, ctx -> ctx.contentType("text/javascript; charset=utf-8").result(resource("verify.js")));
    routes.get(STYLE, ctx -> ctx.contentType("text/css; charset=utf-8").result(resource("style.css")));
  }

  /** The page's own words in {@code language} (English where the bundle has none). */
  static Map<String, String> words(String language) {
    ResourceBundle b = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(language),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    Map<String, String> out = new TreeMap<>();
    for (String k : b.keySet()) {
      out.put(k, b.getString(k));
    }
    return out;
  }

  /** The language to serve: {@code ?lang} if offered; else the best of Accept-Language; else the first. */
  String language(Context ctx) {
    String asked = ctx.queryParam("lang");
    if (asked != null && pages.containsKey(asked)) {
      return asked;
    }
    String accept = ctx.header("Accept-Language");
    if (accept != null && accept.length() <= 1000) {
      try {
        String best = Locale.lookupTag(Locale.LanguageRange.parse(accept), offered);
        if (best != null) {
          return best;
        }
      } catch (IllegalArgumentException e) {
        // a malformed header: the default language
      }
    }
    return offered.get(0);
  }

  private String page(String template, String lang) {
    Map<String, String> words = words(lang);
    Locale bundleLocale = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(lang),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getLocale();
    String pageLang = bundleLocale.getLanguage().isEmpty() ? "en" : bundleLocale.toLanguageTag();
    Matcher m = PLACE.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String key = m.group(1);
      String value = switch (key) {
        case "lang" -> pageLang;
        case "words" -> wordsJson(words, lang);
        case "language.options" -> options(lang);
        default -> {
          String w = words.get(key);
          if (w == null) {
            throw new MissingResourceException("index.html uses " + key + ", which " + BUNDLE + " lacks", BUNDLE, key);
          }
          yield escape(w);
        }
      };
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The words and the language of the names to ask for, as JSON that cannot end the script element. */
  private static String wordsJson(Map<String, String> words, String lang) {
    var o = JsonText.object().add("language", lang);
    var w = JsonText.object();
    words.forEach(w::add);
    return o.add("words", w).build().toString().replace("<", "\\u003c").replace(">", "\\u003e")
        .replace("&", "\\u0026");
  }

  /** One option per offered language, each named in its own language. */
  private String options(String selected) {
    StringBuilder out = new StringBuilder();
    for (String lang : offered) {
      Locale l = Locale.forLanguageTag(lang);
      String name = DisplayNamesJson.languageName(lang, l);
      name = name.substring(0, 1).toUpperCase(l) + name.substring(1);
      out.append("<option value=\"").append(escape(lang)).append("\" lang=\"").append(escape(lang)).append('"')
          .append(lang.equals(selected) ? " selected" : "").append('>').append(escape(name)).append("</option>");
    }
    return out.toString();
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static byte[] resource(String name) {
    try (InputStream in = ObserverPage.class.getResourceAsStream("/org/evote/server/web/" + name)) {
      if (in == null) {
        throw new ApiError(404, ErrorCodes.NOT_FOUND, name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
