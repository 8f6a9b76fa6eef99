package org.evote.crypto.manifest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one display-name rule (protocol §5.1 "Display names"): what every program — kiosk, receipt, observer page,
 * results and tally tool — shows for the manifest's election, contests, selections, parties, districts and
 * ballot styles, in a reader's language. No identifier of the manifest is ever shown:
 * <ul>
 *   <li>text is taken in the reader's language; else in the manifest's first language, marked as a fallback;</li>
 *   <li>a selection shows its candidate's name; a write-in candidate (or an unlisted candidate whose id starts with
 *       "write-in", as real exports name them) is the write-in line; any other selection without a named candidate
 *       is {@link DisplayText.Unnamed} by its position — and is listed by {@link #unnamedSelections()} so the key
 *       ceremony can make an official confirm or refuse the manifest;</li>
 *   <li>a contest shows its ballot title, else its name, else "Contest n";</li>
 *   <li>a ballot style shows the names of its geopolitical units that not every style shares, joined by " · ";
 *       styles that would read the same are numbered.</li>
 * </ul>
 */
public final class DisplayNames {
  /** Joins the districts of a ballot style's name. */
  public static final String STYLE_SEPARATOR = " · ";

  private final Manifest manifest;
  private final Map<String, String> styleNames = new LinkedHashMap<>();

  public DisplayNames(Manifest manifest) {
    this.manifest = manifest;
    nameStyles();
  }

  public Manifest manifest() {
    return manifest;
  }

  /** The election's name. */
  public DisplayText election(String language) {
    return text(manifest.name(), language).orElse(new DisplayText.Untitled("election", 1));
  }

  /** A contest's title on the ballot. */
  public DisplayText contest(String contestId, String language) {
    ContestDescription c = contestOf(contestId);
    return text(c.ballotTitle(), language).or(() -> text(c.name(), language))
        .orElse(new DisplayText.Untitled("contest", manifest.contests().indexOf(c) + 1));
  }

  /** A contest's subtitle ("Vote for one"), when the manifest gives one. */
  public Optional<DisplayText> contestSubtitle(String contestId, String language) {
    return text(contestOf(contestId).ballotSubtitle(), language);
  }

  /** A selection of a contest: its candidate's name, the write-in line, or unnamed by position. */
  public DisplayText selection(String contestId, String selectionId, String language) {
    ContestDescription c = contestOf(contestId);
    SelectionDescription s = c.selection(selectionId).orElseThrow(() -> new IllegalArgumentException(
        "contest " + contestId + " has no selection " + selectionId));
    Optional<Candidate> cand = manifest.candidate(s.candidateId());
    if (isWriteIn(s)) {
      List<SelectionDescription> lines = c.selections().stream().filter(this::isWriteIn).toList();
      return new DisplayText.WriteIn(lines.size() == 1 ? 0 : lines.indexOf(s) + 1);
    }
    return cand.flatMap(x -> text(x.name(), language))
        .orElse(new DisplayText.Unnamed(c.selections().indexOf(s) + 1));
  }

  /** The party of a selection's candidate, if it has one. */
  public Optional<DisplayText> selectionParty(String contestId, String selectionId, String language) {
    ContestDescription c = contestOf(contestId);
    return c.selection(selectionId).flatMap(s -> manifest.candidate(s.candidateId())).flatMap(Candidate::partyId)
        .map(p -> party(p, language));
  }

  /** A party's name, else its abbreviation, else "Party n". */
  public DisplayText party(String partyId, String language) {
    Party p = manifest.party(partyId).orElseThrow(() -> new IllegalArgumentException("unknown party " + partyId));
    return text(p.name(), language).or(() -> p.abbreviation().isBlank() ? Optional.empty()
        : Optional.<DisplayText>of(new DisplayText.Text(p.abbreviation(), "und", false)))
        .orElse(new DisplayText.Untitled("party", manifest.parties().indexOf(p) + 1));
  }

  /** A geopolitical unit's name (the manifest gives it in one unnamed language). */
  public DisplayText district(String unitId) {
    List<GeopoliticalUnit> units = manifest.geopoliticalUnits();
    for (int i = 0; i < units.size(); i++) {
      GeopoliticalUnit u = units.get(i);
      if (u.id().equals(unitId)) {
        return u.name() == null || u.name().isBlank() ? new DisplayText.Untitled("district", i + 1)
            : new DisplayText.Text(u.name(), "und", false);
      }
    }
    throw new IllegalArgumentException("unknown geopolitical unit " + unitId);
  }

  /**
   * A ballot style's name for poll workers, from its districts: those that every style shares are left out;
   * styles that would read the same get " (2)", " (3)", … in manifest order.
   */
  public String style(String styleId) {
    String name = styleNames.get(styleId);
    if (name == null) {
      throw new IllegalArgumentException("unknown ballot style " + styleId);
    }
    return name;
  }

  /** Whether a selection is its contest's write-in line ({@link #isWriteIn(Manifest, SelectionDescription)}). */
  public boolean isWriteIn(SelectionDescription s) {
    return isWriteIn(manifest, s);
  }

  /**
   * Whether a selection of {@code manifest} is a write-in line (protocol §5.1): its candidate has {@code is_write_in},
   * or no candidate has its {@code candidate_id} and that id or the selection's id starts with {@code write-in} — the
   * one rule, for the names shown and for the lines that carry an encrypted name (§5.6).
   */
  public static boolean isWriteIn(Manifest manifest, SelectionDescription s) {
    Optional<Candidate> cand = manifest.candidate(s.candidateId());
    return cand.map(Candidate::writeIn).orElse(false)
        || (cand.isEmpty() && (s.candidateId().startsWith("write-in") || s.id().startsWith("write-in")));
  }

  /** One selection the manifest gives no name, for the key ceremony's confirmation. */
  public record UnnamedSelection(String contestId, String contestTitle, int position, String selectionId,
      String candidateId) {
    /** The line an official reads: which contest, which position, and why. */
    public String describe() {
      return "contest \"" + contestTitle + "\": choice " + position + " (selection " + selectionId
          + ") names candidate \"" + candidateId + "\", which the manifest does not list with a name; "
          + "voters will see it as \"Choice " + position + " (no name in the manifest)\"";
    }
  }

  /** Every selection without a name to show (write-in lines excepted), in ballot order. */
  public List<UnnamedSelection> unnamedSelections() {
    List<UnnamedSelection> out = new ArrayList<>();
    String first = manifest.languages().isEmpty() ? "en" : manifest.languages().get(0);
    for (ContestDescription c : manifest.contests()) {
      for (SelectionDescription s : c.selections()) {
        if (selection(c.id(), s.id(), first) instanceof DisplayText.Unnamed u) {
          DisplayText title = contest(c.id(), first);
          String t = title instanceof DisplayText.Text tx ? tx.value() : "Contest "
              + (manifest.contests().indexOf(c) + 1);
          out.add(new UnnamedSelection(c.id(), t, u.position(), s.id(), s.candidateId()));
        }
      }
    }
    return List.copyOf(out);
  }

  /**
   * Languages a reader may choose in which the manifest lacks some voter-facing text, with how many texts
   * fall back, so a ceremony can say so (e.g. "es: 58 texts fall back to English").
   */
  public Map<String, Integer> untranslatedCounts() {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (String lang : manifest.languages()) {
      int n = 0;
      n += fallback(election(lang));
      for (ContestDescription c : manifest.contests()) {
        n += fallback(contest(c.id(), lang));
        n += contestSubtitle(c.id(), lang).map(DisplayNames::fallback).orElse(0);
        for (SelectionDescription s : c.selections()) {
          n += fallback(selection(c.id(), s.id(), lang));
        }
      }
      for (Party p : manifest.parties()) {
        n += fallback(party(p.id(), lang));
      }
      out.put(lang, n);
    }
    return out;
  }

  private static int fallback(DisplayText t) {
    return t instanceof DisplayText.Text x && x.fallback() ? 1 : 0;
  }

  private ContestDescription contestOf(String contestId) {
    return manifest.contest(contestId).orElseThrow(() -> new IllegalArgumentException("unknown contest "
        + contestId));
  }

  /**
   * The text in {@code language}; else text of unknown language ("und", shown as is); else the first
   * translation, marked as a fallback. Blank translations count as absent.
   */
  static Optional<DisplayText> text(InternationalText t, String language) {
    InternationalText.Translation und = null;
    InternationalText.Translation first = null;
    for (InternationalText.Translation tr : t.translations()) {
      if (tr.value().isBlank()) {
        continue;
      }
      if (sameLanguage(tr.language(), language)) {
        return Optional.of(new DisplayText.Text(tr.value(), tr.language(), false));
      }
      if (und == null && tr.language().equals("und")) {
        und = tr;
      }
      if (first == null) {
        first = tr;
      }
    }
    if (und != null) {
      return Optional.of(new DisplayText.Text(und.value(), "und", false));
    }
    return first == null ? Optional.empty() : Optional.of(new DisplayText.Text(first.value(), first.language(),
        true));
  }

  private static boolean sameLanguage(String a, String b) {
    return primary(a).equalsIgnoreCase(primary(b));
  }

  private static String primary(String tag) {
    int dash = tag.indexOf('-');
    return dash < 0 ? tag : tag.substring(0, dash);
  }

  private void nameStyles() {
    List<BallotStyle> styles = manifest.ballotStyles();
    Set<String> shared = new LinkedHashSet<>(styles.get(0).geopoliticalUnitIds());
    for (BallotStyle s : styles) {
      shared.retainAll(s.geopoliticalUnitIds());
    }
    Map<String, Integer> seen = new HashMap<>();
    for (BallotStyle s : styles) {
      List<String> parts = new ArrayList<>();
      for (String unit : s.geopoliticalUnitIds()) {
        if (!shared.contains(unit) || s.geopoliticalUnitIds().size() == shared.size()) {
          parts.add(district(unit) instanceof DisplayText.Text t ? t.value() : "District "
              + (indexOfUnit(unit) + 1));
        }
      }
      String base = parts.isEmpty() ? "Ballot style " + (styles.indexOf(s) + 1) : String.join(STYLE_SEPARATOR,
          parts);
      int n = seen.merge(base, 1, Integer::sum);
      styleNames.put(s.id(), n == 1 ? base : base + " (" + n + ")");
    }
  }

  private int indexOfUnit(String unit) {
    List<GeopoliticalUnit> units = manifest.geopoliticalUnits();
    for (int i = 0; i < units.size(); i++) {
      if (units.get(i).id().equals(unit)) {
        return i;
      }
    }
    return -1;
  }
}
