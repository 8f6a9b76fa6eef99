package org.evote.kiosk.audio;

import java.util.Locale;
import org.evote.crypto.manifest.DisplayText;
import org.evote.kiosk.session.Texts;

/**
 * The kiosk's words for what the manifest does not say, as the audio mode speaks them (a private copy until
 * voter13's {@code session.KioskWords} is merged; the same rule, the audio mode's own bundle keys).
 */
final class AudioWords implements DisplayText.Words {
  private final Texts texts;
  private final Locale reader;

  AudioWords(Texts texts, String language) {
    this.texts = texts;
    this.reader = Locale.forLanguageTag(language);
  }

  @Override
  public String writeIn() {
    return texts.get("audio.name.writeIn");
  }

  @Override
  public String unnamed(int position) {
    return texts.get("audio.name.unnamed", position);
  }

  @Override
  public String untitled(String kind, int position) {
    String key = "audio.name.untitled." + kind;
    return texts.has(key) ? texts.get(key, position) : texts.get("audio.name.untitled.contest", position);
  }

  @Override
  public String untranslated(String text, String language) {
    String name = Locale.forLanguageTag(language).getDisplayLanguage(reader);
    return texts.get("audio.name.untranslated", text, name.isEmpty() ? language : name);
  }
}
