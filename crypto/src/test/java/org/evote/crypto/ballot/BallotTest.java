package org.evote.crypto.ballot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.group.Scalar;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.proof.RangeProof;
import org.evote.crypto.testing.TestElection;
import org.evote.crypto.verify.BallotVerifier;
import org.evote.crypto.verify.ChallengedBallotCheck;
import org.evote.crypto.verify.Step;
import org.evote.crypto.verify.VerificationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BallotTest {
  static final SecureRandom RANDOM = new SecureRandom();
  static TestElection hamilton;
  static TestElection other;
  static ElectionConfig config;
  static final String STYLE = "congress-district-7-arlington-pismo-beach";

  @BeforeAll
  static void setUp() {
    hamilton = new TestElection(TestElection.manifest("manifest-hamilton-general.json"), 3, 2, RANDOM);
    other = new TestElection(TestElection.manifest("manifest-hamilton-general.json"), 3, 2, RANDOM);
    config = hamilton.config;
  }

  static EncryptedBallot encrypt(PlaintextBallot p, BallotSeed seed) {
    return new BallotEncryptor(config).encrypt(p, seed, "kiosk-1", 1_700_000_000L,
        ConfirmationCodes.chainStart(config.extendedHash(), "kiosk-1"));
  }

  static PlaintextBallot sample(String id) {
    return new PlaintextBallot(id, STYLE, Map.of(
        "president-vice-president-contest", List.of("barchi-hallaren-selection"),
        "pismo-beach-school-board-contest", List.of()));
  }

  @Test
  void anEncryptedBallotCoversEveryContestOfItsStyleAndVerifies() {
    EncryptedBallot b = encrypt(sample("b-1"), BallotSeed.random(RANDOM));
    assertEquals(config.manifest().contestsFor(STYLE).size(), b.contests().size());
    assertTrue(b.contests().size() >= 4);
    assertEquals(VerificationResult.VALID, new BallotVerifier(config, RANDOM).verify(b));
  }

  @Test
  void overvotesUnknownSelectionsAndForeignContestsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> encrypt(new PlaintextBallot("b", STYLE, Map.of(
        "president-vice-president-contest", List.of("barchi-hallaren-selection", "cramer-vuocolo-selection"))),
        BallotSeed.random(RANDOM)));
    assertThrows(IllegalArgumentException.class, () -> encrypt(new PlaintextBallot("b", STYLE, Map.of(
        "president-vice-president-contest", List.of("no-such-selection"))), BallotSeed.random(RANDOM)));
    assertThrows(IllegalArgumentException.class, () -> encrypt(new PlaintextBallot("b", STYLE, Map.of(
        "somerset-school-board-contest", List.of())), BallotSeed.random(RANDOM)));
    assertThrows(IllegalArgumentException.class, () -> encrypt(new PlaintextBallot("b", "no-style", Map.of()),
        BallotSeed.random(RANDOM)));
  }

  @Test
  void encryptionIsDeterministicInTheSeedAndFreshOtherwise() {
    BallotSeed seed = BallotSeed.random(RANDOM);
    assertEquals(encrypt(sample("b-2"), seed), encrypt(sample("b-2"), seed));
    assertNotEquals(encrypt(sample("b-2"), seed), encrypt(sample("b-2"), BallotSeed.random(RANDOM)));
  }

  @Test
  void aBallotReplayedIntoAnotherElectionFails() {
    EncryptedBallot b = encrypt(sample("b-3"), BallotSeed.random(RANDOM));
    VerificationResult r = new BallotVerifier(other.config, RANDOM).verify(b);
    assertFalse(r.isValid());
    assertEquals(Step.V9_SELECTION_PROOFS, ((VerificationResult.Invalid) r).step());
  }

  @Test
  void aChangedTimeKioskOrChainLinkBreaksTheConfirmationCode() {
    EncryptedBallot b = encrypt(sample("b-4"), BallotSeed.random(RANDOM));
    BallotVerifier v = new BallotVerifier(config, RANDOM);
    List<EncryptedBallot> edits = List.of(
        new EncryptedBallot(b.ballotId(), b.styleId(), b.kioskId(), b.timestamp() + 1, b.previousCode(),
            b.contests(), b.confirmationCode()),
        new EncryptedBallot(b.ballotId(), b.styleId(), "kiosk-2", b.timestamp(), b.previousCode(), b.contests(),
            b.confirmationCode()),
        new EncryptedBallot(b.ballotId(), b.styleId(), b.kioskId(), b.timestamp(), Digest.ZERO, b.contests(),
            b.confirmationCode()));
    for (EncryptedBallot e : edits) {
      VerificationResult r = v.verify(e);
      assertEquals(Step.V11_CONFIRMATION_CODES, ((VerificationResult.Invalid) r).step());
    }
  }

  /** The proof with branch 0's response changed: the challenges still add up, so only an equation fails. */
  static RangeProof badResponse(RangeProof p) {
    List<RangeProof.Branch> br = new ArrayList<>(p.branches());
    var b = br.get(0);
    br.set(0, new RangeProof.Branch(b.a(), b.b(), b.c(),
        b.v().add(Scalar.ONE)));
    return new RangeProof(br);
  }

  static EncryptedBallot withContest(EncryptedBallot b, int index, EncryptedContest c) {
    List<EncryptedContest> contests = new ArrayList<>(b.contests());
    contests.set(index, c);
    return new EncryptedBallot(b.ballotId(), b.styleId(), b.kioskId(), b.timestamp(), b.previousCode(), contests,
        b.confirmationCode());
  }

  @Test
  void aProofWhoseEquationFailsIsNamedAfterTheBatchFails() {
    EncryptedBallot b = encrypt(sample("b-6"), BallotSeed.random(RANDOM));
    EncryptedContest c = b.contests().get(0);
    EncryptedSelection s1 = c.selections().get(1);
    List<EncryptedSelection> sels = new ArrayList<>(c.selections());
    sels.set(1, new EncryptedSelection(s1.selectionId(), s1.ciphertext(), badResponse(s1.proof())));
    VerificationResult r = new BallotVerifier(config, RANDOM).verify(withContest(b, 0,
        new EncryptedContest(c.contestId(), sels, c.proof(), c.ranks(), c.writeIns(), c.contestHash())));
    VerificationResult.Invalid invalid = (VerificationResult.Invalid) r;
    assertEquals(Step.V9_SELECTION_PROOFS, invalid.step());
    assertEquals("ballot b-6 selection " + c.contestId() + "/" + s1.selectionId(), invalid.object());
    assertEquals("range proof equations do not hold", invalid.reason());

    r = new BallotVerifier(config, RANDOM).verify(withContest(b, 0,
        new EncryptedContest(c.contestId(), c.selections(), badResponse(c.proof()), c.ranks(), c.writeIns(), c.contestHash())));
    invalid = (VerificationResult.Invalid) r;
    assertEquals(Step.V10_CONTEST_PROOFS, invalid.step());
    assertEquals("ballot b-6 contest " + c.contestId(), invalid.object());
    assertEquals("contest range proof equations do not hold", invalid.reason());
  }

  @Test
  void aSelectionMovedToAnotherSelectionOrBallotFails() {
    EncryptedBallot b = encrypt(sample("b-5"), BallotSeed.random(RANDOM));
    EncryptedContest c = b.contests().get(0);
    EncryptedSelection s0 = c.selections().get(0);
    EncryptedSelection s1 = c.selections().get(1);
    List<EncryptedSelection> swapped = new java.util.ArrayList<>(c.selections());
    swapped.set(0, new EncryptedSelection(s0.selectionId(), s1.ciphertext(), s1.proof()));
    EncryptedContest edited = new EncryptedContest(c.contestId(), swapped, c.proof(), c.ranks(), c.writeIns(), c.contestHash());
    List<EncryptedContest> contests = new java.util.ArrayList<>(b.contests());
    contests.set(0, edited);
    EncryptedBallot e = new EncryptedBallot(b.ballotId(), b.styleId(), b.kioskId(), b.timestamp(),
        b.previousCode(), contests, b.confirmationCode());
    VerificationResult r = new BallotVerifier(config, RANDOM).verify(e);
    assertEquals(Step.V9_SELECTION_PROOFS, ((VerificationResult.Invalid) r).step());
    assertTrue(((VerificationResult.Invalid) r).object().contains(s0.selectionId()));
    // The same ballot under another id fails too: proofs bind the ballot id.
    EncryptedBallot renamed = new EncryptedBallot("b-5-copy", b.styleId(), b.kioskId(), b.timestamp(),
        b.previousCode(), b.contests(), b.confirmationCode());
    assertFalse(new BallotVerifier(config, RANDOM).verify(renamed).isValid());
  }

  @Test
  void aChallengedBallotOpensWithItsSeedAndOnlyToItsOwnPlaintext() {
    BallotSeed seed = BallotSeed.random(RANDOM);
    PlaintextBallot p = sample("b-6");
    EncryptedBallot b = encrypt(p, seed);
    ChallengedBallotCheck check = new ChallengedBallotCheck(config);
    assertEquals(VerificationResult.VALID, check.check(b, seed, p));
    PlaintextBallot lie = new PlaintextBallot("b-6", STYLE, Map.of("president-vice-president-contest",
        List.of("cramer-vuocolo-selection")));
    VerificationResult r = check.check(b, seed, lie);
    assertEquals(Step.V13_CHALLENGED_BALLOTS, ((VerificationResult.Invalid) r).step());
    assertTrue(((VerificationResult.Invalid) r).object().contains("president-vice-president-contest"));
    assertFalse(check.check(b, BallotSeed.random(RANDOM), p).isValid());
  }

  @Test
  void theShortTrackingCodeIsSixteenCrockfordCharactersAndToleratesTyping() {
    EncryptedBallot b = encrypt(sample("b-7"), BallotSeed.random(RANDOM));
    String code = b.trackingCode();
    assertTrue(code.matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}"), code);
    String typed = code.toLowerCase().replace("-", " ").replace('1', 'l').replace('0', 'o');
    assertEquals(code, ConfirmationCodes.normalizeShortForm(typed).orElseThrow());
    assertTrue(ConfirmationCodes.normalizeShortForm("ABCD").isEmpty());
    assertTrue(ConfirmationCodes.normalizeShortForm("UUUU-UUUU-UUUU-UUUU").isEmpty());
  }

  @Test
  void seedsAndPlaintextsNeverPrintTheirSecrets() {
    BallotSeed seed = BallotSeed.random(RANDOM);
    assertFalse(seed.toString().contains(seed.toHex()));
    assertFalse(sample("b-8").toString().contains("barchi"));
  }
}
