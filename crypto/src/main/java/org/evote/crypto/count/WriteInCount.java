package org.evote.crypto.count;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;

/**
 * The names written on one write-in line of a contest, for adjudication (protocol §13.7): each distinct name with
 * how many ballots wrote it, most first (equal counts in the order of the names' Unicode code points), and the number
 * of ballots whose name could not be read. Ballots that left the line blank are not counted here.
 */
public record WriteInCount(String contestId, String selectionId, List<Name> names, long unreadable) {
  /** The order of {@link #names}: most first, then by code points. */
  public static final Comparator<Name> ORDER = Comparator.comparingLong(Name::count).reversed()
      .thenComparing(Name::name, WriteInCount::compareCodePoints);

  public WriteInCount {
    CountIds.require(contestId, "contest id");
    CountIds.require(selectionId, "selection id");
    names = List.copyOf(names);
    if (unreadable < 0) {
      throw new IllegalArgumentException("unreadable must not be negative");
    }
    if (new HashSet<>(names.stream().map(Name::name).toList()).size() != names.size()) {
      throw new IllegalArgumentException("a name is listed twice");
    }
    for (int i = 1; i < names.size(); i++) {
      if (ORDER.compare(names.get(i - 1), names.get(i)) > 0) {
        throw new IllegalArgumentException("names must be listed most first, equal counts by code points");
      }
    }
  }

  /** The ballots that wrote a readable name on this line. */
  public long written() {
    long sum = 0;
    for (Name n : names) {
      sum += n.count();
    }
    return sum;
  }

  /**
   * One name and how many ballots wrote it (at least 1). The name is one that the name rule ({@code
   * ballot/WriteInNames}, §5.6) accepts: decoded rows carry only such names, and the reader of ranked_result.json
   * checks it ({@code json/CountJson}).
   */
  public record Name(String name, long count) {
    public Name {
      if (name == null || name.isEmpty()) {
        throw new IllegalArgumentException("a write-in name is not empty");
      }
      if (count < 1) {
        throw new IllegalArgumentException("a listed name was written at least once");
      }
    }
  }

  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) {
        return Integer.compare(x, y);
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
