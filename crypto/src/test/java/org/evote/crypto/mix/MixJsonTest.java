package org.evote.crypto.mix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.function.Supplier;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.json.Fields;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.json.MixJson;
import org.evote.crypto.proof.ProofCheck;
import org.evote.crypto.testing.DeterministicRandom;
import org.evote.crypto.testing.HostilePoints;
import org.junit.jupiter.api.Test;

/** JSON of rows and proofs of shuffle: round trips, and hostile input refused naming the field. */
class MixJsonTest {
  private static final int N = 4;
  private static final int W = 2;

  private final ShuffleFixture f = new ShuffleFixture(new DeterministicRandom("mix-json-test"));
  private final List<MixRow> input = f.rows(N, W);
  private final Shuffler.Shuffled shuffled = new Shuffler(f.key).shuffle(input, f.random);
  private final ShuffleStatement statement = f.statement(input, shuffled.output());
  private final ShuffleProof proof = ShuffleProver.prove(statement, shuffled.witness(), f.random);
  private final JsonObject proofJson = MixJson.encode(proof);

  private static JsonObject reparse(JsonObject o) {
    return JsonText.parseObject(o.toString());
  }

  @Test
  void rowsAndProofsRoundTripAndStillVerify() {
    JsonArray rows = MixJson.encodeRows(shuffled.output());
    List<MixRow> back = MixJson.decodeRows(JsonText.parseArray(rows.toString()), "output", N, W);
    assertEquals(shuffled.output(), back);
    assertEquals(shuffled.output(), MixJson.decodeRows(rows, "output", -1, -1));
    ShuffleProof decoded = MixJson.decodeProof(Fields.of(reparse(proofJson)), N, W);
    assertEquals(proof, decoded);
    assertEquals(ProofCheck.VALID, ShuffleVerifier.verify(f.statement(input, back), decoded));
  }

  private static void refused(String field, Supplier<?> decode) {
    InvalidFieldException e = assertThrows(InvalidFieldException.class, decode::get);
    assertEquals(field, e.field(), e.getMessage());
  }

  private JsonObject withProof(String name, JsonValue value) {
    return Json.createObjectBuilder(proofJson).add(name, value).build();
  }

  private JsonObject withProofElement(String name, int i, String text) {
    return withProof(name, Json.createArrayBuilder(proofJson.getJsonArray(name)).set(i, text).build());
  }

  @Test
  void hostileProofsAreRefusedNamingTheField() {
    refused("proof.chain[2]", () -> MixJson.decodeProof(
        Fields.of(withProofElement("chain", 2, HostilePoints.offCurve()), "proof"), N, W));
    refused("proof.t_hat[0]", () -> MixJson.decodeProof(
        Fields.of(withProofElement("t_hat", 0, Json.createValue("AA").getString()), "proof"), N, W));
    refused("proof.permutation_commitments[1]", () -> MixJson.decodeProof(
        Fields.of(withProofElement("permutation_commitments", 1, HostilePoints.xNotBelowP()), "proof"), N, W));
    refused("proof.t1", () -> MixJson.decodeProof(
        Fields.of(withProof("t1", Json.createValue(HostilePoints.tooShort())), "proof"), N, W));
    refused("proof.s_prime[3]", () -> MixJson.decodeProof(
        Fields.of(withProofElement("s_prime", 3, "ff".repeat(32)), "proof"), N, W));
    refused("proof.s2", () -> MixJson.decodeProof(
        Fields.of(withProof("s2", Json.createValue("00")), "proof"), N, W));
    refused("proof.unexpected", () -> MixJson.decodeProof(
        Fields.of(withProof("unexpected", Json.createValue(1)), "proof"), N, W));
    refused("proof.s3", () -> MixJson.decodeProof(
        Fields.of(Json.createObjectBuilder(proofJson).remove("s3").build(), "proof"), N, W));
  }

  @Test
  void aProofOfAnotherSizeIsRefusedBeforeAnyPointIsDecoded() {
    // N mismatch: the proof is for 4 rows, the statement has 5.
    refused("proof.permutation_commitments", () -> MixJson.decodeProof(Fields.of(proofJson, "proof"), N + 1, W));
    refused("proof.t4_alpha", () -> MixJson.decodeProof(Fields.of(proofJson, "proof"), N, W + 1));
    JsonArray shortChain = Json.createArrayBuilder(proofJson.getJsonArray("chain")).remove(0).build();
    refused("proof.chain", () -> MixJson.decodeProof(Fields.of(withProof("chain", shortChain), "proof"), N, W));
  }

  @Test
  void hostileRowsAreRefusedNamingTheField() {
    JsonArray rows = MixJson.encodeRows(shuffled.output());
    refused("input", () -> MixJson.decodeRows(rows, "input", N + 1, W));
    refused("input[0]", () -> MixJson.decodeRows(rows, "input", N, W + 1));
    JsonArray ragged = Json.createArrayBuilder(rows).set(2, Json.createArrayBuilder(rows.getJsonArray(2)).remove(1))
        .build();
    refused("input[2]", () -> MixJson.decodeRows(ragged, "input", -1, -1));
    JsonObject bad = Json.createObjectBuilder(rows.getJsonArray(1).getJsonObject(1))
        .add("beta", HostilePoints.offCurve()).build();
    JsonArray offCurve = Json.createArrayBuilder(rows)
        .set(1, Json.createArrayBuilder(rows.getJsonArray(1)).set(1, bad)).build();
    refused("input[1][1].beta", () -> MixJson.decodeRows(offCurve, "input", N, W));
    JsonObject identity = Json.createObjectBuilder(rows.getJsonArray(0).getJsonObject(0)).add("alpha", "AA").build();
    JsonArray withIdentity = Json.createArrayBuilder(rows)
        .set(0, Json.createArrayBuilder(rows.getJsonArray(0)).set(0, identity)).build();
    refused("input[0][0].alpha", () -> MixJson.decodeRows(withIdentity, "input", N, W));
    refused("input", () -> MixJson.decodeRows(Json.createArrayBuilder().build(), "input", -1, -1));
    refused("input", () -> MixJson.decodeRows(Json.createValue("rows"), "input", -1, -1));
    refused("input[3]", () -> MixJson.decodeRows(Json.createArrayBuilder(rows).set(3, JsonValue.NULL).build(),
        "input", N, W));
  }

  @Test
  void theListHashDependsOnElectionContestAndEveryCiphertext() {
    var h = MixLists.hash(f.extendedHash, "mayor", input);
    assertEquals(h, MixLists.hash(f.extendedHash, "mayor", List.copyOf(input)));
    assertTrue(!h.equals(MixLists.hash(f.extendedHash, "council", input)));
    assertTrue(!h.equals(MixLists.hash(f.extendedHash, "mayor", shuffled.output())));
    assertTrue(!h.equals(MixLists.hash(f.extendedHash, "mayor", input.subList(0, N - 1))));
  }
}
