package org.evote.crypto.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.json.ManifestJson;
import org.evote.crypto.testing.TestData;
import org.evote.crypto.testing.TestElection;
import org.junit.jupiter.api.Test;

class ManifestTest {

  @Test
  void everyElectionGuardSampleManifestReads() {
    for (String f : List.of("manifest-minimal.json", "manifest-small.json", "manifest-full.json",
        "manifest-hamilton-general.json")) {
      Manifest m = TestElection.manifest(f);
      assertTrue(m.contests().size() >= 1, f);
      assertTrue(m.ballotStyles().size() >= 1, f);
    }
  }

  @Test
  void theCountyGeneralElectionHasItsContestsStylesAndLanguages() {
    Manifest m = TestElection.manifest("manifest-hamilton-general.json");
    assertEquals(8, m.contests().size());
    assertEquals(11, m.ballotStyles().size());
    assertEquals(27, m.contest("ozark-governor").orElseThrow().selections().size());
    assertEquals(3, m.contest("pismo-beach-school-board-contest").orElseThrow().votesAllowed());
    assertEquals(List.of("en", "es"), m.languages());
    List<String> onStyle = m.contestsFor("congress-district-7-arlington-pismo-beach").stream()
        .map(ContestDescription::id).toList();
    assertEquals(List.of("president-vice-president-contest", "ozark-governor", "congress-district-7-contest",
        "pismo-beach-school-board-contest", "arlington-chief-justice-retain-demergue"), onStyle);
    assertTrue(m.candidate("write-in-1").orElseThrow().writeIn());
    assertTrue(m.warnings().stream().anyMatch(w -> w.contains("unknown candidate rengel")), m.warnings().toString());
    assertEquals("Presidente y Vicepresidente de los Estados Unidos", m.contest("president-vice-president-contest")
        .orElseThrow().ballotTitle().in("es").orElseThrow());
  }

  @Test
  void theSmallManifestsStylesFollowTheirDistricts() {
    Manifest m = TestElection.manifest("manifest-small.json");
    assertEquals(2, m.contestsFor("franklin-county-no-schooldistrict").size());
    assertEquals(3, m.contestsFor("franklin-county-ozark-schools").size());
  }

  static JsonObject small() throws IOException {
    return JsonText.parseObject(Files.readString(TestData.path("electionguard/manifest-small.json")));
  }

  static JsonObject withContest0(JsonObject m, String field, String value) {
    JsonObject c0 = Json.createObjectBuilder(m.getJsonArray("contests").getJsonObject(0)).add(field, value).build();
    return Json.createObjectBuilder(m).add("contests", Json.createArrayBuilder(m.getJsonArray("contests"))
        .set(0, c0)).build();
  }

  @Test
  void bordaCumulativeAndStarAreRejectedNamingTheContest() throws IOException {
    for (String v : List.of("borda", "cumulative", "star")) {
      InvalidFieldException e = assertThrows(InvalidFieldException.class,
          () -> ManifestJson.decode(withContest0(small(), "vote_variation", v)));
      assertEquals("contests[0].vote_variation", e.field());
      assertTrue(e.reason().contains("congressional-race-01"), e.reason());
      assertTrue(e.reason().contains(v), e.reason());
    }
  }

  @Test
  void brokenReferencesAndFieldsAreNamed() throws IOException {
    InvalidFieldException e = assertThrows(InvalidFieldException.class,
        () -> ManifestJson.decode(withContest0(small(), "electoral_district_id", "atlantis")));
    assertTrue(e.reason().contains("atlantis"), e.reason());
    JsonObject noId = Json.createObjectBuilder(small()).remove("election_scope_id").build();
    e = assertThrows(InvalidFieldException.class, () -> ManifestJson.decode(noId));
    assertEquals("election_scope_id", e.field());
    assertEquals("missing field", e.reason());
    e = assertThrows(InvalidFieldException.class, () -> JsonText.parseObject("{\"contests\": [1, 2"));
    assertTrue(e.reason().startsWith("malformed JSON"), e.reason());
  }
}
