package org.evote.kiosk.session;

import org.evote.crypto.manifest.DisplayText;

/**
 * The kiosk's words for what the manifest does not say (protocol §5.1 "Display names"), in the reader's language:
 * the write-in line, a selection without a name, a contest or party without a title, and the marker of manifest
 * text shown in another language than the reader's ("Whig Party (en inglés)").
 */
public final class KioskWords implements DisplayText.Words {
  private final Texts texts;

  public KioskWords(Texts texts) {
    this.texts = texts;
  }

  @Override
  public String writeIn() {
    return texts.get("name.writeIn");
  }

  @Override
  public String unnamed(int position) {
    return texts.get("name.unnamed", position);
  }

  @Override
  public String untitled(String kind, int position) {
    String key = "name.untitled." + kind;
    return texts.get(texts.has(key) ? key : "name.untitled.contest", position);
  }

  @Override
  public String untranslated(String text, String language) {
    return texts.get("name.untranslated", text, texts.languageNameInReadersLanguage(language));
  }
}
