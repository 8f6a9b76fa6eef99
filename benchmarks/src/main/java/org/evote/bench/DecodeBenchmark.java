package org.evote.bench;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECFieldElement;
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
import org.evote.crypto.group.Hex;
import org.evote.crypto.json.BallotJson;
import org.evote.crypto.json.CanonicalJson;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.json.ManifestJson;
import org.evote.crypto.manifest.Manifest;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Single-thread cost of reading a 60-selection ballot (the manifest of {@link BallotBenchmark}) with evote/2's
 * elements (uncompressed, base64url, on-curve check only; protocol §1.2): the ballot's JSON parsed and decoded, its
 * points alone, and as baselines in the same run the JSON parse without decoding and the same points decoded as
 * evote/1 did it (66 hex characters of the compressed point, y recovered by a square root).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 6, time = 2)
@Fork(1)
@Threads(1)
public class DecodeBenchmark {
  private static final Pattern POINT = Pattern.compile("\"([A-Za-z0-9_-]{87})\"");
  private static final X9ECParameters P256 = CustomNamedCurves.getByName("secp256r1");
  private static final ECCurve CURVE = P256.getCurve();

  String ballotJson;
  String[] texts;
  String[] compressedHex;

  @Setup
  public void setUp() {
    SecureRandom random = new SecureRandom();
    Manifest manifest = ManifestJson.decode(BallotBenchmark.manifestJson());
    var outcome = KeyCeremony.run(ElectionHashes.baseHash(manifest, 3, 2), 3, 2, random);
    ElectionConfig config = new ElectionConfig(manifest, 3, 2, outcome.records());
    Map<String, List<String>> choices = new LinkedHashMap<>();
    for (int c = 0; c < BallotBenchmark.CONTESTS; c++) {
      choices.put("contest-" + c, new ArrayList<>(List.of("sel-" + c + "-" + (c % BallotBenchmark.SELECTIONS))));
    }
    EncryptedBallot ballot = new BallotEncryptor(config).encrypt(new PlaintextBallot("ballot", "all", choices),
        BallotSeed.random(random), "kiosk-1", 1_800_000_000L, ConfirmationCodes.chainStart(config.extendedHash(),
            "kiosk-1"));
    ballotJson = CanonicalJson.write(BallotJson.encode(ballot));
    List<String> found = new ArrayList<>();
    Matcher m = POINT.matcher(ballotJson);
    while (m.find()) {
      found.add(m.group(1));
    }
    texts = found.toArray(String[]::new);
    compressedHex = found.stream().map(t -> Hex.encode(Element.decode(t, "p").toBytes())).toArray(String[]::new);
    System.err.printf("%n60-selection ballot: %d points, %d bytes of canonical JSON%n", texts.length,
        ballotJson.length());
  }

  /** Parse the ballot's JSON and decode it (every point with its on-curve check): what every reader does. */
  @Benchmark
  public EncryptedBallot decode60SelectionBallot() {
    return BallotJson.decodeBallot(JsonText.parseObject(ballotJson));
  }

  /** Baseline: parse the same JSON without decoding anything. */
  @Benchmark
  public Object parseOnly60SelectionBallot() {
    return JsonText.parseObject(ballotJson);
  }

  /** The ballot's points alone (about 400), as evote/2 decodes them. */
  @Benchmark
  public void decodeUncompressedPoints(Blackhole bh) {
    for (String t : texts) {
      bh.consume(Element.decode(t, "p"));
    }
  }

  /** Baseline: the same points as evote/1 decoded them — hex, then y as a square root of x³ + a·x + b. */
  @Benchmark
  public void baselineDecodeCompressedPoints(Blackhole bh) {
    for (String h : compressedHex) {
      bh.consume(decompressAsEvote1(h));
    }
  }

  /** evote/1's decoder (Element.fromBytes before evote/2), on Bouncy Castle's curve. */
  static ECPoint decompressAsEvote1(String hex) {
    if (hex.length() != 66 || !Hex.isLowercaseHex(hex)) {
      throw new IllegalArgumentException("not 66 lowercase hex");
    }
    byte[] enc = HexFormat.of().parseHex(hex);
    if (enc[0] != 2 && enc[0] != 3) {
      throw new IllegalArgumentException("prefix");
    }
    BigInteger x = new BigInteger(1, enc, 1, 32);
    if (x.compareTo(CURVE.getField().getCharacteristic()) >= 0) {
      throw new IllegalArgumentException("x ≥ p");
    }
    ECFieldElement fx = CURVE.fromBigInteger(x);
    ECFieldElement y = fx.square().add(CURVE.getA()).multiply(fx).add(CURVE.getB()).sqrt();
    if (y == null) {
      throw new IllegalArgumentException("no square root");
    }
    if (y.testBitZero() != (enc[0] == 3)) {
      y = y.negate();
    }
    return CURVE.createPoint(x, y.toBigInteger());
  }
}
