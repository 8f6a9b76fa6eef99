package org.evote.crypto.testing;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.evote.crypto.ballot.BallotSeed;
import org.evote.crypto.ballot.EncryptedBallot;
import org.evote.crypto.ballot.PlaintextBallot;
import org.evote.crypto.ballot.RandomBallots;
import org.evote.crypto.board.BoardState;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.board.EntryPayload;
import org.evote.crypto.ceremony.CeremonyTranscript;
import org.evote.crypto.ceremony.GuardianKey;
import org.evote.crypto.ceremony.GuardianRecord;
import org.evote.crypto.ceremony.KeyCeremony;
import org.evote.crypto.decrypt.DecryptionShare;
import org.evote.crypto.decrypt.Decryptor;
import org.evote.crypto.decrypt.ElectionResult;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.election.ElectionHashes;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.BoardJson;
import org.evote.crypto.json.JsonHashes;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.json.ManifestJson;
import org.evote.crypto.json.TallyJson;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.note.Cosigner;
import org.evote.crypto.note.SignatureType;
import org.evote.crypto.note.SignedNote;
import org.evote.crypto.notice.ElectionNotice;
import org.evote.crypto.notice.NoticeJson;
import org.evote.crypto.record.RecordWriter;
import org.evote.crypto.tally.EncryptedTally;
import org.evote.crypto.tally.TallyAccumulator;

/**
 * A complete small election for tests: ceremony, board with kiosks, cast and challenged ballots, poll closing,
 * tally, decryption by a quorum and the record files. Everything real; randomness from the given SecureRandom.
 */
public final class TestElection {
  public final Manifest manifest;
  public final ElectionConfig config;
  public final List<GuardianKey> keys;
  public final Ed25519.PrivateKey boardKey;
  public final BulletinBoard board;
  /** Election day on {@link #board}: the board key, the kiosks, the clock and the rules' state. */
  public final PollingBoard polling;
  public final List<PlaintextBallot> castPlaintexts = new ArrayList<>();
  public EncryptedTally tally;
  public List<DecryptionShare> shares;
  public ElectionResult result;
  /** The mix cascade (one mix per present guardian) when the manifest has mixed contests, else empty. */
  public List<org.evote.crypto.mix.MixFile> mixes = List.of();
  /** The final lists' decryption, decoded rows and counts when the manifest has mixed contests, else null. */
  public org.evote.crypto.decrypt.MixDecryption.Outcome mixed;
  /** The key ceremony's public transcript, written into the record (tests may replace it). */
  public CeremonyTranscript transcript;
  private final SecureRandom random;
  /** The board's rules' view of {@link #board}: every posted entry is applied, so chains and closes follow it. */
  public final BoardState state;
  /** The quorum of {@link #witnesses} that {@link #notice()} requires. */
  public static final int WITNESS_QUORUM = 2;
  /**
   * The board's witnesses: two Ed25519 cosigners (0x04) and one ML-DSA-44 cosigner (0x06), their seeds derived
   * from the board key so the fixture's random stream is unchanged; all three cosign {@link #checkpoint()}.
   */
  public final List<Cosigner> witnesses;

  public TestElection(Manifest manifest, int guardians, int quorum, SecureRandom random) {
    this(manifest, guardians, quorum, random, UnaryOperator.identity());
  }

  /** An election whose published guardian records are {@code records} applied to the ceremony's (tamper tests). */
  public TestElection(Manifest manifest, int guardians, int quorum, SecureRandom random,
      UnaryOperator<List<GuardianRecord>> records) {
    this.random = random;
    this.manifest = manifest;
    Digest hb = ElectionHashes.baseHash(manifest, guardians, quorum);
    KeyCeremony.Outcome outcome = KeyCeremony.run(hb, guardians, quorum, random);
    this.config = new ElectionConfig(manifest, guardians, quorum, records.apply(outcome.records()));
    this.keys = outcome.keys();
    this.transcript = outcome.transcript(config.extendedHash());
    this.polling = PollingBoard.unchecked(config, 1_700_000_000L, random);
    this.boardKey = polling.boardKey;
    this.board = polling.board;
    this.state = polling.state;
    this.witnesses = List.of(witness(1, SignatureType.COSIGNATURE_ED25519),
        witness(2, SignatureType.COSIGNATURE_ED25519), witness(3, SignatureType.COSIGNATURE_ML_DSA_44));
  }

  private Cosigner witness(int i, SignatureType type) {
    try {
      String seed = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(("witness " + i + " of " + boardKey.seedHex()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      return Cosigner.fromSeedHex("witness-" + i + ".test", type, seed, "seed", random);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The checkpoint of the whole board as the board serves it: signed, and cosigned by every witness. */
  public SignedNote checkpoint() {
    return polling.checkpoint(witnesses);
  }

  /** The election notice of this board: its keys, its registered kiosks, the witnesses, quorum 2. */
  public ElectionNotice notice() {
    return polling.notice(witnesses, WITNESS_QUORUM);
  }

  /** Writes {@link #notice()} to {@code file}. */
  public Path writeNotice(Path file) throws IOException {
    JsonText.write(file, NoticeJson.encode(notice()));
    return file;
  }

  /** A test manifest: a file of shared/testdata/electionguard, or one under the repository's docs/ ("docs/…"). */
  public static Manifest manifest(String file) {
    try {
      java.nio.file.Path path = file.startsWith("docs/") ? TestData.repoRoot().resolve(file)
          : TestData.path("electionguard/" + file);
      return ManifestJson.decode(JsonText.readObject(path));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Appends an entry, valid or not (tests build bad boards too), and applies it to {@link #state}. */
  public void post(EntryPayload payload) {
    polling.post(payload);
  }

  public void registerKiosk(String id) {
    polling.registerKiosk(id);
  }

  public void openPolls() {
    polling.openPolls();
  }

  /** Encrypts and posts a ballot from {@code kiosk}; challenged ones are posted with their seed. */
  public EncryptedBallot vote(String kiosk, PlaintextBallot plaintext, boolean challenge) {
    EncryptedBallot b = polling.vote(kiosk, plaintext, challenge);
    if (!challenge) {
      castPlaintexts.add(plaintext);
    }
    return b;
  }

  /** Encrypts a ballot at {@code kiosk} on the board's clock, continuing from {@code previousCode}. */
  public EncryptedBallot encrypt(String kiosk, PlaintextBallot plaintext, BallotSeed seed, Digest previousCode) {
    return polling.encrypt(kiosk, plaintext, seed, previousCode);
  }

  /** Posts {@code b} as cast, signed with {@code kioskKey} (not added to {@link #castPlaintexts}). */
  public void cast(EncryptedBallot b, Ed25519.PrivateKey kioskKey) {
    polling.cast(b, kioskKey);
  }

  /** Posts {@code b} as challenged with the disclosed seed and plaintext, signed with {@code kioskKey}. */
  public void challenge(EncryptedBallot b, BallotSeed seed, PlaintextBallot plaintext, Ed25519.PrivateKey kioskKey) {
    polling.challenge(b, seed, plaintext, kioskKey);
  }

  /** A random valid plaintext for a style ({@link RandomBallots}: each contest gets 0..L marks). */
  public PlaintextBallot randomPlaintext(String ballotId, String style) {
    return RandomBallots.forStyle(manifest, ballotId, style, random);
  }

  public void closePolls() {
    polling.closePolls();
  }

  /** Tallies the cast ballots and decrypts with the guardians at {@code present} (1-based indices). */
  public void tally(int... present) throws Decryptor.DecryptionException {
    tally(Tamper.NONE, present);
  }

  /**
   * Changes made to a tally as it is formed, for tamper tests: the encrypted tally before it is decrypted, the
   * shares after the result is combined from the honest ones, the result, and the published entry.
   */
  public record Tamper(UnaryOperator<EncryptedTally> tally, UnaryOperator<List<DecryptionShare>> shares,
      UnaryOperator<ElectionResult> result, UnaryOperator<EntryPayload.TallyPublished> entry) {
    public static final Tamper NONE = new Tamper(UnaryOperator.identity(), UnaryOperator.identity(),
        UnaryOperator.identity(), UnaryOperator.identity());

    public static Tamper tally(UnaryOperator<EncryptedTally> edit) {
      return new Tamper(edit, UnaryOperator.identity(), UnaryOperator.identity(), UnaryOperator.identity());
    }

    public static Tamper shares(UnaryOperator<List<DecryptionShare>> edit) {
      return new Tamper(UnaryOperator.identity(), edit, UnaryOperator.identity(), UnaryOperator.identity());
    }

    public static Tamper result(UnaryOperator<ElectionResult> edit) {
      return new Tamper(UnaryOperator.identity(), UnaryOperator.identity(), edit, UnaryOperator.identity());
    }

    public static Tamper entry(UnaryOperator<EntryPayload.TallyPublished> edit) {
      return new Tamper(UnaryOperator.identity(), UnaryOperator.identity(), UnaryOperator.identity(), edit);
    }
  }

  /** {@link #tally(int...)} with {@code tamper}'s changes; the entry posted holds the hashes of what is written. */
  public void tally(Tamper tamper, int... present) throws Decryptor.DecryptionException {
    TallyAccumulator acc = new TallyAccumulator(manifest);
    long challenged = 0;
    for (var e : board.entries()) {
      EntryPayload p = BoardJson.decodePayload(e);
      if (p instanceof EntryPayload.BallotCast c) {
        acc.add(c.ballot());
      } else if (p instanceof EntryPayload.BallotChallenged) {
        challenged++;
      }
    }
    tally = tamper.tally().apply(acc.result());
    mix(present);
    Decryptor d = new Decryptor(config);
    shares = new ArrayList<>();
    for (int g : present) {
      shares.add(d.partialDecrypt(keys.get(g - 1), tally, random));
    }
    result = tamper.result().apply(d.combine(tally, shares, challenged));
    shares = tamper.shares().apply(shares);
    List<JsonObject> shareJson = shares.stream().map(TallyJson::encode).toList();
    post(tamper.entry().apply(new EntryPayload.TallyPublished(JsonHashes.of(TallyJson.encode(tally)),
        JsonHashes.ofShares(shareJson), JsonHashes.of(TallyJson.encode(result)))));
  }

  public void signHead() {
    polling.signHead();
  }

  /**
   * The mix cascade of the cast ballots' rows (§13.5) if the manifest has mixed contests: each guardian of
   * {@code present} mixes in turn, then they decrypt the final lists; kept in {@link #mixes} and {@link #mixed}.
   */
  public void mix(int... present) throws Decryptor.DecryptionException {
    org.evote.crypto.tally.MixInput input = new org.evote.crypto.tally.MixInput(manifest);
    for (var e : board.entries()) {
      if (e.kind() == EntryKind.BALLOT_CAST
          && BoardJson.decodePayload(e) instanceof EntryPayload.BallotCast c) {
        input.add(c.ballot());
      }
    }
    if (!input.any()) {
      return;
    }
    List<org.evote.crypto.mix.MixList> lists = input.lists();
    List<org.evote.crypto.mix.MixFile> made = new ArrayList<>();
    List<GuardianKey> present_ = new ArrayList<>();
    for (int g : present) {
      org.evote.crypto.mix.MixFile m = org.evote.crypto.mix.MixCascade.mix(config, keys.get(g - 1),
          made.size() + 1, lists, random, 1);
      made.add(m);
      lists = org.evote.crypto.mix.MixCascade.outputs(lists, m);
      present_.add(keys.get(g - 1));
    }
    mixes = List.copyOf(made);
    try {
      mixed = org.evote.crypto.decrypt.MixDecryption.run(config, lists, present_, random, 1);
    } catch (org.evote.crypto.decrypt.MixedResults.UndecodableRowException ex) {
      throw new IllegalStateException(ex);
    }
  }

  /** Runs a whole election: 2 kiosks, {@code ballots} ballots (every fifth challenged), tally by guardians 1..k. */
  public static TestElection full(Manifest manifest, int guardians, int quorum, int ballots, SecureRandom random)
      throws Decryptor.DecryptionException {
    TestElection e = new TestElection(manifest, guardians, quorum, random);
    e.registerKiosk("kiosk-1");
    e.registerKiosk("kiosk-2");
    e.openPolls();
    e.signHead();
    List<String> styles = manifest.ballotStyles().stream().map(s -> s.id()).toList();
    for (int i = 0; i < ballots; i++) {
      String style = styles.get(i % styles.size());
      String kiosk = i % 2 == 0 ? "kiosk-1" : "kiosk-2";
      e.vote(kiosk, e.randomPlaintext(kiosk + "-" + i, style), i % 5 == 4);
    }
    e.closePolls();
    int[] present = new int[quorum];
    for (int i = 0; i < quorum; i++) {
      present[i] = i + 1;
    }
    e.tally(present);
    e.signHead();
    return e;
  }

  /** Writes the record directory, with the board's checkpoint of all its entries ({@link #checkpoint()}). */
  public void write(Path dir) throws IOException {
    RecordWriter.writeElectionAndBoard(dir, config, board.entries(), board.heads());
    if (transcript != null) {
      RecordWriter.writeTranscript(dir, transcript);
    }
    RecordWriter.writeCheckpoint(dir, checkpoint());
    if (tally != null) {
      RecordWriter.writeTally(dir, tally, shares, result);
    }
    if (mixed != null) {
      RecordWriter.writeMixes(dir, manifest, mixes, mixed.shares(), mixed.decoded(), mixed.counts());
    }
  }

  /** The election's source of randomness (seeded in tests that must be reproducible). */
  public SecureRandom random() {
    return random;
  }

  public Ed25519.PrivateKey kioskKey(String id) {
    return polling.kioskKey(id);
  }

  public EntryKind kindOf(int seq) {
    return board.entries().get(seq).kind();
  }
}
