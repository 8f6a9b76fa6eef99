package org.evote.crypto.manifest;

import java.util.List;
import java.util.Optional;

/** Text in several languages, as in the ElectionGuard manifest's {@code {"text": [{"value", "language"}]}}. */
public record InternationalText(List<Translation> translations) {
  public InternationalText {
    translations = List.copyOf(translations);
  }

  /** One language's text; {@code language} is a BCP 47 tag such as "en" or "es". */
  public record Translation(String value, String language) {
    public Translation {
      if (value == null || language == null || language.isBlank()) {
        throw new IllegalArgumentException("translation needs a value and a language");
      }
    }
  }

  public static final InternationalText EMPTY = new InternationalText(List.of());

  /** Plain text, language unknown: manifests use a plain string in places (e.g. a contest's name). */
  public static InternationalText plain(String value) {
    return new InternationalText(List.of(new Translation(value, "und")));
  }

  /** The text in {@code language}, else the first translation, else empty. */
  public Optional<String> in(String language) {
    for (Translation t : translations) {
      if (t.language().equals(language)) {
        return Optional.of(t.value());
      }
    }
    return translations.isEmpty() ? Optional.empty() : Optional.of(translations.get(0).value());
  }
}
