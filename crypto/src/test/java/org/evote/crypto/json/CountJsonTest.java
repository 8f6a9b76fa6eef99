package org.evote.crypto.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.count.InstantRunoff;
import org.evote.crypto.count.Lot;
import org.evote.crypto.count.RankedResult;
import org.evote.crypto.count.Ranking;
import org.evote.crypto.count.WriteInCount;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.manifest.ContestDescription;
import org.evote.crypto.manifest.InternationalText;
import org.evote.crypto.manifest.SelectionDescription;
import org.evote.crypto.manifest.VoteVariation;
import org.junit.jupiter.api.Test;

class CountJsonTest {
  private static CountJson.Counts sample() {
    List<SelectionDescription> s = new ArrayList<>();
    for (String id : List.of("a", "b", "c", "d")) {
      s.add(new SelectionDescription(id, s.size(), "cand-" + id));
    }
    ContestDescription c = new ContestDescription("mayor", 0, "city", VoteVariation.RCV, 3, 1,
        InternationalText.plain("Mayor"), InternationalText.EMPTY, InternationalText.EMPTY, s);
    List<Ranking> r = new ArrayList<>();
    int[][] marks = {{1, 0, 0}, {1, 2, 0}, {1, 0, 0}, {1, 0, 0}, {2, 0, 0}, {2, 0, 0}, {2, 0, 0}, {3, 2, 0},
        {3, 0, 0}, {4, 0, 0}, {4, 0, 0}, {0, 0, 4}};
    for (int[] m : marks) {
      r.add(new Ranking(List.of(m[0], m[1], m[2])));
    }
    Digest seed = Lot.seed(Digest.of(new byte[32]), "mayor", Digest.of(new byte[32]));
    RankedResult ranked = InstantRunoff.count(c, r, seed);
    WriteInCount w = new WriteInCount("council", "wi", List.of(new WriteInCount.Name("Zoë Ångström", 3),
        new WriteInCount.Name("Ana", 1)), 2);
    return new CountJson.Counts(List.of(ranked), List.of(w));
  }

  private static CountJson.Counts decode(String json) {
    return CountJson.decode(Fields.of(JsonText.parseObject(json)));
  }

  @Test
  void roundTrips() {
    CountJson.Counts counts = sample();
    assertTrue(counts.ranked().get(0).rounds().size() >= 2);
    JsonObject json = CountJson.encode(counts);
    assertEquals(counts, CountJson.decode(Fields.of(JsonText.parseObject(json.toString()))));
  }

  private static InvalidFieldException refused(String from, String to) {
    String json = CountJson.encode(sample()).toString();
    assertTrue(json.contains(from), from);
    return assertThrows(InvalidFieldException.class, () -> decode(json.replaceFirst(
        java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to))));
  }

  @Test
  void hostileInputIsRefusedNamingTheField() {
    assertEquals("ranked[0].ballots", refused("\"ballots\":12", "\"ballots\":-1").field());
    assertEquals("ranked[0].rounds[0].totals[0].votes",
        refused("\"votes\":4", "\"votes\":\"4\"").field());
    assertEquals("ranked[0].rounds[0].outcome", refused("\"outcome\":\"", "\"outcome\":\"x").field());
    assertEquals("ranked[0].rounds[0].extra", refused("\"round\":1", "\"round\":1,\"extra\":0").field());
    assertEquals("write_ins[0].names[0].name", refused("Zoë Ångström", "Zoë  Ångström").field());
    assertEquals("write_ins[0].names[1].count", refused("\"count\":1", "\"count\":0").field());
    // A structural rule of the records: the totals and exhausted ballots no longer add up to the ballots.
    InvalidFieldException sum = refused("\"ballots\":12", "\"ballots\":13");
    assertEquals("ranked[0]", sum.field());
    assertTrue(sum.reason().contains("add up"), sum.reason());
    // A winner who is not a continuing candidate of the last round.
    assertEquals("ranked[0]", refused("\"winner\":\"", "\"winner\":\"z").field());
    // Names out of order.
    assertEquals("write_ins[0]", refused("\"count\":3", "\"count\":1").field());
  }

  @Test
  void aTamperedRoundStructureIsRefused() {
    // Drop the defeated candidate of round 1: round 2 then continues a candidate that round 1 defeated or vice versa.
    InvalidFieldException e = refused("\"defeated\":[\"", "\"defeated\":[\"zz\",\"");
    assertTrue(e.field().startsWith("ranked[0]"), e.field());
  }
}
