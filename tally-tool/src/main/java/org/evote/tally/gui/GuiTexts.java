package org.evote.tally.gui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The desktop tally tool's own words, from the resource bundle {@code org/evote/tally/gui/texts*.properties}, in
 * the official's language (the base bundle, English, when a language has no translation yet). Patterns are
 * {@link MessageFormat}s.
 */
public final class GuiTexts {
  private static final String BUNDLE = "org.evote.tally.gui.texts";
  private final ResourceBundle bundle;
  private final Locale locale;

  public GuiTexts(Locale locale) {
    this.locale = locale;
    this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** The words of the default locale. */
  public static GuiTexts forDefaultLocale() {
    return new GuiTexts(Locale.getDefault());
  }

  public Locale locale() {
    return locale;
  }

  /** The official's language for the manifest's texts ("en" when the locale names none). */
  public String language() {
    return locale.getLanguage().isEmpty() ? "en" : locale.getLanguage();
  }

  /** The text of {@code key}, formatted with {@code args}. */
  public String get(String key, Object... args) {
    return new MessageFormat(bundle.getString(key), locale).format(args);
  }
}
