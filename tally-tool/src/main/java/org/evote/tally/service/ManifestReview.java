package org.evote.tally.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.evote.crypto.manifest.DisplayNames;
import org.evote.crypto.manifest.Manifest;

/**
 * What an official must see and confirm about a manifest before a key ceremony fixes it (protocol §5.1 "Display
 * names"): every selection without a name to show ({@link DisplayNames#unnamedSelections()}) and every language in
 * which some voter-facing text is missing ({@link DisplayNames#untranslatedCounts()}). The one home of the rule
 * "warnings must be confirmed": the command line, the demo and the desktop app all go through
 * {@link #requireConfirmed(boolean)} (by {@link CeremonyService}) before anything is written.
 */
public record ManifestReview(List<DisplayNames.UnnamedSelection> unnamed, Map<String, Integer> untranslated,
    String firstLanguage) {
  public ManifestReview {
    unnamed = List.copyOf(unnamed);
    untranslated = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(untranslated));
  }

  /** The review of {@code manifest}; only languages with missing text are kept in {@link #untranslated()}. */
  public static ManifestReview of(Manifest manifest) {
    DisplayNames names = new DisplayNames(manifest);
    Map<String, Integer> missing = new LinkedHashMap<>();
    names.untranslatedCounts().forEach((lang, n) -> {
      if (n > 0) {
        missing.put(lang, n);
      }
    });
    String first = manifest.languages().isEmpty() ? "en" : manifest.languages().get(0);
    return new ManifestReview(names.unnamedSelections(), missing, first);
  }

  /** True if there is anything to confirm. */
  public boolean hasWarnings() {
    return !unnamed.isEmpty() || !untranslated.isEmpty();
  }

  /** The number of warnings: one per unnamed selection and one per language with missing text. */
  public int count() {
    return unnamed.size() + untranslated.size();
  }

  /** The warnings as lines for an official (English; the desktop app words them from its own bundle). */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    for (DisplayNames.UnnamedSelection u : unnamed) {
      out.add(u.describe());
    }
    untranslated.forEach((lang, n) -> out.add("language \"" + lang + "\": " + n + (n == 1 ? " text is" : " texts are")
        + " not translated; voters who choose it read " + (n == 1 ? "it" : "them") + " in \"" + firstLanguage
        + "\", marked as untranslated"));
    return out;
  }

  /**
   * Passes if there is nothing to confirm or an official confirmed the warnings ({@code confirmed}); otherwise
   * refuses, so a ceremony writes nothing.
   */
  public void requireConfirmed(boolean confirmed) throws NotConfirmedException {
    if (hasWarnings() && !confirmed) {
      throw new NotConfirmedException(this);
    }
  }

  /** A ceremony on a manifest whose warnings no official confirmed: nothing is written. */
  public static final class NotConfirmedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient ManifestReview review;

    public NotConfirmedException(ManifestReview review) {
      super("the manifest has " + review.count() + " warning(s) that an official must confirm before the key "
          + "ceremony: " + String.join("; ", review.lines()));
      this.review = review;
    }

    public ManifestReview review() {
      return review;
    }
  }
}
