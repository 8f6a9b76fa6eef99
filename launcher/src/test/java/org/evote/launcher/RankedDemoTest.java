package org.evote.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.evote.crypto.json.JsonText;
import org.evote.server.testing.Console;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evote demo --manifest} on the Riverton example (two ranked contests, two write-in lines): the robots rank
 * and write names and log them, every guardian mixes, the tally decrypts the final lists and counts them, the
 * demo's truth check covers every round and the write-in names, and the record re-verifies with {@code tally
 * verify}; then a tampered shuffle, a tampered decryption and a tampered round each fail their step.
 */
class RankedDemoTest {
  static final Path MANIFEST = Path.of("../docs/examples/manifest-riverton-rcv.json");

  @TempDir
  static Path temp;
  static Path dir;
  static Console run;

  @BeforeAll
  static void runTheDemo() {
    dir = temp.resolve("election");
    run = MockElectionTest.evote("demo", "--manifest", MANIFEST.toString(), "--kiosks", "2", "--ballots", "24",
        "--challenge-rate", "0.1", "--out", dir.toString());
  }

  @Test
  void theRobotsRankAndWriteNamesAndTheResultEqualsTheirTruthInEveryRound() throws Exception {
    assertEquals(0, run.code(), run.out() + run.err());
    assertTrue(run.out().contains("The decrypted result equals the truth exactly (every round of every ranked "
        + "contest and every write-in name too)"), run.out());
    assertTrue(run.out().contains("mix 3 by guardian 3"), run.out());
    for (String f : List.of("mix-1.json", "mix-2.json", "mix-3.json", "mix_decryption.json", "mixed_ballots.json",
        "ranked_result.json", "result-rounds.csv", "result-write-ins.csv")) {
      assertTrue(Files.isRegularFile(dir.resolve("record").resolve(f)), f);
    }

    // The robots' logs: a ranked contest's choices in preference order, names under write_ins.
    Map<String, Long> firstPreferences = new TreeMap<>();
    Map<String, Long> names = new TreeMap<>();
    long rankedBallots = 0;
    try (Stream<Path> logs = Files.list(dir.resolve("robots"))) {
      for (Path log : logs.toList()) {
        for (JsonValue v : JsonText.readObject(log).getJsonArray("ballots")) {
          JsonObject b = v.asJsonObject();
          if (!b.getString("kind").equals("cast")) {
            continue;
          }
          rankedBallots++;
          JsonArray mayor = b.getJsonObject("choices").getJsonArray("mayor");
          if (mayor != null && !mayor.isEmpty()) {
            firstPreferences.merge(mayor.getString(0), 1L, Long::sum);
            assertEquals(mayor.size(), mayor.getValuesAs(JsonString.class).stream().distinct().count(),
                "no candidate ranked twice");
          }
          if (b.containsKey("write_ins")) {
            JsonObject w = b.getJsonObject("write_ins");
            w.keySet().forEach(c -> names.merge(c + "/" + w.getString(c), 1L, Long::sum));
          }
        }
      }
    }
    assertFalse(names.isEmpty(), "the robots wrote names");
    // Round 1 of the mayor's count is the first preferences in the logs (every ballot has the contest).
    JsonObject ranked = JsonText.readObject(dir.resolve("record/ranked_result.json"));
    JsonObject mayor = ranked.getJsonArray("ranked").getValuesAs(JsonObject.class).stream()
        .filter(r -> r.getString("contest_id").equals("mayor")).findFirst().orElseThrow();
    assertEquals(rankedBallots, mayor.getJsonNumber("ballots").longValue());
    Map<String, Long> round1 = new TreeMap<>();
    for (JsonObject t : mayor.getJsonArray("rounds").getJsonObject(0).getJsonArray("totals")
        .getValuesAs(JsonObject.class)) {
      if (t.getJsonNumber("votes").longValue() > 0) {
        round1.put(t.getString("selection_id"), t.getJsonNumber("votes").longValue());
      }
    }
    assertEquals(firstPreferences, round1);
    // The write-in list has exactly the names the robots wrote.
    Map<String, Long> listed = new TreeMap<>();
    for (JsonObject w : ranked.getJsonArray("write_ins").getValuesAs(JsonObject.class)) {
      for (JsonObject n : w.getJsonArray("names").getValuesAs(JsonObject.class)) {
        listed.merge(w.getString("contest_id") + "/" + n.getString("name"), n.getJsonNumber("count").longValue(),
            Long::sum);
      }
    }
    assertEquals(names, listed);

    Console verify = MockElectionTest.evote("tally", "verify", "--record", dir.resolve("record").toString(),
        "--notice", dir.resolve("notice.json").toString());
    assertEquals(0, verify.code(), verify.out() + verify.err());
    for (String step : List.of("V21  PASS", "V22  PASS", "V23  PASS")) {
      assertTrue(verify.out().contains(step), verify.out());
    }
  }

  @Test
  void aTamperedShuffleFailsV21() throws Exception {
    Path copy = copyRecord("shuffle");
    Path file = copy.resolve("mix-2.json");
    JsonObject mix = JsonText.readObject(file);
    JsonObject shuffle = mix.getJsonArray("shuffles").getJsonObject(0);
    JsonArray output = shuffle.getJsonArray("output");
    // Row 0 replaced by row 1: one ballot dropped, another duplicated.
    JsonArray tampered = Json.createArrayBuilder(output).set(0, output.get(1)).build();
    JsonObject s2 = Json.createObjectBuilder(shuffle).add("output", tampered).build();
    JsonText.write(file, Json.createObjectBuilder(mix).add("shuffles",
        Json.createArrayBuilder(mix.getJsonArray("shuffles")).set(0, s2)).build());
    assertFails(copy, "V21");
  }

  @Test
  void aTamperedDecryptionFailsV22() throws Exception {
    Path copy = copyRecord("decryption");
    Path file = copy.resolve("mix_decryption.json");
    String text = Files.readString(file);
    // One partial decryption M_ℓ of the first row replaced by another ciphertext's.
    JsonObject d = JsonText.readObject(file);
    JsonArray rows = d.getJsonArray("shares").getJsonObject(0).getJsonArray("contests").getJsonObject(0)
        .getJsonArray("rows");
    String m0 = rows.getJsonArray(0).getJsonObject(0).getString("m");
    String m1 = rows.getJsonArray(1).getJsonObject(0).getString("m");
    assertTrue(text.contains(m0) && !m0.equals(m1));
    Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(m0), m1));
    assertFails(copy, "V22");
  }

  @Test
  void aTamperedRoundFailsV23() throws Exception {
    Path copy = copyRecord("round");
    Path file = copy.resolve("ranked_result.json");
    JsonObject r = JsonText.readObject(file);
    JsonObject contest = r.getJsonArray("ranked").getJsonObject(0);
    JsonObject round = contest.getJsonArray("rounds").getJsonObject(0);
    JsonArray totals = round.getJsonArray("totals");
    // Two candidates' first-round totals swapped: the sums still add up, the recount does not.
    Map<Integer, Long> votes = new HashMap<>();
    for (int i = 0; i < totals.size(); i++) {
      votes.put(i, totals.getJsonObject(i).getJsonNumber("votes").longValue());
    }
    int a = 0;
    int b = 1;
    for (int i = 1; i < totals.size(); i++) {
      if (!votes.get(i).equals(votes.get(0))) {
        b = i;
        break;
      }
    }
    assertFalse(votes.get(a).equals(votes.get(b)), "two different totals to swap");
    JsonArray swapped = Json.createArrayBuilder(totals)
        .set(a, Json.createObjectBuilder(totals.getJsonObject(a)).add("votes", votes.get(b)))
        .set(b, Json.createObjectBuilder(totals.getJsonObject(b)).add("votes", votes.get(a))).build();
    JsonObject round2 = Json.createObjectBuilder(round).add("totals", swapped).build();
    JsonObject contest2 = Json.createObjectBuilder(contest).add("rounds",
        Json.createArrayBuilder(contest.getJsonArray("rounds")).set(0, round2)).build();
    JsonText.write(file, Json.createObjectBuilder(r).add("ranked",
        Json.createArrayBuilder(r.getJsonArray("ranked")).set(0, contest2)).build());
    assertFails(copy, "V23");
  }

  private Path copyRecord(String name) throws Exception {
    assertEquals(0, run.code(), run.out() + run.err());
    Path copy = temp.resolve("tampered-" + name);
    Files.createDirectories(copy);
    try (Stream<Path> files = Files.list(dir.resolve("record"))) {
      for (Path f : files.toList()) {
        Files.copy(f, copy.resolve(f.getFileName()));
      }
    }
    return copy;
  }

  private void assertFails(Path record, String step) {
    Console verify = MockElectionTest.evote("tally", "verify", "--record", record.toString(), "--notice",
        dir.resolve("notice.json").toString());
    assertEquals(1, verify.code(), verify.out() + verify.err());
    assertTrue(verify.out().contains(step + "  FAIL"), verify.out());
  }
}
