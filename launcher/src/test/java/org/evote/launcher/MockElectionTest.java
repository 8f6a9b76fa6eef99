package org.evote.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.note.SignatureType;
import org.evote.crypto.note.SignedNote;
import org.evote.crypto.note.VerifierKey;
import org.evote.crypto.note.WitnessPolicy;
import org.evote.crypto.notice.ElectionNotice;
import org.evote.crypto.notice.NoticeJson;
import org.evote.crypto.record.BoardFile;
import org.evote.server.testing.Console;
import org.evote.tally.TallyTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job in miniature, as CI runs it: {@code evote demo} on the embedded county manifest
 * with a real server on a loopback port, two real witnesses, robot kiosks on the kiosk's own code path and the real
 * tally tool; then the record's checkpoint is checked against the election notice's witness policy, the record is
 * re-verified by {@code tally verify --notice} and its result recounted here from the robots' logs.
 */
class MockElectionTest {
  @TempDir
  Path temp;

  /** {@code ./evote ARGS}, or with "tally" first the tally tool's command line, run in this process. */
  static Console evote(String... args) {
    return args[0].equals("tally")
        ? Console.run(TallyTool::run, java.util.Arrays.copyOfRange(args, 1, args.length))
        : Console.run(Evote::run, args);
  }

  @Test
  void aMockElectionWithTheRealProgramsCountsExactlyWhatTheRobotsVoted() throws Exception {
    Path dir = temp.resolve("election");
    Console run = evote("demo", "--kiosks", "3", "--ballots", "16", "--challenge-rate", "0.5", "--out",
        dir.toString());
    assertEquals(0, run.code(), run.out() + run.err());
    // The county's contests have write-in lines: their names are mixed by every guardian and listed.
    assertTrue(run.out().contains("The decrypted result equals the truth exactly (every round of every ranked "
        + "contest and every write-in name too), and the record verifies against the election notice, cosigned by "
        + "its witnesses."), run.out());
    assertTrue(run.out().contains("notice hash "), run.out());
    assertTrue(run.out().contains("every ballot the kiosks gave a receipt for is on it exactly once"), run.out());
    assertTrue(run.out().contains("The election record is in " + dir.resolve("record")), run.out());

    // What the output folder keeps: the record, the guardians' sealed keys, the robots' logs.
    for (String f : new String[] {"record/election.json", "record/board.json", "record/encrypted_tally.json",
        "record/decryption_shares.json", "record/result.json", "record/result.html", "record/result.txt",
        "record/result.csv", "record/result.es.html", "record/result.es.txt", "guardians/guardian-1.key.json",
        "guardians/guardian-3.key.json", "robots/K-01.json", "robots/K-03.json", "board/board.sqlite",
        "record/checkpoint.txt", "notice.json", "closed/board.json", "closed/checkpoint.txt",
        "witness-1/witness-key.json", "witness-2/witness.sqlite", "witness-1.pass", "witness-2.pass"}) {
      assertTrue(Files.isRegularFile(dir.resolve(f)), f);
    }
    // The results in the county manifest's Spanish too, with the tally tool's Spanish words.
    String spanish = Files.readString(dir.resolve("record/result.es.html"));
    assertTrue(spanish.contains("<html lang=\"es\">") && spanish.contains("<h2>Gobernador de la Mancomunidad de Ozark"
        + "</h2>") && spanish.contains("<p>Papeletas emitidas: "), spanish);
    assertTrue(run.out().contains("result files in every language of the manifest: result.txt, result.csv, "
        + "result.html, result-write-ins.csv, result.es.txt, result.es.html"), run.out());

    // The record's final checkpoint is signed by the notice's board key and cosigned by both of its witnesses.
    ElectionNotice notice = NoticeJson.decode(JsonText.readObject(dir.resolve("notice.json")));
    assertEquals(2, notice.witnesses().size());
    assertEquals(2, notice.witnessQuorum());
    assertEquals(3, notice.kiosks().size());
    SignedNote checkpoint = SignedNote.parse(Files.readAllBytes(dir.resolve("record/checkpoint.txt")));
    WitnessPolicy.Result cosigned = notice.witnessPolicy().check(checkpoint);
    WitnessPolicy.Result.Satisfied satisfied = assertInstanceOf(WitnessPolicy.Result.Satisfied.class, cosigned,
        cosigned.toString());
    assertEquals(Set.of("witness-1.demo.invalid", "witness-2.demo.invalid"),
        satisfied.cosignedBy().stream().map(VerifierKey::name).collect(Collectors.toSet()));
    assertEquals(Set.of(SignatureType.COSIGNATURE_ED25519, SignatureType.COSIGNATURE_ML_DSA_44),
        satisfied.cosignedBy().stream().map(VerifierKey::type).collect(Collectors.toSet()));
    long[] entries = {0};
    BoardFile.open(dir.resolve("record/board.json")).forEachEntry(e -> entries[0]++);
    assertEquals(entries[0], satisfied.checkpoint().size(),
        "the checkpoint covers the whole final board");
    // The demo showed that checkpoint, each line with whose key it is.
    assertTrue(run.out().contains(checkpoint.text().split("\n")[2]), run.out());
    assertTrue(run.out().contains("witness witness-2.demo.invalid, ML-DSA-44 cosignature (type 0x06)"), run.out());

    // The real tally tool re-verifies the record on its own, against the notice: every trust check made.
    Console verify = evote("tally", "verify", "--record", dir.resolve("record").toString(), "--notice",
        dir.resolve("notice.json").toString());
    assertEquals(0, verify.code(), verify.out() + verify.err());
    assertTrue(verify.out().contains("V19  PASS") && verify.out().contains("V20  PASS"), verify.out());
    assertFalse(verify.out().contains("NOT CHECKED"), verify.out());
    assertFalse(verify.out().contains("FAIL"), verify.out());

    // Recount the truth from the robots' logs and compare with the published result.
    Map<String, Long> truth = new HashMap<>();
    long cast = 0;
    long challenged = 0;
    try (Stream<Path> logs = Files.list(dir.resolve("robots"))) {
      for (Path log : logs.toList()) {
        for (JsonValue v : JsonText.readObject(log).getJsonArray("ballots")) {
          JsonObject b = v.asJsonObject();
          if (b.getString("kind").equals("challenged")) {
            challenged++;
            continue;
          }
          cast++;
          JsonObject choices = b.getJsonObject("choices");
          for (String contest : choices.keySet()) {
            choices.getJsonArray(contest).getValuesAs(jakarta.json.JsonString.class)
                .forEach(s -> truth.merge(contest + "/" + s.getString(), 1L, Long::sum));
          }
        }
      }
    }
    assertEquals(16, cast + challenged);
    assertTrue(cast > 0 && challenged > 0, "both paths ran (each fails to with probability 2^-16)");
    JsonObject result = JsonText.readObject(dir.resolve("record/result.json"));
    assertEquals(cast, result.getJsonNumber("cast_ballots").longValue());
    assertEquals(challenged, result.getJsonNumber("challenged_ballots").longValue());
    JsonObject contests = result.getJsonObject("contests");
    long marks = 0;
    for (String contest : contests.keySet()) {
      for (String sel : contests.getJsonObject(contest).keySet()) {
        long count = contests.getJsonObject(contest).getJsonNumber(sel).longValue();
        assertEquals(truth.getOrDefault(contest + "/" + sel, 0L), count, contest + "/" + sel);
        marks += count;
      }
    }
    assertEquals(truth.values().stream().mapToLong(Long::longValue).sum(), marks, "no mark outside the result");
  }

  @Test
  void anOutputFolderInUseIsRefusedWithoutTouchingIt() throws Exception {
    Path dir = Files.createDirectories(temp.resolve("busy"));
    Files.writeString(dir.resolve("keep.txt"), "precious");
    Console run = evote("demo", "--ballots", "1", "--out", dir.toString());
    assertEquals(1, run.code());
    assertTrue(run.err().contains("already exists and is not empty"), run.err());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(1, files.count());
    }
  }

  @Test
  void aMissingOrInvalidManifestIsRefusedBeforeAnythingIsWritten() throws Exception {
    Console missing = evote("demo", "--manifest", temp.resolve("nope.json").toString(), "--out",
        temp.resolve("a").toString());
    assertEquals(1, missing.code());
    assertTrue(missing.err().contains("cannot read the manifest") && missing.err().contains("no such file"),
        missing.err());
    Path bad = Files.writeString(temp.resolve("bad.json"), "{\"election_scope_id\": 7}");
    Console invalid = evote("demo", "--manifest", bad.toString(), "--out", temp.resolve("b").toString());
    assertEquals(1, invalid.code());
    assertTrue(invalid.err().contains("not a valid ElectionGuard 1.0 manifest"), invalid.err());
    assertTrue(Files.notExists(temp.resolve("a")) && Files.notExists(temp.resolve("b")));
  }

  @Test
  void impossibleSettingsAreRefusedByName() {
    Console run = evote("demo", "--guardians", "3", "--quorum", "4", "--out", temp.resolve("x").toString());
    assertEquals(1, run.code());
    assertTrue(run.err().contains("quorum"), run.err());
    assertTrue(Files.notExists(temp.resolve("x")));
  }
}
