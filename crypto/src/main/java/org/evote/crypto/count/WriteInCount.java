package org.evote.crypto.count;

import java.util.List;

/**
 * The names written on one write-in line of a contest, for adjudication (protocol §13.7): each distinct name with
 * how many ballots wrote it, most first, and the number of ballots whose name could not be read.
 */
public record WriteInCount(String contestId, String selectionId, List<Name> names, long unreadable) {
  public WriteInCount {
    names = List.copyOf(names);
  }

  /** One name and its count. */
  public record Name(String name, long count) {}
}
