package org.evote.kiosk.session;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The keys of the on-screen keyboard for a write-in name: the letters a–z, then the accented letters of the
 * manifest's languages (Spanish á é í ó ú ü ñ, French, German, Portuguese, Italian, …), then the apostrophe, the
 * hyphen and the full stop that names use; the screen adds space, backspace, capitals, done and cancel.
 */
public final class WriteInKeyboard {
  private static final Map<String, String> ACCENTS = Map.ofEntries(
      Map.entry("es", "áéíóúüñ"), Map.entry("fr", "àâæçéèêëîïôœùûüÿ"), Map.entry("de", "äöüß"),
      Map.entry("pt", "áâãàçéêíóôõú"), Map.entry("it", "àèéìòù"), Map.entry("ca", "àçèéíïòóúü"),
      Map.entry("nl", "éëïóöü"), Map.entry("sv", "åäö"), Map.entry("da", "æøå"), Map.entry("nb", "æøå"),
      Map.entry("no", "æøå"), Map.entry("fi", "äöå"), Map.entry("pl", "ąćęłńóśźż"), Map.entry("cs", "áčďéěíňóřšťúůýž"),
      Map.entry("tr", "çğıöşü"), Map.entry("vi", "àáâãèéêìíòóôõùúýăđơư"), Map.entry("tl", "ñ"),
      Map.entry("ht", "èòà"), Map.entry("ga", "áéíóú"));
  /** The marks a name may have besides letters. */
  public static final String PUNCTUATION = "'-.";

  private WriteInKeyboard() {}

  /** The letter keys (lower case) for these languages, then the punctuation keys. */
  public static List<String> keys(List<String> languages) {
    Set<String> keys = new LinkedHashSet<>();
    for (char c = 'a'; c <= 'z'; c++) {
      keys.add(String.valueOf(c));
    }
    for (String lang : languages) {
      String base = Locale.forLanguageTag(lang).getLanguage();
      String accents = ACCENTS.getOrDefault(base, "");
      accents.codePoints().forEach(cp -> keys.add(new String(Character.toChars(cp))));
    }
    for (char c : PUNCTUATION.toCharArray()) {
      keys.add(String.valueOf(c));
    }
    return new ArrayList<>(keys);
  }

  /** The key's capital, when it has one that is one character (ß and the marks stay as they are). */
  public static String capital(String key) {
    String up = key.toUpperCase(Locale.ROOT);
    return up.codePointCount(0, up.length()) == 1 ? up : key;
  }
}
