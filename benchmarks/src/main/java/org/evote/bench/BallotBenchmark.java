package org.evote.bench;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;
import org.evote.crypto.ballot.BallotEncryptor;
import org.evote.crypto.ballot.BallotSeed;
import org.evote.crypto.ballot.ConfirmationCodes;
import org.evote.crypto.ballot.EncryptedBallot;
import org.evote.crypto.ballot.PlaintextBallot;
import org.evote.crypto.ceremony.KeyCeremony;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.election.ElectionHashes;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.Scalar;
import org.evote.crypto.json.BallotJson;
import org.evote.crypto.json.CanonicalJson;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.json.ManifestJson;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.verify.BallotVerifier;
import org.evote.crypto.verify.VerificationResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-thread cost of encrypting and proving, and of verifying, a 60-selection ballot (10 one-of-6 contests),
 * with plain Bouncy Castle point multiplication measured in the same run as the baseline (docs/performance.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 6, time = 2)
@Fork(1)
@Threads(1)
public class BallotBenchmark {
  static final int CONTESTS = 10;
  static final int SELECTIONS = 6;

  SecureRandom random;
  ElectionConfig config;
  BallotEncryptor encryptor;
  BallotVerifier verifier;
  PlaintextBallot plaintext;
  EncryptedBallot ballot;
  String ballotJson;
  ECPoint bcBase;
  ECPoint bcG;
  BigInteger scalar;
  Scalar ourScalar;
  int counter;

  /** A manifest with {@link #CONTESTS} one-of-{@link #SELECTIONS} contests on one style. */
  static JsonObject manifestJson() {
    JsonArrayBuilder candidates = Json.createArrayBuilder();
    JsonArrayBuilder contests = Json.createArrayBuilder();
    for (int c = 0; c < CONTESTS; c++) {
      JsonArrayBuilder sels = Json.createArrayBuilder();
      for (int s = 0; s < SELECTIONS; s++) {
        candidates.add(Json.createObjectBuilder().add("object_id", "cand-" + c + "-" + s));
        sels.add(Json.createObjectBuilder().add("object_id", "sel-" + c + "-" + s).add("sequence_order", s)
            .add("candidate_id", "cand-" + c + "-" + s));
      }
      contests.add(Json.createObjectBuilder().add("object_id", "contest-" + c).add("sequence_order", c)
          .add("electoral_district_id", "county").add("vote_variation", "one_of_m").add("votes_allowed", 1)
          .add("number_elected", 1).add("name", "Contest " + c).add("ballot_selections", sels));
    }
    return Json.createObjectBuilder().add("election_scope_id", "benchmark")
        .add("geopolitical_units", Json.createArrayBuilder().add(Json.createObjectBuilder()
            .add("object_id", "county").add("name", "County").add("type", "county")))
        .add("candidates", candidates).add("contests", contests)
        .add("ballot_styles", Json.createArrayBuilder().add(Json.createObjectBuilder().add("object_id", "all")
            .add("geopolitical_unit_ids", Json.createArrayBuilder().add("county"))))
        .build();
  }

  @Setup
  public void setUp() {
    random = new SecureRandom();
    Manifest manifest = ManifestJson.decode(manifestJson());
    var outcome = KeyCeremony.run(ElectionHashes.baseHash(manifest, 3, 2), 3, 2, random);
    config = new ElectionConfig(manifest, 3, 2, outcome.records());
    encryptor = new BallotEncryptor(config);
    verifier = new BallotVerifier(config, random);
    Map<String, List<String>> choices = new LinkedHashMap<>();
    for (int c = 0; c < CONTESTS; c++) {
      choices.put("contest-" + c, new ArrayList<>(List.of("sel-" + c + "-" + (c % SELECTIONS))));
    }
    plaintext = new PlaintextBallot("ballot", "all", choices);
    ballot = encrypt();
    ballotJson = CanonicalJson.write(BallotJson.encode(ballot));
    X9ECParameters p = CustomNamedCurves.getByName("secp256r1");
    bcG = p.getG();
    bcBase = bcG.multiply(new BigInteger(250, random)).normalize();
    scalar = Scalar.random(random).toBigInteger();
    ourScalar = Scalar.random(random);
    if (!verifier.verify(ballot).isValid()) {
      throw new IllegalStateException("benchmark ballot does not verify");
    }
  }

  EncryptedBallot encrypt() {
    return encryptor.encrypt(plaintext.withBallotId("ballot-" + (counter++)), BallotSeed.random(random), "kiosk-1",
        1_800_000_000L, ConfirmationCodes.chainStart(config.extendedHash(), "kiosk-1"));
  }

  /**
   * Encrypt all 60 selections and prove every selection and contest range proof (all ~470 fixed-base
   * multiplications in one batch; the wide tables of G and K are built by the first encryption, in setUp).
   */
  @Benchmark
  public EncryptedBallot encryptAndProve60Selections() {
    return encrypt();
  }

  /** Verify all proofs (batched), contest hashes and the confirmation code of a decoded ballot. */
  @Benchmark
  public VerificationResult verify60Selections() {
    return verifier.verify(ballot);
  }

  /**
   * Parse the ballot's JSON (decoding its 400 points, each with the on-curve check of protocol §1.2 and no square
   * root) and verify it: what the server does per submission. {@link DecodeBenchmark} splits the decoding out.
   */
  @Benchmark
  public VerificationResult decodeAndVerify60Selections() {
    return verifier.verify(BallotJson.decodeBallot(JsonText.parseObject(ballotJson)));
  }

  /** Baseline: one variable-base scalar multiplication with Bouncy Castle's P-256 (its default wNAF). */
  @Benchmark
  public ECPoint baselineBouncyCastleMultiply() {
    return bcBase.multiply(scalar).normalize();
  }

  /** Baseline: Bouncy Castle's multiplication of the generator G (what a naive implementation would call). */
  @Benchmark
  public ECPoint baselineBouncyCastleMultiplyG() {
    return bcG.multiply(scalar).normalize();
  }

  /** Our fixed-base table for G: the unit cost of encryption and proving. */
  @Benchmark
  public Element fixedBaseMultiplyG() {
    return Element.gPow(ourScalar);
  }
}
