package org.evote.launcher.election;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.evote.crypto.ballot.DecodedRow;
import org.evote.crypto.ballot.MixedContests;
import org.evote.crypto.count.InstantRunoff;
import org.evote.crypto.count.Lot;
import org.evote.crypto.count.RankedResult;
import org.evote.crypto.count.Ranking;
import org.evote.crypto.count.WriteInCount;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.Fields;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.json.MixedBallotsJson;
import org.evote.crypto.manifest.ContestDescription;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.decrypt.DecodedList;
import org.evote.crypto.mix.MixFile;
import org.evote.crypto.record.RecordFiles;
import org.evote.kiosk.robot.RobotVoter;

/**
 * The robots' plaintext truth for the mixed contests, and its check against the record: for each ranked contest
 * the multiset of rankings of the cast ballots and every round of the instant-runoff count of exactly those
 * rankings (with the record's lot seed), and for each contest with write-in lines the names written and how often.
 * The demo's result must equal it exactly.
 */
final class MixedTruth {
  private final Manifest manifest;
  /** Ranked contest id → ranking (as the decrypted rows read: 1-based positions, 0 for a blank rank) → ballots. */
  private final Map<String, Map<List<Integer>, Long>> rankings = new TreeMap<>();
  /** Contest id → name → ballots that wrote it. */
  private final Map<String, Map<String, Long>> names = new TreeMap<>();

  MixedTruth(Manifest manifest, List<RobotVoter.Entry> voted) {
    this.manifest = manifest;
    for (ContestDescription c : MixedContests.mixed(manifest)) {
      if (c.isRanked()) {
        rankings.put(c.id(), new HashMap<>());
      }
      names.put(c.id(), new TreeMap<>());
    }
    for (RobotVoter.Entry e : voted) {
      if (e.receipt().challenged()) {
        continue;
      }
      for (ContestDescription c : manifest.contestsFor(e.styleId())) {
        if (c.isRanked()) {
          rankings.get(c.id()).merge(ranks(c, e.choices().getOrDefault(c.id(), List.of())), 1L, Long::sum);
        }
        String name = e.writeIns().get(c.id());
        if (name != null) {
          names.get(c.id()).merge(name, 1L, Long::sum);
        }
      }
    }
  }

  /** True if the manifest has a ranked contest or a write-in line (the election is mixed). */
  static boolean applies(Manifest manifest) {
    return !MixedContests.mixed(manifest).isEmpty();
  }

  /** The ranking's ranks as positions in the contest (1-based), padded with 0 to L. */
  private static List<Integer> ranks(ContestDescription c, List<String> ranking) {
    List<Integer> out = new ArrayList<>();
    for (String id : ranking) {
      for (int i = 0; i < c.selections().size(); i++) {
        if (c.selections().get(i).id().equals(id)) {
          out.add(i + 1);
        }
      }
    }
    while (out.size() < c.votesAllowed()) {
      out.add(0);
    }
    return out;
  }

  /** Ranked contest id → the truth's count, with the lot seeded as the record's is (from the last mix's list). */
  Map<String, RankedResult> expectedCounts(Digest extendedHash, MixFile lastMix) {
    Map<String, RankedResult> out = new TreeMap<>();
    for (Map.Entry<String, Map<List<Integer>, Long>> e : rankings.entrySet()) {
      ContestDescription c = manifest.contest(e.getKey()).orElseThrow();
      List<Ranking> all = new ArrayList<>();
      e.getValue().forEach((r, n) -> {
        for (long i = 0; i < n; i++) {
          all.add(new Ranking(r));
        }
      });
      Optional<MixFile.Shuffle> list = lastMix.shuffles().stream().filter(s -> s.contestId().equals(c.id()))
          .findFirst();
      if (list.isPresent()) {
        Digest seed = Lot.seed(extendedHash, c.id(), list.get().outputList().hash(extendedHash));
        out.put(c.id(), InstantRunoff.count(c, all, seed));
      }
    }
    return out;
  }

  /** Contest id → name → count. */
  Map<String, Map<String, Long>> names() {
    return names;
  }

  /** Every way the record's mixed results differ from the truth (empty: they are equal). */
  List<String> problems(Digest extendedHash, MixFile lastMix, List<RankedResult> ranked, List<WriteInCount> writeIns,
      Path record) throws IOException {
    List<String> problems = new ArrayList<>();
    Map<String, RankedResult> expected = expectedCounts(extendedHash, lastMix);
    for (String contest : rankings.keySet()) {
      Optional<RankedResult> got = ranked.stream().filter(r -> r.contestId().equals(contest)).findFirst();
      if (got.isEmpty()) {
        problems.add(contest + ": no ranked count in the result");
      } else if (!got.get().equals(expected.get(contest))) {
        problems.add(contest + ": the rounds differ from the count of the robots' rankings");
      }
    }
    Map<String, Map<String, Long>> written = new TreeMap<>();
    names.keySet().forEach(c -> written.put(c, new TreeMap<>()));
    for (WriteInCount w : writeIns) {
      for (WriteInCount.Name n : w.names()) {
        written.computeIfAbsent(w.contestId(), c -> new TreeMap<>()).merge(n.name(), n.count(), Long::sum);
      }
      if (w.unreadable() > 0) {
        problems.add(w.contestId() + "/" + w.selectionId() + ": " + w.unreadable() + " unreadable names");
      }
    }
    if (!written.equals(names)) {
      problems.add("the write-in names differ from the names the robots wrote");
    }
    problems.addAll(rowProblems(record));
    return problems;
  }

  /** The record's decrypted rows ({@code mixed_ballots.json}) against the truth, as multisets. */
  private List<String> rowProblems(Path record) throws IOException {
    List<String> problems = new ArrayList<>();
    Path file = record.resolve(RecordFiles.MIXED_BALLOTS);
    if (!Files.exists(file)) {
      return List.of(RecordFiles.MIXED_BALLOTS + " is missing from the record");
    }
    List<DecodedList> lists = MixedBallotsJson.decode(manifest, Fields.of(JsonText.readObject(file)));
    for (DecodedList list : lists) {
      Map<List<Integer>, Long> rows = new HashMap<>();
      Map<String, Long> listed = new TreeMap<>();
      for (DecodedRow row : list.rows()) {
        rows.merge(row.ranking().ranks(), 1L, Long::sum);
        row.writeIns().values().forEach(n -> {
          if (n instanceof DecodedRow.Name name) {
            listed.merge(name.text(), 1L, Long::sum);
          }
        });
      }
      Map<List<Integer>, Long> truth = rankings.get(list.contestId());
      if (truth != null && !truth.equals(rows)) {
        problems.add(list.contestId() + ": the decrypted rankings are not the robots' rankings");
      }
      if (!listed.equals(names.getOrDefault(list.contestId(), Map.of()))) {
        problems.add(list.contestId() + ": the decrypted names are not the robots' names");
      }
    }
    return problems;
  }
}
