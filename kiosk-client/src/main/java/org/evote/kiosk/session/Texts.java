package org.evote.kiosk.session;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The kiosk's own words in the voter's language (English when a language has no translation yet). */
public final class Texts {
  private final ResourceBundle bundle;
  private final Locale locale;

  public Texts(String language) {
    this.locale = Locale.forLanguageTag(language);
    ResourceBundle b;
    try {
      b = ResourceBundle.getBundle("org.evote.kiosk.ui.texts", locale, ResourceBundle.Control
          .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    } catch (MissingResourceException e) {
      b = ResourceBundle.getBundle("org.evote.kiosk.ui.texts", Locale.ENGLISH, ResourceBundle.Control
          .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
    this.bundle = b;
  }

  public String get(String key, Object... args) {
    String pattern = bundle.getString(key);
    return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
  }

  /** The reader's language (a BCP 47 tag). */
  public String language() {
    return locale.toLanguageTag();
  }

  /** A language's name in the reader's language ("inglés" for "en" to a Spanish reader). */
  public String languageNameInReadersLanguage(String tag) {
    String name = Locale.forLanguageTag(tag).getDisplayLanguage(locale);
    return name.isEmpty() ? tag : name;
  }

  /** Whether the kiosk has words for {@code key}. */
  public boolean has(String key) {
    return bundle.containsKey(key);
  }

  /** The language's own name ("English", "Español"). */
  public static String languageName(String tag) {
    Locale l = Locale.forLanguageTag(tag);
    String name = l.getDisplayLanguage(l);
    return name.isEmpty() ? tag : Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
