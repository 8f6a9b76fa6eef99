package org.evote.crypto.ballot;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.evote.crypto.manifest.BallotStyle;
import org.evote.crypto.manifest.ContestDescription;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.manifest.SelectionDescription;

/**
 * Random valid plaintext ballots, for robot voters, the mock election, load generators and tests — never for a
 * real voter. In every contest of the style, between 0 and L (the votes allowed) distinct selections are marked,
 * each count equally likely, the selections themselves uniform. All randomness comes from the caller's
 * {@link SecureRandom}, drawn in a fixed order (the style, then for each contest in the style's order a shuffle of
 * its selections and the number of marks), so a seeded source gives the same ballots every time. Ballot ids are
 * the caller's.
 */
public final class RandomBallots {
  private RandomBallots() {}

  /** A ballot style of {@code manifest}, uniformly at random. */
  public static String style(Manifest manifest, SecureRandom random) {
    List<BallotStyle> styles = manifest.ballotStyles();
    if (styles.isEmpty()) {
      throw new IllegalArgumentException("the manifest has no ballot style");
    }
    return styles.get(random.nextInt(styles.size())).id();
  }

  /**
   * Random valid choices for {@code styleId}: contest id → the selection ids marked (0..L distinct ones), for every
   * contest of the style in its order; the lists are unmodifiable.
   */
  public static Map<String, List<String>> choices(Manifest manifest, String styleId, SecureRandom random) {
    Map<String, List<String>> choices = new LinkedHashMap<>();
    for (ContestDescription c : manifest.contestsFor(styleId)) {
      List<String> ids = new ArrayList<>(c.selections().stream().map(SelectionDescription::id).toList());
      Collections.shuffle(ids, random);
      int marks = random.nextInt(c.votesAllowed() + 1); // L ≤ the number of selections (ContestDescription)
      choices.put(c.id(), List.copyOf(ids.subList(0, marks)));
    }
    return Collections.unmodifiableMap(choices);
  }

  /** A random valid plaintext ballot {@code ballotId} of style {@code styleId}. */
  public static PlaintextBallot forStyle(Manifest manifest, String ballotId, String styleId, SecureRandom random) {
    return new PlaintextBallot(ballotId, styleId, choices(manifest, styleId, random));
  }

  /** A random valid plaintext ballot {@code ballotId} of a random style ({@link #style}, then {@link #forStyle}). */
  public static PlaintextBallot any(Manifest manifest, String ballotId, SecureRandom random) {
    return forStyle(manifest, ballotId, style(manifest, random), random);
  }
}
