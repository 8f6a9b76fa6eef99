package org.evote.crypto.json;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.testing.TestElection;
import org.junit.jupiter.api.Test;

/**
 * A ballot's size is checked against its style from the JSON alone, before any point is decoded (review finding
 * M2): the elements are never looked at, so empty objects stand in for selections here.
 */
class BallotSizeTest {
  static final Manifest MANIFEST = TestElection.manifest("manifest-small.json");

  static JsonObject ballot(String style, List<Integer> selections) {
    JsonArrayBuilder contests = Json.createArrayBuilder();
    for (int n : selections) {
      JsonArrayBuilder sels = Json.createArrayBuilder();
      for (int i = 0; i < n; i++) {
        sels.add(Json.createObjectBuilder());
      }
      contests.add(Json.createObjectBuilder().add("selections", sels));
    }
    return Json.createObjectBuilder().add("style_id", style).add("contests", contests).build();
  }

  @Test
  void aBallotOfItsStylesSizeIsLeftToDecodeAndAnyOtherSizeIsRefusedNamingTheArray() {
    String style = MANIFEST.ballotStyles().get(0).id();
    List<Integer> sizes = MANIFEST.contestsFor(style).stream().map(c -> c.selections().size()).toList();
    assertDoesNotThrow(() -> BallotJson.checkSize(ballot(style, sizes), MANIFEST, "payload.ballot"));

    List<Integer> oneMore = new java.util.ArrayList<>(sizes);
    oneMore.set(0, sizes.get(0) + 1);
    InvalidFieldException e = assertThrows(InvalidFieldException.class,
        () -> BallotJson.checkSize(ballot(style, oneMore), MANIFEST, "payload.ballot"));
    assertEquals("payload.ballot.contests[0].selections", e.field());

    List<Integer> extraContest = new java.util.ArrayList<>(sizes);
    extraContest.add(1);
    assertEquals("payload.ballot.contests", assertThrows(InvalidFieldException.class,
        () -> BallotJson.checkSize(ballot(style, extraContest), MANIFEST, "payload.ballot")).field());
  }

  @Test
  void aBallotOfAnUnknownStyleIsBoundedByTheManifestsLargestStyleAndContest() {
    int maxContests = MANIFEST.ballotStyles().stream().mapToInt(s -> MANIFEST.contestsFor(s.id()).size()).max()
        .orElseThrow();
    int maxSelections = MANIFEST.contests().stream().mapToInt(c -> c.selections().size()).max().orElseThrow();
    List<Integer> largest = java.util.Collections.nCopies(maxContests, maxSelections);
    // Within the bounds it decodes, and is then refused unknown_style (recorded): the cost is bounded.
    assertDoesNotThrow(() -> BallotJson.checkSize(ballot("no-such-style", largest), MANIFEST, "payload.ballot"));
    assertEquals("payload.ballot.contests", assertThrows(InvalidFieldException.class,
        () -> BallotJson.checkSize(ballot("no-such-style", java.util.Collections.nCopies(maxContests + 1, 1)),
            MANIFEST, "payload.ballot")).field());
    assertEquals("payload.ballot.contests[0].selections", assertThrows(InvalidFieldException.class,
        () -> BallotJson.checkSize(ballot("no-such-style", List.of(maxSelections + 1)), MANIFEST,
            "payload.ballot")).field());
  }

  @Test
  void membersOfTheWrongTypeAreLeftForTheDecoderToName() {
    assertDoesNotThrow(() -> BallotJson.checkSize(Json.createObjectBuilder().add("contests", 7).build(), MANIFEST,
        "payload.ballot"));
    assertDoesNotThrow(() -> BallotJson.checkSize(Json.createObjectBuilder().add("contests",
        Json.createArrayBuilder().add(3)).build(), MANIFEST, "payload.ballot"));
  }
}
