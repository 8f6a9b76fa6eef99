package org.evote.crypto.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.evote.crypto.verify.ElectionChecks;
import org.evote.crypto.ballot.BallotEncryptor;
import org.evote.crypto.ballot.BallotSeed;
import org.evote.crypto.ballot.EncryptedBallot;
import org.evote.crypto.board.MerkleTree;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.Hex;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.BallotJson;
import org.evote.crypto.json.BoardJson;
import org.evote.crypto.json.Fields;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.testing.TestData;
import org.evote.crypto.verify.BallotVerifier;
import org.evote.crypto.verify.VerificationResult;
import org.evote.crypto.note.Checkpoint;
import org.evote.crypto.note.Cosigner;
import org.evote.crypto.note.Ed25519NoteSigner;
import org.evote.crypto.note.NoteSignature;
import org.evote.crypto.note.SignatureType;
import org.evote.crypto.note.SignedNote;
import org.evote.crypto.note.VerifierKey;
import org.evote.crypto.note.WitnessPolicy;
import org.evote.crypto.notice.ElectionNotice;
import org.evote.crypto.notice.NoticeJson;
import org.evote.crypto.record.RecordFiles;
import org.evote.crypto.verify.Step;
import org.evote.crypto.verify.VerificationReport;
import org.junit.jupiter.api.Test;

/** The checked-in vectors are exactly what the code produces, and they check as an outsider would check them. */
class TestVectorsTest {
  static final Path DIR = TestData.repoRoot().resolve("docs/test-vectors");

  @Test
  void theCheckedInVectorsAreReproducedExactly() throws Exception {
    Map<String, JsonObject> generated = TestVectors.generate();
    assertEquals(9, generated.size());
    for (Map.Entry<String, JsonObject> e : generated.entrySet()) {
      JsonObject onDisk = JsonText.readObject(DIR.resolve(e.getKey()));
      assertEquals(onDisk, e.getValue(), e.getKey() + " differs: regenerate with the command in "
          + "docs/test-vectors/README.md only if the protocol changed on purpose");
    }
  }

  @Test
  void theCeremonyTranscriptPassesV18InARecordWithTheVectorBoard(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    JsonObject ceremony = JsonText.readObject(DIR.resolve("ceremony.json"));
    JsonObject board = JsonText.readObject(DIR.resolve("board.json"));
    JsonText.write(dir.resolve(RecordFiles.ELECTION), ceremony.getJsonObject("election"));
    JsonText.write(dir.resolve(RecordFiles.BOARD), JsonText.object().add("entries", board.getJsonArray("entries"))
        .add("signed_heads", board.getJsonArray("signed_heads")).build());
    JsonText.write(dir.resolve(RecordFiles.TRANSCRIPT), ceremony.getJsonObject("ceremony_transcript"));
    // A closed board is published with its final checkpoint (V19), as tally fetch writes it.
    java.nio.file.Files.writeString(dir.resolve(RecordFiles.CHECKPOINT),
        JsonText.readObject(DIR.resolve("checkpoints.json")).getString("checkpoint"));
    VerificationReport report = RecordFiles.verify(dir, new SecureRandom(), 1, n -> { });
    assertEquals(VerificationReport.Status.PASS, report.outcome(Step.V18_CEREMONY_TRANSCRIPT).status(),
        report.render());
    assertEquals(1 + 6, report.outcome(Step.V18_CEREMONY_TRANSCRIPT).checked());
    assertTrue(report.isValid(), report.render());
  }

  @Test
  void ballotsReEncryptFromTheirSeedsAndVerify() throws Exception {
    ElectionConfig config = ElectionChecks.accept(JsonText.readObject(DIR.resolve("ceremony.json"))
        .getJsonObject("election"));
    JsonObject file = JsonText.readObject(DIR.resolve("ballots.json"));
    for (var v : file.getJsonArray("ballots")) {
      JsonObject b = v.asJsonObject();
      EncryptedBallot expected = BallotJson.decodeBallot(b.getJsonObject("encrypted"));
      EncryptedBallot again = new BallotEncryptor(config).encrypt(
          BallotJson.decodePlaintext(Fields.of(b.getJsonObject("plaintext"))),
          BallotSeed.decode(b.getString("seed"), "seed"), b.getString("kiosk_id"),
          b.getJsonNumber("timestamp").longValue(), Digest.decode(b.getString("previous_code"), "previous_code"));
      assertEquals(expected, again);
      assertEquals(VerificationResult.VALID, new BallotVerifier(config, new SecureRandom()).verify(expected));
      assertEquals(b.getString("tracking_code"), expected.trackingCode());
    }
  }

  @Test
  void rankedBallotsReEncryptVerifyAndTheirNamesDecode() throws Exception {
    JsonObject file = JsonText.readObject(DIR.resolve("ranked.json"));
    ElectionConfig config = ElectionChecks.accept(file.getJsonObject("election"));
    for (var v : file.getJsonArray("ballots")) {
      JsonObject b = v.asJsonObject();
      EncryptedBallot expected = BallotJson.decodeBallot(b.getJsonObject("encrypted"));
      EncryptedBallot again = new BallotEncryptor(config).encrypt(
          BallotJson.decodePlaintext(Fields.of(b.getJsonObject("plaintext"))),
          BallotSeed.decode(b.getString("seed"), "seed"), b.getString("kiosk_id"),
          b.getJsonNumber("timestamp").longValue(), Digest.decode(b.getString("previous_code"), "previous_code"));
      assertEquals(expected, again);
      assertEquals(VerificationResult.VALID, new BallotVerifier(config, new SecureRandom()).verify(expected));
      assertEquals(b.getString("tracking_code"), expected.trackingCode());
    }
    for (var v : file.getJsonArray("name_points")) {
      JsonObject n = v.asJsonObject();
      List<org.evote.crypto.group.Element> points = n.getJsonArray("points").stream()
          .map(p -> org.evote.crypto.group.Element.decode(p.asJsonObject().getString("element"), "element"))
          .toList();
      assertEquals(new org.evote.crypto.ballot.DecodedRow.Name(n.getString("name")),
          org.evote.crypto.ballot.NamePoints.decode(points));
    }
  }

  /** The checkpoint, the cosignatures and the notice check as an outsider would check them (V19, V20). */
  @Test
  void theCosignedCheckpointAndTheNoticeCheck() throws Exception {
    JsonObject board = JsonText.readObject(DIR.resolve("board.json"));
    JsonObject v = JsonText.readObject(DIR.resolve("checkpoints.json"));
    List<Digest> leaves = new ArrayList<>();
    for (var e : board.getJsonArray("entries")) {
      leaves.add(BoardJson.decodeEntry(Fields.of(e.asJsonObject())).entryHash());
    }
    Checkpoint cp = Checkpoint.parse(v.getString("checkpoint_text"));
    assertEquals(leaves.size(), cp.size());
    assertEquals(MerkleTree.of(leaves).root(), cp.rootHash());
    VerifierKey logKey = VerifierKey.parse(v.getString("checkpoint_key"), "checkpoint_key");
    assertEquals(logKey, Ed25519NoteSigner.fromSeedHex(logKey.name(), v.getString("checkpoint_private_key_seed"),
        "seed").verifierKey());
    assertEquals(cp.origin(), logKey.name());
    SignedNote note = SignedNote.parse(v.getString("cosigned_checkpoint"));
    assertEquals(v.getString("checkpoint_text"), note.text());
    var cos = v.getJsonArray("cosignatures");
    // Ed25519 (0x04): the message is given in full; the signature is recomputed from the seed.
    JsonObject ed = cos.getJsonObject(0);
    VerifierKey edKey = VerifierKey.parse(ed.getString("vkey"), "vkey");
    assertEquals(ed.getString("line"), Cosigner.fromSeedHex(edKey.name(), SignatureType.COSIGNATURE_ED25519,
        ed.getString("private_key_seed"), "seed", new SecureRandom()).cosign(cp, ed.getJsonNumber("timestamp")
            .longValue()).line());
    assertEquals("cosignature/v1\ntime " + ed.getJsonNumber("timestamp").longValue() + "\n" + cp.text(),
        ed.getString("signed_message"));
    // ML-DSA-44 (0x06): verify only, over the message written out in the vector.
    JsonObject ml = cos.getJsonObject(1);
    VerifierKey mlKey = VerifierKey.parse(ml.getString("vkey"), "vkey");
    byte[] message = java.util.HexFormat.of().parseHex(ml.getString("signed_message_hex"));
    assertArrayEquals(TestVectors.mlDsaMessage(mlKey.name(), ml.getJsonNumber("timestamp").longValue(), cp),
        message);
    NoteSignature mlLine = SignedNote.parseSignatureLines(ml.getString("line"), "line").get(0);
    byte[] sig = java.util.Arrays.copyOfRange(mlLine.signature(), 8, mlLine.signature().length);
    org.bouncycastle.crypto.signers.MLDSASigner bc = new org.bouncycastle.crypto.signers.MLDSASigner();
    bc.init(false, new org.bouncycastle.crypto.params.MLDSAPublicKeyParameters(
        org.bouncycastle.crypto.params.MLDSAParameters.ml_dsa_44, mlKey.publicKey()));
    bc.update(message, 0, message.length);
    assertTrue(bc.verifySignature(sig));
    assertEquals(mlKey, Cosigner.fromSeedHex(mlKey.name(), SignatureType.COSIGNATURE_ML_DSA_44,
        ml.getString("key_generation_seed"), "seed", new SecureRandom()).verifierKey());
    // The notice: the board's keys, the kiosk, both witnesses, quorum 2 — satisfied by the cosigned checkpoint.
    ElectionNotice notice = NoticeJson.decode(v.getJsonObject("notice"));
    assertEquals(board.getString("board_public_key"), notice.boardKey().hex());
    assertEquals(logKey, notice.checkpointKey());
    assertEquals(List.of(edKey, mlKey), notice.witnesses().stream().map(ElectionNotice.Witness::key).toList());
    assertEquals(v.getString("notice_hash"), NoticeJson.hash(notice).toHex());
    assertTrue(notice.witnessPolicy().check(note) instanceof WitnessPolicy.Result.Satisfied);
    // ... and the vectors' record passes V19 and V20 against it.
    Path dir = java.nio.file.Files.createTempDirectory("vectors-record");
    JsonObject ceremony = JsonText.readObject(DIR.resolve("ceremony.json"));
    JsonText.write(dir.resolve(RecordFiles.ELECTION), ceremony.getJsonObject("election"));
    JsonText.write(dir.resolve(RecordFiles.BOARD), jakarta.json.Json.createObjectBuilder()
        .add("entries", board.getJsonArray("entries")).add("signed_heads", board.getJsonArray("signed_heads"))
        .build());
    java.nio.file.Files.writeString(dir.resolve(RecordFiles.CHECKPOINT), v.getString("cosigned_checkpoint"));
    Path noticeFile = dir.resolve("notice.json");
    JsonText.write(noticeFile, v.getJsonObject("notice"));
    VerificationReport report = RecordFiles.verify(dir, noticeFile, new SecureRandom(), 2, n -> { });
    for (Step s : List.of(Step.V19_BOARD_CHECKPOINT, Step.V20_ELECTION_NOTICE, Step.V6_SIGNED_HEADS,
        Step.V7_BOARD_SEQUENCE)) {
      assertEquals(VerificationReport.Status.PASS, report.outcome(s).status(), report.render());
    }
  }

  /** Every valid text decodes to its coordinates and every rejected one is rejected, as an outsider checks them. */
  @Test
  void elementTextsDecodeAsTheVectorsSay() throws Exception {
    JsonObject file = JsonText.readObject(DIR.resolve("elements.json"));
    for (var v : file.getJsonArray("valid")) {
      JsonObject p = v.asJsonObject();
      byte[] u = java.util.HexFormat.of().parseHex(p.getString("uncompressed"));
      assertEquals("04" + p.getString("x") + p.getString("y"), p.getString("uncompressed"));
      assertEquals(java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(u), p.getString("text"));
      Element e = Element.decode(p.getString("text"), "text");
      assertArrayEquals(u, e.toUncompressedBytes());
      assertEquals(p.getString("hash_item_content"), Hex.encode(e.toBytes()));
    }
    JsonObject identity = file.getJsonObject("identity");
    assertEquals(Element.IDENTITY, Element.decodeAllowingIdentity(identity.getString("text"), "text"));
    int rule = 0;
    for (var v : file.getJsonArray("rejected")) {
      JsonObject r = v.asJsonObject();
      assertTrue(r.getInt("rule") >= rule, "the vectors list the rules in order");
      rule = r.getInt("rule");
      InvalidFieldException e = assertThrows(InvalidFieldException.class,
          () -> Element.decode(r.getString("text"), "text"), r.getString("what"));
      assertEquals(r.getString("reason"), e.reason());
    }
  }

  @Test
  void boardProofsVerify() throws Exception {
    JsonObject board = JsonText.readObject(DIR.resolve("board.json"));
    List<Digest> leaves = new ArrayList<>();
    for (var e : board.getJsonArray("entries")) {
      leaves.add(BoardJson.decodeEntry(Fields.of(e.asJsonObject())).entryHash());
    }
    Digest root = Digest.decode(board.getString("merkle_root"), "merkle_root");
    assertEquals(root, MerkleTree.of(leaves).root());
    JsonObject inc = board.getJsonObject("inclusion_proof");
    assertTrue(MerkleTree.verifyInclusion(inc.getInt("index"), inc.getInt("size"), leaves.get(inc.getInt("index")),
        BoardJson.decodePath(Fields.of(inc)), root));
    JsonObject con = board.getJsonObject("consistency_proof");
    assertTrue(MerkleTree.verifyConsistency(con.getInt("first"), con.getInt("second"),
        MerkleTree.of(leaves.subList(0, con.getInt("first"))).root(), root, BoardJson.decodePath(Fields.of(con))));
  }
}
