package org.evote.crypto.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.BallotJson;
import org.evote.crypto.json.BoardJson;
import org.evote.crypto.json.Fields;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.testing.TestData;
import org.evote.crypto.verify.BallotVerifier;
import org.evote.crypto.verify.VerificationResult;
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
    assertEquals(6, generated.size());
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
