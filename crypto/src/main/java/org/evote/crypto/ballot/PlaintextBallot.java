package org.evote.crypto.ballot;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.evote.crypto.manifest.Ids;

/**
 * A voter's choices: for each contest on the ballot's style, the ids of the selections marked (each counts 1;
 * unmarked selections count 0). A contest absent from the map is left blank (an undervote). The votes are secret
 * until the ballot is challenged, so this is not a record and {@link #toString()} does not print them.
 */
public final class PlaintextBallot {
  private final String ballotId;
  private final String styleId;
  private final Map<String, Set<String>> choices;

  public PlaintextBallot(String ballotId, String styleId, Map<String, ? extends java.util.Collection<String>> choices) {
    if (!Ids.isValid(ballotId)) {
      throw new IllegalArgumentException("ballot id must be 1-256 printable ASCII characters without spaces");
    }
    if (!Ids.isValid(styleId)) {
      throw new IllegalArgumentException("style id must be 1-256 printable ASCII characters without spaces");
    }
    Map<String, Set<String>> copy = new LinkedHashMap<>();
    for (Map.Entry<String, ? extends java.util.Collection<String>> e : choices.entrySet()) {
      Set<String> marked = new LinkedHashSet<>(e.getValue());
      if (marked.size() != e.getValue().size()) {
        throw new IllegalArgumentException("contest " + e.getKey() + " names a selection twice");
      }
      copy.put(e.getKey(), Collections.unmodifiableSet(marked));
    }
    this.ballotId = ballotId;
    this.styleId = styleId;
    this.choices = Collections.unmodifiableMap(copy);
  }

  public String ballotId() {
    return ballotId;
  }

  public String styleId() {
    return styleId;
  }

  /** Contest id → selection ids marked. */
  public Map<String, Set<String>> choices() {
    return choices;
  }

  /** The selections marked in one contest (empty if none). */
  public Set<String> marked(String contestId) {
    return choices.getOrDefault(contestId, Set.of());
  }

  /** 1 if the selection is marked, else 0. */
  public int vote(String contestId, String selectionId) {
    return marked(contestId).contains(selectionId) ? 1 : 0;
  }

  /** The same choices under another ballot id (a fresh ballot after a challenge). */
  public PlaintextBallot withBallotId(String newId) {
    return new PlaintextBallot(newId, styleId, choices);
  }

  /** Contest ids with marks, for messages that must not reveal the marks themselves. */
  public List<String> contestIds() {
    return List.copyOf(choices.keySet());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PlaintextBallot p && p.ballotId.equals(ballotId) && p.styleId.equals(styleId)
        && p.choices.equals(choices);
  }

  @Override
  public int hashCode() {
    return ballotId.hashCode();
  }

  @Override
  public String toString() {
    return "PlaintextBallot[" + ballotId + ", style " + styleId + ", choices redacted]";
  }
}
