package org.evote.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The observer page's words: English and Spanish have the same keys, and every word the page uses exists. */
class ObserverWordsTest {
  static String resource(String name) throws IOException {
    try (InputStream in = ObserverPage.class.getResourceAsStream("/org/evote/server/web/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static Set<String> used(String text, Pattern p) {
    Set<String> out = new TreeSet<>();
    Matcher m = p.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void englishAndSpanishHaveTheSameWords_andDiffer() {
    Map<String, String> en = ObserverPage.words("en");
    Map<String, String> es = ObserverPage.words("es");
    assertEquals(en.keySet(), es.keySet());
    assertEquals("Check your ballot", en.get("check.title"));
    assertEquals("Compruebe su papeleta", es.get("check.title"));
    // a language without a bundle gets English
    assertEquals(en, ObserverPage.words("fr"));
  }

  @Test
  void everyWordThePageUsesExists() throws IOException {
    Set<String> keys = ObserverPage.words("en").keySet();
    Set<String> inHtml = used(resource("index.html"), Pattern.compile("\\{\\{([a-zA-Z0-9._-]+)}}"));
    inHtml.removeAll(Set.of("lang", "words", "language.options"));
    Set<String> inScript = used(resource("app.js"), Pattern.compile("\\bw\\('([a-zA-Z0-9._-]+)'[,)]"));
    assertTrue(inScript.size() > 30, inScript.toString());
    for (String k : inHtml) {
      assertTrue(keys.contains(k), "index.html uses " + k);
    }
    for (String k : inScript) {
      assertTrue(keys.contains(k), "app.js uses " + k);
    }
    for (org.evote.crypto.board.RefusalReason r : org.evote.crypto.board.RefusalReason.values()) {
      assertTrue(keys.contains("reason." + r.wireName()), "a word for the refusal reason " + r.wireName());
    }
    // words the script builds from a prefix
    for (String k : new String[] {"polls.not_opened", "polls.open", "polls.closed", "name.untitled.contest",
        "name.untitled.party", "name.untitled.district", "name.untitled.election"}) {
      assertTrue(keys.contains(k), k);
    }
  }
}
