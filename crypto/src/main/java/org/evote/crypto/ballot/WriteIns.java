package org.evote.crypto.ballot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.evote.crypto.count.WriteInCount;
import org.evote.crypto.manifest.ContestDescription;
import org.evote.crypto.manifest.DisplayNames;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.manifest.SelectionDescription;

/**
 * The write-in list of a mixed contest (protocol §13.7): for each write-in line, the names written on it counted from
 * the contest's decrypted rows. Identical names (after the one rule, {@code WriteInNames}, which makes equal text
 * equal code points) count together; nothing else is merged — deciding that two spellings mean one person is the
 * adjudicators' job. (It lives beside {@link DecodedRow}, which it reads; the count's records are in {@code count}.)
 */
public final class WriteIns {
  private WriteIns() {}

  /** The write-in lines of {@code contest} (selection ids, in selection order). */
  public static List<String> lines(Manifest manifest, ContestDescription contest) {
    DisplayNames names = new DisplayNames(manifest);
    return contest.selections().stream().filter(names::isWriteIn).map(SelectionDescription::id).toList();
  }

  /** One {@link WriteInCount} per write-in line of {@code contest}, in selection order (none if it has no line). */
  public static List<WriteInCount> count(Manifest manifest, ContestDescription contest, List<DecodedRow> rows) {
    return count(contest.id(), lines(manifest, contest), rows);
  }

  /**
   * One {@link WriteInCount} per line of {@code lines}, counted from {@code rows}.
   *
   * @throws IllegalArgumentException if a row names a write-in line not in {@code lines} or misses one of them
   */
  public static List<WriteInCount> count(String contestId, List<String> lines, List<DecodedRow> rows) {
    Map<String, Map<String, Long>> names = new LinkedHashMap<>();
    Map<String, Long> unreadable = new HashMap<>();
    for (String line : lines) {
      names.put(line, new HashMap<>());
      unreadable.put(line, 0L);
    }
    for (int r = 0; r < rows.size(); r++) {
      DecodedRow row = rows.get(r);
      if (!row.writeIns().keySet().equals(names.keySet())) {
        throw new IllegalArgumentException("contest " + contestId + ": row " + r + " has write-in lines "
            + row.writeIns().keySet() + ", not " + names.keySet());
      }
      for (Map.Entry<String, DecodedRow.WrittenName> e : row.writeIns().entrySet()) {
        if (e.getValue() instanceof DecodedRow.Name n) {
          names.get(e.getKey()).merge(n.text(), 1L, Long::sum);
        } else if (e.getValue() instanceof DecodedRow.Unreadable) {
          unreadable.merge(e.getKey(), 1L, Long::sum);
        }
      }
    }
    List<WriteInCount> out = new ArrayList<>();
    for (Map.Entry<String, Map<String, Long>> line : names.entrySet()) {
      List<WriteInCount.Name> list = new ArrayList<>();
      line.getValue().forEach((name, n) -> list.add(new WriteInCount.Name(name, n)));
      list.sort(WriteInCount.ORDER);
      out.add(new WriteInCount(contestId, line.getKey(), list, unreadable.get(line.getKey())));
    }
    return List.copyOf(out);
  }
}
