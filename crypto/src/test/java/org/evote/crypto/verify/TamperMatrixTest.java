package org.evote.crypto.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.evote.crypto.ballot.BallotSeed;
import org.evote.crypto.ballot.EncryptedBallot;
import org.evote.crypto.ballot.EncryptedContest;
import org.evote.crypto.ballot.EncryptedSelection;
import org.evote.crypto.ballot.PlaintextBallot;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.board.EntryPayload;
import org.evote.crypto.ceremony.GuardianRecord;
import org.evote.crypto.decrypt.DecryptionShare;
import org.evote.crypto.decrypt.ElectionResult;
import org.evote.crypto.elgamal.Ciphertext;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.Scalar;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.manifest.ContestDescription;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.note.Ed25519NoteSigner;
import org.evote.crypto.note.NoteSignature;
import org.evote.crypto.note.SignedNote;
import org.evote.crypto.record.RecordFiles;
import org.evote.crypto.record.RecordWriter;
import org.evote.crypto.tally.EncryptedTally;
import org.evote.crypto.testing.DeterministicRandom;
import org.evote.crypto.testing.TestElection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tamper matrix: for every step V1–V20 of protocol §10.4, records that differ from an honest one by a single
 * change — made before the board was signed, so only the changed thing is wrong — and the exact set of steps each
 * fails. Every record is verified against an election notice (the honest one unless the case changes it). Every
 * step is failed by at least one case; the honest record fails none.
 */
class TamperMatrixTest {
  /** Each case's own randomness, seeded by its name, so a failing case can be re-run exactly. */
  private SecureRandom random;
  private Manifest manifest;
  @TempDir
  Path temp;

  /**
   * One change to an honest election, and the steps it must fail: to the election as it runs, to the record's files
   * once written ({@code files}, which may re-sign the checkpoint with the election's keys), or to the election
   * notice the record is verified against ({@code notice}, given the honest notice's file).
   */
  record Case(String name, Set<Step> fails, Election election, RecordEdit files, NoticeEdit notice) {
    Case(String name, Set<Step> fails, Election election, UnaryOperator<Path> files) {
      this(name, fails, election, (e, d) -> files.apply(d), (e, n) -> n);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** Changes the record directory written from the election. */
  @FunctionalInterface
  interface RecordEdit {
    void edit(TestElection e, Path dir) throws Exception;
  }

  /** Returns the notice file to verify against, given the honest one. */
  @FunctionalInterface
  interface NoticeEdit {
    Path edit(TestElection e, Path honest) throws Exception;
  }

  /** How the election of a case runs. */
  record Election(UnaryOperator<List<GuardianRecord>> records, Polling polling, boolean tallied,
      Function<TestElection, TestElection.Tamper> tamper, int[] guardians) {}

  /** What happens while the polls are open, after the honest ballots. */
  @FunctionalInterface
  interface Polling {
    void vote(TestElection e);
  }

  private static Election honestElection() {
    return new Election(UnaryOperator.identity(), e -> { }, true, e -> TestElection.Tamper.NONE,
        new int[] {1, 2});
  }

  private static Case onBoard(String name, Polling polling, Step... fails) {
    return new Case(name, steps(fails), new Election(UnaryOperator.identity(), polling, true,
        e -> TestElection.Tamper.NONE, new int[] {1, 2}), d -> d);
  }

  private static Case onTally(String name, Function<TestElection, TestElection.Tamper> tamper, int[] guardians,
      Step... fails) {
    return new Case(name, steps(fails), new Election(UnaryOperator.identity(), e -> { }, true, tamper, guardians),
        d -> d);
  }

  private static Case onFiles(String name, UnaryOperator<Path> files, Step... fails) {
    return new Case(name, steps(fails), honestElection(), files);
  }

  private static Case onCheckpoint(String name, RecordEdit edit, Step... fails) {
    return new Case(name, steps(fails), honestElection(), edit, (e, n) -> n);
  }

  private static Case onNotice(String name, NoticeEdit edit, Step... fails) {
    return new Case(name, steps(fails), honestElection(), (e, d) -> { }, edit);
  }

  private static Set<Step> steps(Step... s) {
    return s.length == 0 ? EnumSet.noneOf(Step.class) : EnumSet.of(s[0], s);
  }

  static Stream<Case> cases() {
    return Stream.of(
        onFiles("the honest record", d -> d),
        onFiles("V1: another curve in the parameters",
            d -> editElection(d, "parameters", p -> JsonText.object(p).add("curve", "P-384").build()),
            Step.V1_PARAMETERS),
        onFiles("V2: a wrong manifest hash",
            d -> editElectionMember(d, "manifest_hash", otherDigest()), Step.V2_MANIFEST),
        new Case("V3: a guardian's Schnorr proofs swapped between its coefficients", steps(Step.V3_GUARDIANS),
            new Election(TamperMatrixTest::swapFirstGuardiansProofs, e -> { }, true, e -> TestElection.Tamper.NONE,
                new int[] {1, 2}), d -> d),
        onFiles("V4: a wrong extended hash", d -> editElectionMember(d, "extended_hash", otherDigest()),
            Step.V4_JOINT_KEY),
        onFiles("V5: an entry's stored hash changed", d -> editEntry(d, 2,
            e -> JsonText.object(e).add("entry_hash", otherDigest()).build()), Step.V5_BOARD_CHAIN),
        onFiles("V6: a signed head's signature changed", TamperMatrixTest::breakHeadSignature,
            Step.V6_SIGNED_HEADS),
        new Case("V7: a ballot from an unregistered kiosk (board not closed)", steps(Step.V7_BOARD_SEQUENCE),
            new Election(UnaryOperator.identity(), e -> {
              Ed25519.PrivateKey stranger = Ed25519.PrivateKey.generate(e.random());
              e.cast(e.encrypt("kiosk-9", plaintext(e, "kiosk-9-stranger"), BallotSeed.random(e.random()),
                  e.state.chain("kiosk-9").head()), stranger);
            }, false, e -> TestElection.Tamper.NONE, new int[] {1, 2}), d -> d),
        onBoard("V7: a ballot from a revoked kiosk", e -> {
          e.post(new EntryPayload.KioskRevoked("kiosk-2", "stolen"));
          e.vote("kiosk-2", plaintext(e, "after-revocation"), false);
        }, Step.V7_BOARD_SEQUENCE),
        onBoard("V7: a ballot signed by another kiosk's key", e -> e.cast(e.encrypt("kiosk-1",
            plaintext(e, "kiosk-1-forged"), BallotSeed.random(e.random()), e.state.chain("kiosk-1").head()),
            e.kioskKey("kiosk-2")), Step.V7_BOARD_SEQUENCE),
        onBoard("V8: two ballots of a kiosk with one ballot id", e -> {
          e.vote("kiosk-1", plaintext(e, "kiosk-1-twin"), false);
          e.vote("kiosk-1", plaintext(e, "kiosk-1-twin"), false);
        }, Step.V8_BALLOT_STRUCTURE),
        onBoard("V8: a ballot id in another kiosk's namespace", e -> e.cast(e.encrypt("kiosk-1",
            plaintext(e, "kiosk-2-000001"), BallotSeed.random(e.random()), e.state.chain("kiosk-1").head()),
            e.kioskKey("kiosk-1")), Step.V8_BALLOT_STRUCTURE),
        onBoard("V9: selection proofs swapped (challenged ballot)", e -> challengeEdited(e, b ->
            editContest(b, 0, c -> {
              List<EncryptedSelection> s = new ArrayList<>(c.selections());
              EncryptedSelection s0 = s.get(0);
              EncryptedSelection s1 = s.get(1);
              s.set(0, new EncryptedSelection(s0.selectionId(), s0.ciphertext(), s1.proof()));
              s.set(1, new EncryptedSelection(s1.selectionId(), s1.ciphertext(), s0.proof()));
              return new EncryptedContest(c.contestId(), s, c.proof(), c.ranks(), c.writeIns(), c.contestHash());
            })), Step.V9_SELECTION_PROOFS),
        onBoard("V10: a contest proof from another encryption (challenged ballot)", e -> {
          PlaintextBallot p = plaintext(e, "kiosk-1-otherproof");
          EncryptedContest other = e.encrypt("kiosk-1", p, BallotSeed.random(e.random()), Digest.ZERO)
              .contests().get(0);
          challengeEdited(e, p, b -> editContest(b, 0, c -> new EncryptedContest(c.contestId(), c.selections(),
              other.proof(), c.ranks(), c.writeIns(), c.contestHash())));
        }, Step.V10_CONTEST_PROOFS),
        onBoard("V11: a wrong contest hash (challenged ballot)", e -> challengeEdited(e, b -> editContest(b, 0,
            c -> new EncryptedContest(c.contestId(), c.selections(), c.proof(), c.ranks(), c.writeIns(), Digest.ZERO))),
            Step.V11_CONFIRMATION_CODES),
        onBoard("V9, V10, V11: several bad ballots among good ones in one combination", e -> {
          challengeEdited(e, plaintext(e, "kiosk-1-badselection"), b -> editContest(b, 0,
              c -> withSelectionProof(c, 1, badResponse(c.selections().get(1).proof()))));
          e.vote("kiosk-2", plaintext(e, "kiosk-2-gooda"), false);
          challengeEdited(e, plaintext(e, "kiosk-1-badcontest"), b -> editContest(b, 0,
              c -> new EncryptedContest(c.contestId(), c.selections(), badResponse(c.proof()), c.ranks(), c.writeIns(), c.contestHash())));
          e.vote("kiosk-1", plaintext(e, "kiosk-1-goodb"), false);
          challengeEdited(e, plaintext(e, "kiosk-1-badhash"), b -> editContest(b, 1,
              c -> new EncryptedContest(c.contestId(), c.selections(), c.proof(), c.ranks(), c.writeIns(), Digest.ZERO)));
          challengeEdited(e, plaintext(e, "kiosk-1-badselection2"), b -> editContest(b, 1,
              c -> withSelectionProof(c, 0, badResponse(c.selections().get(0).proof()))));
          e.vote("kiosk-2", plaintext(e, "kiosk-2-goodc"), true);
        }, Step.V9_SELECTION_PROOFS, Step.V10_CONTEST_PROOFS, Step.V11_CONFIRMATION_CODES),
        onBoard("V12: a ballot that restarts its kiosk's chain", e -> e.cast(e.encrypt("kiosk-1",
            plaintext(e, "kiosk-1-restart"), BallotSeed.random(e.random()), org.evote.crypto.ballot.ConfirmationCodes
                .chainStart(e.config.extendedHash(), "kiosk-1")), e.kioskKey("kiosk-1")), Step.V12_KIOSK_CHAINS),
        onBoard("V13: a challenged ballot disclosing other choices", e -> {
          PlaintextBallot p = plaintext(e, "kiosk-1-disclosed");
          BallotSeed seed = BallotSeed.random(e.random());
          EncryptedBallot b = e.encrypt("kiosk-1", p, seed, e.state.chain("kiosk-1").head());
          e.challenge(b, seed, otherChoices(e.manifest, p), e.kioskKey("kiosk-1"));
        }, Step.V13_CHALLENGED_BALLOTS),
        onTally("V14: a tally ciphertext re-randomised (not the sum)", e -> TestElection.Tamper.tally(
            t -> addEncryptionOfZero(t, e.config.jointKey().element())), new int[] {1, 2}, Step.V14_ENCRYPTED_TALLY),
        onTally("V15: a guardian's partial decryption changed", e -> TestElection.Tamper.shares(
            TamperMatrixTest::changeLastPartial), new int[] {1, 2, 3}, Step.V15_DECRYPTION_SHARES),
        onTally("V16: a count raised by one", e -> TestElection.Tamper.result(TamperMatrixTest::raiseFirstCount),
            new int[] {1, 2}, Step.V16_RESULT),
        onTally("V17: the published tally hash is wrong", e -> TestElection.Tamper.entry(t ->
            new EntryPayload.TallyPublished(Digest.ZERO, t.sharesHash(), t.resultHash())), new int[] {1, 2},
            Step.V17_TALLY_PUBLISHED),
        onFiles("V18: the ceremony transcript removed from a tallied record",
            d -> delete(d, RecordFiles.TRANSCRIPT), Step.V18_CEREMONY_TRANSCRIPT),
        onFiles("V18: one encrypted share removed", d -> editShares(d, s -> {
          s.remove(3);
          return s;
        }), Step.V18_CEREMONY_TRANSCRIPT),
        onFiles("V18: one encrypted share twice", d -> editShares(d, s -> {
          s.add(s.get(0));
          return s;
        }), Step.V18_CEREMONY_TRANSCRIPT),
        onFiles("V18: a share's sender and recipient swapped", d -> editShares(d, s -> {
          JsonObject first = s.get(0);
          s.set(0, JsonText.object(first).add("sender", first.getInt("recipient"))
              .add("recipient", first.getInt("sender")).build());
          return s;
        }), Step.V18_CEREMONY_TRANSCRIPT),
        onFiles("V18: the transcript of another election", d -> editFile(d, RecordFiles.TRANSCRIPT,
            t -> JsonText.object(t).add("election_base_hash", otherDigest()).build()), Step.V18_CEREMONY_TRANSCRIPT),
        onFiles("V18: a complaint nobody answered", d -> editFile(d, RecordFiles.TRANSCRIPT,
            t -> JsonText.object(t).add("complaints", JsonText.array().add(JsonText.object().add("accuser", 2)
                .add("accused", 1).add("reason", "wrong MAC"))).build()), Step.V18_CEREMONY_TRANSCRIPT),
        onCheckpoint("V19: the checkpoint signed by another key of the same name", (e, d) -> {
          Ed25519NoteSigner other = Ed25519NoteSigner.generate(e.polling.checkpointKey.name(), e.random());
          SignedNote honest = e.checkpoint();
          RecordWriter.writeCheckpoint(d, new SignedNote(honest.text(), List.of(other.sign(honest.text())))
              .withSignatures(honest.signatures().subList(1, honest.signatures().size())));
        }, Step.V19_BOARD_CHECKPOINT, Step.V20_ELECTION_NOTICE),
        onCheckpoint("V19: the checkpoint of a shorter board (cosigned)", (e, d) -> RecordWriter.writeCheckpoint(d,
            e.polling.checkpoint(e.board.entries().size() - 1, e.witnesses)), Step.V19_BOARD_CHECKPOINT),
        onCheckpoint("V19: no checkpoint with a closed board", (e, d) -> Files.delete(
            d.resolve(RecordFiles.CHECKPOINT)), Step.V19_BOARD_CHECKPOINT, Step.V20_ELECTION_NOTICE),
        onCheckpoint("V20: a witness's cosignature forged", (e, d) -> {
          SignedNote honest = e.checkpoint();
          List<NoteSignature> lines = new ArrayList<>(honest.signatures());
          NoteSignature w = lines.get(1);
          byte[] sig = w.signature();
          sig[sig.length - 1] ^= 1;
          lines.set(1, new NoteSignature(w.keyName(), w.keyId(), sig));
          RecordWriter.writeCheckpoint(d, new SignedNote(honest.text(), lines));
        }, Step.V20_ELECTION_NOTICE),
        onCheckpoint("V20: cosigned by fewer witnesses than the quorum", (e, d) -> RecordWriter.writeCheckpoint(d,
            e.polling.checkpoint(e.witnesses.subList(0, 1))), Step.V20_ELECTION_NOTICE),
        onNotice("V20: a kiosk registered on the board but not in the notice", (e, n) -> editNotice(n, o ->
            JsonText.object(o).add("kiosks", JsonText.array().add(o.getJsonArray("kiosks").get(0))).build()),
            Step.V20_ELECTION_NOTICE),
        onNotice("V20: another board key in the notice", (e, n) -> editNotice(n, o -> JsonText.object(o)
            .add("board_public_key", Ed25519.PrivateKey.generate(e.random()).publicKey().hex()).build()),
            Step.V20_ELECTION_NOTICE),
        onNotice("V20: the notice of another election", (e, n) -> {
          TestElection other = new TestElection(e.manifest, 3, 2, e.random());
          other.registerKiosk("kiosk-1");
          other.registerKiosk("kiosk-2");
          return other.writeNotice(n.resolveSibling("other-notice.json"));
        }, Step.V20_ELECTION_NOTICE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aSingleChangeFailsExactlyItsSteps(Case c) throws Exception {
    random = new DeterministicRandom("tamper matrix: " + c.name());
    manifest = TestElection.manifest("manifest-small.json");
    Path dir = temp.resolve("record");
    TestElection e = run(c.election());
    e.write(dir);
    c.files().edit(e, dir);
    Path notice = c.notice().edit(e, e.writeNotice(temp.resolve("notice.json")));
    VerificationReport report = RecordFiles.verify(dir, notice, random, 2, n -> { });
    if (c.fails().isEmpty()) {
      assertTrue(report.anchored(), "a notice with witnesses leaves no trust check unmade");
    }
    Set<Step> failed = EnumSet.noneOf(Step.class);
    report.steps().stream().filter(s -> s.status() == VerificationReport.Status.FAIL).forEach(s -> failed.add(s.step()));
    assertEquals(c.fails(), failed, report.render());
    sameBallotsNamedBatchedAndAlone(e, report);
  }

  /**
   * Batched verification across ballots ({@link BallotVerifier#verifyAll}, what the record verifier does) and
   * per-ballot verification ({@link BallotVerifier#verify}) give every ballot of the board the same result, and the
   * report's V9–V11 failures name exactly the ballots that fail those steps one at a time.
   */
  private void sameBallotsNamedBatchedAndAlone(TestElection e, VerificationReport report) {
    List<EncryptedBallot> ballots = ballotsOf(e);
    BallotVerifier verifier = new BallotVerifier(e.config, random);
    List<VerificationResult> alone = ballots.stream().map(verifier::verify).toList();
    assertEquals(alone, verifier.verifyAll(ballots), "batched and per-ballot verification");
    for (Step step : List.of(Step.V9_SELECTION_PROOFS, Step.V10_CONTEST_PROOFS, Step.V11_CONFIRMATION_CODES)) {
      Set<String> expected = new java.util.TreeSet<>();
      Set<String> named = new java.util.TreeSet<>();
      for (int i = 0; i < ballots.size(); i++) {
        String id = ballots.get(i).ballotId();
        if (alone.get(i) instanceof VerificationResult.Invalid inv && inv.step() == step) {
          expected.add(id);
        }
        if (report.outcome(step).failures().stream().anyMatch(f -> (f.object() + " ").contains(" ballot " + id
            + " "))) {
          named.add(id);
        }
      }
      assertEquals(expected, named, step + ": " + report.render());
    }
  }

  /** The ballots of the board's cast and challenged entries that decode. */
  private static List<EncryptedBallot> ballotsOf(TestElection e) {
    List<EncryptedBallot> out = new ArrayList<>();
    for (var entry : e.board.entries()) {
      if (entry.kind() != org.evote.crypto.board.EntryKind.BALLOT_CAST
          && entry.kind() != org.evote.crypto.board.EntryKind.BALLOT_CHALLENGED) {
        continue;
      }
      EntryPayload p = org.evote.crypto.json.BoardJson.decodePayload(entry.kind(),
          JsonText.parseObject(entry.payload()));
      out.add(p instanceof EntryPayload.BallotCast c ? c.ballot() : ((EntryPayload.BallotChallenged) p).ballot());
    }
    return out;
  }

  private static EncryptedContest withSelectionProof(EncryptedContest c, int index,
      org.evote.crypto.proof.RangeProof proof) {
    List<EncryptedSelection> s = new ArrayList<>(c.selections());
    EncryptedSelection old = s.get(index);
    s.set(index, new EncryptedSelection(old.selectionId(), old.ciphertext(), proof));
    return new EncryptedContest(c.contestId(), s, c.proof(), c.ranks(), c.writeIns(), c.contestHash());
  }

  /** The proof with its first branch's response changed: the challenges still sum right, an equation fails. */
  private static org.evote.crypto.proof.RangeProof badResponse(org.evote.crypto.proof.RangeProof p) {
    List<org.evote.crypto.proof.RangeProof.Branch> br = new ArrayList<>(p.branches());
    var b = br.get(0);
    br.set(0, new org.evote.crypto.proof.RangeProof.Branch(b.a(), b.b(), b.c(), b.v().add(Scalar.ONE)));
    return new org.evote.crypto.proof.RangeProof(br);
  }

  @Test
  void everyStepIsFailedBySomeCase() {
    Set<Step> covered = EnumSet.noneOf(Step.class);
    cases().forEach(c -> covered.addAll(c.fails()));
    assertEquals(EnumSet.allOf(Step.class), covered);
  }

  // ---- the election ----

  private TestElection run(Election spec) throws Exception {
    TestElection e = new TestElection(manifest, 3, 2, random, spec.records());
    e.registerKiosk("kiosk-1");
    e.registerKiosk("kiosk-2");
    e.openPolls();
    e.signHead();
    for (int i = 0; i < 6; i++) {
      e.vote(i % 2 == 0 ? "kiosk-1" : "kiosk-2", plaintext(e, "ballot-" + i), i == 3);
    }
    spec.polling().vote(e);
    if (spec.tallied()) {
      e.closePolls();
      e.tally(spec.tamper().apply(e), spec.guardians());
    }
    e.signHead();
    return e;
  }

  private static PlaintextBallot plaintext(TestElection e, String id) {
    return e.randomPlaintext(id, e.manifest.ballotStyles().get(0).id());
  }

  private static void challengeEdited(TestElection e, UnaryOperator<EncryptedBallot> edit) {
    challengeEdited(e, plaintext(e, "kiosk-1-edited"), edit);
  }

  /** Encrypts {@code p} at kiosk-1, edits the ballot, and posts it challenged, signed by the kiosk. */
  private static void challengeEdited(TestElection e, PlaintextBallot p, UnaryOperator<EncryptedBallot> edit) {
    BallotSeed seed = BallotSeed.random(e.random());
    EncryptedBallot b = edit.apply(e.encrypt("kiosk-1", p, seed, e.state.chain("kiosk-1").head()));
    e.challenge(b, seed, p, e.kioskKey("kiosk-1"));
  }

  private static EncryptedBallot editContest(EncryptedBallot b, int index, UnaryOperator<EncryptedContest> edit) {
    List<EncryptedContest> contests = new ArrayList<>(b.contests());
    contests.set(index, edit.apply(contests.get(index)));
    return new EncryptedBallot(b.ballotId(), b.styleId(), b.kioskId(), b.timestamp(), b.previousCode(), contests,
        b.confirmationCode());
  }

  /** The same ballot with the first contest's choices changed: none marked becomes the first one marked. */
  private static PlaintextBallot otherChoices(Manifest m, PlaintextBallot p) {
    Map<String, List<String>> choices = new LinkedHashMap<>();
    p.choices().forEach((contest, marked) -> choices.put(contest, new ArrayList<>(marked)));
    ContestDescription first = m.contestsFor(p.styleId()).get(0);
    List<String> marked = choices.get(first.id());
    String firstSelection = first.selections().get(0).id();
    if (marked.contains(firstSelection)) {
      marked.remove(firstSelection);
    } else {
      marked.clear();
      marked.add(firstSelection);
    }
    return new PlaintextBallot(p.ballotId(), p.styleId(), choices);
  }

  private static List<GuardianRecord> swapFirstGuardiansProofs(List<GuardianRecord> records) {
    List<GuardianRecord> out = new ArrayList<>(records);
    GuardianRecord g = out.get(0);
    out.set(0, new GuardianRecord(g.index(), g.commitments(), List.of(g.proofs().get(1), g.proofs().get(0))));
    return out;
  }

  /** Adds an encryption of 0 with nonce 1, (G, K), to the first selection: the same count, another ciphertext. */
  private static EncryptedTally addEncryptionOfZero(EncryptedTally t, Element jointKey) {
    List<EncryptedTally.Contest> contests = new ArrayList<>(t.contests());
    EncryptedTally.Contest c = contests.get(0);
    List<EncryptedTally.Selection> sels = new ArrayList<>(c.selections());
    EncryptedTally.Selection s = sels.get(0);
    Element g = Element.gPow(Scalar.of(1));
    sels.set(0, new EncryptedTally.Selection(s.selectionId(), new Ciphertext(s.ciphertext().alpha().add(g),
        s.ciphertext().beta().add(jointKey))));
    contests.set(0, new EncryptedTally.Contest(c.contestId(), sels));
    return new EncryptedTally(contests, t.castBallots());
  }

  private static List<DecryptionShare> changeLastPartial(List<DecryptionShare> shares) {
    List<DecryptionShare> out = new ArrayList<>(shares);
    DecryptionShare last = out.get(out.size() - 1);
    List<DecryptionShare.Contest> contests = new ArrayList<>(last.contests());
    DecryptionShare.Contest c = contests.get(0);
    List<DecryptionShare.Selection> sels = new ArrayList<>(c.selections());
    DecryptionShare.Selection s = sels.get(0);
    sels.set(0, new DecryptionShare.Selection(s.selectionId(), s.partial().add(Element.gPow(Scalar.of(1))),
        s.proof()));
    contests.set(0, new DecryptionShare.Contest(c.contestId(), sels));
    out.set(out.size() - 1, new DecryptionShare(last.guardian(), contests));
    return out;
  }

  private static ElectionResult raiseFirstCount(ElectionResult r) {
    List<ElectionResult.Contest> contests = new ArrayList<>(r.contests());
    ElectionResult.Contest c = contests.get(0);
    List<ElectionResult.Selection> sels = new ArrayList<>(c.selections());
    ElectionResult.Selection s = sels.get(0);
    sels.set(0, new ElectionResult.Selection(s.selectionId(), s.count() + 1));
    contests.set(0, new ElectionResult.Contest(c.contestId(), sels));
    return new ElectionResult(contests, r.castBallots(), r.challengedBallots());
  }

  // ---- editing record files ----

  private static String otherDigest() {
    return "ab".repeat(32);
  }

  private static Path editElection(Path dir, String member, UnaryOperator<JsonObject> edit) {
    return editFile(dir, RecordFiles.ELECTION, o -> JsonText.object(o).add(member, edit.apply(o.getJsonObject(member)))
        .build());
  }

  private static Path editElectionMember(Path dir, String member, String value) {
    return editFile(dir, RecordFiles.ELECTION, o -> JsonText.object(o).add(member, value).build());
  }

  private static Path editEntry(Path dir, int index, UnaryOperator<JsonObject> edit) {
    return editFile(dir, RecordFiles.BOARD, board -> {
      JsonArray entries = board.getJsonArray("entries");
      var arr = JsonText.array();
      for (int i = 0; i < entries.size(); i++) {
        JsonObject e = entries.getJsonObject(i);
        arr.add(i == index ? edit.apply(e) : e);
      }
      return JsonText.object(board).add("entries", arr).build();
    });
  }

  private static Path breakHeadSignature(Path dir) {
    return editFile(dir, RecordFiles.BOARD, board -> {
      JsonArray heads = board.getJsonArray("signed_heads");
      JsonObject h = heads.getJsonObject(0);
      String sig = h.getString("signature");
      String flipped = (sig.charAt(0) == 'a' ? "b" : "a") + sig.substring(1);
      var arr = JsonText.array();
      arr.add(JsonText.object(h).add("signature", flipped).build());
      for (int i = 1; i < heads.size(); i++) {
        arr.add(heads.getJsonObject(i));
      }
      return JsonText.object(board).add("signed_heads", arr).build();
    });
  }

  private static Path editShares(Path dir, UnaryOperator<List<JsonObject>> edit) {
    return editFile(dir, RecordFiles.TRANSCRIPT, t -> {
      List<JsonObject> shares = new ArrayList<>(t.getJsonArray("shares").getValuesAs(JsonObject.class));
      return JsonText.object(t).add("shares", JsonText.array(edit.apply(shares))).build();
    });
  }

  private static Path delete(Path dir, String file) {
    try {
      java.nio.file.Files.delete(dir.resolve(file));
      return dir;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path editNotice(Path file, UnaryOperator<JsonObject> edit) throws IOException {
    JsonText.write(file, edit.apply(JsonText.readObject(file)));
    return file;
  }

  private static Path editFile(Path dir, String file, UnaryOperator<JsonObject> edit) {
    try {
      Path f = dir.resolve(file);
      JsonText.write(f, edit.apply(JsonText.readObject(f)));
      return dir;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
