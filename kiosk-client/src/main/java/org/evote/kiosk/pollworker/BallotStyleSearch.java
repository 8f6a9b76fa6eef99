package org.evote.kiosk.pollworker;

import java.text.Collator;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.evote.crypto.manifest.DisplayNames;
import org.evote.crypto.manifest.Manifest;

/**
 * The ballot styles as poll workers find them: by their names ({@link DisplayNames#style}, never the id), in
 * alphabetical order, filtered as a poll worker types. A style matches when every typed word begins a word of its
 * name, ignoring case and accents ("lacr exe" finds "Congressional District 7 · LaCroix Township Precinct 1 ·
 * Exeter Utility District").
 */
public final class BallotStyleSearch {
  /** One ballot style: its id (for the ballot) and its name (for the poll worker). */
  public record Style(String id, String name) {
    public Style {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
    }
  }

  private record Indexed(Style style, List<String> words) {}

  private final List<Indexed> styles;

  public BallotStyleSearch(Manifest manifest) {
    DisplayNames names = new DisplayNames(manifest);
    Collator order = Collator.getInstance(Locale.ENGLISH);
    order.setStrength(Collator.SECONDARY);
    this.styles = manifest.ballotStyles().stream()
        .map(s -> new Style(s.id(), names.style(s.id())))
        .sorted(Comparator.comparing(Style::name, order))
        .map(s -> new Indexed(s, words(s.name())))
        .toList();
  }

  /** Every style, by name. */
  public List<Style> all() {
    return styles.stream().map(Indexed::style).toList();
  }

  /** The styles whose names match {@code query} (all of them for a blank query), by name. */
  public List<Style> matching(String query) {
    List<String> typed = words(query == null ? "" : query);
    return styles.stream()
        .filter(s -> typed.stream().allMatch(t -> s.words().stream().anyMatch(w -> w.startsWith(t))))
        .map(Indexed::style).toList();
  }

  /** The words of a text, lower case and without accents. */
  static List<String> words(String text) {
    String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
        .toLowerCase(Locale.ROOT);
    return Arrays.stream(plain.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
  }
}
