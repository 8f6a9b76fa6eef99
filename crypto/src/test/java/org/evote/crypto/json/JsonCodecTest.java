package org.evote.crypto.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.util.List;
import org.evote.crypto.verify.ElectionChecks;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.ballot.EncryptedBallot;
import org.evote.crypto.board.BoardEntry;
import org.evote.crypto.board.EntryPayload;
import org.evote.crypto.board.SignedHead;
import org.evote.crypto.ceremony.EncryptedShare;
import org.evote.crypto.ceremony.GuardianCeremony;
import org.evote.crypto.ceremony.ShareComplaint;
import org.evote.crypto.ceremony.ShareReveal;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.testing.TestData;
import org.evote.crypto.testing.TestElection;
import org.junit.jupiter.api.BeforeAll;
import org.evote.crypto.testing.HostilePoints;
import org.junit.jupiter.api.Test;

/** Every JSON object round-trips; hostile input is refused naming the field and the reason. */
class JsonCodecTest {
  static final SecureRandom RANDOM = new SecureRandom();
  static TestElection e;

  @BeforeAll
  static void setUp() throws Exception {
    e = TestElection.full(TestElection.manifest("manifest-small.json"), 3, 2, 6, RANDOM);
  }

  static JsonObject reparse(JsonObject o) {
    return JsonText.parseObject(JsonText.pretty(o));
  }

  @Test
  void electionRoundTrips() {
    ElectionConfig back = ElectionChecks.accept(reparse(ElectionJson.encode(e.config)));
    assertEquals(e.config, back);
    assertEquals(e.config.manifest().canonicalJson(), back.manifest().canonicalJson());
  }

  @Test
  void boardEntriesPayloadsAndHeadsRoundTrip() {
    for (BoardEntry entry : e.board.entries()) {
      BoardEntry back = BoardJson.decodeEntry(Fields.of(reparse(BoardJson.encode(entry))));
      assertEquals(entry, back);
      EntryPayload p = BoardJson.decodePayload(back);
      assertEquals(entry.payload(), BoardJson.payloadText(p), entry.kind().toString());
    }
    for (SignedHead h : e.board.heads()) {
      assertEquals(h, BoardJson.decodeHead(Fields.of(reparse(BoardJson.encode(h)))));
    }
  }

  @Test
  void tallySharesAndResultRoundTrip() {
    assertEquals(e.tally, TallyJson.decodeTally(Fields.of(reparse(TallyJson.encode(e.tally)))));
    assertEquals(e.shares.get(0), TallyJson.decodeShare(Fields.of(reparse(TallyJson.encode(e.shares.get(0))))));
    assertEquals(e.result, TallyJson.decodeResult(Fields.of(reparse(TallyJson.encode(e.result)))));
  }

  @Test
  void ceremonyObjectsRoundTrip() {
    var hb = e.config.baseHash();
    GuardianCeremony g1 = GuardianCeremony.start(hb, 1, 2, 2, RANDOM);
    GuardianCeremony g2 = GuardianCeremony.start(hb, 2, 2, 2, RANDOM);
    EncryptedShare s = g1.sharesFor(List.of(g1.record(), g2.record()), RANDOM).get(0);
    assertEquals(s, CeremonyJson.decodeShare(Fields.of(reparse(CeremonyJson.encode(s)))));
    assertEquals(g1.record(), CeremonyJson.decodeGuardian(Fields.of(reparse(CeremonyJson.encode(g1.record())))));
    ShareComplaint c = new ShareComplaint(2, 1, "wrong MAC");
    assertEquals(c, CeremonyJson.decodeComplaint(Fields.of(CeremonyJson.encode(c))));
    ShareReveal r = g1.reveal(2);
    assertEquals(r, CeremonyJson.decodeReveal(Fields.of(CeremonyJson.encode(r))));
  }

  static EncryptedBallot firstBallot() {
    for (BoardEntry entry : e.board.entries()) {
      if (BoardJson.decodePayload(entry) instanceof EntryPayload.BallotCast c) {
        return c.ballot();
      }
    }
    throw new AssertionError();
  }

  static JsonObject setPath(JsonObject root, String[] path, String value) {
    if (path.length == 1) {
      return Json.createObjectBuilder(root).add(path[0], value).build();
    }
    String head = path[0];
    String[] rest = java.util.Arrays.copyOfRange(path, 1, path.length);
    if (head.contains("[")) {
      String name = head.substring(0, head.indexOf('['));
      int idx = Integer.parseInt(head.substring(head.indexOf('[') + 1, head.indexOf(']')));
      var arr = root.getJsonArray(name);
      return Json.createObjectBuilder(root).add(name, Json.createArrayBuilder(arr)
          .set(idx, setPath(arr.getJsonObject(idx), rest, value))).build();
    }
    return Json.createObjectBuilder(root).add(head, setPath(root.getJsonObject(head), rest, value)).build();
  }

  @Test
  void hostileBallotFieldsAreRejectedWithTheirPath() {
    JsonObject ballot = BallotJson.encode(firstBallot());
    String qHex = String.format("%064x", org.evote.crypto.group.P256.Q);
    Object[][] cases = {
        {"contests[0].selections[1].ciphertext.alpha", HostilePoints.xNotBelowP(), "x-coordinate is not less"},
        {"contests[0].selections[1].ciphertext.beta", HostilePoints.prefix(2), "prefix must be 04"},
        {"contests[0].selections[2].ciphertext.beta", HostilePoints.compressedHex(), "87 base64url"},
        {"contests[0].selections[2].ciphertext.alpha", HostilePoints.yNotBelowP(), "y-coordinate is not less"},
        {"contests[0].selections[0].ciphertext.alpha", HostilePoints.offCurve(), "not on the curve"},
        {"contests[0].selections[0].ciphertext.beta", HostilePoints.nonCanonical(), "not canonical"},
        {"contests[0].selections[0].proof.branches[1].b", HostilePoints.badCharacter(), "alphabet"},
        {"contests[0].selections[0].proof.branches[1].v", qHex, "group order"},
        {"contests[0].selections[0].proof.branches[0].a", "AA", "87 base64url"},
        {"contests[1].contest_hash", "abc", "64 hex"},
        {"ballot_id", "has space", "identifier"},
        {"previous_code", "G".repeat(64), "lowercase"},
    };
    for (Object[] c : cases) {
      JsonObject bad = setPath(ballot, ((String) c[0]).split("\\."), (String) c[1]);
      InvalidFieldException ex = assertThrows(InvalidFieldException.class,
          () -> BallotJson.decodeBallot(bad), (String) c[0]);
      assertEquals(c[0], ex.field());
      assertTrue(ex.reason().contains((String) c[2]), ex.reason());
    }
    JsonObject extra = Json.createObjectBuilder(ballot).add("vote", "in the clear").build();
    assertEquals("vote", assertThrows(InvalidFieldException.class, () -> BallotJson.decodeBallot(extra)).field());
    JsonObject missing = Json.createObjectBuilder(ballot).remove("kiosk_id").build();
    assertEquals("missing field", assertThrows(InvalidFieldException.class,
        () -> BallotJson.decodeBallot(missing)).reason());
    JsonObject wrongType = Json.createObjectBuilder(ballot).add("timestamp", "yesterday").build();
    assertEquals("timestamp", assertThrows(InvalidFieldException.class,
        () -> BallotJson.decodeBallot(wrongType)).field());
  }

  @Test
  void canonicalJsonFollowsRfc8785() {
    JsonObject o = JsonText.parseObject("{\"b\": [1, {\"z\": null, \"a\": true}], \"a\": \"\\u00e9\\n\\u0001\\\"\","
        + " \"\\u20ac\": 0, \"A\": -5}");
    assertEquals("{\"A\":-5,\"a\":\"é\\n\\u0001\\\"\",\"b\":[1,{\"a\":true,\"z\":null}],\"€\":0}",
        CanonicalJson.write(o));
    assertThrows(InvalidFieldException.class, () -> CanonicalJson.write(JsonText.parseObject("{\"x\": 1.5}")));
    assertEquals("{\"x\":10}", CanonicalJson.write(JsonText.parseObject("{\"x\": 1E1}")));
    assertThrows(InvalidFieldException.class, () -> CanonicalJson.write(JsonText.parseObject("{\"x\": \"\\ud800\"}")));
    assertThrows(InvalidFieldException.class, () -> CanonicalJson.write(JsonText.parseObject("{\"x\": 9007199254740992}")));
  }

  @Test
  void malformedUtf8IsRefusedNotReplaced() {
    byte[] bad = {'{', '"', 'a', '"', ':', '"', (byte) 0xff, '"', '}'};
    assertThrows(InvalidFieldException.class, () -> JsonText.parseObject(bad));
  }

  @Test
  void duplicateMemberNamesAreRefused() {
    assertThrows(InvalidFieldException.class, () -> JsonText.parseObject("{\"ballot_id\": \"a\", \"ballot_id\": \"b\"}"));
  }

  @Test
  void electionGuardPlaintextBallotsRead() throws Exception {
    var ballots = BallotJson.decodeElectionGuardPlaintexts(JsonText.parseArray(java.nio.file.Files.readString(
        TestData.path("electionguard/plaintext_two_ballots_small.json"))));
    assertEquals(2, ballots.size());
    assertEquals(List.of("samuel-adams-selection", "thomas-jefferson-selection"),
        List.copyOf(ballots.get(0).marked("ozark-school-board-race")));
  }
}
