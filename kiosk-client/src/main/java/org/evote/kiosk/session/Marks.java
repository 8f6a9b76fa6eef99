package org.evote.kiosk.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one voter has marked so far: per contest the selection ids in the order chosen (for a ranked contest that
 * order is the ranking, first preference first) and the names written on write-in lines. It enforces no contest
 * rule itself ({@link VotingSession} does); it keeps the order and removes a line's name with its mark. Secret:
 * not a record, and it prints nothing.
 */
final class Marks {
  private final Map<String, List<String>> order = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> names = new LinkedHashMap<>();

  List<String> of(String contestId) {
    return List.copyOf(order.getOrDefault(contestId, List.of()));
  }

  boolean has(String contestId, String selectionId) {
    return order.getOrDefault(contestId, List.of()).contains(selectionId);
  }

  int count(String contestId) {
    return order.getOrDefault(contestId, List.of()).size();
  }

  /** 1-based position of the selection in the contest's order; 0 if not marked. */
  int position(String contestId, String selectionId) {
    return order.getOrDefault(contestId, List.of()).indexOf(selectionId) + 1;
  }

  void add(String contestId, String selectionId) {
    List<String> l = order.computeIfAbsent(contestId, k -> new ArrayList<>());
    if (!l.contains(selectionId)) {
      l.add(selectionId);
    }
  }

  /** Unmarks the selection (and forgets its write-in name); true if it was marked. */
  boolean remove(String contestId, String selectionId) {
    Map<String, String> n = names.get(contestId);
    if (n != null) {
      n.remove(selectionId);
    }
    return order.getOrDefault(contestId, new ArrayList<>()).remove(selectionId);
  }

  /** Moves a marked selection by {@code delta} places (−1: up, towards first); false if it cannot move. */
  boolean move(String contestId, String selectionId, int delta) {
    List<String> l = order.getOrDefault(contestId, new ArrayList<>());
    int i = l.indexOf(selectionId);
    int j = i + delta;
    if (i < 0 || j < 0 || j >= l.size()) {
      return false;
    }
    l.set(i, l.get(j));
    l.set(j, selectionId);
    return true;
  }

  void clear(String contestId) {
    order.remove(contestId);
    names.remove(contestId);
  }

  void clearAll() {
    order.clear();
    names.clear();
  }

  void name(String contestId, String selectionId, String name) {
    names.computeIfAbsent(contestId, k -> new LinkedHashMap<>()).put(selectionId, name);
  }

  Optional<String> name(String contestId, String selectionId) {
    return Optional.ofNullable(names.getOrDefault(contestId, Map.of()).get(selectionId));
  }

  /** Contest id → (write-in selection id → name), only contests with a name, each map a copy. */
  Map<String, Map<String, String>> names() {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    names.forEach((c, m) -> {
      if (!m.isEmpty()) {
        out.put(c, Map.copyOf(m));
      }
    });
    return out;
  }

  @Override
  public String toString() {
    return "Marks[redacted]";
  }
}
