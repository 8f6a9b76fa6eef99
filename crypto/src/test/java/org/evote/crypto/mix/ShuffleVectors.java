package org.evote.crypto.mix;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.evote.crypto.elgamal.Ciphertext;
import org.evote.crypto.elgamal.ElectionPublicKey;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.Scalar;
import org.evote.crypto.group.SecretScalar;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.json.MixJson;
import org.evote.crypto.testing.DeterministicRandom;

/**
 * The fixed-seed vectors of a small shuffle and its proof, {@code docs/test-vectors/shuffle.json} (protocol
 * §13.1–§13.4): every secret is listed (the election key, the input nonces, the permutation, the re-encryption
 * nonces and every prover nonce), and every derived value (generators, challenges u_i and c, the output list, the
 * proof and the list hashes). Test code only.
 */
public final class ShuffleVectors {
  static final String SEED = "evote/2 shuffle test vectors";
  static final String FILE = "shuffle.json";
  static final int N = 3;
  static final int W = 2;
  static final String CONTEST = "mayor";
  static final int POSITION = 1;
  static final int MIXER = 2;

  private ShuffleVectors() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "docs/test-vectors");
    Files.createDirectories(dir);
    JsonText.write(dir.resolve(FILE), generate());
  }

  /** The vectors, drawn in this order from the seed's stream: H_E, x, the input nonces, ψ, r̃, the prover's nonces. */
  static JsonObject generate() {
    DeterministicRandom rnd = new DeterministicRandom(SEED);
    byte[] he = new byte[32];
    rnd.nextBytes(he);
    Digest extendedHash = Digest.of(he);
    SecretScalar x = SecretScalar.random(rnd);
    ElectionPublicKey key = new ElectionPublicKey(Element.gPow(x));
    List<MixRow> input = new ArrayList<>();
    JsonArrayBuilder plain = JsonText.array();
    JsonArrayBuilder inputNonces = JsonText.array();
    for (int i = 0; i < N; i++) {
      List<Ciphertext> row = new ArrayList<>();
      JsonArrayBuilder pr = JsonText.array();
      JsonArrayBuilder nr = JsonText.array();
      for (int j = 0; j < W; j++) {
        long m = (long) i * W + j + 1;
        SecretScalar r = SecretScalar.random(rnd);
        row.add(new Ciphertext(Element.gPow(r), key.multiply(r).add(Element.gPow(Scalar.of(m)))));
        pr.add(m);
        nr.add(r.revealSecret().toHex());
      }
      input.add(new MixRow(row));
      plain.add(pr);
      inputNonces.add(nr);
    }
    Shuffler.Shuffled shuffled = new Shuffler(key).shuffle(input, rnd);
    ShuffleWitness witness = shuffled.witness();
    ShuffleNonces nonces = ShuffleNonces.random(N, W, rnd);
    ShuffleStatement st = new ShuffleStatement(extendedHash, key, CONTEST, POSITION, MIXER, input,
        shuffled.output());
    ShuffleProof proof = ShuffleProver.prove(st, witness, nonces, 1);
    Generators.ShuffleGenerators gens = Generators.forShuffle(extendedHash, N);
    Scalar[] u = ShuffleHashes.challenges(st, proof.permutationCommitments());
    Scalar c = ShuffleHashes.challenge(st, proof.permutationCommitments(), proof.chain(), proof.t1(), proof.t2(),
        proof.t3(), proof.t4Alpha(), proof.t4Beta(), proof.tHat());
    JsonArrayBuilder psi = JsonText.array();
    JsonArrayBuilder reenc = JsonText.array();
    for (int i = 0; i < N; i++) {
      psi.add(witness.source(i) + 1);
      JsonArrayBuilder row = JsonText.array();
      for (int j = 0; j < W; j++) {
        row.add(witness.nonce(i, j).revealSecret().toHex());
      }
      reenc.add(row);
    }
    JsonArrayBuilder us = JsonText.array();
    for (Scalar ui : u) {
      us.add(ui.toHex());
    }
    return JsonText.object()
        .add("description", "A shuffle of N = 3 rows of w = 2 ciphertexts and its proof (protocol §13.1–§13.4). "
            + "psi is 1-based: output row i is input row psi[i] re-encrypted with reencryption_nonces[i][j]. The "
            + "prover's nonces are listed by name; u and c are recomputed by a verifier from the statement.")
        .add("seed", SEED)
        .add("extended_hash", extendedHash.toHex())
        .add("secret_key", x.revealSecret().toHex())
        .add("joint_key", key.element().encode())
        .add("contest_id", CONTEST)
        .add("position", POSITION)
        .add("mixer", MIXER)
        .add("plaintexts", plain)
        .add("input_nonces", inputNonces)
        .add("input", MixJson.encodeRows(input))
        .add("input_hash", MixLists.hash(extendedHash, CONTEST, input).toHex())
        .add("generators", JsonText.object().add("h", gens.h().encode()).add("h_i", elements(gens.hs())))
        .add("psi", psi)
        .add("reencryption_nonces", reenc)
        .add("output", MixJson.encodeRows(shuffled.output()))
        .add("output_hash", MixLists.hash(extendedHash, CONTEST, shuffled.output()).toHex())
        .add("prover_nonces", JsonText.object()
            .add("r", scalars(nonces.r)).add("r_hat", scalars(nonces.rHat))
            .add("omega_1", nonces.omega1.revealSecret().toHex())
            .add("omega_2", nonces.omega2.revealSecret().toHex())
            .add("omega_3", nonces.omega3.revealSecret().toHex())
            .add("omega_4", scalars(nonces.omega4)).add("omega_hat", scalars(nonces.omegaHat))
            .add("omega_prime", scalars(nonces.omegaPrime)))
        .add("u", us)
        .add("c", c.toHex())
        .add("proof", MixJson.encode(proof))
        .build();
  }

  private static JsonArrayBuilder elements(List<Element> es) {
    JsonArrayBuilder b = JsonText.array();
    es.forEach(e -> b.add(e.encode()));
    return b;
  }

  private static JsonArrayBuilder scalars(SecretScalar[] ss) {
    JsonArrayBuilder b = JsonText.array();
    for (SecretScalar s : ss) {
      b.add(s.revealSecret().toHex());
    }
    return b;
  }
}
