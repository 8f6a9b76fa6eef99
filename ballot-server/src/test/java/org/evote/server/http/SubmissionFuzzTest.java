package org.evote.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.BallotJson;
import org.evote.crypto.json.BoardJson;
import org.evote.crypto.json.CanonicalJson;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.json.SignedSubmission;
import org.evote.crypto.record.RecordFiles;
import org.evote.server.testing.JsonMutator;
import org.evote.server.testing.TestBoard;
import org.evote.server.testing.TestKiosk;

/**
 * Fuzzing the ballot decoder and POST /api/ballots: property-based (jqwik) hostile variations of real
 * signed submissions. The decoder only ever fails with its typed, field-naming error; the board answers every
 * hostile request with a 4xx JSON error (never a 5xx or a stack trace) and stores nothing — and should a mutation
 * happen to be a valid ballot, what is stored still verifies. Half the mutated bodies are signed with the
 * registered kiosk's key over their exact bytes (as mutated, or brought into canonical form first), so they get past
 * the signature check into the parser, the canonical-form check, decoding and the proofs; the rest are forgeries
 * (the honest signature over a mutated body) or name another election, refused before any parsing.
 */
class SubmissionFuzzTest {
  // jqwik makes a new instance of this class for each property: each property has a board of its own.
  Path dir;
  TestBoard board;
  TestKiosk kiosk;
  final List<TestKiosk.Submission> seeds = new ArrayList<>();

  @BeforeProperty
  void start() throws Exception {
    dir = Files.createTempDirectory("evote-fuzz");
    board = new TestBoard(dir, "manifest-small.json");
    kiosk = board.registerKiosk("fuzz-kiosk");
    assertEquals(200, board.adminPost("/api/admin/polls/open", "").statusCode());
    for (int i = 0; i < 6; i++) {
      // Not posted: each is a valid submission the board has not seen, continuing the kiosk's chain from the start.
      TestKiosk k = new TestKiosk("fuzz-kiosk", board.config, board.random);
      seeds.add(kiosk.next(board.randomBallot("seed-" + i), i % 3 == 2));
      kiosk.setChain(k.chain());
    }
  }

  @AfterProperty
  void stop() throws Exception {
    board.close();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Property(tries = 1500)
  void theDecoderFailsOnlyWithItsTypedErrorNamingAField(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 3) int mutations) {
    TestKiosk.Submission s = seeds.get(Math.floorMod(seed, seeds.size()));
    JsonObject payload = Json.createObjectBuilder(JsonText.parseObject(s.body())).add("signature",
        s.signed().signature().hex()).build();
    String text = new JsonMutator(new Random(seed)).mutate(payload, mutations);
    try {
      JsonObject json = JsonText.parseObject(text);
      BoardJson.decodePayload(s.challenged() ? EntryKind.BALLOT_CHALLENGED : EntryKind.BALLOT_CAST, json);
      if (json.get("ballot") instanceof JsonObject b) {
        BallotJson.decodeBallot(b);
      }
    } catch (InvalidFieldException e) {
      assertNotNull(e.field());
      assertFalse(e.getMessage().isBlank());
    }
  }

  @Property(tries = 250)
  void hostileSubmissionsGetA4xxAndNothingIsStored(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 3) int mutations, @ForAll boolean resign) throws Exception {
    TestKiosk.Submission s = seeds.get(Math.floorMod(seed, seeds.size()));
    EntryKind kind = s.kind();
    String body = new JsonMutator(new Random(seed)).mutate(JsonText.parseObject(s.body()), mutations);
    SignedSubmission sent;
    if (resign) {
      // Signed by the registered kiosk, so the board authenticates it and goes on to parse and check it: as
      // mutated (the parser, the canonical-form check), or brought into canonical form first (the decoder, the
      // rules, the proofs).
      sent = kiosk.sign(kind, Math.floorMod(seed >> 8, 2) == 0 ? body : canonical(body));
    } else if (Math.floorMod(seed >> 8, 7) == 0) {
      // The honest body under another election's hash: refused before its signature is looked at.
      sent = new SignedSubmission(Digest.decode("00".repeat(32), "h"), kind, kiosk.id, s.body(),
          s.signed().signature());
    } else {
      sent = TestKiosk.withBody(s.signed(), body); // a forgery: the honest signature over another body
    }
    long before = entries();
    HttpResponse<String> r = board.submit(sent);
    assertTrue(r.statusCode() < 500, r.statusCode() + " " + r.body());
    assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), r.body());
    JsonObject answer = JsonText.parseObject(r.body());
    if (r.statusCode() == 200) {
      // A mutation that is still a valid, correctly signed ballot (say, another request id): stored once — or,
      // when jqwik replays the same sample while shrinking, answered with its original receipt — and the board
      // still verifies.
      long sequence = answer.getJsonNumber("sequence").longValue();
      assertTrue(sequence == before ? entries() == before + 1 : sequence < before && entries() == before,
          "stored once: " + r.body());
      Path export = dir.resolve("board.json");
      Files.write(export, board.get("/api/board/export").body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      assertTrue(RecordFiles.verify(dir.resolve("election.json"), export, null, board.random, 1, n -> { })
          .isValid());
      return;
    }
    assertTrue(r.statusCode() >= 400, r.statusCode() + " " + r.body());
    JsonObject error = answer.getJsonObject("error");
    net.jqwik.api.statistics.Statistics.collect(error.getString("code"));
    assertFalse(error.getString("code").isBlank());
    assertFalse(error.getString("message").isBlank());
    if (answer.containsKey("receipt")) {
      // A signed, decodable, chained ballot the board refused for a rule or check: recorded once as a
      // ballot_refused link (or, replayed while shrinking, answered with its original receipt), and the board,
      // refusal included, still verifies (REFUSAL_JUSTIFIED).
      JsonObject receipt = answer.getJsonObject("receipt");
      assertEquals("ballot_refused", receipt.getString("kind"), r.body());
      long sequence = receipt.getJsonNumber("sequence").longValue();
      assertTrue(sequence == before ? entries() == before + 1 : sequence < before && entries() == before,
          "recorded once: " + r.body());
      Path export = dir.resolve("board.json");
      Files.write(export, board.get("/api/board/export").body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      assertTrue(RecordFiles.verify(dir.resolve("election.json"), export, null, board.random, 1, n -> { })
          .isValid(), "a recorded refusal is justified");
      return;
    }
    assertEquals(before, entries(), "a refusal without a record leaves no entry");
  }

  /** The body in canonical form when it is JSON that has one; else as it is. */
  static String canonical(String body) {
    try {
      return CanonicalJson.write(JsonText.parseObject(body));
    } catch (RuntimeException e) {
      return body; // not JSON, or not canonicalizable: sent as mutated
    }
  }

  long entries() throws Exception {
    return JsonText.parseObject(board.get("/api/status").body()).getJsonNumber("entries").longValue();
  }
}
