package org.evote.crypto.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.evote.crypto.ballot.ConfirmationCodes;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.testing.DeterministicRandom;
import org.evote.crypto.testing.TestData;
import org.junit.jupiter.api.Test;

/**
 * Every rule of the board (protocol §9.6), one test each: an entry that breaks exactly that rule is refused naming
 * it, and the same board without the breach admits the entry. The rule table of docs/protocol.md is read and must
 * list exactly these rules, in this order, with the same steps and codes.
 */
class BoardStateTest {
  /** An arbitrary H_E: the rules only carry it into hashes and signatures. */
  private static final Digest HE = ConfirmationCodes.chainStart(Digest.ZERO, "test election");
  private static final String ELECTION = "{\"election\":\"under test\"}";
  private final DeterministicRandom random = new DeterministicRandom("board state test");
  private final Ed25519.PrivateKey boardKey = Ed25519.PrivateKey.generate(random);
  private final Map<String, Ed25519.PrivateKey> kioskKeys = new LinkedHashMap<>();
  private final BoardState state = new BoardState(HE, ELECTION);
  private long sequence;
  private long time = 1_700_000_000L;
  private int ballots;
  private int alphas;

  // ---- building a board ----

  private Admission admit(EntryFacts facts) {
    return state.admit(facts, sequence, time);
  }

  /** Appends an entry that must be admitted. */
  private void append(EntryFacts facts) {
    Admission a = admit(facts);
    assertInstanceOf(Admission.Admitted.class, a, () -> "refused: " + a);
    state.apply(facts, time);
    sequence++;
    time++;
  }

  private static EntryFacts control(EntryPayload p) {
    return new EntryFacts.Control(p);
  }

  private EntryFacts published() {
    return control(new EntryPayload.ElectionPublished(HE, ELECTION, boardKey.publicKey(), checkpointKey(HE)));
  }

  private org.evote.crypto.note.VerifierKey checkpointKey(Digest he) {
    return org.evote.crypto.note.Ed25519NoteSigner.generate(new BoardOrigin("board.test", he).origin(), random)
        .verifierKey();
  }

  private EntryFacts register(String kiosk) {
    kioskKeys.putIfAbsent(kiosk, Ed25519.PrivateKey.generate(random));
    return control(new EntryPayload.KioskRegistered(kiosk, kioskKeys.get(kiosk).publicKey()));
  }

  /** A board with the election published, kiosks K1 and K2 registered and the polls open. */
  private void openBoard() {
    append(published());
    append(register("K1"));
    append(register("K2"));
    append(control(new EntryPayload.PollsOpened()));
  }

  private static String alpha(int i) {
    return String.format("02%064x", i);
  }

  private EntryFacts.Ballot ballot(String kiosk) {
    return ballot(kiosk, "req-" + (ballots + 1), kiosk + "-" + (ballots + 1), state.chain(kiosk).head(), time,
        List.of(alpha(++alphas), alpha(++alphas)));
  }

  private EntryFacts.Ballot ballot(String kiosk, String request, String ballotId, Digest previous, long timestamp,
      List<String> ciphertexts) {
    ballots++;
    String unsigned = "{\"ballot\":\"" + ballotId + "\",\"request_id\":\"" + request + "\"}";
    Digest code = ConfirmationCodes.chainStart(HE, ballotId);
    Ed25519.PrivateKey key = kioskKeys.getOrDefault(kiosk, Ed25519.PrivateKey.generate(random));
    Ed25519.Signature signature = key.sign(KioskSubmissions.message(HE, EntryKind.BALLOT_CAST, unsigned));
    return new EntryFacts.Ballot(EntryKind.BALLOT_CAST, request, ballotId, kiosk, previous, code, timestamp,
        ciphertexts, signature, unsigned);
  }

  private static EntryFacts.Ballot resigned(EntryFacts.Ballot b, Ed25519.PrivateKey key) {
    return new EntryFacts.Ballot(b.kind(), b.requestId(), b.ballotId(), b.kioskId(), b.previousCode(),
        b.confirmationCode(), b.timestamp(), b.alphas(),
        key.sign(KioskSubmissions.message(HE, b.kind(), b.unsignedPayload())), b.unsignedPayload());
  }

  private EntryFacts closing() {
    return control(new EntryPayload.PollsClosed(state.closing()));
  }

  private static EntryFacts tally() {
    return control(new EntryPayload.TallyPublished(Digest.ZERO, Digest.ZERO, Digest.ZERO));
  }

  /** Asserts the entry is refused for exactly these rules, in order. */
  private void refused(EntryFacts facts, Rule... rules) {
    Admission a = admit(facts);
    Admission.Refused r = assertInstanceOf(Admission.Refused.class, a);
    assertEquals(Arrays.asList(rules), r.violations().stream().map(Violation::rule).toList(), r.toString());
    assertEquals(rules[0], r.first().rule());
  }

  // ---- a valid election day ----

  @Test
  void aWholeElectionDayIsAdmittedAndCounted() {
    openBoard();
    append(ballot("K1"));
    append(ballot("K2"));
    append(ballot("K1"));
    append(control(new EntryPayload.KioskRevoked("K2", "stolen")));
    List<EntryPayload.ChainClose> closes = state.closing();
    assertEquals(List.of("K1", "K2"), closes.stream().map(EntryPayload.ChainClose::kioskId).toList());
    assertEquals(2, closes.get(0).ballots());
    assertEquals(ConfirmationCodes.chainClose(HE, "K1", closes.get(0).lastCode(), 2), closes.get(0).closeHash());
    append(closing());
    append(tally());
    assertEquals(BoardState.Polls.CLOSED, state.polls());
    assertEquals(3, state.cast());
    assertEquals(boardKey.publicKey(), state.boardKey().orElseThrow());
    assertTrue(state.kiosk("K2").orElseThrow().revoked());
    assertTrue(state.tally().isPresent());
  }

  @Test
  void aKioskWithNoBallotsClosesOnTheChainStart() {
    openBoard();
    EntryPayload.ChainClose k2 = state.closing().get(1);
    assertEquals(ConfirmationCodes.chainStart(HE, "K2"), k2.lastCode());
    assertEquals(0, k2.ballots());
    append(closing());
  }

  // ---- one test per rule ----

  @Test
  void timeNotBackwards() {
    openBoard();
    time -= 2;
    refused(ballot("K1"), Rule.TIME_NOT_BACKWARDS);
    time += 2;
    append(ballot("K1"));
  }

  @Test
  void electionFirst() {
    refused(control(new EntryPayload.PollsOpened()), Rule.ELECTION_FIRST);
    append(published());
    refused(published(), Rule.ELECTION_FIRST);
  }

  @Test
  void electionMatches() {
    refused(control(new EntryPayload.ElectionPublished(Digest.ZERO, ELECTION, boardKey.publicKey(),
        checkpointKey(Digest.ZERO))),
        Rule.ELECTION_MATCHES);
    refused(control(new EntryPayload.ElectionPublished(HE, "{\"election\":\"another\"}", boardKey.publicKey(),
        checkpointKey(HE))),
        Rule.ELECTION_MATCHES);
    append(published());
  }

  @Test
  void pollsOpenOnce() {
    append(published());
    append(control(new EntryPayload.PollsOpened()));
    refused(control(new EntryPayload.PollsOpened()), Rule.POLLS_OPEN_ONCE);
  }

  @Test
  void kioskRegisteredOnce() {
    openBoard();
    refused(register("K1"), Rule.KIOSK_REGISTERED_ONCE);
    append(register("K3"));
  }

  @Test
  void kioskRegisteredBeforeClose() {
    openBoard();
    append(register("K3"));
    append(closing());
    refused(register("K4"), Rule.KIOSK_REGISTERED_BEFORE_CLOSE);
  }

  @Test
  void revokedKioskRegistered() {
    openBoard();
    refused(control(new EntryPayload.KioskRevoked("K9", "unknown")), Rule.REVOKED_KIOSK_REGISTERED);
    append(control(new EntryPayload.KioskRevoked("K1", "known")));
  }

  @Test
  void revokingAgainBreaksNoRuleAndRevocationIsPermanent() {
    openBoard();
    append(control(new EntryPayload.KioskRevoked("K1", "lost")));
    append(control(new EntryPayload.KioskRevoked("K1", "lost again")));
    assertTrue(state.kiosk("K1").orElseThrow().revoked());
    refused(control(new EntryPayload.KioskRevoked("K7", "not yet registered")), Rule.REVOKED_KIOSK_REGISTERED);
    state.apply(control(new EntryPayload.KioskRevoked("K7", "not yet registered")), time);
    sequence++;
    append(register("K7"));
    refused(ballot("K7"), Rule.BALLOT_KIOSK_NOT_REVOKED);
  }

  @Test
  void aSignatureTheCallerVerifiedIsNotVerifiedAgain() {
    openBoard();
    EntryFacts.Ballot forged = resigned(ballot("K1"), kioskKeys.get("K2"));
    assertInstanceOf(Admission.Admitted.class,
        state.admit(forged, sequence, time, BoardState.Signature.VERIFIED_BY_CALLER));
    refused(forged, Rule.BALLOT_SIGNED_BY_KIOSK);
  }

  @Test
  void aCiphertextRepeatedWithinABallotIsFoundWithoutTheBoard() {
    openBoard();
    EntryFacts.Ballot twice = ballot("K1", "req-1", "K1-a", state.chain("K1").head(), time,
        List.of(alpha(101), alpha(101)));
    assertEquals(Rule.CIPHERTEXTS_UNIQUE, BoardState.repeatsCiphertextWithin(twice).orElseThrow().rule());
    assertTrue(BoardState.repeatsCiphertextWithin(ballot("K1")).isEmpty());
  }

  @Test
  void ballotWhilePollsOpen() {
    append(published());
    append(register("K1"));
    refused(ballot("K1"), Rule.BALLOT_WHILE_POLLS_OPEN);
    append(control(new EntryPayload.PollsOpened()));
    append(ballot("K1"));
    append(closing());
    refused(ballot("K1"), Rule.BALLOT_WHILE_POLLS_OPEN);
  }

  @Test
  void ballotKioskRegistered() {
    openBoard();
    refused(ballot("K9"), Rule.BALLOT_KIOSK_REGISTERED);
    append(register("K9"));
    append(ballot("K9"));
  }

  @Test
  void ballotKioskNotRevoked() {
    openBoard();
    append(control(new EntryPayload.KioskRevoked("K1", "stolen")));
    refused(ballot("K1"), Rule.BALLOT_KIOSK_NOT_REVOKED);
    append(ballot("K2"));
  }

  @Test
  void ballotSignedByKiosk() {
    openBoard();
    EntryFacts.Ballot b = ballot("K1");
    refused(resigned(b, kioskKeys.get("K2")), Rule.BALLOT_SIGNED_BY_KIOSK);
    EntryFacts.Ballot asChallenge = new EntryFacts.Ballot(EntryKind.BALLOT_CHALLENGED, b.requestId(), b.ballotId(),
        b.kioskId(), b.previousCode(), b.confirmationCode(), b.timestamp(), b.alphas(), b.signature(),
        b.unsignedPayload());
    refused(asChallenge, Rule.BALLOT_SIGNED_BY_KIOSK);
    assertTrue(state.submitter(b).isEmpty());
    append(b);
  }

  @Test
  void requestIdUnused() {
    openBoard();
    append(ballot("K1", "req-1", "K1-a", state.chain("K1").head(), time, List.of(alpha(101))));
    refused(ballot("K1", "req-1", "K1-b", state.chain("K1").head(), time, List.of(alpha(102))),
        Rule.REQUEST_ID_UNUSED);
    append(ballot("K2", "req-1", "K2-b", state.chain("K2").head(), time, List.of(alpha(102))));
  }

  @Test
  void ballotIdOfKiosk() {
    openBoard();
    refused(ballot("K1", "req-1", "K2-000001", state.chain("K1").head(), time, List.of(alpha(101))),
        Rule.BALLOT_ID_OF_KIOSK);
    refused(ballot("K1", "req-1", "K1-", state.chain("K1").head(), time, List.of(alpha(101))),
        Rule.BALLOT_ID_OF_KIOSK);
    refused(ballot("K1", "req-1", "K1-0-000001", state.chain("K1").head(), time, List.of(alpha(101))),
        Rule.BALLOT_ID_OF_KIOSK);
    refused(ballot("K1", "req-1", "K1000001", state.chain("K1").head(), time, List.of(alpha(101))),
        Rule.BALLOT_ID_OF_KIOSK);
    append(ballot("K1", "req-1", "K1-000001", state.chain("K1").head(), time, List.of(alpha(101))));
    assertTrue(BoardState.inKioskNamespace("kiosk-1-000001", "kiosk-1"));
    assertTrue(!BoardState.inKioskNamespace("kiosk-1-000001", "kiosk"));
  }

  @Test
  void ballotIdUnique() {
    openBoard();
    append(ballot("K1", "req-1", "K1-a", state.chain("K1").head(), time, List.of(alpha(101))));
    refused(ballot("K1", "req-2", "K1-a", state.chain("K1").head(), time, List.of(alpha(102))),
        Rule.BALLOT_ID_UNIQUE);
    append(ballot("K1", "req-2", "K1-b", state.chain("K1").head(), time, List.of(alpha(102))));
  }

  @Test
  void ciphertextsUnique() {
    openBoard();
    refused(ballot("K1", "req-1", "K1-a", state.chain("K1").head(), time, List.of(alpha(101), alpha(101))),
        Rule.CIPHERTEXTS_UNIQUE);
    append(ballot("K1", "req-1", "K1-a", state.chain("K1").head(), time, List.of(alpha(101), alpha(102))));
    refused(ballot("K2", "req-2", "K2-b", state.chain("K2").head(), time, List.of(alpha(103), alpha(102))),
        Rule.CIPHERTEXTS_UNIQUE);
    append(ballot("K2", "req-2", "K2-b", state.chain("K2").head(), time, List.of(alpha(103), alpha(104))));
  }

  @Test
  void chainContinues() {
    openBoard();
    append(ballot("K1"));
    refused(ballot("K1", "req-x", "K1-x", ConfirmationCodes.chainStart(HE, "K1"), time, List.of(alpha(900))),
        Rule.CHAIN_CONTINUES);
    refused(ballot("K2", "req-y", "K2-y", state.chain("K1").head(), time, List.of(alpha(901))),
        Rule.CHAIN_CONTINUES);
    append(ballot("K1", "req-x", "K1-x", state.chain("K1").head(), time, List.of(alpha(900))));
  }

  @Test
  void chainTimeNotBackwards() {
    openBoard();
    append(ballot("K1"));
    long previous = state.chain("K1").lastTime();
    refused(ballot("K1", "req-x", "K1-x", state.chain("K1").head(), previous - 1, List.of(alpha(900))),
        Rule.CHAIN_TIME_NOT_BACKWARDS);
    append(ballot("K1", "req-x", "K1-x", state.chain("K1").head(), previous, List.of(alpha(900))));
  }

  @Test
  void ballotNotAfterEntry() {
    openBoard();
    long tolerance = BoardState.BALLOT_AHEAD_TOLERANCE_SECONDS;
    assertEquals(60, tolerance);
    refused(ballot("K1", "req-x", "K1-x", state.chain("K1").head(), time + tolerance + 1, List.of(alpha(900))),
        Rule.BALLOT_NOT_AFTER_ENTRY);
    refused(ballot("K1", "req-x", "K1-x", state.chain("K1").head(), time + 400, List.of(alpha(900))),
        Rule.BALLOT_NOT_AFTER_ENTRY);
    append(ballot("K1", "req-x", "K1-x", state.chain("K1").head(), time + tolerance, List.of(alpha(900))));
  }

  @Test
  void aBallotAFewSecondsAheadOfItsEntryIsWithinTheTolerance() {
    openBoard();
    long entryTime = time;
    append(ballot("K1", "req-a", "K1-a", state.chain("K1").head(), entryTime + 30, List.of(alpha(901))));
    assertEquals(entryTime + 30, state.chain("K1").lastTime(), "the chain's time is the ballot's");
    assertEquals(1, state.cast());
  }

  @Test
  void pollsCloseAfterOpen() {
    append(published());
    append(register("K1"));
    refused(closing(), Rule.POLLS_CLOSE_AFTER_OPEN);
    append(control(new EntryPayload.PollsOpened()));
    append(closing());
    refused(closing(), Rule.POLLS_CLOSE_AFTER_OPEN);
  }

  @Test
  void chainsClosed() {
    openBoard();
    append(ballot("K1"));
    List<EntryPayload.ChainClose> good = state.closing();
    EntryPayload.ChainClose k1 = good.get(0);
    EntryPayload.ChainClose k2 = good.get(1);
    Digest h0 = ConfirmationCodes.chainStart(HE, "K9");
    Map<String, List<EntryPayload.ChainClose>> bad = new LinkedHashMap<>();
    bad.put("listed twice", List.of(k1, k2, k2));
    bad.put("never registered", List.of(k1, k2,
        new EntryPayload.ChainClose("K9", 0, h0, ConfirmationCodes.chainClose(HE, "K9", h0, 0))));
    bad.put("wrong count", List.of(new EntryPayload.ChainClose("K1", 2, k1.lastCode(), k1.closeHash()), k2));
    bad.put("wrong last code", List.of(new EntryPayload.ChainClose("K1", 1, Digest.ZERO, k1.closeHash()), k2));
    bad.put("wrong close hash", List.of(new EntryPayload.ChainClose("K1", 1, k1.lastCode(), Digest.ZERO), k2));
    bad.put("kiosk with ballots missing", List.of(k2));
    for (List<EntryPayload.ChainClose> closes : bad.values()) {
      refused(control(new EntryPayload.PollsClosed(closes)), Rule.CHAINS_CLOSED);
    }
    append(control(new EntryPayload.PollsClosed(List.of(k1))));
  }

  @Test
  void tallyAfterClose() {
    openBoard();
    refused(tally(), Rule.TALLY_AFTER_CLOSE);
    append(closing());
    append(tally());
  }

  @Test
  void tallyOnce() {
    openBoard();
    append(closing());
    append(tally());
    refused(tally(), Rule.TALLY_ONCE);
  }

  @Test
  void anEntryBreakingSeveralRulesNamesEachInTableOrder() {
    openBoard();
    append(ballot("K1", "req-1", "K1-a", state.chain("K1").head(), time, List.of(alpha(101))));
    append(closing());
    time -= 100;
    refused(ballot("K1", "req-1", "K1-a", Digest.ZERO, time + BoardState.BALLOT_AHEAD_TOLERANCE_SECONDS + 1,
        List.of(alpha(101))),
        Rule.TIME_NOT_BACKWARDS, Rule.BALLOT_WHILE_POLLS_OPEN, Rule.REQUEST_ID_UNUSED, Rule.BALLOT_ID_UNIQUE,
        Rule.CIPHERTEXTS_UNIQUE, Rule.CHAIN_CONTINUES, Rule.CHAIN_TIME_NOT_BACKWARDS, Rule.BALLOT_NOT_AFTER_ENTRY);
  }

  // ---- refusal records (§9.6, "Refusal records") ----

  private static EntryFacts.Refused refusal(EntryFacts.Ballot b, RefusalReason reason) {
    return new EntryFacts.Refused(b, reason);
  }

  @Test
  void aRecordedRefusalIsAChainLinkThatBlocksNothingAfterIt() {
    openBoard();
    append(ballot("K1"));
    long lastTime = state.chain("K1").lastTime();
    // K1 posts a ballot 400 s in the future: the board records it, refused.
    EntryFacts.Ballot future = ballot("K1", "req-f", "K1-f", state.chain("K1").head(), time + 400,
        List.of(alpha(700)));
    refused(future, Rule.BALLOT_NOT_AFTER_ENTRY);
    append(refusal(future, RefusalReason.FUTURE_BALLOT));
    BoardState.Chain chain = state.chain("K1");
    assertEquals(future.confirmationCode(), chain.head());
    assertEquals(2, chain.ballots());
    assertEquals(lastTime, chain.lastTime(), "a refused ballot's time does not move the chain's");
    assertEquals(1, state.cast());
    assertEquals(1, state.refused());
    // The next ballot continues from the refused one, dated now (not after the refused ballot's far future),
    // never reuses the refused request id, but may reuse its ballot id and ciphertext, which were never seen.
    refused(ballot("K1", "req-f", "K1-g", state.chain("K1").head(), time, List.of(alpha(701))),
        Rule.REQUEST_ID_UNUSED);
    append(ballot("K1", "req-g", "K1-f", state.chain("K1").head(), time, List.of(alpha(700))));
    EntryPayload.ChainClose k1 = state.closing().get(0);
    assertEquals(3, k1.ballots(), "the chain close counts refused links");
    append(closing());
  }

  @Test
  void aRefusalIsRecordedOnlyForAnAuthenticatedSubmissionThatContinuesTheChainWhileThePollsAreOpen() {
    append(published());
    append(register("K1"));
    EntryFacts.Ballot early = ballot("K1", "req-1", "K2-1", state.chain("K1").head(), time, List.of(alpha(1)));
    refused(refusal(early, RefusalReason.BALLOT_ID_NAMESPACE), Rule.BALLOT_WHILE_POLLS_OPEN);
    append(control(new EntryPayload.PollsOpened()));
    EntryFacts.Ballot broken = ballot("K1", "req-1", "K2-1", Digest.ZERO, time, List.of(alpha(1)));
    refused(refusal(broken, RefusalReason.BALLOT_ID_NAMESPACE), Rule.CHAIN_CONTINUES);
    EntryFacts.Ballot unknown = ballot("K9", "req-1", "K2-1", state.chain("K9").head(), time, List.of(alpha(1)));
    refused(refusal(unknown, RefusalReason.BALLOT_ID_NAMESPACE), Rule.BALLOT_KIOSK_REGISTERED);
    EntryFacts.Ballot b = ballot("K1", "req-1", "K2-1", state.chain("K1").head(), time, List.of(alpha(1)));
    refused(refusal(resigned(b, Ed25519.PrivateKey.generate(random)),
        RefusalReason.BALLOT_ID_NAMESPACE), Rule.BALLOT_SIGNED_BY_KIOSK);
    append(refusal(b, RefusalReason.BALLOT_ID_NAMESPACE));
    refused(refusal(ballot("K1", "req-1", "K2-2", state.chain("K1").head(), time, List.of(alpha(2))),
        RefusalReason.BALLOT_ID_NAMESPACE), Rule.REQUEST_ID_UNUSED);
  }

  @Test
  void aRefusalOfAValidBallotIsUnjustified() {
    openBoard();
    EntryFacts.Ballot valid = ballot("K1");
    for (RefusalReason reason : List.of(RefusalReason.BALLOT_ID_NAMESPACE, RefusalReason.DUPLICATE_BALLOT_ID,
        RefusalReason.DUPLICATE_CIPHERTEXT, RefusalReason.CHAIN_TIME, RefusalReason.FUTURE_BALLOT)) {
      refused(refusal(valid, reason), Rule.REFUSAL_JUSTIFIED);
    }
    // A ballot-check reason is not judged by the rules (the verifier re-runs the check).
    append(refusal(valid, RefusalReason.INVALID_BALLOT));
  }

  @Test
  void eachRuleReasonIsJustifiedByItsRule() {
    openBoard();
    append(ballot("K1", "req-1", "K1-a", state.chain("K1").head(), time, List.of(alpha(101))));
    long previous = state.chain("K1").lastTime();
    append(refusal(ballot("K1", "req-2", "K2-x", state.chain("K1").head(), time, List.of(alpha(102))),
        RefusalReason.BALLOT_ID_NAMESPACE));
    append(refusal(ballot("K1", "req-3", "K1-a", state.chain("K1").head(), time, List.of(alpha(103))),
        RefusalReason.DUPLICATE_BALLOT_ID));
    append(refusal(ballot("K1", "req-4", "K1-d", state.chain("K1").head(), time, List.of(alpha(101))),
        RefusalReason.DUPLICATE_CIPHERTEXT));
    append(refusal(ballot("K1", "req-5", "K1-e", state.chain("K1").head(), time, List.of(alpha(105), alpha(105))),
        RefusalReason.DUPLICATE_CIPHERTEXT));
    append(refusal(ballot("K1", "req-6", "K1-f", state.chain("K1").head(), previous - 1, List.of(alpha(106))),
        RefusalReason.CHAIN_TIME));
    append(refusal(ballot("K1", "req-7", "K1-g", state.chain("K1").head(),
        time + BoardState.BALLOT_AHEAD_TOLERANCE_SECONDS + 1, List.of(alpha(107))),
        RefusalReason.FUTURE_BALLOT));
    assertEquals(6, state.refused());
    assertEquals(7, state.chain("K1").ballots());
    // K2's chain and ids are untouched: its own ballots go on.
    append(ballot("K2"));
  }

  // ---- the rule table of docs/protocol.md ----

  @Test
  void theProtocolsRuleTableListsExactlyTheseRulesWithTheirStepsAndCodes() throws IOException {
    String doc = Files.readString(TestData.repoRoot().resolve("docs/protocol.md"));
    int from = doc.indexOf("### 9.6 Board rules");
    int to = doc.indexOf("\n## ", from);
    assertTrue(from >= 0 && to > from, "docs/protocol.md has a section 9.6 Board rules");
    Matcher m = Pattern.compile("(?m)^\\| `([A-Z_]+)` \\|[^\\n]*\\| (V\\d+) \\| `([a-z_]+)` \\|$")
        .matcher(doc.substring(from, to));
    List<String> documented = new ArrayList<>();
    while (m.find()) {
      documented.add(m.group(1) + " " + m.group(2) + " " + m.group(3));
    }
    List<String> implemented = Arrays.stream(Rule.values())
        .map(r -> r.name() + " " + r.step() + " " + r.apiCode()).toList();
    assertEquals(implemented, documented);
  }
}
