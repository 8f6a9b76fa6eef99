package org.evote.crypto.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.evote.crypto.ballot.PlaintextBallot;
import org.evote.crypto.group.Element;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.json.ManifestJson;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.record.RecordFiles;
import org.evote.crypto.testing.TestElection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V21–V23 on a whole record of the Riverton election (ranked contests and write-in lines): the honest record with
 * its cascade of two guardians' mixes passes every step; a tampered shuffle fails V21, a tampered decryption share
 * V22, a tampered round V23; a final record without mixes fails V21; an election without mixed contests has them
 * n/a.
 */
class MixRecordTest {
  static final SecureRandom RANDOM = new SecureRandom();
  /** The steps this class's tamper cases fail (the tamper matrix counts them as covered). */
  static final java.util.Set<Step> FAILED = java.util.EnumSet.of(Step.V21_MIX_CASCADE, Step.V22_MIX_DECRYPTION,
      Step.V23_RANKED_COUNT);
  static TestElection election;
  @TempDir
  Path temp;

  static Manifest riverton() throws IOException {
    return ManifestJson.decode(JsonText.readObject(Path.of("../docs/examples/manifest-riverton-rcv.json")));
  }

  @BeforeAll
  static void run() throws Exception {
    election = new TestElection(riverton(), 3, 2, RANDOM);
    election.registerKiosk("kiosk-1");
    election.registerKiosk("kiosk-2");
    election.openPolls();
    election.signHead();
    List<List<String>> mayor = List.of(List.of("sel-mayor-chen", "sel-mayor-okafor"),
        List.of("sel-mayor-okafor", "sel-mayor-chen"), List.of("sel-mayor-ramirez", "sel-mayor-chen"),
        List.of("sel-write-in-mayor"), List.of("sel-mayor-okafor"), List.of());
    for (int i = 0; i < mayor.size(); i++) {
      Map<String, String> names = mayor.get(i).contains("sel-write-in-mayor")
          ? Map.of("sel-write-in-mayor", "Zoë Ñúñez") : Map.of();
      PlaintextBallot p = new PlaintextBallot("b" + i, i % 2 == 0 ? "ward-2" : "ward-1", Map.of("mayor",
          mayor.get(i), "measure-a", List.of("sel-measure-a-yes")),
          names.isEmpty() ? Map.of() : Map.of("mayor", names));
      election.vote(i % 2 == 0 ? "kiosk-1" : "kiosk-2", p, false);
    }
    election.vote("kiosk-1", new PlaintextBallot("c1", "ward-1", Map.of("mayor", List.of("sel-mayor-chen"))),
        true);
    election.closePolls();
    election.tally(1, 3);
    election.signHead();
  }

  private VerificationReport verify(Path dir) throws IOException {
    return RecordFiles.verify(dir, RANDOM, 2, n -> { });
  }

  private Path record(String name) throws IOException {
    Path dir = temp.resolve(name);
    election.write(dir);
    return dir;
  }

  private static void edit(Path file, String pointer, JsonValue value) throws IOException {
    JsonObject o = JsonText.readObject(file);
    JsonText.write(file, Json.createPointer(pointer).replace(o, value));
  }

  private static VerificationReport.Status status(VerificationReport r, Step s) {
    return r.outcome(s).status();
  }

  @Test
  void theHonestRecordWithItsCascadePassesEveryStep() throws IOException {
    Path dir = record("honest");
    assertTrue(Files.exists(dir.resolve("mix-1.json")) && Files.exists(dir.resolve("mix-2.json")));
    VerificationReport r = verify(dir);
    assertTrue(r.isValid(), r.render());
    for (Step s : List.of(Step.V21_MIX_CASCADE, Step.V22_MIX_DECRYPTION, Step.V23_RANKED_COUNT)) {
      assertEquals(VerificationReport.Status.PASS, status(r, s), r.render());
    }
    assertEquals(6, election.mixed.counts().ranked().get(0).ballots());
    assertTrue(election.mixed.counts().ranked().get(0).winner().isPresent());
  }

  @Test
  void aTamperedShuffleFailsV21() throws IOException {
    Path dir = record("shuffle");
    // Mix 2's proof answers another challenge: the signature still covers the same lists, the proof fails.
    JsonObject mix = JsonText.readObject(dir.resolve("mix-2.json"));
    String s1 = mix.getJsonArray("shuffles").getJsonObject(0).getJsonObject("proof").getString("s1");
    String other = s1.substring(0, 63) + (s1.charAt(63) == '0' ? '1' : '0');
    edit(dir.resolve("mix-2.json"), "/shuffles/0/proof/s1", Json.createValue(other));
    VerificationReport r = verify(dir);
    assertEquals(VerificationReport.Status.FAIL, status(r, Step.V21_MIX_CASCADE), r.render());
    assertTrue(r.outcome(Step.V21_MIX_CASCADE).failures().get(0).reason().contains("proof of shuffle"),
        r.render());
    assertEquals(VerificationReport.Status.NOT_RUN, status(r, Step.V22_MIX_DECRYPTION));
    assertEquals(VerificationReport.Status.NOT_RUN, status(r, Step.V23_RANKED_COUNT));
    assertEquals(VerificationReport.Status.PASS, status(r, Step.V16_RESULT));
  }

  @Test
  void aSwappedOutputCiphertextFailsV21OnTheSignature() throws IOException {
    Path dir = record("swapped");
    edit(dir.resolve("mix-1.json"), "/shuffles/0/output/0/0/alpha", Json.createValue(Element.G.encode()));
    VerificationReport r = verify(dir);
    assertEquals(VerificationReport.Status.FAIL, status(r, Step.V21_MIX_CASCADE), r.render());
    assertTrue(r.outcome(Step.V21_MIX_CASCADE).failures().get(0).reason().contains("signature"), r.render());
  }

  @Test
  void aMixFileWithAnExtraRowIsRefusedBeforeItsPointsAreDecoded() throws IOException {
    Path dir = record("extra");
    JsonObject mix = JsonText.readObject(dir.resolve("mix-1.json"));
    jakarta.json.JsonArray output = mix.getJsonArray("shuffles").getJsonObject(0).getJsonArray("output");
    edit(dir.resolve("mix-1.json"), "/shuffles/0/output", Json.createArrayBuilder(output).add(output.get(0)).build());
    VerificationReport r = verify(dir);
    assertEquals(VerificationReport.Status.FAIL, status(r, Step.V21_MIX_CASCADE), r.render());
    VerificationReport.Failure f = r.outcome(Step.V21_MIX_CASCADE).failures().get(0);
    assertEquals("mix-1.json", f.object(), r.render());
    assertTrue(f.reason().contains("shuffles[0].output") && f.reason().contains("exactly"), r.render());
  }

  @Test
  void aTamperedDecryptionShareFailsV22() throws IOException {
    Path dir = record("share");
    edit(dir.resolve(RecordFiles.MIX_DECRYPTION), "/shares/1/contests/0/rows/0/0/m",
        Json.createValue(Element.G.encode()));
    VerificationReport r = verify(dir);
    assertEquals(VerificationReport.Status.PASS, status(r, Step.V21_MIX_CASCADE), r.render());
    assertEquals(VerificationReport.Status.FAIL, status(r, Step.V22_MIX_DECRYPTION), r.render());
    assertTrue(r.outcome(Step.V22_MIX_DECRYPTION).failures().get(0).object().contains("guardian 3"), r.render());
    assertEquals(VerificationReport.Status.NOT_RUN, status(r, Step.V23_RANKED_COUNT));
  }

  @Test
  void aChangedDecryptedRowFailsV22() throws IOException {
    Path dir = record("row");
    edit(dir.resolve(RecordFiles.MIXED_BALLOTS), "/contests/0/rows/0/ranking", Json.createArrayBuilder()
        .add("sel-mayor-tremblay").addNull().addNull().addNull().addNull().build());
    VerificationReport r = verify(dir);
    assertEquals(VerificationReport.Status.FAIL, status(r, Step.V22_MIX_DECRYPTION), r.render());
  }

  @Test
  void aTamperedRoundFailsV23() throws IOException {
    Path dir = record("round");
    JsonObject counts = JsonText.readObject(dir.resolve(RecordFiles.RANKED_RESULT));
    long votes = counts.getJsonArray("ranked").getJsonObject(0).getJsonArray("rounds").getJsonObject(0)
        .getJsonArray("totals").getJsonObject(0).getJsonNumber("votes").longValue();
    edit(dir.resolve(RecordFiles.RANKED_RESULT), "/ranked/0/rounds/0/totals/0/votes",
        Json.createValue(votes + 1));
    VerificationReport r = verify(dir);
    assertEquals(VerificationReport.Status.PASS, status(r, Step.V22_MIX_DECRYPTION), r.render());
    assertEquals(VerificationReport.Status.FAIL, status(r, Step.V23_RANKED_COUNT), r.render());
    assertTrue(r.outcome(Step.V23_RANKED_COUNT).failures().get(0).reason().contains("ranked[0]"),
        r.render());
  }

  @Test
  void aFinalRecordWithoutMixesFailsV21() throws IOException {
    Path dir = record("nomix");
    Files.delete(dir.resolve("mix-1.json"));
    Files.delete(dir.resolve("mix-2.json"));
    VerificationReport r = verify(dir);
    assertFalse(r.isValid());
    assertEquals(VerificationReport.Status.FAIL, status(r, Step.V21_MIX_CASCADE), r.render());
    assertEquals(VerificationReport.Status.NOT_RUN, status(r, Step.V22_MIX_DECRYPTION));
  }

  @Test
  void aCascadeOfOneGuardianIsBelowTheQuorum() throws IOException {
    Path dir = record("short");
    Files.delete(dir.resolve("mix-2.json"));
    VerificationReport r = verify(dir);
    assertEquals(VerificationReport.Status.FAIL, status(r, Step.V21_MIX_CASCADE), r.render());
    assertTrue(r.outcome(Step.V21_MIX_CASCADE).failures().get(0).reason().contains("quorum"), r.render());
  }

  @Test
  void aMixFileUnderAnotherPositionsNameFailsV21() throws IOException {
    Path dir = record("renamed");
    Files.move(dir.resolve("mix-2.json"), dir.resolve("mix-3.json"));
    VerificationReport r = verify(dir);
    assertEquals(VerificationReport.Status.FAIL, status(r, Step.V21_MIX_CASCADE), r.render());
  }

  @Test
  void anElectionWithoutMixedContestsHasV21ToV23NotApplicable() throws Exception {
    TestElection plain = TestElection.full(TestElection.manifest("manifest-minimal.json"), 3, 2, 4, RANDOM);
    Path dir = temp.resolve("plain");
    plain.write(dir);
    VerificationReport r = verify(dir);
    assertTrue(r.isValid(), r.render());
    for (Step s : List.of(Step.V21_MIX_CASCADE, Step.V22_MIX_DECRYPTION, Step.V23_RANKED_COUNT)) {
      assertEquals(VerificationReport.Status.NOT_APPLICABLE, status(r, s), r.render());
    }
  }
}
