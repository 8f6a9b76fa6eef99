package org.evote.crypto.mix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.evote.crypto.elgamal.Ciphertext;
import org.evote.crypto.elgamal.ElectionPublicKey;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.Scalar;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.Fields;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.json.MixJson;
import org.evote.crypto.proof.ProofCheck;
import org.evote.crypto.testing.DeterministicRandom;
import org.evote.crypto.testing.TestData;
import org.junit.jupiter.api.Test;

/** docs/test-vectors/shuffle.json is what the code produces, and it checks as an outsider would check it. */
class ShuffleVectorsTest {
  static final Path FILE = TestData.repoRoot().resolve("docs/test-vectors").resolve(ShuffleVectors.FILE);

  @Test
  void theCheckedInVectorsAreReproducedExactly() throws Exception {
    assertEquals(JsonText.readObject(FILE), ShuffleVectors.generate(), "shuffle.json differs: regenerate with the "
        + "command in docs/test-vectors/README.md only if the protocol changed on purpose");
  }

  @Test
  void theVectorsVerifyFromTheFileAlone() throws Exception {
    JsonObject v = JsonText.readObject(FILE);
    Fields f = Fields.of(v);
    Digest he = f.digest("extended_hash");
    ElectionPublicKey key = new ElectionPublicKey(f.element("joint_key"));
    assertEquals(Element.gPow(f.scalar("secret_key")), key.element());
    List<MixRow> input = MixJson.decodeRows(v.get("input"), "input", ShuffleVectors.N, ShuffleVectors.W);
    List<MixRow> output = MixJson.decodeRows(v.get("output"), "output", ShuffleVectors.N, ShuffleVectors.W);
    ShuffleStatement st = new ShuffleStatement(he, key, f.id("contest_id"), f.smallInt("position", 1, 100),
        f.smallInt("mixer", 1, 100), input, output);
    ShuffleProof proof = MixJson.decodeProof(f.object("proof"), ShuffleVectors.N, ShuffleVectors.W);
    assertEquals(ProofCheck.VALID, ShuffleVerifier.verify(st, proof));
    assertEquals(ProofCheck.VALID, ShuffleVerifier.verify(st, proof, new DeterministicRandom("w"), 1));
    assertEquals(f.digest("input_hash"), MixLists.hash(he, st.contestId(), input));
    assertEquals(f.digest("output_hash"), MixLists.hash(he, st.contestId(), output));
    // The generators are recomputed from H_E alone (§13.1).
    Generators.ShuffleGenerators gens = Generators.forShuffle(he, ShuffleVectors.N);
    assertEquals(f.object("generators").element("h"), gens.h());
    // The output decrypts to the input's plaintexts in the order psi gives.
    JsonArray psi = v.getJsonArray("psi");
    JsonArray plain = v.getJsonArray("plaintexts");
    Scalar x = f.scalar("secret_key");
    for (int i = 0; i < ShuffleVectors.N; i++) {
      int src = psi.getInt(i) - 1;
      for (int j = 0; j < ShuffleVectors.W; j++) {
        Ciphertext ct = output.get(i).ciphertexts().get(j);
        Element m = ct.beta().subtract(ct.alpha().multiply(x));
        assertEquals(Element.gPow(Scalar.of(plain.getJsonArray(src).getInt(j))), m);
      }
    }
    // Replayed into mix position 2 it fails.
    ShuffleStatement replay = new ShuffleStatement(he, key, st.contestId(), st.position() + 1, st.mixer(), input,
        output);
    assertInstanceOf(ProofCheck.Invalid.class, ShuffleVerifier.verify(replay, proof));
  }
}
