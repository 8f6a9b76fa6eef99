package org.evote.crypto.vectors;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.evote.crypto.ballot.BallotEncryptor;
import org.evote.crypto.ballot.BallotSeed;
import org.evote.crypto.ballot.ConfirmationCodes;
import org.evote.crypto.ballot.EncryptedBallot;
import org.evote.crypto.ballot.PlaintextBallot;
import org.evote.crypto.testing.BulletinBoard;
import org.evote.crypto.board.Admission;
import org.evote.crypto.board.BoardState;
import org.evote.crypto.board.EntryFacts;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.board.EntryPayload;
import org.evote.crypto.ceremony.CeremonyTranscript;
import org.evote.crypto.ceremony.EncryptedShare;
import org.evote.crypto.ceremony.GuardianKey;
import org.evote.crypto.ceremony.GuardianPolynomial;
import org.evote.crypto.ceremony.GuardianRecord;
import org.evote.crypto.ceremony.KnownAnswerShares;
import org.evote.crypto.ceremony.ShareEncryption;
import org.evote.crypto.decrypt.DecryptionShare;
import org.evote.crypto.decrypt.Decryptor;
import org.evote.crypto.decrypt.ElectionResult;
import org.evote.crypto.decrypt.Lagrange;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.election.ElectionHashes;
import org.evote.crypto.elgamal.Ciphertext;
import org.evote.crypto.elgamal.ElGamal;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.Hex;
import org.evote.crypto.group.Scalar;
import org.evote.crypto.group.SecretScalar;
import org.evote.crypto.testing.HostilePoints;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.hash.DomainTags;
import org.evote.crypto.hash.Hasher;
import org.evote.crypto.json.BallotJson;
import org.evote.crypto.json.BoardJson;
import org.evote.crypto.json.CanonicalJson;
import org.evote.crypto.json.CeremonyJson;
import org.evote.crypto.json.ElectionJson;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.json.ManifestJson;
import org.evote.crypto.json.Submissions;
import org.evote.crypto.json.TallyJson;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.proof.DecryptionProof;
import org.evote.crypto.proof.KnownAnswerProvers;
import org.evote.crypto.proof.RangeProof;
import org.evote.crypto.proof.RangeStatement;
import org.evote.crypto.proof.SchnorrProof;
import org.evote.crypto.tally.EncryptedTally;
import org.evote.crypto.tally.TallyAccumulator;
import org.evote.crypto.testing.DeterministicRandom;
import org.evote.crypto.board.BoardOrigin;
import org.evote.crypto.note.Checkpoint;
import org.evote.crypto.note.Cosigner;
import org.evote.crypto.note.Ed25519NoteSigner;
import org.evote.crypto.note.NoteSignature;
import org.evote.crypto.note.SignatureType;
import org.evote.crypto.note.SignedNote;
import org.evote.crypto.notice.ElectionNotice;
import org.evote.crypto.notice.NoticeJson;

/**
 * Generates the fixed-seed test vectors in docs/test-vectors (docs/protocol.md, "Test vectors"). Every secret used
 * is written into the vectors, so an independent implementation can reproduce each value from the inputs given.
 *
 * <p>Regenerate with: {@code mvn -q -pl crypto test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.evote.crypto.vectors.TestVectors -Dexec.args=docs/test-vectors}
 */
public final class TestVectors {
  static final String MANIFEST = "{\"election_scope_id\":\"test-vectors\",\"type\":\"general\","
      + "\"start_date\":\"2026-11-03T07:00:00-05:00\",\"end_date\":\"2026-11-03T20:00:00-05:00\","
      + "\"name\":{\"text\":[{\"value\":\"Test Vector Election\",\"language\":\"en\"}]},"
      + "\"geopolitical_units\":[{\"object_id\":\"county\",\"name\":\"County\",\"type\":\"county\"},"
      + "{\"object_id\":\"school\",\"name\":\"School District\",\"type\":\"school\"}],"
      + "\"parties\":[{\"object_id\":\"red\",\"name\":{\"text\":[{\"value\":\"Red\",\"language\":\"en\"}]}}],"
      + "\"candidates\":[{\"object_id\":\"alice\"},{\"object_id\":\"bob\",\"party_id\":\"red\"},"
      + "{\"object_id\":\"carol\"},{\"object_id\":\"yes\"},{\"object_id\":\"no\"}],"
      + "\"contests\":[{\"object_id\":\"mayor\",\"sequence_order\":0,\"electoral_district_id\":\"county\","
      + "\"vote_variation\":\"one_of_m\",\"votes_allowed\":1,\"number_elected\":1,\"name\":\"Mayor\","
      + "\"ballot_selections\":[{\"object_id\":\"mayor-alice\",\"sequence_order\":0,\"candidate_id\":\"alice\"},"
      + "{\"object_id\":\"mayor-bob\",\"sequence_order\":1,\"candidate_id\":\"bob\"}]},"
      + "{\"object_id\":\"board\",\"sequence_order\":1,\"electoral_district_id\":\"school\","
      + "\"vote_variation\":\"n_of_m\",\"votes_allowed\":2,\"number_elected\":2,\"name\":\"School Board\","
      + "\"ballot_selections\":[{\"object_id\":\"board-alice\",\"sequence_order\":0,\"candidate_id\":\"alice\"},"
      + "{\"object_id\":\"board-bob\",\"sequence_order\":1,\"candidate_id\":\"bob\"},"
      + "{\"object_id\":\"board-carol\",\"sequence_order\":2,\"candidate_id\":\"carol\"}]},"
      + "{\"object_id\":\"measure\",\"sequence_order\":2,\"electoral_district_id\":\"county\","
      + "\"vote_variation\":\"one_of_m\",\"votes_allowed\":1,\"number_elected\":1,\"name\":\"Measure A\","
      + "\"ballot_selections\":[{\"object_id\":\"measure-yes\",\"sequence_order\":0,\"candidate_id\":\"yes\"},"
      + "{\"object_id\":\"measure-no\",\"sequence_order\":1,\"candidate_id\":\"no\"}]}],"
      + "\"ballot_styles\":[{\"object_id\":\"county-only\",\"geopolitical_unit_ids\":[\"county\"]},"
      + "{\"object_id\":\"county-school\",\"geopolitical_unit_ids\":[\"county\",\"school\"]}]}";
  static final long TIME = 1_793_710_800L;

  private TestVectors() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "docs/test-vectors");
    Files.createDirectories(dir);
    for (Map.Entry<String, JsonObject> e : generate().entrySet()) {
      JsonText.write(dir.resolve(e.getKey()), e.getValue());
    }
  }

  static SecretScalar scalar(DeterministicRandom r) {
    return SecretScalar.random(r);
  }

  static String hex(SecretScalar s) {
    return s.revealSecret().toHex();
  }

  /** All vector files by name. */
  public static Map<String, JsonObject> generate() throws Exception {
    Map<String, JsonObject> out = new LinkedHashMap<>();
    DeterministicRandom random = new DeterministicRandom("evote/1 test vectors");
    Manifest manifest = ManifestJson.decode(JsonText.parseObject(MANIFEST));

    // --- hashes
    Digest hp = ElectionHashes.parameterHash();
    Digest example = Hasher.tagged(DomainTags.PARAMETERS).string("évote").integer(-2).element(Element.G)
        .scalar(Scalar.of(5)).digest(Digest.ZERO).bytes(new byte[] {1, 2, 3}).digest();
    out.put("hashes.json", Json.createObjectBuilder()
        .add("description", "H of protocol §2: item encodings, H_P, and one example of every item type")
        .add("parameter_hash", hp.toHex())
        .add("example", Json.createObjectBuilder()
            .add("tag", DomainTags.PARAMETERS)
            .add("items", Json.createArrayBuilder()
                .add(item("string", "évote")).add(item("integer", "-2"))
                .add(item("element", Hex.encode(Element.G.toBytes())))
                .add(item("scalar", Scalar.of(5).toHex())).add(item("digest", Digest.ZERO.toHex()))
                .add(item("bytes", "010203")))
            .add("hash", example.toHex())
            .add("as_scalar", Scalar.reduceBytes(example.toBytes()).toHex()))
        .add("manifest_canonical_json", manifest.canonicalJson())
        .add("manifest_hash", ElectionHashes.manifestHash(hp, manifest).toHex())
        .build());

    // --- key ceremony: 3 guardians, quorum 2, with every coefficient and ephemeral secret
    int n = 3;
    int k = 2;
    Digest hb = ElectionHashes.baseHash(manifest, n, k);
    List<GuardianPolynomial> polys = new ArrayList<>();
    List<GuardianRecord> records = new ArrayList<>();
    JsonArrayBuilder guardians = Json.createArrayBuilder();
    for (int i = 1; i <= n; i++) {
      List<SecretScalar> coefficients = List.of(scalar(random), scalar(random));
      GuardianPolynomial p = GuardianPolynomial.of(i, coefficients);
      List<Element> commitments = new ArrayList<>();
      List<SchnorrProof> proofs = new ArrayList<>();
      JsonArrayBuilder nonces = Json.createArrayBuilder();
      for (int j = 0; j < k; j++) {
        SecretScalar u = scalar(random);
        nonces.add(hex(u));
        commitments.add(Element.gPow(coefficients.get(j)));
        proofs.add(KnownAnswerProvers.schnorr(hb, i, j, coefficients.get(j), u));
      }
      GuardianRecord record = new GuardianRecord(i, commitments, proofs);
      polys.add(p);
      records.add(record);
      guardians.add(Json.createObjectBuilder().add("index", i)
          .add("coefficients", Json.createArrayBuilder(coefficients.stream().map(TestVectors::hex).toList()))
          .add("schnorr_nonces", nonces).add("record", CeremonyJson.encode(record)));
    }
    JsonArrayBuilder shares = Json.createArrayBuilder();
    List<EncryptedShare> sent = new ArrayList<>();
    List<GuardianKey> keys = new ArrayList<>();
    Map<Integer, SecretScalar> sums = new LinkedHashMap<>();
    for (int i = 1; i <= n; i++) {
      sums.put(i, polys.get(i - 1).shareFor(i));
    }
    for (int i = 1; i <= n; i++) {
      for (int l = 1; l <= n; l++) {
        if (i == l) {
          continue;
        }
        SecretScalar xi = scalar(random);
        EncryptedShare s = KnownAnswerShares.encrypt(hb, polys.get(i - 1), records.get(i - 1), records.get(l - 1),
            xi);
        SecretScalar value = ShareEncryption.decrypt(hb, s, records.get(i - 1), polys.get(l - 1), records.get(l - 1));
        sums.put(l, sums.get(l).add(value));
        sent.add(s);
        shares.add(Json.createObjectBuilder().add("ephemeral_secret", hex(xi)).add("share", hex(value))
            .add("encrypted", CeremonyJson.encode(s)));
      }
    }
    for (int l = 1; l <= n; l++) {
      keys.add(new GuardianKey(l, sums.get(l)));
    }
    ElectionConfig config = new ElectionConfig(manifest, n, k, records);
    JsonArrayBuilder secretShares = Json.createArrayBuilder();
    JsonArrayBuilder vks = Json.createArrayBuilder();
    for (GuardianKey g : keys) {
      secretShares.add(hex(g.share()));
      vks.add(config.verificationKey(g.index()).encode());
    }
    out.put("ceremony.json", Json.createObjectBuilder()
        .add("description", "Key ceremony of protocol §7 with n = 3, k = 2: every secret, record, share and "
            + "derived key")
        .add("guardian_count", n).add("quorum", k).add("election_base_hash", hb.toHex())
        .add("guardians", guardians).add("shares", shares)
        .add("guardian_secret_shares", secretShares).add("verification_keys", vks)
        .add("joint_public_key", config.jointKey().element().encode())
        .add("extended_hash", config.extendedHash().toHex())
        .add("election", ElectionJson.encode(config))
        .add("ceremony_transcript", CeremonyJson.encode(new CeremonyTranscript(hb, config.extendedHash(), sent,
            List.of(), List.of())))
        .build());

    // --- encryption and the standalone proofs
    Digest he = config.extendedHash();
    JsonArrayBuilder encryptions = Json.createArrayBuilder();
    for (long m : new long[] {0, 1, 2}) {
      SecretScalar r = scalar(random);
      encryptions.add(Json.createObjectBuilder().add("m", m).add("r", hex(r))
          .add("ciphertext", BallotJson.encode(ElGamal.encrypt(m, r, config.jointKey()))));
    }
    SecretScalar r = scalar(random);
    Ciphertext ct = ElGamal.encrypt(1, r, config.jointKey());
    RangeStatement st = RangeStatement.selection(he, config.jointKey(), "ballot-x", "mayor", "mayor-bob", ct, 1);
    JsonArrayBuilder used = Json.createArrayBuilder();
    RangeProof range = KnownAnswerProvers.range(st, 1, r, (purpose, index) -> {
      SecretScalar s = scalar(random);
      used.add(Json.createObjectBuilder().add("purpose", purpose).add("index", index).add("value", hex(s)));
      return s;
    });
    SecretScalar schnorrU = scalar(random);
    SchnorrProof schnorr = KnownAnswerProvers.schnorr(hb, 1, 0, polys.get(0).coefficient(0), schnorrU);
    SecretScalar s1 = keys.get(0).share();
    Element partial = ct.alpha().multiply(s1);
    DecryptionProof.Statement dst = new DecryptionProof.Statement(he, config.jointKey().element(), 1,
        config.verificationKey(1), "mayor", "mayor-bob", ct, partial);
    SecretScalar dU = scalar(random);
    DecryptionProof dp = KnownAnswerProvers.decryption(dst, s1, dU);
    out.put("proofs.json", Json.createObjectBuilder()
        .add("description", "ElGamal encryptions (§3.1) and one proof of each kind (§4) with its nonces, under the "
            + "election of ceremony.json")
        .add("joint_public_key", config.jointKey().element().encode()).add("extended_hash", he.toHex())
        .add("encryptions", encryptions)
        .add("selection_range_proof", Json.createObjectBuilder().add("ballot_id", "ballot-x")
            .add("contest_id", "mayor").add("selection_id", "mayor-bob").add("bound", 1).add("m", 1)
            .add("r", hex(r)).add("ciphertext", BallotJson.encode(ct)).add("nonces_in_order_requested", used)
            .add("proof", BallotJson.encode(range)))
        .add("schnorr_proof", Json.createObjectBuilder().add("election_base_hash", hb.toHex()).add("guardian", 1)
            .add("coefficient_index", 0).add("coefficient", hex(polys.get(0).coefficient(0)))
            .add("public_value", records.get(0).commitments().get(0).encode()).add("u", hex(schnorrU))
            .add("commitment", schnorr.commitment().encode()).add("response", schnorr.response().toHex()))
        .add("decryption_proof", Json.createObjectBuilder().add("guardian", 1).add("share", hex(s1))
            .add("verification_key", config.verificationKey(1).encode()).add("contest_id", "mayor")
            .add("selection_id", "mayor-bob").add("ciphertext", BallotJson.encode(ct))
            .add("partial", partial.encode()).add("u", hex(dU)).add("a", dp.a().encode())
            .add("b", dp.b().encode()).add("response", dp.response().toHex()))
        .build());

    // --- ballots and a small board
    Ed25519.PrivateKey boardKey = Ed25519.PrivateKey.fromSeedHex(hex(scalar(random)), "seed");
    Ed25519.PrivateKey kioskKey = Ed25519.PrivateKey.fromSeedHex(hex(scalar(random)), "seed");
    // The checkpoint key's seed is fixed rather than drawn, so the byte stream of the other vectors is unchanged.
    BoardOrigin origin = new BoardOrigin("board.test-vectors.example", he);
    Ed25519NoteSigner checkpointKey = Ed25519NoteSigner.fromSeedHex(origin.origin(),
        "c0ffee00" + "11".repeat(28), "seed");
    BulletinBoard board = new BulletinBoard(he);
    BoardState state = new BoardState(he, ElectionJson.canonical(config));
    long time = TIME;
    post(board, state, new EntryPayload.ElectionPublished(he, CanonicalJson.write(ElectionJson.encode(config)),
        boardKey.publicKey(), checkpointKey.verifierKey()), time++);
    post(board, state, new EntryPayload.KioskRegistered("kiosk-1", kioskKey.publicKey()), time++);
    post(board, state, new EntryPayload.PollsOpened(), time++);
    board.signHead(boardKey, time++);
    List<PlaintextBallot> plaintexts = List.of(
        new PlaintextBallot("kiosk-1-000001", "county-school", Map.of("mayor", List.of("mayor-alice"),
            "board", List.of("board-bob", "board-carol"), "measure", List.of("measure-yes"))),
        new PlaintextBallot("kiosk-1-000002", "county-only", Map.of("mayor", List.of("mayor-bob"))),
        new PlaintextBallot("kiosk-1-000003", "county-school", Map.of("mayor", List.of("mayor-alice"),
            "board", List.of("board-alice"), "measure", List.of("measure-no"))),
        new PlaintextBallot("kiosk-1-000004", "county-only", Map.of("mayor", List.of("mayor-bob"),
            "measure", List.of("measure-yes"))));
    BallotEncryptor encryptor = new BallotEncryptor(config);
    Digest chain = ConfirmationCodes.chainStart(he, "kiosk-1");
    JsonArrayBuilder ballots = Json.createArrayBuilder();
    TallyAccumulator acc = new TallyAccumulator(manifest);
    for (int i = 0; i < plaintexts.size(); i++) {
      BallotSeed seed = BallotSeed.decode(hex(scalar(random)), "seed");
      PlaintextBallot p = plaintexts.get(i);
      EncryptedBallot b = encryptor.encrypt(p, seed, "kiosk-1", time, chain);
      boolean challenged = i == 3;
      ballots.add(Json.createObjectBuilder().add("plaintext", BallotJson.encode(p)).add("seed", seed.toHex())
          .add("kiosk_id", "kiosk-1").add("timestamp", time).add("previous_code", chain.toHex())
          .add("encrypted", BallotJson.encode(b)).add("tracking_code", b.trackingCode())
          .add("challenged", challenged));
      chain = b.confirmationCode();
      if (challenged) {
        post(board, state, Submissions.challenged(he, "request-" + i, b, seed, p, kioskKey), time++);
      } else {
        post(board, state, Submissions.cast(he, "request-" + i, b, kioskKey), time++);
        acc.add(b);
      }
    }
    post(board, state, new EntryPayload.PollsClosed(state.closing()), time++);
    out.put("ballots.json", Json.createObjectBuilder()
        .add("description", "Ballots of §5 encrypted from their seeds (all nonces derive from the seed, §3.2), "
            + "under the election of ceremony.json; the fourth is challenged")
        .add("extended_hash", he.toHex()).add("chain_start", ConfirmationCodes.chainStart(he, "kiosk-1").toHex())
        .add("chain_close", ConfirmationCodes.chainClose(he, "kiosk-1", chain, 4).toHex())
        .add("ballots", ballots).build());

    // --- decryption by guardians 1 and 3
    EncryptedTally tally = acc.result();
    Decryptor decryptor = new Decryptor(config);
    List<DecryptionShare> dshares = new ArrayList<>();
    JsonArrayBuilder shareJson = Json.createArrayBuilder();
    for (int g : new int[] {1, 3}) {
      DecryptionShare share = decryptor.partialDecrypt(keys.get(g - 1), tally, random);
      dshares.add(share);
      shareJson.add(TallyJson.encode(share));
    }
    ElectionResult result = decryptor.combine(tally, dshares, 1);
    JsonObjectBuilder lagrange = Json.createObjectBuilder();
    Lagrange.coefficients(new TreeSet<>(List.of(1, 3))).forEach((g, w) -> lagrange.add(String.valueOf(g), w.toHex()));
    out.put("decryption.json", Json.createObjectBuilder()
        .add("description", "Tally of the three cast ballots of ballots.json (§8.1), partial decryptions by "
            + "guardians 1 and 3 (§8.2), Lagrange coefficients (§8.3) and the result")
        .add("encrypted_tally", TallyJson.encode(tally)).add("decryption_shares", shareJson)
        .add("lagrange_coefficients", lagrange).add("result", TallyJson.encode(result)).build());

    // --- the board with heads and proofs
    board.signHead(boardKey, time++);
    var tree = board.tree();
    long size = tree.size();
    JsonArrayBuilder entries = Json.createArrayBuilder();
    board.entries().forEach(e -> entries.add(BoardJson.encode(e)));
    JsonArrayBuilder heads = Json.createArrayBuilder();
    board.heads().forEach(h -> heads.add(BoardJson.encode(h)));
    out.put("board.json", Json.createObjectBuilder()
        .add("description", "A board of §9 with entries, two signed heads, an inclusion proof for entry 4 and a "
            + "consistency proof from the first head to the second")
        .add("board_private_key_seed", boardKey.seedHex()).add("board_public_key", boardKey.publicKey().hex())
        .add("kiosk_private_key_seed", kioskKey.seedHex()).add("kiosk_public_key", kioskKey.publicKey().hex())
        .add("board_name", origin.boardName())
        .add("checkpoint_private_key_seed", checkpointKey.seedHex())
        .add("checkpoint_key", checkpointKey.verifierKey().encoded())
        .add("entries", entries).add("signed_heads", heads)
        .add("merkle_root", tree.root().toHex())
        .add("inclusion_proof", BoardJson.encodeInclusion(4, size, tree.inclusionProof(4, size)))
        .add("consistency_proof", BoardJson.encodeConsistency(3, size, tree.consistencyProof(3, size)))
        .add("checkpoint", checkpointKey.signNote(origin.checkpoint(size, tree.root()).text()).format())
        .build());
    out.put("checkpoints.json", checkpoints(origin, checkpointKey, size, tree.root(), boardKey, kioskKey, time));
    out.put("elements.json", elements());
    out.put("ranked.json", RankedVectors.generate(random));
    return out;
  }

  /**
   * Element texts of §1.2: G, −G, 2G and 3G with their coordinates, their wire text and the
   * content of their ELEMENT hash item (§2.1); the identity where tally fields allow it; and texts that break one
   * rule each, with the rule's number and the decoder's reason. Uses no randomness (the other files' byte stream is
   * unchanged).
   */
  static JsonObject elements() {
    JsonArrayBuilder valid = Json.createArrayBuilder();
    Map<String, Element> points = new LinkedHashMap<>();
    points.put("G", Element.G);
    points.put("-G", Element.G.negate());
    points.put("2G", Element.G.add(Element.G));
    points.put("3G", Element.gPow(Scalar.of(3)));
    points.forEach((name, e) -> {
      byte[] u = e.toUncompressedBytes();
      valid.add(Json.createObjectBuilder().add("name", name)
          .add("x", Hex.encode(java.util.Arrays.copyOfRange(u, 1, 33)))
          .add("y", Hex.encode(java.util.Arrays.copyOfRange(u, 33, 65)))
          .add("uncompressed", Hex.encode(u)).add("text", e.encode())
          .add("hash_item_content", Hex.encode(e.toBytes())));
    });
    String[][] bad = {
        {"2", "G without its first character", HostilePoints.tooShort()},
        {"2", "the identity outside a tally field", Element.IDENTITY_TEXT},
        {"2", "evote/1's text of G (66 hex characters of the compressed point)", HostilePoints.compressedHex()},
        {"3", "standard base64 '+' in place of the 41st character", HostilePoints.badCharacter()},
        {"3", "padded: the text of the 65 bytes followed by '='",
            Element.G.encode().substring(0, 86) + "="},
        {"4", "G with an unused low bit of the last character set", HostilePoints.nonCanonical()},
        {"5", "G's coordinates behind the compressed prefix 02", HostilePoints.prefix(2)},
        {"5", "G's coordinates behind the prefix 03", HostilePoints.prefix(3)},
        {"5", "65 zero bytes", org.evote.crypto.group.Base64Url.encode(new byte[65])},
        {"6", "x = p", HostilePoints.xNotBelowP()},
        {"7", "x = G.x, y = p", HostilePoints.yNotBelowP()},
        {"8", "x = G.x, y = G.y + 1", HostilePoints.offCurve()},
    };
    JsonArrayBuilder rejected = Json.createArrayBuilder();
    for (String[] b : bad) {
      String reason;
      try {
        Element.decode(b[2], "element");
        throw new IllegalStateException("the decoder accepts a vector of rule " + b[0] + ": " + b[1]);
      } catch (org.evote.crypto.InvalidFieldException e) {
        reason = e.reason();
      }
      rejected.add(Json.createObjectBuilder().add("rule", Integer.parseInt(b[0])).add("what", b[1])
          .add("text", b[2]).add("reason", reason));
    }
    return Json.createObjectBuilder()
        .add("description", "Element encoding of §1.2: valid points with their coordinates, wire text (base64url "
            + "of the 65 uncompressed bytes, 87 characters) and hash item content (33 compressed bytes, §2.1); the "
            + "identity's text in tally fields; texts rejected by rule number, with this decoder's reason")
        .add("valid", valid)
        .add("identity", Json.createObjectBuilder().add("text", Element.IDENTITY_TEXT)
            .add("hash_item_content", Hex.encode(Element.IDENTITY.toBytes()))
            .add("allowed_in", "the alpha and beta of encrypted_tally.json ciphertexts, and the partial and proof b "
                + "of a decryption share"))
        .add("rejected", rejected)
        .build();
  }

  /**
   * The final checkpoint of the board of board.json cosigned by two witnesses — Ed25519 (0x04, deterministic, so
   * reproducible) and ML-DSA-44 (0x06, hedged signing: verify only) — and the election notice of that board
   * (§9.8, §10.3, V19, V20).
   */
  private static JsonObject checkpoints(BoardOrigin origin, Ed25519NoteSigner checkpointKey, long size, Digest root,
      Ed25519.PrivateKey boardKey, Ed25519.PrivateKey kioskKey, long time) {
    Checkpoint cp = origin.checkpoint(size, root);
    long cosigned = time + 60;
    // Fixed seeds, and the ML-DSA-44 hedge from its own stream: the byte stream of the other vectors is unchanged.
    Cosigner ed = Cosigner.fromSeedHex("witness-1.test-vectors.example", SignatureType.COSIGNATURE_ED25519,
        "d00d0001" + "22".repeat(28), "seed", new DeterministicRandom("evote/1 test vectors: unused"));
    Cosigner ml = Cosigner.fromSeedHex("witness-2.test-vectors.example", SignatureType.COSIGNATURE_ML_DSA_44,
        "d00d0002" + "33".repeat(28), "seed", new DeterministicRandom("evote/1 test vectors: ML-DSA-44 hedge"));
    NoteSignature edLine = ed.cosign(cp, cosigned);
    NoteSignature mlLine = ml.cosign(cp, cosigned);
    SignedNote note = checkpointKey.signNote(cp.text()).withSignatures(List.of(edLine, mlLine));
    ElectionNotice notice = new ElectionNotice(origin.extendedHash(), boardKey.publicKey(),
        checkpointKey.verifierKey(), List.of(
            new ElectionNotice.Witness(java.net.URI.create("https://witness-1.test-vectors.example"),
                ed.verifierKey()),
            new ElectionNotice.Witness(java.net.URI.create("https://witness-2.test-vectors.example"),
                ml.verifierKey())), 2,
        List.of(new ElectionNotice.Kiosk("kiosk-1", kioskKey.publicKey())));
    return Json.createObjectBuilder()
        .add("description", "The final checkpoint of the board of board.json (§9.8), its checkpoint key, two "
            + "witness cosignatures (c2sp.org/tlog-cosignature) and the election notice of that board (§10.3); with "
            + "board.json, ceremony.json and decryption.json they pass V19 and V20")
        .add("checkpoint_private_key_seed", checkpointKey.seedHex())
        .add("checkpoint_key", checkpointKey.verifierKey().encoded())
        .add("checkpoint_text", cp.text())
        .add("checkpoint", checkpointKey.signNote(cp.text()).format())
        .add("cosignatures", Json.createArrayBuilder()
            .add(Json.createObjectBuilder().add("type", "0x04 Ed25519 cosignature")
                .add("private_key_seed", ed.seedHex()).add("vkey", ed.verifierKey().encoded())
                .add("timestamp", cosigned)
                .add("signed_message", "cosignature/v1\ntime " + cosigned + "\n" + cp.text())
                .add("line", edLine.line()))
            .add(Json.createObjectBuilder().add("type", "0x06 ML-DSA-44 cosignature")
                .add("key_generation_seed", ml.seedHex()).add("vkey", ml.verifierKey().encoded())
                .add("timestamp", cosigned)
                .add("signed_message_hex", java.util.HexFormat.of().formatHex(mlDsaMessage(ml.name(), cosigned,
                    cp)))
                .add("line", mlLine.line())
                .add("note", "ML-DSA-44 signing is hedged (FIPS 204, randomized): verify this signature, it "
                    + "cannot be reproduced")))
        .add("cosigned_checkpoint", note.format())
        .add("notice", NoticeJson.encode(notice))
        .add("notice_hash", NoticeJson.hash(notice).toHex())
        .build();
  }

  /** The tlog-cosignature ML-DSA-44 signed message, written out here independently of the library's. */
  static byte[] mlDsaMessage(String name, long time, Checkpoint cp) {
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    b.writeBytes("subtree/v1\n\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    byte[] n = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    b.write(n.length);
    b.writeBytes(n);
    b.writeBytes(java.nio.ByteBuffer.allocate(8).putLong(time).array());
    byte[] o = cp.origin().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    b.write(o.length);
    b.writeBytes(o);
    b.writeBytes(java.nio.ByteBuffer.allocate(16).putLong(0).putLong(cp.size()).array());
    b.writeBytes(cp.rootHash().toBytes());
    return b.toByteArray();
  }

  /** Appends an entry the board's rules admit (the vectors' board is valid). */
  private static void post(BulletinBoard board, BoardState state, EntryPayload p, long time) {
    EntryFacts facts = BoardJson.facts(p);
    if (state.admit(facts, board.entries().size(), time) instanceof Admission.Refused r) {
      throw new IllegalStateException("the vectors' board breaks a rule: " + r.first());
    }
    board.append(p.kind(), time, BoardJson.payloadText(p));
    state.apply(facts, time);
  }

  private static JsonObject item(String type, String value) {
    return Json.createObjectBuilder().add("type", type).add("value", value).build();
  }
}
