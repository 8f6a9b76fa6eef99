package org.evote.crypto.ballot;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.evote.crypto.manifest.BallotStyle;
import org.evote.crypto.manifest.ContestDescription;
import org.evote.crypto.manifest.DisplayNames;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.manifest.SelectionDescription;

/**
 * Random valid plaintext ballots, for robot voters, the mock election, load generators and tests — never for a
 * real voter. In every contest of the style the selections are shuffled; a contest that is not ranked marks the first
 * 0 … L of them (L the votes allowed, each count equally likely), a ranked contest ranks the first 1 … L of them in
 * that order (a random ranking of random length, first preference first). At most one write-in line is marked or
 * ranked per contest (a further one in the prefix is left out), and it carries a name drawn from {@link #NAMES}.
 * All randomness comes from the caller's {@link SecureRandom}, drawn in a fixed order (the style, then for each
 * contest in the style's order a shuffle of its selections, the number of marks, and the name if a write-in line is
 * marked), so a seeded source gives the same ballots every time. Ballot ids are the caller's.
 */
public final class RandomBallots {
  /**
   * Realistic write-in names, with the accents of the languages our manifests use; each satisfies
   * {@link WriteInNames} (at most 40 characters).
   */
  public static final List<String> NAMES = List.of("María José Núñez", "José Ángel Peña", "Zoë Brontë-Møller",
      "François Lefèvre", "Siobhán O'Connor", "Jürgen Groß", "Ana Lucía Gutiérrez de la Fuente", "Chloé Dubois",
      "Nguyễn Thị Minh Khai", "Mickey Mouse", "Björk Guðmundsdóttir", "Renée Zellweger", "Paul Smith Jr.",
      "Łukasz Żółkiewski", "Inés Martínez", "John Q. Public", "Dolores Huerta", "Seán Ó Súilleabháin",
      "Maximiliano Fernández-Castellanos Rivera", "Çağla Şıkel");

  private RandomBallots() {}

  /** Random valid choices and write-in names of one ballot. */
  public record Marks(Map<String, List<String>> choices, Map<String, Map<String, String>> writeIns) {
    public Marks {
      choices = Collections.unmodifiableMap(new LinkedHashMap<>(choices));
      writeIns = Collections.unmodifiableMap(new LinkedHashMap<>(writeIns));
    }

    /** Contest id → the one write-in name of that contest (a random ballot has at most one per contest). */
    public Map<String, String> namesByContest() {
      Map<String, String> out = new LinkedHashMap<>();
      writeIns.forEach((contest, lines) -> lines.values().stream().findFirst().ifPresent(n -> out.put(contest, n)));
      return Collections.unmodifiableMap(out);
    }
  }

  /** A ballot style of {@code manifest}, uniformly at random. */
  public static String style(Manifest manifest, SecureRandom random) {
    List<BallotStyle> styles = manifest.ballotStyles();
    if (styles.isEmpty()) {
      throw new IllegalArgumentException("the manifest has no ballot style");
    }
    return styles.get(random.nextInt(styles.size())).id();
  }

  /**
   * Random valid choices and write-in names for {@code styleId}: contest id → the selection ids marked (a ranked
   * contest's in rank order), for every contest of the style in its order, and contest id → (write-in selection id
   * → name) for the marked write-in lines.
   */
  public static Marks marks(Manifest manifest, String styleId, SecureRandom random) {
    DisplayNames names = new DisplayNames(manifest);
    Map<String, List<String>> choices = new LinkedHashMap<>();
    Map<String, Map<String, String>> writeIns = new LinkedHashMap<>();
    for (ContestDescription c : manifest.contestsFor(styleId)) {
      List<SelectionDescription> order = new ArrayList<>(c.selections());
      Collections.shuffle(order, random);
      // L ≤ the number of selections (ContestDescription)
      int marks = c.isRanked() ? 1 + random.nextInt(c.votesAllowed()) : random.nextInt(c.votesAllowed() + 1);
      List<String> chosen = new ArrayList<>();
      String writeIn = null;
      for (SelectionDescription s : order.subList(0, marks)) {
        if (names.isWriteIn(s)) {
          if (writeIn != null) {
            continue; // one write-in line per contest
          }
          writeIn = s.id();
        }
        chosen.add(s.id());
      }
      choices.put(c.id(), List.copyOf(chosen));
      if (writeIn != null) {
        writeIns.put(c.id(), Map.of(writeIn, NAMES.get(random.nextInt(NAMES.size()))));
      }
    }
    return new Marks(choices, writeIns);
  }

  /**
   * The choices of {@link #marks} (the same draws), without the names: contest id → the selection ids marked; the
   * lists are unmodifiable. A marked write-in line needs its name to be encrypted: use {@link #marks} or
   * {@link #forStyle} to make a ballot.
   */
  public static Map<String, List<String>> choices(Manifest manifest, String styleId, SecureRandom random) {
    return marks(manifest, styleId, random).choices();
  }

  /** A random valid plaintext ballot {@code ballotId} of style {@code styleId}, with its write-in names. */
  public static PlaintextBallot forStyle(Manifest manifest, String ballotId, String styleId, SecureRandom random) {
    Marks m = marks(manifest, styleId, random);
    return new PlaintextBallot(ballotId, styleId, m.choices(), m.writeIns());
  }

  /** A random valid plaintext ballot {@code ballotId} of a random style ({@link #style}, then {@link #forStyle}). */
  public static PlaintextBallot any(Manifest manifest, String ballotId, SecureRandom random) {
    return forStyle(manifest, ballotId, style(manifest, random), random);
  }
}
