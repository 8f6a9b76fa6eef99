package org.evote.crypto.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.note.NoteSignature;
import org.evote.crypto.note.SignedNote;
import org.evote.crypto.notice.ElectionNotice;
import org.evote.crypto.notice.NoticeJson;
import org.evote.crypto.record.RecordFiles;
import org.evote.crypto.record.RecordWriter;
import org.evote.crypto.testing.DeterministicRandom;
import org.evote.crypto.testing.TestElection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** V19 and V20 in detail: what each failure names, and the cases the tamper matrix does not cover. */
class CheckpointAndNoticeTest {
  private static final DeterministicRandom RANDOM = new DeterministicRandom("checkpoint and notice");
  private static TestElection election;
  @TempDir
  static Path shared;
  @TempDir
  Path temp;

  @BeforeAll
  static void runElection() throws Exception {
    election = TestElection.full(TestElection.manifest("manifest-small.json"), 3, 2, 4, RANDOM);
  }

  private Path record() throws IOException {
    Path dir = temp.resolve("record");
    election.write(dir);
    return dir;
  }

  private static VerificationReport verify(Path dir, Path notice) throws IOException {
    return RecordFiles.verify(dir, notice, RANDOM, 2, n -> { });
  }

  private static List<String> failures(VerificationReport r, Step s) {
    return r.outcome(s).failures().stream().map(Object::toString).toList();
  }

  private Path notice(ElectionNotice n) throws IOException {
    Path f = temp.resolve("notice-" + System.nanoTime() + ".json");
    JsonText.write(f, NoticeJson.encode(n));
    return f;
  }

  @Test
  void aBoardWithOpenPollsMayComeWithoutACheckpoint() throws Exception {
    TestElection open = new TestElection(election.manifest, 3, 2, RANDOM);
    open.registerKiosk("kiosk-1");
    open.openPolls();
    open.vote("kiosk-1", open.randomPlaintext("b-1", election.manifest.ballotStyles().get(0).id()), false);
    open.signHead();
    Path dir = temp.resolve("open");
    open.write(dir);
    assertEquals(VerificationReport.Status.PASS, verify(dir, null).outcome(Step.V19_BOARD_CHECKPOINT).status());
    Files.delete(dir.resolve(RecordFiles.CHECKPOINT));
    VerificationReport r = verify(dir, open.writeNotice(temp.resolve("open-notice.json")));
    assertEquals(VerificationReport.Status.NOT_APPLICABLE, r.outcome(Step.V19_BOARD_CHECKPOINT).status());
    assertEquals(List.of("checkpoint: no checkpoint to check the witnesses' cosignatures on"),
        failures(r, Step.V20_ELECTION_NOTICE));
  }

  @Test
  void aClosedBoardWithoutCheckpointFailsEvenFromASourceThatHasNone() {
    RecordVerifier.BoardSource noCheckpoint = new RecordVerifier.BoardSource() {
      @Override
      public void forEachEntry(java.util.function.Consumer<jakarta.json.JsonObject> consumer) {
        election.board.entries().forEach(e -> consumer.accept(org.evote.crypto.json.BoardJson.encode(e)));
      }

      @Override
      public List<jakarta.json.JsonObject> heads() {
        return election.board.heads().stream().map(org.evote.crypto.json.BoardJson::encode).toList();
      }
    };
    VerificationReport r = new RecordVerifier(RANDOM, 2, n -> { }).verifyBoard(
        org.evote.crypto.json.ElectionJson.encode(election.config), noCheckpoint).report();
    assertEquals(List.of("checkpoint: missing: a board whose polls are closed is published with its final "
        + "checkpoint"), failures(r, Step.V19_BOARD_CHECKPOINT));
  }

  @Test
  void aCheckpointThatIsNotANoteOrTooLargeFailsV19() throws Exception {
    Path dir = record();
    Files.writeString(dir.resolve(RecordFiles.CHECKPOINT), "not a note\n");
    assertTrue(failures(verify(dir, null), Step.V19_BOARD_CHECKPOINT).get(0).startsWith(
        "checkpoint: not a signed checkpoint"));
    Files.write(dir.resolve(RecordFiles.CHECKPOINT), new byte[SignedNote.MAX_BYTES + 1]);
    assertTrue(failures(verify(dir, null), Step.V19_BOARD_CHECKPOINT).get(0).contains("larger than"));
  }

  @Test
  void aCheckpointOfALongerBoardFailsV19() throws Exception {
    Path dir = record();
    Path shorter = temp.resolve("shorter");
    RecordWriter.writeElectionAndBoard(shorter, election.config, election.board.entries().subList(0,
        election.board.entries().size() - 1), election.board.heads().subList(0, 1));
    Files.copy(dir.resolve(RecordFiles.CHECKPOINT), shorter.resolve(RecordFiles.CHECKPOINT));
    List<String> f = failures(verify(shorter, null), Step.V19_BOARD_CHECKPOINT);
    assertEquals(List.of("checkpoint: covers " + election.board.entries().size() + " entries but the board has "
        + (election.board.entries().size() - 1)), f);
  }

  @Test
  void v20NamesTheForgedWitnessTheMissingKioskAndTheQuorum() throws Exception {
    Path dir = record();
    SignedNote honest = election.checkpoint();
    List<NoteSignature> lines = new ArrayList<>(honest.signatures().subList(0, 2));
    NoteSignature w = honest.signatures().get(2);
    byte[] sig = w.signature();
    sig[10] ^= 1;
    lines.add(new NoteSignature(w.keyName(), w.keyId(), sig));
    lines.add(honest.signatures().get(3));
    RecordWriter.writeCheckpoint(dir, new SignedNote(honest.text(), lines));
    ElectionNotice n = election.notice();
    List<ElectionNotice.Kiosk> kiosks = new ArrayList<>(n.kiosks());
    kiosks.add(new ElectionNotice.Kiosk("kiosk-9", Ed25519.PrivateKey.generate(RANDOM).publicKey()));
    VerificationReport r = verify(dir, notice(new ElectionNotice(n.extendedHash(), n.boardKey(),
        n.checkpointKey(), n.witnesses(), n.witnesses().size(), kiosks)));
    assertEquals(List.of("kiosk kiosk-9: in the notice but not registered on the board",
        "witness witness-2.test: its cosignature on the checkpoint does not verify",
        "checkpoint: cosigned by 2 of the notice's witnesses [witness-1.test, witness-3.test], below the quorum of 3"),
        failures(r, Step.V20_ELECTION_NOTICE));
    assertEquals(VerificationReport.Status.PASS, r.outcome(Step.V19_BOARD_CHECKPOINT).status());
  }

  @Test
  void aCheckpointWithA300ByteOriginAndAGarbageMlDsaLineFailsV20WithoutThrowing() throws Exception {
    Path dir = record();
    SignedNote honest = election.checkpoint();
    org.evote.crypto.note.Checkpoint cp = org.evote.crypto.note.Checkpoint.parse(honest.text());
    org.evote.crypto.note.Checkpoint hostile = new org.evote.crypto.note.Checkpoint("x".repeat(300), cp.size(),
        cp.rootHash());
    org.evote.crypto.note.Cosigner ml = election.witnesses.get(2);
    byte[] garbage = new byte[8 + 2420];
    RANDOM.nextBytes(garbage);
    garbage[0] = 0;
    garbage[7] |= 1;
    List<NoteSignature> lines = new ArrayList<>(honest.signatures());
    lines.add(new NoteSignature(ml.name(), ml.verifierKey().keyId(), garbage));
    RecordWriter.writeCheckpoint(dir, new SignedNote(hostile.text(), lines));
    VerificationReport r = verify(dir, notice(election.notice()));
    assertEquals(VerificationReport.Status.FAIL, r.outcome(Step.V19_BOARD_CHECKPOINT).status());
    List<String> f = failures(r, Step.V20_ELECTION_NOTICE);
    assertTrue(f.contains("witness witness-3.test: its cosignature on the checkpoint does not verify"), f.toString());
    assertFalse(r.isValid());
  }

  @Test
  void aNoticeWithoutWitnessQuorumLeavesTheWitnessCheckUnmade() throws Exception {
    Path dir = record();
    ElectionNotice n = election.notice();
    VerificationReport r = verify(dir, notice(new ElectionNotice(n.extendedHash(), n.boardKey(), n.checkpointKey(),
        List.of(), 0, n.kiosks())));
    assertTrue(r.isValid(), r.render());
    assertEquals(VerificationReport.Status.PASS, r.outcome(Step.V20_ELECTION_NOTICE).status());
    assertEquals(Set.of(VerificationReport.TrustCheck.WITNESS_COSIGNATURES), r.trustChecksNotMade());
    assertFalse(r.anchored());
  }

  @Test
  void anUnreadableOrMissingNoticeFailsV20() throws Exception {
    Path dir = record();
    Path bad = temp.resolve("bad.json");
    Files.writeString(bad, "{\"extended_hash\": 1, \"extended_hash\": 2}");
    VerificationReport unreadable = verify(dir, bad);
    assertTrue(failures(unreadable, Step.V20_ELECTION_NOTICE).get(0).startsWith("notice: cannot be read"));
    assertEquals(java.util.EnumSet.allOf(VerificationReport.TrustCheck.class), unreadable.trustChecksNotMade());
    assertEquals(List.of("notice: cannot be read: absent.json does not exist"),
        failures(verify(dir, temp.resolve("absent.json")), Step.V20_ELECTION_NOTICE));
    Files.writeString(bad, "{}");
    assertEquals(List.of("notice: extended_hash: missing field"), failures(verify(dir, bad),
        Step.V20_ELECTION_NOTICE));
  }
}
