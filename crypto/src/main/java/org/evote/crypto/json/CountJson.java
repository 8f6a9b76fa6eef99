package org.evote.crypto.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.count.RankedResult;
import org.evote.crypto.count.WriteInCount;

/**
 * ranked_result.json (protocol §13.6, §13.7, §10.3): {@code {"ranked": [RankedResult…], "write_ins":
 * [WriteInCount…]}}. Decoding checks every member's type and range and every record's rules (round numbering, sums,
 * who continues, names by the write-in rule, their order), naming the field; the numbers themselves are checked by a
 * recount (V23).
 */
public final class CountJson {
  /** At most this many contests, rounds, candidates per round or write-in lines. */
  static final int MAX_ITEMS = 10_000;
  /** At most this many distinct names on one write-in line. */
  static final int MAX_NAMES = 1_000_000;

  private CountJson() {}

  /** The count of an election: its ranked contests' results and its write-in lines' lists, in manifest order. */
  public record Counts(List<RankedResult> ranked, List<WriteInCount> writeIns) {
    public Counts {
      ranked = List.copyOf(ranked);
      writeIns = List.copyOf(writeIns);
      Set<String> contests = new HashSet<>();
      for (RankedResult r : ranked) {
        if (!contests.add(r.contestId())) {
          throw new IllegalArgumentException("contest " + r.contestId() + " has two ranked results");
        }
      }
      Set<String> lines = new HashSet<>();
      for (WriteInCount w : writeIns) {
        if (!lines.add(w.contestId() + "\n" + w.selectionId())) {
          throw new IllegalArgumentException("write-in line " + w.selectionId() + " of contest " + w.contestId()
              + " is listed twice");
        }
      }
    }
  }

  public static JsonObject encode(Counts counts) {
    return encode(counts.ranked(), counts.writeIns());
  }

  public static JsonObject encode(List<RankedResult> ranked, List<WriteInCount> writeIns) {
    JsonArrayBuilder rs = JsonText.array();
    for (RankedResult r : ranked) {
      rs.add(encode(r));
    }
    JsonArrayBuilder ws = JsonText.array();
    for (WriteInCount w : writeIns) {
      ws.add(encode(w));
    }
    return JsonText.object().add("ranked", rs).add("write_ins", ws).build();
  }

  public static JsonObject encode(RankedResult r) {
    JsonArrayBuilder rounds = JsonText.array();
    for (RankedResult.Round round : r.rounds()) {
      JsonArrayBuilder totals = JsonText.array();
      for (RankedResult.Total t : round.totals()) {
        totals.add(JsonText.object().add("selection_id", t.selectionId()).add("votes", t.votes()));
      }
      JsonObjectBuilder o = JsonText.object().add("round", round.number()).add("totals", totals)
          .add("exhausted", round.exhausted()).add("exhausted_by_skipped_rankings", round.exhaustedBySkips())
          .add("outcome", round.outcome().wire()).add("defeated", JsonText.array(round.defeated()));
      round.lot().ifPresent(l -> o.add("lot", JsonText.object().add("tied", JsonText.array(l.tied()))
          .add("defeated", l.defeated())));
      rounds.add(o);
    }
    JsonObjectBuilder o = JsonText.object().add("contest_id", r.contestId()).add("ballots", r.ballots())
        .add("rounds", rounds);
    r.winner().ifPresent(w -> o.add("winner", w));
    return o.build();
  }

  public static JsonObject encode(WriteInCount w) {
    JsonArrayBuilder names = JsonText.array();
    for (WriteInCount.Name n : w.names()) {
      names.add(JsonText.object().add("name", n.name()).add("count", n.count()));
    }
    return JsonText.object().add("contest_id", w.contestId()).add("selection_id", w.selectionId())
        .add("names", names).add("unreadable", w.unreadable()).build();
  }

  /** Decodes ranked_result.json, validating everything (an {@link InvalidFieldException} names the field). */
  public static Counts decode(Fields f) {
    f.only(Set.of("ranked", "write_ins"));
    List<RankedResult> ranked = f.objects("ranked", 0, MAX_ITEMS, CountJson::decodeRanked);
    List<WriteInCount> writeIns = f.objects("write_ins", 0, MAX_ITEMS, CountJson::decodeWriteIn);
    return f.build(() -> new Counts(ranked, writeIns));
  }

  public static RankedResult decodeRanked(Fields f) {
    f.only(Set.of("contest_id", "ballots", "rounds", "winner"));
    String contest = f.id("contest_id");
    long ballots = f.integer("ballots", 0, Long.MAX_VALUE);
    List<RankedResult.Round> rounds = f.objects("rounds", 1, MAX_ITEMS, CountJson::decodeRound);
    Optional<String> winner = f.has("winner") ? Optional.of(f.id("winner")) : Optional.empty();
    return f.build(() -> new RankedResult(contest, ballots, rounds, winner));
  }

  private static RankedResult.Round decodeRound(Fields f) {
    f.only(Set.of("round", "totals", "exhausted", "exhausted_by_skipped_rankings", "outcome", "defeated", "lot"));
    int number = f.smallInt("round", 1, MAX_ITEMS);
    List<RankedResult.Total> totals = f.objects("totals", 1, MAX_ITEMS, t -> {
      t.only(Set.of("selection_id", "votes"));
      String id = t.id("selection_id");
      long votes = t.integer("votes", 0, Long.MAX_VALUE);
      return t.build(() -> new RankedResult.Total(id, votes));
    });
    long exhausted = f.integer("exhausted", 0, Long.MAX_VALUE);
    long bySkips = f.integer("exhausted_by_skipped_rankings", 0, Long.MAX_VALUE);
    String wire = f.string("outcome");
    RankedResult.Outcome outcome = RankedResult.Outcome.ofWire(wire).orElseThrow(() -> new InvalidFieldException(
        f.path("outcome"), "must be one of last_place, batch_elimination, majority, final_round, no_votes"));
    List<String> defeated = ids(f, "defeated", 0);
    Optional<RankedResult.Lot> lot = Optional.empty();
    if (f.has("lot")) {
      Fields l = f.object("lot").only(Set.of("tied", "defeated"));
      List<String> tied = ids(l, "tied", 2);
      String loser = l.id("defeated");
      lot = Optional.of(l.build(() -> new RankedResult.Lot(tied, loser)));
    }
    Optional<RankedResult.Lot> drawn = lot;
    return f.build(() -> new RankedResult.Round(number, totals, exhausted, bySkips, outcome, defeated, drawn));
  }

  private static List<String> ids(Fields f, String name, int min) {
    return f.list(name, min, MAX_ITEMS, (v, p) -> {
      if (v.getValueType() != JsonValue.ValueType.STRING) {
        throw new InvalidFieldException(p, "expected a string");
      }
      String s = ((jakarta.json.JsonString) v).getString();
      if (!org.evote.crypto.manifest.Ids.isValid(s)) {
        throw new InvalidFieldException(p, "identifier must be 1-256 printable ASCII characters without spaces");
      }
      return s;
    });
  }

  public static WriteInCount decodeWriteIn(Fields f) {
    f.only(Set.of("contest_id", "selection_id", "names", "unreadable"));
    String contest = f.id("contest_id");
    String line = f.id("selection_id");
    List<WriteInCount.Name> names = f.objects("names", 0, MAX_NAMES, n -> {
      n.only(Set.of("name", "count"));
      String name = n.string("name");
      org.evote.crypto.ballot.WriteInNames.problem(name).ifPresent(problem -> {
        throw new InvalidFieldException(n.path("name"), "not a valid write-in name: " + problem);
      });
      long count = n.integer("count", 1, Long.MAX_VALUE);
      return n.build(() -> new WriteInCount.Name(name, count));
    });
    long unreadable = f.integer("unreadable", 0, Long.MAX_VALUE);
    return f.build(() -> new WriteInCount(contest, line, names, unreadable));
  }
}
