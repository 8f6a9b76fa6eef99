package org.evote.tally.report;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.evote.crypto.manifest.DisplayText;

/**
 * The tally tool's words in the reader's language, from its resource bundle {@code org/evote/tally/report/names}
 * (English and Spanish; English for a language the tool has no words in): what the manifest does not name
 * (write-in line, unnamed selection, untitled contest, untranslated text) and the result files' own words.
 */
public final class ReportWords implements DisplayText.Words {
  private final Locale locale;
  private final ResourceBundle bundle;

  public ReportWords(Locale locale) {
    this.locale = locale;
    this.bundle = ResourceBundle.getBundle("org.evote.tally.report.names", locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** English, the language of the command line. */
  public static ReportWords english() {
    return new ReportWords(Locale.ENGLISH);
  }

  /** The words for a reader of {@code languageTag} (a manifest's language, e.g. "es"). */
  public static ReportWords of(String languageTag) {
    return new ReportWords(Locale.forLanguageTag(languageTag));
  }

  /** The language tag names are looked up in ("en"). */
  public String language() {
    return locale.toLanguageTag();
  }

  @Override
  public String writeIn() {
    return bundle.getString("name.writeIn");
  }

  @Override
  public String unnamed(int position) {
    return format("name.unnamed", position);
  }

  @Override
  public String untitled(String kind, int position) {
    String key = "name.untitled." + kind;
    return format(bundle.containsKey(key) ? key : "name.untitled.contest", position);
  }

  @Override
  public String untranslated(String text, String language) {
    String name = Locale.forLanguageTag(language).getDisplayLanguage(locale);
    return format("name.untranslated", text, name.isEmpty() ? language : name);
  }

  /** One of the result files' own words ({@code report.*} keys), with its arguments filled in. */
  String say(String key, Object... args) {
    return format("report." + key, args);
  }

  private String format(String key, Object... args) {
    return new MessageFormat(bundle.getString(key), locale).format(args);
  }
}
