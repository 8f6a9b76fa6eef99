package org.evote.crypto.mix;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.evote.crypto.ballot.DecodedRow;
import org.evote.crypto.count.WriteInCount;
import org.evote.crypto.manifest.ContestDescription;

/**
 * The names per write-in line of one contest's decoded rows (§13.7): until count15's {@code count} package gives
 * its helper, the list as §13.7 defines it — each distinct name with its count, most first, ties in code-point order
 * of the name; unreadable lines counted apart; blank lines not listed.
 */
final class WriteInLists {
  private WriteInLists() {}

  static List<WriteInCount> count(ContestDescription contest, List<DecodedRow> rows) {
    Map<String, Map<String, Long>> names = new LinkedHashMap<>();
    Map<String, Long> unreadable = new LinkedHashMap<>();
    for (DecodedRow r : rows) {
      r.writeIns().forEach((line, n) -> {
        names.computeIfAbsent(line, k -> new LinkedHashMap<>());
        unreadable.putIfAbsent(line, 0L);
        if (n instanceof DecodedRow.Name name) {
          names.get(line).merge(name.text(), 1L, Long::sum);
        } else if (n instanceof DecodedRow.Unreadable) {
          unreadable.merge(line, 1L, Long::sum);
        }
      });
    }
    List<WriteInCount> out = new ArrayList<>();
    names.forEach((line, counts) -> {
      List<WriteInCount.Name> list = new ArrayList<>();
      counts.forEach((n, k) -> list.add(new WriteInCount.Name(n, k)));
      list.sort(Comparator.comparingLong(WriteInCount.Name::count).reversed().thenComparing(WriteInCount.Name::name));
      out.add(new WriteInCount(contest.id(), line, list, unreadable.get(line)));
    });
    return out;
  }
}
