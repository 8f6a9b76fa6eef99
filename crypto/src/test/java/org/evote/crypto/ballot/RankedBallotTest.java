package org.evote.crypto.ballot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.evote.crypto.decrypt.Lagrange;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.elgamal.Ciphertext;
import org.evote.crypto.group.Element;
import org.evote.crypto.json.BallotJson;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.json.ManifestJson;
import org.evote.crypto.manifest.ContestDescription;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.mix.MixRow;
import org.evote.crypto.testing.TestElection;
import org.evote.crypto.verify.BallotVerifier;
import org.evote.crypto.verify.ChallengedBallotCheck;
import org.evote.crypto.verify.VerificationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Ranked contests and write-in names (protocol §5.2, §5.6) on the Riverton example manifest. */
class RankedBallotTest {
  static final SecureRandom RANDOM = new SecureRandom();
  static TestElection riverton;
  static ElectionConfig config;
  static Manifest manifest;

  @BeforeAll
  static void setUp() throws IOException {
    manifest = riverton();
    riverton = new TestElection(manifest, 3, 2, RANDOM);
    config = riverton.config;
  }

  static Manifest riverton() throws IOException {
    return ManifestJson.decode(JsonText.readObject(Path.of("../docs/examples/manifest-riverton-rcv.json")));
  }

  static EncryptedBallot encrypt(PlaintextBallot p, BallotSeed seed) {
    return new BallotEncryptor(config).encrypt(p, seed, "kiosk-1", 1_700_000_000L,
        ConfirmationCodes.chainStart(config.extendedHash(), "kiosk-1"));
  }

  /** Ward 2: ranked mayor with a written-in third choice, council with a write-in, ranked school board, measure. */
  static PlaintextBallot ward2(String id) {
    return new PlaintextBallot(id, "ward-2", Map.of(
        "mayor", List.of("sel-mayor-chen", "sel-mayor-okafor", "sel-write-in-mayor"),
        "city-council", List.of("sel-council-novak", "sel-write-in-council"),
        "school-board-ward-2", List.of("sel-school-osei"),
        "measure-a", List.of("sel-measure-a-yes")),
        Map.of("mayor", Map.of("sel-write-in-mayor", "Zoë Ñúñez-Øvergård"),
            "city-council", Map.of("sel-write-in-council", "María José García de la Fuente Río")));
  }

  @Test
  void aRankedBallotWithWriteInsEncryptsVerifiesAndRoundTripsJson() {
    EncryptedBallot b = encrypt(ward2("r-1"), BallotSeed.random(RANDOM));
    EncryptedContest mayor = b.contest("mayor").orElseThrow();
    assertTrue(mayor.isRanked());
    assertEquals(5, mayor.ranks().size());
    assertEquals(0, mayor.selections().size());
    assertEquals(1, mayor.writeIns().size());
    assertEquals(7, mayor.ranks().get(0).proof().branches().size());
    EncryptedContest council = b.contest("city-council").orElseThrow();
    assertEquals(5, council.selections().size());
    assertEquals(1, council.writeIns().size());
    assertEquals(3, b.contest("school-board-ward-2").orElseThrow().ranks().size());
    assertEquals(VerificationResult.VALID, new BallotVerifier(config, RANDOM).verify(b));
    EncryptedBallot back = BallotJson.decodeBallot(BallotJson.encode(b));
    assertEquals(b, back);
    BallotJson.checkSize(BallotJson.encode(b), manifest, "ballot");
    assertEquals(List.of(VerificationResult.VALID), new BallotVerifier(config, RANDOM).verifyAll(List.of(back)));
  }

  @Test
  void aChallengedRankedBallotReEncryptsExactly() {
    BallotSeed seed = BallotSeed.random(RANDOM);
    PlaintextBallot p = ward2("r-2");
    EncryptedBallot b = encrypt(p, seed);
    assertEquals(VerificationResult.VALID, new ChallengedBallotCheck(config).check(b, seed, p));
    PlaintextBallot reordered = new PlaintextBallot("r-2", "ward-2", Map.of(
        "mayor", List.of("sel-mayor-okafor", "sel-mayor-chen", "sel-write-in-mayor"),
        "city-council", List.of("sel-council-novak", "sel-write-in-council"),
        "school-board-ward-2", List.of("sel-school-osei"),
        "measure-a", List.of("sel-measure-a-yes")), p.writeIns());
    VerificationResult r = new ChallengedBallotCheck(config).check(b, seed, reordered);
    assertInstanceOf(VerificationResult.Invalid.class, r);
    assertTrue(((VerificationResult.Invalid) r).object().contains("rank mayor/1"), r.toString());
    PlaintextBallot otherName = new PlaintextBallot("r-2", "ward-2", p.choices(),
        Map.of("mayor", Map.of("sel-write-in-mayor", "Zoe Nunez"),
            "city-council", p.writeIns().get("city-council")));
    VerificationResult n = new ChallengedBallotCheck(config).check(b, seed, otherName);
    assertTrue(((VerificationResult.Invalid) n).object().contains("write-in mayor/sel-write-in-mayor"),
        n.toString());
  }

  @Test
  void namesAndRowsDecodeAfterDecryption() {
    EncryptedBallot b = encrypt(ward2("r-3"), BallotSeed.random(RANDOM));
    ContestDescription mayor = manifest.contest("mayor").orElseThrow();
    MixRow row = MixedContests.row(manifest, b.contest("mayor").orElseThrow());
    assertEquals(MixedContests.width(manifest, mayor), row.width());
    assertEquals(8, row.width());
    DecodedRow decoded = MixedContests.decode(manifest, mayor, decrypt(row));
    assertEquals(List.of(4, 1, 6, 0, 0), decoded.ranking().ranks());
    assertEquals(new DecodedRow.Name("Zoë Ñúñez-Øvergård"), decoded.writeIns().get("sel-write-in-mayor"));
    ContestDescription council = manifest.contest("city-council").orElseThrow();
    DecodedRow c = MixedContests.decode(manifest, council,
        decrypt(MixedContests.row(manifest, b.contest("city-council").orElseThrow())));
    assertEquals(List.of(), c.ranking().ranks());
    assertEquals(new DecodedRow.Name("María José García de la Fuente Río"), c.writeIns().get("sel-write-in-council"));
    assertEquals(List.of(mayor, council, manifest.contest("school-board-ward-2").orElseThrow()),
        MixedContests.mixed(manifest));
  }

  @Test
  void anUnmarkedWriteInLineIsBlankAndAFullLengthNameRoundTrips() {
    PlaintextBallot p = new PlaintextBallot("r-4", "ward-1", Map.of("mayor", List.of("sel-mayor-ramirez")));
    EncryptedBallot b = encrypt(p, BallotSeed.random(RANDOM));
    assertEquals(VerificationResult.VALID, new BallotVerifier(config, RANDOM).verify(b));
    ContestDescription mayor = manifest.contest("mayor").orElseThrow();
    DecodedRow d = MixedContests.decode(manifest, mayor,
        decrypt(MixedContests.row(manifest, b.contest("mayor").orElseThrow())));
    assertEquals(List.of(3, 0, 0, 0, 0), d.ranking().ranks());
    assertEquals(new DecodedRow.Blank(), d.writeIns().get("sel-write-in-mayor"));
    for (String name : List.of("Ω".repeat(40), "Æsa Þórunn Ýr Öðinsdóttir-Ćwikłińska-Łę",
        "日本語の名前" + "あ".repeat(25), "A")) {
      assertEquals(Optional.empty(), WriteInNames.problem(name), name);
      assertEquals(new DecodedRow.Name(name), NamePoints.decode(NamePoints.encode(Optional.of(name))));
    }
  }

  @Test
  void unreadablePointsAndRanksOutOfRangeAreReported() {
    ContestDescription mayor = manifest.contest("mayor").orElseThrow();
    List<Element> points = new ArrayList<>(List.of(Element.IDENTITY, Element.IDENTITY, Element.IDENTITY,
        Element.IDENTITY, Element.IDENTITY));
    points.addAll(NamePoints.encode(Optional.empty()));
    points.set(5, Element.G);
    assertInstanceOf(DecodedRow.Unreadable.class, MixedContests.decode(manifest, mayor, points).writeIns()
        .get("sel-write-in-mayor"));
    points.set(5, Element.IDENTITY);
    assertInstanceOf(DecodedRow.Unreadable.class, MixedContests.decode(manifest, mayor, points).writeIns()
        .get("sel-write-in-mayor"));
    points.subList(5, 8).clear();
    points.addAll(NamePoints.encode(Optional.of("Ada")));
    points.set(0, Element.gPow(org.evote.crypto.group.Scalar.of(7)));
    assertThrows(IllegalArgumentException.class, () -> MixedContests.decode(manifest, mayor, points));
    points.set(0, Element.gPow(org.evote.crypto.group.Scalar.of(6)));
    assertEquals(List.of(6, 0, 0, 0, 0), MixedContests.decode(manifest, mayor, points).ranking().ranks());
  }

  @Test
  void namesMustBelongToMarkedWriteInLines() {
    BallotSeed seed = BallotSeed.random(RANDOM);
    assertThrows(IllegalArgumentException.class, () -> encrypt(new PlaintextBallot("x", "ward-1",
        Map.of("mayor", List.of("sel-write-in-mayor"))), seed));
    assertThrows(IllegalArgumentException.class, () -> encrypt(new PlaintextBallot("x", "ward-1",
        Map.of("mayor", List.of("sel-mayor-chen")), Map.of("mayor", Map.of("sel-write-in-mayor", "Ada"))), seed));
    assertThrows(IllegalArgumentException.class, () -> encrypt(new PlaintextBallot("x", "ward-1",
        Map.of("mayor", List.of("sel-mayor-chen")), Map.of("mayor", Map.of("sel-mayor-chen", "Ada"))), seed));
    assertThrows(IllegalArgumentException.class, () -> encrypt(new PlaintextBallot("x", "ward-1",
        Map.of("mayor", List.of("sel-mayor-chen", "sel-mayor-okafor", "sel-mayor-ramirez", "sel-mayor-lindqvist",
            "sel-mayor-tremblay", "sel-write-in-mayor")), Map.of("mayor", Map.of("sel-write-in-mayor", "Ada"))),
        seed));
    assertThrows(IllegalArgumentException.class, () -> encrypt(new PlaintextBallot("x", "ward-1",
        Map.of("school-board-ward-2", List.of("sel-school-osei"))), seed));
  }

  @Test
  void plaintextJsonCarriesTheRankingInOrderAndTheNames() {
    PlaintextBallot p = ward2("r-5");
    PlaintextBallot back = BallotJson.decodePlaintext(org.evote.crypto.json.Fields.of(BallotJson.encode(p)));
    assertEquals(p, back);
    assertEquals(List.of("sel-mayor-chen", "sel-mayor-okafor", "sel-write-in-mayor"), back.ranking("mayor"));
  }

  /** Decrypts every ciphertext of the row with the whole secret key (the test election's guardians together). */
  private static List<Element> decrypt(MixRow row) {
    var quorum = new java.util.TreeSet<>(List.of(riverton.keys.get(0).index(), riverton.keys.get(1).index()));
    Map<Integer, org.evote.crypto.group.Scalar> w = Lagrange.coefficients(quorum);
    org.evote.crypto.group.SecretScalar s = org.evote.crypto.group.SecretScalar.of(
        org.evote.crypto.group.Scalar.ZERO);
    for (int i = 0; i < 2; i++) {
      var key = riverton.keys.get(i);
      s = s.add(key.share().multiply(w.get(key.index())));
    }
    List<Element> out = new ArrayList<>();
    for (Ciphertext c : row.ciphertexts()) {
      out.add(c.beta().subtract(c.alpha().multiply(s)));
    }
    return out;
  }
}
