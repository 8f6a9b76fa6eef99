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
 * unmarked selections count 0), in the order given — for a ranked contest that order is the ranking, first
 * preference first. A contest absent from the map is left blank (an undervote). Write-in names are kept per contest
 * and write-in selection ({@link #writeIns()}); each must satisfy {@link WriteInNames}. The votes are secret until
 * the ballot is challenged, so this is not a record and {@link #toString()} does not print them.
 */
public final class PlaintextBallot {
  private final String ballotId;
  private final String styleId;
  private final Map<String, Set<String>> choices;
  private final Map<String, Map<String, String>> writeIns;

  /** A ballot without write-in names. */
  public PlaintextBallot(String ballotId, String styleId, Map<String, ? extends java.util.Collection<String>> choices) {
    this(ballotId, styleId, choices, Map.of());
  }

  /**
   * A ballot with write-in names: contest id → (write-in selection id → name). Whether each named selection is a
   * write-in line of its contest and is marked is checked against the manifest by the encryptor.
   */
  public PlaintextBallot(String ballotId, String styleId, Map<String, ? extends java.util.Collection<String>> choices,
      Map<String, Map<String, String>> writeIns) {
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
    Map<String, Map<String, String>> names = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, String>> e : writeIns.entrySet()) {
      Map<String, String> lines = new LinkedHashMap<>();
      for (Map.Entry<String, String> line : e.getValue().entrySet()) {
        java.util.Optional<String> problem = WriteInNames.problem(line.getValue());
        if (problem.isPresent()) {
          throw new IllegalArgumentException("contest " + e.getKey() + ", selection " + line.getKey() + ": "
              + problem.get());
        }
        lines.put(line.getKey(), line.getValue());
      }
      if (!lines.isEmpty()) {
        names.put(e.getKey(), Collections.unmodifiableMap(lines));
      }
    }
    this.ballotId = ballotId;
    this.styleId = styleId;
    this.choices = Collections.unmodifiableMap(copy);
    this.writeIns = Collections.unmodifiableMap(names);
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

  /** A ranked contest's ranking: the selection ids in preference order, first preference first (empty if none). */
  public List<String> ranking(String contestId) {
    return List.copyOf(marked(contestId));
  }

  /** Contest id → (write-in selection id → name); only contests with a name appear. */
  public Map<String, Map<String, String>> writeIns() {
    return writeIns;
  }

  /** The name written on one write-in line, if any. */
  public java.util.Optional<String> writeIn(String contestId, String selectionId) {
    return java.util.Optional.ofNullable(writeIns.getOrDefault(contestId, Map.of()).get(selectionId));
  }

  /** 1 if the selection is marked, else 0. */
  public int vote(String contestId, String selectionId) {
    return marked(contestId).contains(selectionId) ? 1 : 0;
  }

  /** The same choices under another ballot id (a fresh ballot after a challenge). */
  public PlaintextBallot withBallotId(String newId) {
    return new PlaintextBallot(newId, styleId, choices, writeIns);
  }

  /** Contest ids with marks, for messages that must not reveal the marks themselves. */
  public List<String> contestIds() {
    return List.copyOf(choices.keySet());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PlaintextBallot p && p.ballotId.equals(ballotId) && p.styleId.equals(styleId)
        && ordered(p.choices).equals(ordered(choices)) && p.writeIns.equals(writeIns);
  }

  /** The choices with each contest's order kept (a ranking's order matters to equality). */
  private static Map<String, List<String>> ordered(Map<String, Set<String>> choices) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    choices.forEach((k, v) -> out.put(k, List.copyOf(v)));
    return out;
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
