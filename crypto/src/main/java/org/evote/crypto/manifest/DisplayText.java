package org.evote.crypto.manifest;

import java.util.Objects;

/**
 * What a person reads for one name of the manifest, under the one display-name rule ({@link DisplayNames},
 * protocol §5.1 "Display names"). A closed family: the manifest's own text, a write-in line, or a selection the
 * manifest gives no name — never a raw identifier. Each program renders the last two (and the marker of text
 * that is not in the reader's language) in its own words with {@link #render(Words)}.
 */
public sealed interface DisplayText {

  /**
   * The manifest's own text. {@code language} is the language it is written in ("und" when the manifest does not
   * say); {@code fallback} is true when the reader asked for another language that the manifest does not carry,
   * so the text must be marked as untranslated, never passed off silently.
   */
  record Text(String value, String language, boolean fallback) implements DisplayText {
    public Text {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(language, "language");
      if (value.isBlank()) {
        throw new IllegalArgumentException("display text is blank");
      }
    }
  }

  /**
   * A write-in line of a contest (its name is typed by the voter, not printed in the manifest): {@code line} is 0
   * when the contest has one write-in line, else its number 1, 2, … among the contest's write-in lines.
   */
  record WriteIn(int line) implements DisplayText {
    public WriteIn {
      if (line < 0) {
        throw new IllegalArgumentException("line must not be negative");
      }
    }
  }

  /**
   * A selection whose candidate the manifest does not list, or lists without a name: shown by its position in
   * the contest (1-based, in sequence order). The key ceremony lists every such selection (§5.1).
   */
  record Unnamed(int position) implements DisplayText {
    public Unnamed {
      if (position < 1) {
        throw new IllegalArgumentException("position must be at least 1");
      }
    }
  }

  /** A contest, party or district with no text at all in the manifest: shown by its kind and position. */
  record Untitled(String kind, int position) implements DisplayText {
    public Untitled {
      Objects.requireNonNull(kind, "kind");
    }
  }

  /** A program's own words for what the manifest does not say, in the reader's language. */
  interface Words {
    /** "Write-in" / "Por escrito". */
    String writeIn();

    /** "Choice 2 (no name in the manifest)". */
    String unnamed(int position);

    /** "Contest 3", "Party 2": {@code kind} is one of "contest", "party", "district". */
    String untitled(String kind, int position);

    /** Marks text shown in another language than the reader's, e.g. "Whig Party (in English)". */
    String untranslated(String text, String language);
  }

  /** The text a person reads, in {@code words}' language. */
  default String render(Words words) {
    if (this instanceof Text t) {
      return t.fallback() ? words.untranslated(t.value(), t.language()) : t.value();
    } else if (this instanceof Unnamed u) {
      return words.unnamed(u.position());
    } else if (this instanceof Untitled u) {
      return words.untitled(u.kind(), u.position());
    }
    int line = ((WriteIn) this).line();
    return line == 0 ? words.writeIn() : words.writeIn() + " " + line;
  }

  /** The text without any marker (for sorting, searching and speech that adds its own words). */
  default String plain(Words words) {
    return this instanceof Text t ? t.value() : render(words);
  }
}
