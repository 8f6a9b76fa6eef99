package org.evote.crypto.ballot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.elgamal.Ciphertext;
import org.evote.crypto.elgamal.ElGamal;
import org.evote.crypto.group.Scalar;
import org.evote.crypto.group.SecretScalar;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.BallotJson;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.proof.WriteInProof;
import org.evote.crypto.testing.TestElection;
import org.evote.crypto.verify.BallotVerifier;
import org.evote.crypto.verify.Step;
import org.evote.crypto.verify.VerificationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each change to a ranked contest or a write-in line fails at its own step (V8, V9, V11) or in checkSize. */
class RankedTamperTest {
  static final SecureRandom RANDOM = new SecureRandom();
  static ElectionConfig config;
  static Manifest manifest;
  static EncryptedBallot ballot;

  @BeforeAll
  static void setUp() throws IOException {
    manifest = RankedBallotTest.riverton();
    config = new TestElection(manifest, 3, 2, RANDOM).config;
    ballot = new BallotEncryptor(config).encrypt(RankedBallotTest.ward2("t-1"), BallotSeed.random(RANDOM),
        "kiosk-1", 1_700_000_000L, ConfirmationCodes.chainStart(config.extendedHash(), "kiosk-1"));
  }

  private static VerificationResult verify(EncryptedBallot b) {
    VerificationResult one = new BallotVerifier(config, RANDOM).verify(b);
    assertEquals(List.of(one), new BallotVerifier(config, RANDOM).verifyAll(List.of(b)));
    return one;
  }

  private static void failsAt(Step step, String object, EncryptedBallot b) {
    VerificationResult r = verify(b);
    VerificationResult.Invalid inv = assertInstanceOf(VerificationResult.Invalid.class, r);
    assertEquals(step, inv.step(), r.toString());
    assertTrue(inv.object().contains(object) || inv.reason().contains(object), r.toString());
  }

  /** The ballot with contest {@code index} edited and, so that only the edit is wrong, χ and H_C recomputed. */
  private static EncryptedBallot edit(int index, UnaryOperator<EncryptedContest> change) {
    List<EncryptedContest> contests = new ArrayList<>(ballot.contests());
    EncryptedContest c = change.apply(contests.get(index));
    contests.set(index, c.withContestHash(ConfirmationCodes.contestHash(config.extendedHash(), ballot.ballotId(), c)));
    return rehash(contests);
  }

  private static EncryptedBallot rehash(List<EncryptedContest> contests) {
    Digest code = ConfirmationCodes.confirmationCode(config.extendedHash(), ballot.kioskId(), ballot.previousCode(),
        ballot.timestamp(), ballot.ballotId(), ballot.styleId(),
        contests.stream().map(EncryptedContest::contestHash).toList());
    return new EncryptedBallot(ballot.ballotId(), ballot.styleId(), ballot.kioskId(), ballot.timestamp(),
        ballot.previousCode(), contests, code);
  }

  private static EncryptedContest withRanks(EncryptedContest c, List<EncryptedRank> ranks) {
    return new EncryptedContest(c.contestId(), c.selections(), c.proof(), ranks, c.writeIns(), c.contestHash());
  }

  private static EncryptedContest withWriteIns(EncryptedContest c, List<EncryptedWriteIn> lines) {
    return new EncryptedContest(c.contestId(), c.selections(), c.proof(), c.ranks(), lines, c.contestHash());
  }

  @Test
  void theUntouchedBallotVerifies() {
    assertEquals(VerificationResult.VALID, verify(ballot));
  }

  @Test
  void aRankOutsideZeroToNFailsItsRangeProof() {
    EncryptedBallot b = edit(0, c -> {
      List<EncryptedRank> ranks = new ArrayList<>(c.ranks());
      Ciphertext seven = ElGamal.encrypt(7, SecretScalar.random(RANDOM), config.jointKey());
      ranks.set(0, new EncryptedRank(seven, ranks.get(0).proof()));
      return withRanks(c, ranks);
    });
    failsAt(Step.V9_SELECTION_PROOFS, "rank mayor/1", b);
  }

  @Test
  void swappedRanksFailTheirProofs() {
    EncryptedBallot b = edit(0, c -> {
      List<EncryptedRank> ranks = new ArrayList<>(c.ranks());
      ranks.set(0, c.ranks().get(1));
      ranks.set(1, c.ranks().get(0));
      return withRanks(c, ranks);
    });
    failsAt(Step.V9_SELECTION_PROOFS, "rank mayor/1", b);
  }

  @Test
  void aMissingOrExtraRankFailsTheStructure() {
    failsAt(Step.V8_BALLOT_STRUCTURE, "4 ranks", edit(0, c -> withRanks(c, c.ranks().subList(0, 4))));
    List<EncryptedRank> more = new ArrayList<>(ballot.contests().get(0).ranks());
    more.add(more.get(0));
    failsAt(Step.V8_BALLOT_STRUCTURE, "6 ranks", edit(0, c -> withRanks(c, more)));
  }

  @Test
  void aMissingWriteInLineFailsTheStructure() {
    failsAt(Step.V8_BALLOT_STRUCTURE, "0 encrypted write-in names", edit(1, c -> withWriteIns(c, List.of())));
  }

  @Test
  void aWrongWriteInProofFails() {
    EncryptedBallot b = edit(0, c -> {
      EncryptedWriteIn w = c.writeIns().get(0);
      List<WriteInProof> proofs = new ArrayList<>(w.proofs());
      WriteInProof p = proofs.get(1);
      proofs.set(1, new WriteInProof(p.commitment(), p.response().add(Scalar.ONE)));
      return withWriteIns(c, List.of(new EncryptedWriteIn(w.selectionId(), w.ciphertexts(), proofs)));
    });
    failsAt(Step.V9_SELECTION_PROOFS, "write-in mayor/sel-write-in-mayor/2", b);
  }

  @Test
  void aNameCiphertextCopiedFromAnotherLineFailsItsProof() {
    EncryptedWriteIn council = ballot.contests().get(1).writeIns().get(0);
    EncryptedBallot b = edit(0, c -> {
      EncryptedWriteIn w = c.writeIns().get(0);
      List<Ciphertext> cts = new ArrayList<>(w.ciphertexts());
      List<WriteInProof> proofs = new ArrayList<>(w.proofs());
      cts.set(0, council.ciphertexts().get(0));
      proofs.set(0, council.proofs().get(0));
      return withWriteIns(c, List.of(new EncryptedWriteIn(w.selectionId(), cts, proofs)));
    });
    failsAt(Step.V9_SELECTION_PROOFS, "write-in mayor/sel-write-in-mayor/1", b);
  }

  @Test
  void aChangedNameCiphertextOrRankFailsTheContestHash() {
    List<EncryptedContest> contests = new ArrayList<>(ballot.contests());
    EncryptedContest mayor = contests.get(0);
    // χ left as it was, while the name's ciphertexts come from another ballot with valid proofs: V11 (after V9)
    EncryptedBallot second = new BallotEncryptor(config).encrypt(RankedBallotTest.ward2("t-1"),
        BallotSeed.random(RANDOM), "kiosk-1", 1_700_000_000L,
        ConfirmationCodes.chainStart(config.extendedHash(), "kiosk-1"));
    contests.set(0, withWriteIns(mayor, second.contests().get(0).writeIns()));
    failsAt(Step.V11_CONFIRMATION_CODES, "contest mayor", rehash(contests));
    contests.set(0, withRanks(mayor, second.contests().get(0).ranks()));
    failsAt(Step.V11_CONFIRMATION_CODES, "contest mayor", rehash(contests));
  }

  @Test
  void checkSizeBoundsRanksNamesAndBranchesBeforeDecoding() {
    JsonObject json = BallotJson.encode(ballot);
    BallotJson.checkSize(json, manifest, "ballot");
    InvalidFieldException extra = assertThrows(InvalidFieldException.class, () -> BallotJson.checkSize(
        editArray(json, 0, "ranks", a -> Json.createArrayBuilder(a).add(a.get(0)).build()), manifest, "ballot"));
    assertEquals("ballot.contests[0].ranks", extra.field());
    InvalidFieldException names = assertThrows(InvalidFieldException.class, () -> BallotJson.checkSize(
        editArray(json, 1, "write_ins", a -> {
          JsonObject line = a.getJsonObject(0);
          JsonArray cts = Json.createArrayBuilder(line.getJsonArray("ciphertexts")).add(
              line.getJsonArray("ciphertexts").get(0)).build();
          return Json.createArrayBuilder().add(Json.createObjectBuilder(line).add("ciphertexts", cts)).build();
        }), manifest, "ballot"));
    assertEquals("ballot.contests[1].write_ins[0].ciphertexts", names.field());
    InvalidFieldException lines = assertThrows(InvalidFieldException.class, () -> BallotJson.checkSize(
        editArray(json, 3, "write_ins", a -> Json.createArrayBuilder().add(Json.createObjectBuilder()).build()),
        manifest, "ballot"));
    assertEquals("ballot.contests[3].write_ins", lines.field());
    InvalidFieldException selections = assertThrows(InvalidFieldException.class, () -> BallotJson.checkSize(
        editArray(json, 0, "selections", a -> Json.createArrayBuilder().build()), manifest, "ballot"));
    assertEquals("ballot.contests[0].selections", selections.field());
    InvalidFieldException branches = assertThrows(InvalidFieldException.class, () -> BallotJson.checkSize(
        editArray(json, 0, "ranks", a -> {
          JsonObject rank = a.getJsonObject(0);
          JsonArray br = rank.getJsonObject("proof").getJsonArray("branches");
          JsonArray more = Json.createArrayBuilder(br).add(br.get(0)).build();
          return Json.createArrayBuilder(a).set(0, Json.createObjectBuilder(rank).add("proof",
              Json.createObjectBuilder().add("branches", more))).build();
        }), manifest, "ballot"));
    assertEquals("ballot.contests[0].ranks[0].proof.branches", branches.field());
  }

  @Test
  void decodingRefusesARankedContestWithSelectionsAndMalformedWriteIns() {
    JsonObject json = BallotJson.encode(ballot);
    JsonObject mixed = editArray(json, 0, "selections", a -> Json.createArrayBuilder().build());
    assertThrows(InvalidFieldException.class, () -> BallotJson.decodeBallot(mixed));
    JsonObject shortLine = editArray(json, 1, "write_ins", a -> {
      JsonObject line = a.getJsonObject(0);
      return Json.createArrayBuilder().add(Json.createObjectBuilder(line).add("proofs",
          Json.createArrayBuilder().add(line.getJsonArray("proofs").get(0)))).build();
    });
    InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> BallotJson.decodeBallot(shortLine));
    assertEquals("contests[1].write_ins[0].proofs", e.field());
  }

  /** The ballot JSON with member {@code name} of contest {@code index} replaced by {@code f} of it (or of []). */
  private static JsonObject editArray(JsonObject ballotJson, int index, String name, UnaryOperator<JsonArray> f) {
    JsonArray contests = ballotJson.getJsonArray("contests");
    JsonObject c = contests.getJsonObject(index);
    JsonArray old = c.containsKey(name) ? c.getJsonArray(name) : Json.createArrayBuilder().build();
    JsonObject edited = Json.createObjectBuilder(c).add(name, f.apply(old)).build();
    return Json.createObjectBuilder(ballotJson).add("contests", Json.createArrayBuilder(contests).set(index, edited))
        .build();
  }
}
