package org.evote.crypto.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.UnaryOperator;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.record.RecordFiles;
import org.evote.crypto.testing.TestElection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordVerifierTest {
  static final SecureRandom RANDOM = new SecureRandom();
  static TestElection election;
  static Path record;
  @TempDir
  static Path temp;

  @BeforeAll
  static void runElection() throws Exception {
    election = TestElection.full(TestElection.manifest("manifest-small.json"), 3, 2, 12, RANDOM);
    record = temp.resolve("record");
    election.write(record);
  }

  static VerificationReport verify(Path dir) throws IOException {
    return RecordFiles.verify(dir, RANDOM, 2, n -> { });
  }

  @Test
  void anHonestRecordPassesEveryStepAgainstItsNotice() throws IOException {
    VerificationReport report = RecordFiles.verify(record, election.writeNotice(temp.resolve("notice.json")),
        RANDOM, 2, n -> { });
    assertTrue(report.isValid(), report.render());
    for (VerificationReport.StepOutcome s : report.steps()) {
      assertEquals(VerificationReport.Status.PASS, s.status(), s.step() + " " + s.note());
    }
    assertEquals(12, report.outcome(Step.V8_BALLOT_STRUCTURE).checked());
    assertTrue(report.anchored());
    assertEquals("checkpoint cosigned by 3 of 3 witnesses, quorum 2", report.outcome(Step.V20_ELECTION_NOTICE)
        .note());
  }

  @Test
  void withoutANoticeTheTrustChecksAreReportedAsNotMade() throws IOException {
    VerificationReport report = verify(record);
    assertTrue(report.isValid(), report.render());
    assertEquals(VerificationReport.Status.NOT_CHECKED, report.outcome(Step.V20_ELECTION_NOTICE).status());
    assertEquals(EnumSet.allOf(VerificationReport.TrustCheck.class), report.trustChecksNotMade());
    assertFalse(report.anchored());
    for (VerificationReport.StepOutcome s : report.steps()) {
      if (s.step() != Step.V20_ELECTION_NOTICE) {
        assertEquals(VerificationReport.Status.PASS, s.status(), s.step() + " " + s.note());
      }
    }
    String text = report.render();
    assertTrue(text.contains("V20  ----"), text);
    for (VerificationReport.TrustCheck t : VerificationReport.TrustCheck.values()) {
      assertTrue(text.contains(t.description()), text);
    }
  }

  @Test
  void aBoardWithoutTallyOrTranscriptLeavesV18NotApplicableSayingWhy() throws IOException {
    Path dir = temp.resolve("no-transcript-no-tally");
    election.write(dir);
    java.nio.file.Files.delete(dir.resolve(RecordFiles.TRANSCRIPT));
    for (String f : List.of(RecordFiles.TALLY, RecordFiles.SHARES, RecordFiles.RESULT)) {
      java.nio.file.Files.delete(dir.resolve(f));
    }
    // The board still has its tally_published entry: it claims a tally, so the transcript is required.
    VerificationReport claimed = verify(dir);
    assertEquals(VerificationReport.Status.FAIL, claimed.outcome(Step.V18_CEREMONY_TRANSCRIPT).status());

    TestElection during = new TestElection(election.manifest, 3, 2, RANDOM);
    during.registerKiosk("kiosk-1");
    during.openPolls();
    during.signHead();
    Path polling = temp.resolve("during-polling");
    during.write(polling);
    assertEquals(VerificationReport.Status.PASS, verify(polling).outcome(Step.V18_CEREMONY_TRANSCRIPT).status());
    java.nio.file.Files.delete(polling.resolve(RecordFiles.TRANSCRIPT));
    VerificationReport.StepOutcome v18 = verify(polling).outcome(Step.V18_CEREMONY_TRANSCRIPT);
    assertEquals(VerificationReport.Status.NOT_APPLICABLE, v18.status());
    assertTrue(v18.note().contains("no ceremony transcript"), v18.note());
  }

  @Test
  void anUnreadableTranscriptFailsV18Only() throws IOException {
    Path dir = temp.resolve("unreadable-transcript");
    election.write(dir);
    java.nio.file.Files.writeString(dir.resolve(RecordFiles.TRANSCRIPT), "{\"shares\": [], \"shares\": []}");
    VerificationReport report = verify(dir);
    assertEquals(Step.V18_CEREMONY_TRANSCRIPT, report.firstFailure().orElseThrow().step(), report.render());
    assertTrue(report.outcome(Step.V18_CEREMONY_TRANSCRIPT).failures().get(0).reason().contains("cannot be read"));
  }

  @Test
  void resultMatchesThePlaintextsCast() {
    for (var contest : election.manifest.contests()) {
      for (var sel : contest.selections()) {
        long expected = election.castPlaintexts.stream().filter(p -> p.vote(contest.id(), sel.id()) == 1).count();
        assertEquals(expected, election.result.count(contest.id(), sel.id()).orElseThrow(),
            contest.id() + "/" + sel.id());
      }
    }
    assertEquals(election.castPlaintexts.size(), election.result.castBallots());
  }

  /** Copies the record with board.json's entries rewritten. */
  Path withEntries(String name, UnaryOperator<List<JsonObject>> edit) throws IOException {
    Path dir = temp.resolve(name);
    election.write(dir);
    JsonObject board = JsonText.readObject(dir.resolve(RecordFiles.BOARD));
    List<JsonObject> entries = new ArrayList<>();
    board.getJsonArray("entries").forEach(v -> entries.add(v.asJsonObject()));
    List<JsonObject> edited = edit.apply(entries);
    JsonArrayBuilder arr = Json.createArrayBuilder();
    edited.forEach(arr::add);
    JsonText.write(dir.resolve(RecordFiles.BOARD), Json.createObjectBuilder(board).add("entries", arr).build());
    return dir;
  }

  static int firstBallotIndex(List<JsonObject> entries) {
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i).getString("kind").equals("ballot_cast")) {
        return i;
      }
    }
    throw new AssertionError("no ballot");
  }

  static JsonObject editBallot(JsonObject entry, UnaryOperator<JsonObject> edit) {
    JsonObject payload = entry.getJsonObject("payload");
    JsonObject ballot = edit.apply(payload.getJsonObject("ballot"));
    return Json.createObjectBuilder(entry).add("payload", Json.createObjectBuilder(payload).add("ballot", ballot))
        .build();
  }

  @Test
  void anEditedCiphertextFailsTheChainAndNamesTheEntry() throws IOException {
    Path dir = withEntries("edited", entries -> {
      int i = firstBallotIndex(entries);
      entries.set(i, editBallot(entries.get(i), b -> {
        JsonArray contests = b.getJsonArray("contests");
        JsonObject c0 = contests.getJsonObject(0);
        JsonObject s0 = c0.getJsonArray("selections").getJsonObject(0);
        JsonObject s1 = c0.getJsonArray("selections").getJsonObject(1);
        JsonObject swapped = Json.createObjectBuilder(s0).add("ciphertext", s1.getJsonObject("ciphertext")).build();
        JsonArray sels = Json.createArrayBuilder(c0.getJsonArray("selections")).set(0, swapped).build();
        return Json.createObjectBuilder(b).add("contests", Json.createArrayBuilder(contests)
            .set(0, Json.createObjectBuilder(c0).add("selections", sels))).build();
      }));
      return entries;
    });
    VerificationReport report = verify(dir);
    assertFalse(report.isValid());
    var v5 = report.outcome(Step.V5_BOARD_CHAIN);
    assertEquals(VerificationReport.Status.FAIL, v5.status());
    assertTrue(v5.failures().get(0).toString().startsWith("entry " + 4), v5.failures().toString());
    assertEquals(VerificationReport.Status.FAIL, report.outcome(Step.V6_SIGNED_HEADS).status());
    assertEquals(VerificationReport.Status.FAIL, report.outcome(Step.V9_SELECTION_PROOFS).status());
  }

  @Test
  void aDeletedEntryFailsTheChain() throws IOException {
    Path dir = withEntries("deleted", entries -> {
      entries.remove(firstBallotIndex(entries) + 1);
      return entries;
    });
    VerificationReport report = verify(dir);
    assertEquals(VerificationReport.Status.FAIL, report.outcome(Step.V5_BOARD_CHAIN).status());
    assertEquals(VerificationReport.Status.FAIL, report.outcome(Step.V6_SIGNED_HEADS).status());
    assertEquals(VerificationReport.Status.FAIL, report.outcome(Step.V14_ENCRYPTED_TALLY).status());
  }

  @Test
  void reorderedEntriesFailTheChainAndTheMerkleRoot() throws IOException {
    Path dir = withEntries("reordered", entries -> {
      int i = firstBallotIndex(entries);
      JsonObject a = entries.get(i);
      entries.set(i, entries.get(i + 1));
      entries.set(i + 1, a);
      return entries;
    });
    VerificationReport report = verify(dir);
    assertEquals(VerificationReport.Status.FAIL, report.outcome(Step.V5_BOARD_CHAIN).status());
    assertEquals(VerificationReport.Status.FAIL, report.outcome(Step.V6_SIGNED_HEADS).status());
  }

  @Test
  void aDuplicatedBallotIsCaught() throws IOException {
    Path dir = withEntries("duplicated", entries -> {
      int i = firstBallotIndex(entries);
      entries.add(i + 1, entries.get(i));
      return entries;
    });
    VerificationReport report = verify(dir);
    assertEquals(VerificationReport.Status.FAIL, report.outcome(Step.V5_BOARD_CHAIN).status());
    assertEquals(VerificationReport.Status.FAIL, report.outcome(Step.V8_BALLOT_STRUCTURE).status());
  }

  @Test
  void anAlteredPartialDecryptionFailsStepV15() throws IOException {
    Path dir = temp.resolve("bad-share");
    election.write(dir);
    JsonObject file = JsonText.readObject(dir.resolve(RecordFiles.SHARES));
    JsonObject share = file.getJsonArray("shares").getJsonObject(0);
    JsonObject contest = share.getJsonArray("contests").getJsonObject(0);
    JsonObject sel0 = contest.getJsonArray("selections").getJsonObject(0);
    JsonObject sel1 = contest.getJsonArray("selections").getJsonObject(1);
    JsonObject bad = Json.createObjectBuilder(sel0).add("partial", sel1.getString("partial")).build();
    JsonObject newShare = Json.createObjectBuilder(share).add("contests", Json.createArrayBuilder(
        share.getJsonArray("contests")).set(0, Json.createObjectBuilder(contest).add("selections",
        Json.createArrayBuilder(contest.getJsonArray("selections")).set(0, bad)))).build();
    JsonText.write(dir.resolve(RecordFiles.SHARES), Json.createObjectBuilder().add("shares",
        Json.createArrayBuilder(file.getJsonArray("shares")).set(0, newShare)).build());
    VerificationReport report = verify(dir);
    var v15 = report.outcome(Step.V15_DECRYPTION_SHARES);
    assertEquals(VerificationReport.Status.FAIL, v15.status());
    assertTrue(v15.failures().get(0).toString().contains("guardian 1"), v15.failures().toString());
    assertEquals(VerificationReport.Status.FAIL, report.outcome(Step.V17_TALLY_PUBLISHED).status());
  }

  @Test
  void aResultThatDoesNotMatchTheSharesFailsStepV16() throws IOException {
    Path dir = temp.resolve("bad-result");
    election.write(dir);
    JsonObject result = JsonText.readObject(dir.resolve(RecordFiles.RESULT));
    JsonObject contests = result.getJsonObject("contests");
    String contestId = contests.keySet().iterator().next();
    JsonObject counts = contests.getJsonObject(contestId);
    String sel = counts.keySet().iterator().next();
    JsonObjectBuilder changed = Json.createObjectBuilder(counts).add(sel, counts.getInt(sel) + 1);
    JsonText.write(dir.resolve(RecordFiles.RESULT), Json.createObjectBuilder(result).add("contests",
        Json.createObjectBuilder(contests).add(contestId, changed)).build());
    VerificationReport report = verify(dir);
    var v16 = report.outcome(Step.V16_RESULT);
    assertEquals(VerificationReport.Status.FAIL, v16.status());
    assertTrue(v16.failures().get(0).toString().contains(contestId + "/" + sel), v16.failures().toString());
  }

  @Test
  void reorderingTheMembersOfResultJsonChangesNothing() throws IOException {
    Path dir = temp.resolve("reordered-result");
    election.write(dir);
    JsonObject result = JsonText.readObject(dir.resolve(RecordFiles.RESULT));
    JsonObject contests = result.getJsonObject("contests");
    List<String> ids = new ArrayList<>(contests.keySet());
    java.util.Collections.reverse(ids);
    JsonObjectBuilder reversed = Json.createObjectBuilder();
    for (String id : ids) {
      List<String> sels = new ArrayList<>(contests.getJsonObject(id).keySet());
      java.util.Collections.reverse(sels);
      JsonObjectBuilder counts = Json.createObjectBuilder();
      sels.forEach(sel -> counts.add(sel, contests.getJsonObject(id).getInt(sel)));
      reversed.add(id, counts);
    }
    JsonText.write(dir.resolve(RecordFiles.RESULT), Json.createObjectBuilder(result).add("contests", reversed)
        .build());
    VerificationReport report = verify(dir);
    assertEquals(VerificationReport.Status.PASS, report.outcome(Step.V16_RESULT).status(), report.render());
  }

  @Test
  void aTallyOfABoardWhosePollsNeverClosedFails() throws IOException {
    Path dir = withEntries("never-closed", entries -> {
      entries.removeIf(e -> e.getString("kind").equals("polls_closed")
          || e.getString("kind").equals("tally_published"));
      return entries;
    });
    VerificationReport report = verify(dir);
    assertEquals(VerificationReport.Status.FAIL, report.outcome(Step.V14_ENCRYPTED_TALLY).status());
    assertTrue(report.outcome(Step.V14_ENCRYPTED_TALLY).failures().get(0).toString().contains("polls_closed"));
  }

  @Test
  void aBallotDatedInTheFutureOrOutOfOrderBreaksItsKioskChain() throws IOException {
    Path dir = withEntries("future", entries -> {
      int i = firstBallotIndex(entries);
      entries.set(i, editBallot(entries.get(i), b -> Json.createObjectBuilder(b)
          .add("timestamp", b.getJsonNumber("timestamp").longValue() + 3600).build()));
      return entries;
    });
    VerificationReport report = verify(dir);
    assertTrue(report.outcome(Step.V12_KIOSK_CHAINS).failures().stream()
        .anyMatch(f -> f.reason().contains("after the board received it")), report.render());
  }

  @Test
  void anElectionFileWithAnUnsupportedContestFailsStepV2NamingTheField() throws IOException {
    Path dir = temp.resolve("borda");
    election.write(dir);
    JsonObject e = JsonText.readObject(dir.resolve(RecordFiles.ELECTION));
    JsonObject m = e.getJsonObject("manifest");
    JsonObject c0 = Json.createObjectBuilder(m.getJsonArray("contests").getJsonObject(0))
        .add("vote_variation", "borda").build();
    JsonObject m2 = Json.createObjectBuilder(m).add("contests", Json.createArrayBuilder(m.getJsonArray("contests"))
        .set(0, c0)).build();
    JsonText.write(dir.resolve(RecordFiles.ELECTION), Json.createObjectBuilder(e).add("manifest", m2).build());
    VerificationReport report = verify(dir);
    var v2 = report.outcome(Step.V2_MANIFEST);
    assertEquals(VerificationReport.Status.FAIL, v2.status(), report.render());
    assertTrue(v2.failures().get(0).toString().contains("manifest.contests[0].vote_variation"), v2.failures().toString());
  }

  @Test
  void anElectionFileWithAWrongHashFailsNamingTheField() throws IOException {
    Path dir = temp.resolve("bad-hash");
    election.write(dir);
    JsonObject e = JsonText.readObject(dir.resolve(RecordFiles.ELECTION));
    String h = e.getString("extended_hash");
    String flipped = (h.charAt(0) == '0' ? "1" : "0") + h.substring(1);
    JsonText.write(dir.resolve(RecordFiles.ELECTION), Json.createObjectBuilder(e).add("extended_hash", flipped)
        .build());
    VerificationReport report = verify(dir);
    var v4 = report.outcome(Step.V4_JOINT_KEY);
    assertEquals(VerificationReport.Status.FAIL, v4.status());
    assertTrue(v4.failures().get(0).toString().contains("extended_hash"));
  }

  @Test
  void aRecordOfAnotherProtocolVersionFailsV1NamingTheVersionAndRunsNothingElse() throws IOException {
    Path dir = temp.resolve("evote-1");
    election.write(dir);
    JsonObject e = JsonText.readObject(dir.resolve(RecordFiles.ELECTION));
    JsonObject p = Json.createObjectBuilder(e.getJsonObject("parameters")).add("protocol", "evote/1").build();
    JsonText.write(dir.resolve(RecordFiles.ELECTION), Json.createObjectBuilder(e).add("parameters", p).build());
    VerificationReport report = verify(dir);
    var v1 = report.outcome(Step.V1_PARAMETERS);
    assertEquals(VerificationReport.Status.FAIL, v1.status(), report.render());
    assertTrue(v1.failures().get(0).toString().contains("parameters.protocol: protocol version 'evote/1' is not "
        + "supported"), v1.failures().toString());
    assertEquals(VerificationReport.Status.NOT_RUN, report.outcome(Step.V8_BALLOT_STRUCTURE).status());
    assertTrue(!report.isValid());
  }

  @Test
  void aManifestEditedAfterTheCeremonyFailsStepV2() throws IOException {
    Path dir = temp.resolve("bad-manifest");
    election.write(dir);
    JsonObject e = JsonText.readObject(dir.resolve(RecordFiles.ELECTION));
    JsonObject m = Json.createObjectBuilder(e.getJsonObject("manifest")).add("election_scope_id", "other").build();
    JsonText.write(dir.resolve(RecordFiles.ELECTION), Json.createObjectBuilder(e).add("manifest", m).build());
    VerificationReport report = verify(dir);
    assertEquals(VerificationReport.Status.FAIL, report.outcome(Step.V2_MANIFEST).status());
  }

  @Test
  void unreadableFilesFailTheirStepWithoutAnException() throws IOException {
    Path dir = temp.resolve("unreadable");
    election.write(dir);
    java.nio.file.Files.writeString(dir.resolve(RecordFiles.TALLY), "{\"cast_ballots\": 1, \"cast_ballots\": 2}");
    VerificationReport report = verify(dir);
    assertEquals(VerificationReport.Status.FAIL, report.outcome(Step.V14_ENCRYPTED_TALLY).status());
    assertEquals(VerificationReport.Status.NOT_RUN, report.outcome(Step.V16_RESULT).status());
    election.write(dir);
    java.nio.file.Files.writeString(dir.resolve(RecordFiles.SHARES), "{\"shares\": [");
    report = verify(dir);
    assertEquals(VerificationReport.Status.FAIL, report.outcome(Step.V15_DECRYPTION_SHARES).status());
    assertTrue(report.outcome(Step.V15_DECRYPTION_SHARES).failures().get(0).toString().contains("malformed JSON"));
    java.nio.file.Files.writeString(dir.resolve(RecordFiles.ELECTION), "not json");
    report = verify(dir);
    assertEquals(VerificationReport.Status.FAIL, report.outcome(Step.V1_PARAMETERS).status());
    java.nio.file.Files.writeString(dir.resolve(RecordFiles.BOARD), "[]");
    election.write(dir);
    java.nio.file.Files.writeString(dir.resolve(RecordFiles.BOARD), "[1, 2]");
    report = verify(dir);
    assertEquals(VerificationReport.Status.FAIL, report.outcome(Step.V5_BOARD_CHAIN).status());
  }

  @Test
  void duplicateMembersInsideTheBoardFileAreRefused() throws IOException {
    Path dir = temp.resolve("dup-board");
    election.write(dir);
    String board = java.nio.file.Files.readString(dir.resolve(RecordFiles.BOARD));
    int at = board.indexOf("\"kiosk_id\"");
    String doubled = board.substring(0, at) + "\"kiosk_id\":\"kiosk-x\"," + board.substring(at);
    java.nio.file.Files.writeString(dir.resolve(RecordFiles.BOARD), doubled);
    VerificationReport report = verify(dir);
    assertEquals(VerificationReport.Status.FAIL, report.outcome(Step.V5_BOARD_CHAIN).status(), report.render());
    assertTrue(report.outcome(Step.V5_BOARD_CHAIN).failures().get(0).toString().contains("duplicate member name"));
  }

  @Test
  void garbageInsteadOfAPointFailsWithoutAnException() throws IOException {
    Path dir = withEntries("garbage", entries -> {
      int i = firstBallotIndex(entries);
      entries.set(i, editBallot(entries.get(i), b -> Json.createObjectBuilder(b).add("confirmation_code", "zz")
          .build()));
      return entries;
    });
    VerificationReport report = verify(dir);
    var v8 = report.outcome(Step.V8_BALLOT_STRUCTURE);
    assertEquals(VerificationReport.Status.FAIL, v8.status());
    assertTrue(v8.failures().get(0).toString().contains("confirmation_code"), v8.failures().toString());
  }

}
