package org.evote.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.evote.crypto.ballot.PlaintextBallot;
import org.evote.crypto.json.JsonText;
import org.evote.server.testing.TestBoard;
import org.evote.server.testing.TestKiosk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/names} and the observer page's languages on a real board with the county's manifest: names by
 * the one display-name rule in the reader's language, structured so the page renders them in its own words; the
 * challenged list carries ids only; the page in the chosen or the browser's language.
 */
class NamesApiTest {
  @TempDir
  static Path temp;
  static TestBoard t;

  @BeforeAll
  static void setUp() throws Exception {
    t = new TestBoard(temp, "manifest-hamilton-general.json");
  }

  @AfterAll
  static void tearDown() {
    t.close();
  }

  static HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(t.base + path)).GET();
    if (headers.length > 0) {
      b.headers(headers);
    }
    return t.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonObject selection(JsonObject names, String contest, String selection) {
    JsonObject c = names.getJsonArray("contests").getValuesAs(JsonObject.class).stream()
        .filter(x -> x.getString("contest_id").equals(contest)).findFirst().orElseThrow();
    return c.getJsonArray("selections").getValuesAs(JsonObject.class).stream()
        .filter(x -> x.getString("selection_id").equals(selection)).findFirst().orElseThrow();
  }

  @Test
  void theNamesInSpanish() throws Exception {
    HttpResponse<String> r = get("/api/names?lang=es");
    assertEquals(200, r.statusCode(), r.body());
    JsonObject names = JsonText.parseObject(r.body());
    assertEquals("es", names.getString("language"));
    assertEquals(List.of("en", "es"), names.getJsonArray("languages").getValuesAs(jakarta.json.JsonString.class)
        .stream().map(jakarta.json.JsonString::getString).toList());
    assertEquals("inglés", names.getJsonObject("language_names").getString("en"));
    assertEquals(JsonText.parseObject("{\"kind\":\"text\",\"value\":\"Elección general del condado de Hamilton\","
        + "\"language\":\"es\",\"fallback\":false}"), names.getJsonObject("election"));
    // rangel-selection names "rengel", whom the manifest does not list: unnamed, by its position
    assertEquals(JsonText.parseObject("{\"kind\":\"unnamed\",\"position\":3}"),
        selection(names, "congress-district-5-contest", "rangel-selection").getJsonObject("name"));
    assertEquals(JsonText.parseObject("{\"kind\":\"unnamed\",\"position\":1}"),
        selection(names, "congress-district-5-contest", "soliz-selection").getJsonObject("name"));
    assertEquals("write_in", selection(names, "ozark-governor", "write-in-selection-governor")
        .getJsonObject("name").getString("kind"));
    JsonObject keller = selection(names, "congress-district-5-contest", "keller-selection");
    assertEquals(JsonText.parseObject("{\"kind\":\"text\",\"value\":\"Amos Keller\",\"language\":\"en\","
        + "\"fallback\":true}"), keller.getJsonObject("name"));
    JsonObject style = names.getJsonArray("styles").getValuesAs(JsonObject.class).stream()
        .filter(s -> s.getString("style_id").equals("congress-district-5-hamilton-county")).findFirst().orElseThrow();
    assertTrue(style.getJsonArray("contest_ids").toString().contains("congress-district-5-contest"));
  }

  @Test
  void aLanguageTheManifestDoesNotOfferIsRefused_andNoneIsTheFirst() throws Exception {
    HttpResponse<String> r = get("/api/names?lang=fr");
    assertEquals(400, r.statusCode());
    JsonObject error = JsonText.parseObject(r.body()).getJsonObject("error");
    assertEquals("invalid_parameter", error.getString("code"));
    assertEquals("lang", error.getString("field"));
    assertEquals("en", JsonText.parseObject(get("/api/names").body()).getString("language"));
  }

  @Test
  void theChallengedListCarriesIdsNotNames() throws Exception {
    TestKiosk k = t.registerKiosk("kiosk-names");
    t.adminPost("/api/admin/polls/open", "");
    TestKiosk.Submission s = k.next(new PlaintextBallot("b1", "congress-district-5-hamilton-county", Map.of(
        "congress-district-5-contest", List.of("rangel-selection"))), true);
    assertEquals(200, t.post("/api/ballots/challenged", s).statusCode());
    JsonObject b = JsonText.parseObject(get("/api/challenged").body()).getJsonArray("challenged").getJsonObject(0);
    assertEquals("congress-district-5-hamilton-county", b.getString("style_id"));
    assertFalse(b.toString().contains("\"name\""), b.toString());
    JsonObject contest = b.getJsonArray("contests").getValuesAs(JsonObject.class).stream()
        .filter(c -> c.getString("contest_id").equals("congress-district-5-contest")).findFirst().orElseThrow();
    assertEquals("[{\"selection_id\":\"rangel-selection\"}]", contest.getJsonArray("chosen").toString());
  }

  @Test
  void thePageIsServedInTheChosenOrTheBrowsersLanguage() throws Exception {
    String es = get("/?lang=es").body();
    assertTrue(es.contains("<html lang=\"es\">") && es.contains("Compruebe su papeleta"), es);
    assertTrue(es.contains("<option value=\"es\" lang=\"es\" selected>Español</option>"), es);
    String byHeader = get("/", "Accept-Language", "es-MX,es;q=0.9,en;q=0.5").body();
    assertTrue(byHeader.contains("<html lang=\"es\">"), byHeader);
    String en = get("/?lang=xx", "Accept-Language", "de;q=1, ;;bad").body();
    assertTrue(en.contains("<html lang=\"en\">") && en.contains("Check your ballot"), en);
    assertFalse(en.contains("{{"), "every place filled");
    // the words block cannot end its script element
    String words = en.substring(en.indexOf("<script id=\"words\""), en.indexOf("</script>"));
    assertTrue(words.contains("\"language\":\"en\"") && !words.substring(1).contains("<"), words);
  }
}
