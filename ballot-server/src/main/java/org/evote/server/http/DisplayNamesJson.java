package org.evote.server.http;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.manifest.BallotStyle;
import org.evote.crypto.manifest.ContestDescription;
import org.evote.crypto.manifest.DisplayNames;
import org.evote.crypto.manifest.DisplayText;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.manifest.SelectionDescription;

/**
 * The manifest's display names in one reader's language, as {@code GET /api/names} answers them (docs/api.md):
 * every name computed by the one display-name rule ({@link DisplayNames}, protocol §5.1) and sent in its structured
 * form, so that the observer page renders write-in lines, unnamed selections and untranslated text in its own
 * words — never a raw id.
 */
final class DisplayNamesJson {
  private DisplayNamesJson() {}

  /** The answer for {@code language}, one of {@code offered}. */
  static JsonObject of(DisplayNames names, String language, List<String> offered) {
    Manifest m = names.manifest();
    Set<String> seen = new LinkedHashSet<>(offered);
    JsonArrayBuilder contests = JsonText.array();
    for (ContestDescription c : m.contests()) {
      JsonArrayBuilder selections = JsonText.array();
      for (SelectionDescription s : c.selections()) {
        JsonObjectBuilder so = JsonText.object().add("selection_id", s.id())
            .add("name", text(names.selection(c.id(), s.id(), language), seen));
        names.selectionParty(c.id(), s.id(), language).ifPresent(p -> so.add("party", text(p, seen)));
        selections.add(so);
      }
      JsonObjectBuilder co = JsonText.object().add("contest_id", c.id())
          .add("title", text(names.contest(c.id(), language), seen));
      names.contestSubtitle(c.id(), language).ifPresent(t -> co.add("subtitle", text(t, seen)));
      contests.add(co.add("selections", selections));
    }
    JsonArrayBuilder styles = JsonText.array();
    for (BallotStyle s : m.ballotStyles()) {
      JsonArrayBuilder ids = JsonText.array();
      m.contestsFor(s.id()).forEach(c -> ids.add(c.id()));
      styles.add(JsonText.object().add("style_id", s.id()).add("contest_ids", ids));
    }
    JsonObject election = text(names.election(language), seen);
    JsonArrayBuilder languages = JsonText.array();
    offered.forEach(languages::add);
    JsonObjectBuilder languageNames = JsonText.object();
    Locale reader = Locale.forLanguageTag(language);
    for (String tag : seen) {
      if (!tag.equals("und")) {
        languageNames.add(tag, languageName(tag, reader));
      }
    }
    return JsonText.object().add("language", language).add("languages", languages)
        .add("language_names", languageNames).add("election", election).add("contests", contests)
        .add("styles", styles).build();
  }

  /** A language's name in the reader's language ("inglés"), from the JDK's locale data; the tag if it has none. */
  static String languageName(String tag, Locale reader) {
    String name = Locale.forLanguageTag(tag).getDisplayLanguage(reader);
    return name.isEmpty() ? tag : name;
  }

  /** One display text: {@code {"kind": "text"|"write_in"|"unnamed"|"untitled", …}} ({@code "line"}: the number of a write-in line when its contest has several). */
  static JsonObject text(DisplayText t, Set<String> languages) {
    if (t instanceof DisplayText.Text x) {
      languages.add(x.language());
      return JsonText.object().add("kind", "text").add("value", x.value()).add("language", x.language())
          .add("fallback", x.fallback()).build();
    } else if (t instanceof DisplayText.Unnamed u) {
      return JsonText.object().add("kind", "unnamed").add("position", u.position()).build();
    } else if (t instanceof DisplayText.Untitled u) {
      return JsonText.object().add("kind", "untitled").add("of", u.kind()).add("position", u.position()).build();
    }
    int line = ((DisplayText.WriteIn) t).line();
    return line == 0 ? JsonText.object().add("kind", "write_in").build()
        : JsonText.object().add("kind", "write_in").add("line", line).build();
  }
}
