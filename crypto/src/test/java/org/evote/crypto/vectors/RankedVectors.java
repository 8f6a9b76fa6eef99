package org.evote.crypto.vectors;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.evote.crypto.ballot.BallotEncryptor;
import org.evote.crypto.ballot.BallotSeed;
import org.evote.crypto.ballot.ConfirmationCodes;
import org.evote.crypto.ballot.EncryptedBallot;
import org.evote.crypto.ballot.NamePoints;
import org.evote.crypto.ballot.PlaintextBallot;
import org.evote.crypto.ceremony.KeyCeremony;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.election.ElectionHashes;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.Hex;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.BallotJson;
import org.evote.crypto.json.ElectionJson;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.json.ManifestJson;
import org.evote.crypto.manifest.Manifest;

/**
 * {@code ranked.json}: ballots with a ranked contest and write-in names (protocol §4.6, §4.7, §5.2, §5.6) in an
 * election of their own, and the points of a few names. Drawn from the vector stream after every other file, so
 * those do not change.
 */
final class RankedVectors {
  static final String MANIFEST = "{\"election_scope_id\":\"test-vectors-ranked\",\"type\":\"general\","
      + "\"geopolitical_units\":[{\"object_id\":\"city\",\"name\":\"City\",\"type\":\"city\"}],"
      + "\"candidates\":[{\"object_id\":\"alice\"},{\"object_id\":\"bob\"},{\"object_id\":\"carol\"},"
      + "{\"object_id\":\"write-in\",\"is_write_in\":true}],"
      + "\"contests\":[{\"object_id\":\"mayor\",\"sequence_order\":0,\"electoral_district_id\":\"city\","
      + "\"vote_variation\":\"rcv\",\"votes_allowed\":3,\"name\":\"Mayor\",\"ballot_selections\":["
      + "{\"object_id\":\"mayor-alice\",\"sequence_order\":0,\"candidate_id\":\"alice\"},"
      + "{\"object_id\":\"mayor-bob\",\"sequence_order\":1,\"candidate_id\":\"bob\"},"
      + "{\"object_id\":\"mayor-carol\",\"sequence_order\":2,\"candidate_id\":\"carol\"},"
      + "{\"object_id\":\"mayor-write-in\",\"sequence_order\":3,\"candidate_id\":\"write-in\"}]},"
      + "{\"object_id\":\"council\",\"sequence_order\":1,\"electoral_district_id\":\"city\","
      + "\"vote_variation\":\"n_of_m\",\"votes_allowed\":2,\"name\":\"Council\",\"ballot_selections\":["
      + "{\"object_id\":\"council-alice\",\"sequence_order\":0,\"candidate_id\":\"alice\"},"
      + "{\"object_id\":\"council-bob\",\"sequence_order\":1,\"candidate_id\":\"bob\"},"
      + "{\"object_id\":\"council-write-in\",\"sequence_order\":2,\"candidate_id\":\"write-in\"}]}],"
      + "\"ballot_styles\":[{\"object_id\":\"city\",\"geopolitical_unit_ids\":[\"city\"]}]}";
  static final long TIME = 1_793_711_000L;
  static final List<String> NAMES = List.of("Zoë Ñúñez-Øvergård", "María José García de la Fuente Río",
      "Ω".repeat(40));

  private RankedVectors() {}

  static JsonObject generate(SecureRandom random) {
    Manifest manifest = ManifestJson.decode(JsonText.parseObject(MANIFEST));
    KeyCeremony.Outcome ceremony = KeyCeremony.run(ElectionHashes.baseHash(manifest, 3, 2), 3, 2, random);
    ElectionConfig config = new ElectionConfig(manifest, 3, 2, ceremony.records());
    Digest he = config.extendedHash();
    JsonArrayBuilder names = Json.createArrayBuilder();
    for (String name : NAMES) {
      JsonArrayBuilder points = Json.createArrayBuilder();
      for (Element p : NamePoints.encode(Optional.of(name))) {
        byte[] u = p.toUncompressedBytes();
        points.add(Json.createObjectBuilder().add("x", Hex.encode(java.util.Arrays.copyOfRange(u, 1, 33)))
            .add("y", Hex.encode(java.util.Arrays.copyOfRange(u, 33, 65))).add("element", p.encode()));
      }
      names.add(Json.createObjectBuilder().add("name", name)
          .add("utf8", Hex.encode(name.getBytes(java.nio.charset.StandardCharsets.UTF_8))).add("points", points));
    }
    JsonArrayBuilder blank = Json.createArrayBuilder();
    NamePoints.encode(Optional.empty()).forEach(p -> blank.add(p.encode()));
    List<PlaintextBallot> plaintexts = List.of(
        new PlaintextBallot("kiosk-1-000001", "city", Map.of(
            "mayor", List.of("mayor-carol", "mayor-write-in", "mayor-alice"),
            "council", List.of("council-bob", "council-write-in")),
            Map.of("mayor", Map.of("mayor-write-in", NAMES.get(0)),
                "council", Map.of("council-write-in", NAMES.get(1)))),
        new PlaintextBallot("kiosk-1-000002", "city", Map.of("mayor", List.of("mayor-bob"))));
    BallotEncryptor encryptor = new BallotEncryptor(config);
    Digest chain = ConfirmationCodes.chainStart(he, "kiosk-1");
    JsonArrayBuilder ballots = Json.createArrayBuilder();
    long time = TIME;
    for (PlaintextBallot p : plaintexts) {
      BallotSeed seed = BallotSeed.random(random);
      EncryptedBallot b = encryptor.encrypt(p, seed, "kiosk-1", time, chain);
      ballots.add(Json.createObjectBuilder().add("plaintext", BallotJson.encode(p)).add("seed", seed.toHex())
          .add("kiosk_id", "kiosk-1").add("timestamp", time).add("previous_code", chain.toHex())
          .add("encrypted", BallotJson.encode(b)).add("tracking_code", b.trackingCode()));
      chain = b.confirmationCode();
      time++;
    }
    return Json.createObjectBuilder()
        .add("description", "Ranked contests and write-in names (§4.6, §4.7, §5.2, §5.6): the points of three "
            + "names and of a blank line, and two ballots encrypted from their seeds in an election of their own "
            + "(its election.json below; the ceremony's secrets are not listed)")
        .add("manifest_canonical_json", manifest.canonicalJson())
        .add("election", ElectionJson.encode(config)).add("extended_hash", he.toHex())
        .add("name_points", names).add("blank_points", blank).add("ballots", ballots).build();
  }
}
