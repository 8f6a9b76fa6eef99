package org.evote.witness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.note.AddCheckpointRequest;
import org.evote.crypto.note.Checkpoint;
import org.evote.crypto.note.Ed25519NoteSigner;
import org.evote.crypto.note.NoteSignature;
import org.evote.crypto.note.NoteVerification;
import org.evote.crypto.note.SignatureType;
import org.evote.crypto.note.SignedNote;
import org.evote.crypto.note.VerifierKey;
import org.evote.crypto.note.WitnessPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /add-checkpoint} and the monitoring API of a real witness: every status c2sp.org/tlog-witness names. */
class AddCheckpointTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  @TempDir
  Path tmp;
  private TestLog log;
  private TestWitness witness;
  private WitnessClient client;

  @BeforeEach
  void start() throws Exception {
    log = TestLog.create("board.example.org", RANDOM);
    witness = TestWitness.init(tmp, RANDOM).serve(RANDOM, log);
    client = witness.client;
  }

  @AfterEach
  void stop() {
    witness.close();
  }

  private static List<NoteSignature> lines(WitnessClient.Answer a) {
    return SignedNote.parseSignatureLines(a.body(), "answer");
  }

  private void assertRefused(int status, WitnessClient.Answer a) {
    assertEquals(status, a.status(), a.body());
    assertTrue(a.contentType().startsWith("text/plain"), a.contentType());
    assertTrue(a.body().endsWith("\n") && a.body().indexOf('\n') == a.body().length() - 1 && a.body().length() > 1,
        "one line of reason: " + a.body());
  }

  private long latestSize() throws Exception {
    WitnessClient.Answer a = client.checkpoint(log.origin());
    assertEquals(200, a.status(), a.body());
    return Checkpoint.parse(SignedNote.parse(a.body()).text()).size();
  }

  @Test
  void cosignsWithBothKeysAndTheCosignaturesVerifyWithTheWitnesssVerifierKeys() throws Exception {
    long before = Instant.now().getEpochSecond();
    WitnessClient.Answer a = client.addCheckpoint(log.request(0, 5));
    long after = Instant.now().getEpochSecond();
    assertEquals(200, a.status(), a.body());
    List<NoteSignature> cosignatures = lines(a);
    assertEquals(2, cosignatures.size());
    assertEquals(List.of(SignatureType.COSIGNATURE_ED25519, SignatureType.COSIGNATURE_ML_DSA_44),
        witness.vkeys.stream().map(VerifierKey::type).toList());
    // As the spec suggests a client does: append the answer to the checkpoint and verify with the witness's keys.
    SignedNote cosigned = log.signed(5).withSignatures(cosignatures);
    for (VerifierKey k : witness.vkeys) {
      VerifierKey printed = VerifierKey.parse(k.encoded(), "vkey");
      NoteVerification v = cosigned.verify(List.of(printed));
      assertInstanceOf(NoteVerification.Verified.class, v, k.type().toString());
    }
    for (NoteSignature s : cosignatures) {
      assertTrue(s.cosignatureTimestamp() >= before && s.cosignatureTimestamp() <= after, "timestamp is now");
    }
    // The monitoring API serves the checkpoint with the log's signature and both cosignatures: a policy of this one
    // witness (both its keys) holds, and both keys verified.
    WitnessClient.Answer served = client.checkpoint(log.origin());
    assertEquals(200, served.status());
    WitnessPolicy.Result r = new WitnessPolicy(log.vkey(), witness.vkeys, 1).check(SignedNote.parse(served.body()));
    assertEquals(witness.vkeys, assertInstanceOf(WitnessPolicy.Result.Satisfied.class, r).cosignedBy());
  }

  @Test
  void followsTheLogAsItGrowsWithConsistencyProofs() throws Exception {
    assertEquals(200, client.addCheckpoint(log.request(0, 1)).status());
    for (long[] step : new long[][] {{1, 2}, {2, 7}, {7, 8}, {8, 8}, {8, 100}, {100, 257}}) {
      WitnessClient.Answer a = client.addCheckpoint(log.request(step[0], step[1]));
      assertEquals(200, a.status(), a.body());
      assertEquals(step[1], latestSize());
    }
  }

  @Test
  void anUnknownOriginIs404() throws Exception {
    TestLog stranger = TestLog.create("other.example.org", RANDOM);
    assertRefused(404, client.addCheckpoint(stranger.request(0, 3)));
    assertRefused(404, client.checkpoint(log.origin()));
    assertRefused(404, client.get("/" + "ab".repeat(32) + "/checkpoint"));
    assertRefused(404, client.get("/not-a-hash/checkpoint"));
  }

  @Test
  void noTrustedSignatureOrAFailingOneIs403() throws Exception {
    log.growTo(4);
    String text = log.checkpoint(4).text();
    // Same key name, another key: its line is ignored, and no trusted signature is left.
    SignedNote impostor = Ed25519NoteSigner.generate(log.origin(), RANDOM).signNote(text);
    assertRefused(403, client.addCheckpoint(new AddCheckpointRequest(0, List.of(), impostor).body()));
    // The trusted key's name and ID, a signature that does not verify.
    byte[] sig = log.key.sign(text).signature();
    sig[0] ^= 1;
    SignedNote forged = new SignedNote(text, List.of(new NoteSignature(log.origin(), log.vkey().keyId(), sig)));
    assertRefused(403, client.addCheckpoint(new AddCheckpointRequest(0, List.of(), forged).body()));
    // A valid signature next to a failing one of the same key is still refused (the note is malformed).
    SignedNote both = log.signed(4).withSignatures(forged.signatures());
    assertRefused(403, client.addCheckpoint(new AddCheckpointRequest(0, List.of(), both).body()));
    assertRefused(404, client.checkpoint(log.origin()));
  }

  @Test
  void aMalformedBodyOrAnOldSizeAboveTheCheckpointIs400() throws Exception {
    assertRefused(400, client.addCheckpoint("hello".getBytes(StandardCharsets.UTF_8)));
    assertRefused(400, client.addCheckpoint(new byte[0]));
    assertRefused(400, client.addCheckpoint(new byte[] {'o', 'l', 'd', ' ', '0', '\n', '\n', (byte) 0xff, '\n'}));
    String note = log.growTo(3).signed(3).format();
    assertRefused(400, client.addCheckpoint(("old 00\n\n" + note).getBytes(StandardCharsets.UTF_8)));
    assertRefused(400, client.addCheckpoint(("old 0\n" + note).getBytes(StandardCharsets.UTF_8)));
    assertRefused(400, client.addCheckpoint(("old 0\nnot base64!\n\n" + note).getBytes(StandardCharsets.UTF_8)));
    StringBuilder tooLong = new StringBuilder("old 1\n");
    String line = Base64.getEncoder().encodeToString(new byte[32]) + "\n";
    tooLong.append(line.repeat(AddCheckpointRequest.MAX_PROOF_LINES + 1)).append('\n').append(note);
    assertRefused(400, client.addCheckpoint(tooLong.toString().getBytes(StandardCharsets.UTF_8)));
    assertRefused(400, client.addCheckpoint(new AddCheckpointRequest(4, List.of(), log.signed(3)).body()));
    assertRefused(413, client.addCheckpoint(new byte[WitnessApi.MAX_BODY_BYTES + 1]));
    assertRefused(404, client.checkpoint(log.origin()));
    // Other paths and methods: a plain one-line 404 too.
    assertRefused(404, client.get("/add-checkpoint"));
    assertRefused(404, client.get("/"));
  }

  /** A signed checkpoint of {@code size} whose note is {@code bytes} long, padded with an extension line. */
  private SignedNote noteOfBytes(long size, int bytes) {
    Checkpoint bare = log.growTo(size).checkpoint(size);
    int overhead = log.key.signNote(new Checkpoint(log.origin(), size, bare.rootHash(), List.of("x")).text())
        .bytes().length - 1;
    Checkpoint padded = new Checkpoint(log.origin(), size, bare.rootHash(), List.of("x".repeat(bytes - overhead)));
    SignedNote note = log.key.signNote(padded.text());
    assertEquals(bytes, note.bytes().length);
    return note;
  }

  @Test
  void aCheckpointTooLargeToServeWithTheCosignaturesIsMalformed400BeforeAnyOtherCheck() throws Exception {
    // The largest checkpoint accepted is cosigned, and the note served with its cosignatures can be read back.
    SignedNote largest = noteOfBytes(3, AddCheckpointRequest.MAX_CHECKPOINT_BYTES);
    assertEquals(200, client.addCheckpoint(new AddCheckpointRequest(0, List.of(), largest).body()).status());
    SignedNote served = SignedNote.parse(client.checkpoint(log.origin()).body());
    assertEquals(largest.text(), served.text());
    assertInstanceOf(WitnessPolicy.Result.Satisfied.class, new WitnessPolicy(log.vkey(), witness.vkeys, 1)
        .check(served));
    // One byte more is malformed (step 1), whatever a later step would have said: here a stale old size (409) ...
    SignedNote tooLarge = noteOfBytes(3, AddCheckpointRequest.MAX_CHECKPOINT_BYTES + 1);
    assertRefused(400, client.addCheckpoint(new AddCheckpointRequest(0, List.of(), tooLarge).body()));
    // ... or a signature that does not verify (403).
    byte[] sig = tooLarge.signatures().get(0).signature();
    sig[0] ^= 1;
    SignedNote forged = new SignedNote(tooLarge.text(), List.of(new NoteSignature(log.origin(), log.vkey().keyId(), sig)));
    assertRefused(400, client.addCheckpoint(new AddCheckpointRequest(3, List.of(), forged).body()));
    // Too many signature lines to add the two cosignatures to is malformed too, and 62 are cosigned.
    List<NoteSignature> many = new ArrayList<>(log.growTo(5).signed(5).signatures());
    while (many.size() < AddCheckpointRequest.MAX_CHECKPOINT_SIGNATURES) {
      many.add(Ed25519NoteSigner.generate("other.example/" + many.size(), RANDOM).sign(log.checkpoint(5).text()));
    }
    List<org.evote.crypto.hash.Digest> proof = log.tree.consistencyProof(3, 5);
    SignedNote most = new SignedNote(log.checkpoint(5).text(), many);
    many.add(Ed25519NoteSigner.generate("other.example/last", RANDOM).sign(log.checkpoint(5).text()));
    SignedNote tooMany = new SignedNote(log.checkpoint(5).text(), many);
    assertRefused(400, client.addCheckpoint(new AddCheckpointRequest(3, proof, tooMany).body()));
    assertEquals(200, client.addCheckpoint(new AddCheckpointRequest(3, proof, most).body()).status());
    assertEquals(5, latestSize());
  }

  @Test
  void anOldSizeOtherThanTheLatestCosignedIs409WithThatSizeAndTheClientResubmitsFromIt() throws Exception {
    WitnessClient.Answer first = client.addCheckpoint(log.request(3, 10));
    assertEquals(409, first.status());
    assertEquals(WitnessApi.SIZE_CONTENT_TYPE, first.contentType());
    assertEquals("0\n", first.body());
    assertEquals(200, client.addCheckpoint(log.request(0, 10)).status());
    // A log that lost track of the witness sends old 0 and learns the size it must prove from.
    WitnessClient.Answer stale = client.addCheckpoint(log.request(0, 20));
    assertEquals(409, stale.status());
    assertEquals(WitnessApi.SIZE_CONTENT_TYPE, stale.contentType());
    long known = Long.parseLong(stale.body().substring(0, stale.body().length() - 1));
    assertEquals("10\n", stale.body());
    assertEquals(409, client.addCheckpoint(log.request(12, 20)).status());
    assertEquals(200, client.addCheckpoint(log.request(known, 20)).status());
    assertEquals(20, latestSize());
  }

  @Test
  void inconsistentCheckpointsAre422AndKeptAsEvidenceButNeverCosigned() throws Exception {
    WitnessStore store = storeOf();
    // A proof from size 0 must be empty.
    byte[] withProof = new AddCheckpointRequest(0, List.of(Digest.of(new byte[32])), log.growTo(4).signed(4)).body();
    assertRefused(422, client.addCheckpoint(withProof));
    assertRefused(404, client.checkpoint(log.origin()));
    // The empty tree must have the root SHA-256("").
    String emptyWrong = log.origin() + "\n0\n" + Base64.getEncoder().encodeToString(new byte[32]) + "\n";
    assertRefused(422, client.addCheckpoint(("old 0\n\n" + log.key.signNote(emptyWrong).format())
        .getBytes(StandardCharsets.UTF_8)));
    assertEquals(2, store.evidenceCount(log.origin()));

    assertEquals(200, client.addCheckpoint(log.request(0, 6)).status());
    // A proof that does not verify: one hash changed.
    List<Digest> proof = new ArrayList<>(log.growTo(11).tree.consistencyProof(6, 11));
    proof.set(0, Digest.of(new byte[32]));
    assertRefused(422, client.addCheckpoint(new AddCheckpointRequest(6, proof, log.signed(11)).body()));
    // No proof at all, and a proof between equal sizes.
    assertRefused(422, client.addCheckpoint(new AddCheckpointRequest(6, List.of(), log.signed(11)).body()));
    assertRefused(422, client.addCheckpoint(new AddCheckpointRequest(6, proof.subList(0, 1), log.signed(6)).body()));
    assertEquals(6, latestSize());
    // Evidence is one row per distinct signed note: the same note replayed with other proofs adds nothing.
    assertEquals(4, store.evidenceCount(log.origin()));
    assertRefused(422, client.addCheckpoint(new AddCheckpointRequest(6, proof.subList(0, 2), log.signed(11)).body()));
    assertEquals(4, store.evidenceCount(log.origin()));
    // Refusals without a valid log signature are not evidence.
    TestLog stranger = TestLog.create("other.example.org", RANDOM);
    assertRefused(404, client.addCheckpoint(stranger.request(0, 3)));
    assertEquals(0, store.evidenceCount(stranger.origin()));
    assertEquals(200, client.addCheckpoint(log.request(6, 11)).status());
  }

  @Test
  void aSplitViewIsRefused422AtTheSameSizeAnd409AtASmallerOne() throws Exception {
    TestLog other = log.fork("forked");
    assertEquals(200, client.addCheckpoint(log.request(0, 8)).status());
    other.growTo(12);
    assertRefused(422, client.addCheckpoint(other.request(8, 8)));
    WitnessClient.Answer smaller = client.addCheckpoint(other.request(6, 6));
    assertEquals(409, smaller.status());
    assertEquals("8\n", smaller.body());
    assertRefused(422, client.addCheckpoint(other.request(8, 12)));
    assertEquals(8, latestSize());
    assertEquals(2, storeOf().evidenceCount(log.origin()));
    // The honest history goes on being cosigned.
    assertEquals(200, client.addCheckpoint(log.request(8, 12)).status());
  }

  @Test
  void theFirstStatusThatAppliesInTheSpecifiedOrderIsTheAnswer() throws Exception {
    assertEquals(200, client.addCheckpoint(log.request(0, 3)).status());
    // A forged signature (403) with a stale old size (409): 403, signature before old size.
    String text = log.growTo(5).checkpoint(5).text();
    byte[] sig = log.key.sign(text).signature();
    sig[0] ^= 1;
    SignedNote forged = new SignedNote(text, List.of(new NoteSignature(log.origin(), log.vkey().keyId(), sig)));
    assertRefused(403, client.addCheckpoint(new AddCheckpointRequest(0, List.of(), forged).body()));
    // An unknown origin (404) with an old size above the checkpoint's (400 at step 4): 404, origin first.
    TestLog stranger = TestLog.create("other.example.org", RANDOM);
    assertRefused(404, client.addCheckpoint(new AddCheckpointRequest(7, List.of(),
        stranger.growTo(3).signed(3)).body()));
    // A body that does not parse (400 at step 1) with an unknown origin (404): 400, parsing first.
    assertRefused(400, client.addCheckpoint(("old 00\n\n" + stranger.signed(3).format())
        .getBytes(StandardCharsets.UTF_8)));
    // A forged signature with an old size above the checkpoint's: 403, before step 4's 400.
    assertRefused(403, client.addCheckpoint(new AddCheckpointRequest(6, List.of(), forged).body()));
    assertEquals(3, latestSize());
  }

  /** A clock the test sets, to turn it back. */
  private static final class SetClock extends java.time.Clock {
    private final java.util.concurrent.atomic.AtomicLong seconds;

    SetClock(long seconds) {
      this.seconds = new java.util.concurrent.atomic.AtomicLong(seconds);
    }

    void set(long s) {
      seconds.set(s);
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public java.time.Clock withZone(java.time.ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochSecond(seconds.get());
    }
  }

  private static long timeOf(WitnessClient.Answer a) {
    assertEquals(200, a.status(), a.body());
    List<Long> times = lines(a).stream().map(NoteSignature::cosignatureTimestamp).distinct().toList();
    assertEquals(1, times.size(), "both cosignatures carry one time");
    return times.get(0);
  }

  @Test
  void cosignatureTimesNeverGoBackwardsWhenTheClockDoes() throws Exception {
    witness.stop();
    SetClock clock = new SetClock(1_800_000_000L);
    witness.serve(RANDOM, clock, log);
    client = witness.client;
    assertEquals(1_800_000_000L, timeOf(client.addCheckpoint(log.request(0, 3))));
    clock.set(1_700_000_000L);
    assertEquals(1_800_000_000L, timeOf(client.addCheckpoint(log.request(3, 5))));
    // Across a restart too: the time is the one stored with the origin's latest checkpoint.
    witness.stop();
    witness.serve(RANDOM, clock, log);
    client = witness.client;
    assertEquals(1_800_000_000L, timeOf(client.addCheckpoint(log.request(5, 5))));
    clock.set(1_800_000_100L);
    assertEquals(1_800_000_100L, timeOf(client.addCheckpoint(log.request(5, 9))));
  }

  @Test
  void theStateSurvivesARestart() throws Exception {
    assertEquals(200, client.addCheckpoint(log.request(0, 5)).status());
    String served = client.checkpoint(log.origin()).body();
    witness.stop();
    witness.serve(RANDOM, log);
    client = witness.client;
    assertEquals(served, client.checkpoint(log.origin()).body());
    assertEquals("5\n", client.addCheckpoint(log.request(0, 7)).body());
    assertEquals(200, client.addCheckpoint(log.request(5, 7)).status());
  }

  private WitnessStore storeOf() {
    return witness.host().store();
  }
}
