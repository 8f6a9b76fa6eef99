package org.evote.tally.gui;

import java.util.Locale;
import org.evote.crypto.manifest.DisplayText;

/** The desktop app's words for what the manifest does not say (protocol §5.1 "Display names"), from its bundle. */
public final class GuiWords implements DisplayText.Words {
  private final GuiTexts texts;

  public GuiWords(GuiTexts texts) {
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
    return texts.get("name.untitled." + kind, position);
  }

  @Override
  public String untranslated(String text, String language) {
    return texts.get("name.untranslated", text, languageName(language));
  }

  /** A language's name in the official's language ("Spanish", "español"); the tag itself if Java does not know it. */
  public String languageName(String language) {
    String name = Locale.forLanguageTag(language).getDisplayLanguage(texts.locale());
    return name.isBlank() ? language : name;
  }
}
