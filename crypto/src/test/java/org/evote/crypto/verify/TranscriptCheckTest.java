package org.evote.crypto.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.evote.crypto.ceremony.CeremonyTranscript;
import org.evote.crypto.ceremony.EncryptedShare;
import org.evote.crypto.ceremony.GuardianCeremony;
import org.evote.crypto.ceremony.GuardianRecord;
import org.evote.crypto.ceremony.ShareComplaint;
import org.evote.crypto.ceremony.ShareReveal;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.election.ElectionHashes;
import org.evote.crypto.group.Scalar;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.CeremonyJson;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.testing.DeterministicRandom;
import org.evote.crypto.testing.TestElection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** V18 on transcripts of a real 3-guardian, quorum-2 ceremony, honest and with complaints (protocol §7.3, §10.4). */
class TranscriptCheckTest {
  private static final Manifest MANIFEST = TestElection.manifest("manifest-small.json");
  private SecureRandom random;
  private List<GuardianCeremony> guardians;
  private ElectionConfig config;
  private List<EncryptedShare> shares;

  @BeforeEach
  void ceremony() {
    random = new DeterministicRandom("transcript check");
    Digest hb = ElectionHashes.baseHash(MANIFEST, 3, 2);
    guardians = new ArrayList<>();
    List<GuardianRecord> records = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      GuardianCeremony g = GuardianCeremony.start(hb, i, 3, 2, random);
      guardians.add(g);
      records.add(g.record());
    }
    config = new ElectionConfig(MANIFEST, 3, 2, records);
    shares = new ArrayList<>();
    for (GuardianCeremony g : guardians) {
      shares.addAll(g.sharesFor(records, random));
    }
  }

  private CeremonyTranscript transcript(List<EncryptedShare> s, List<ShareComplaint> c, List<ShareReveal> r) {
    return new CeremonyTranscript(config.baseHash(), config.extendedHash(), s, c, r);
  }

  private VerificationReport.StepOutcome check(CeremonyTranscript t) {
    return check(new TranscriptFile.Present(CeremonyJson.encode(t)));
  }

  private VerificationReport.StepOutcome check(TranscriptFile file) {
    VerificationReport.Recorder v18 = new VerificationReport.Recorder(Step.V18_CEREMONY_TRANSCRIPT);
    TranscriptCheck.run(config, file, v18);
    return v18.outcome();
  }

  private static void assertFails(VerificationReport.StepOutcome o, String object, String reason) {
    assertEquals(VerificationReport.Status.FAIL, o.status(), o.toString());
    assertTrue(o.failures().stream().anyMatch(f -> f.object().equals(object) && f.reason().contains(reason)),
        o.failures().toString());
  }

  /** Guardian 2 complains about a garbled share from guardian 1: the real complaint its check produces. */
  private ShareComplaint garbleShareFromOneToTwo() {
    EncryptedShare good = shares.get(0);
    assertEquals(1, good.sender());
    assertEquals(2, good.recipient());
    byte[] c = good.ciphertext().toBytes();
    c[0] ^= 1;
    EncryptedShare bad = new EncryptedShare(1, 2, good.ephemeral(), Digest.of(c), good.mac());
    shares.set(0, bad);
    return guardians.get(1).receive(bad, guardians.get(0).record()).orElseThrow();
  }

  @Test
  void theHonestTranscriptPasses() {
    VerificationReport.StepOutcome o = check(transcript(shares, List.of(), List.of()));
    assertEquals(VerificationReport.Status.PASS, o.status(), o.toString());
    assertEquals(1 + 6, o.checked());
  }

  @Test
  void aComplaintAnsweredByAValidRevealPasses() {
    ShareComplaint complaint = garbleShareFromOneToTwo();
    ShareReveal reveal = guardians.get(0).reveal(2);
    assertTrue(guardians.get(1).acceptReveal(reveal, guardians.get(0).record()));
    VerificationReport.StepOutcome o = check(transcript(shares, List.of(complaint), List.of(reveal)));
    assertEquals(VerificationReport.Status.PASS, o.status(), o.toString());
  }

  @Test
  void aComplaintWithoutARevealDisqualifiesTheAccused() {
    ShareComplaint complaint = garbleShareFromOneToTwo();
    assertFails(check(transcript(shares, List.of(complaint), List.of())),
        "complaint of guardian 2 against guardian 1", "guardian 1 is disqualified");
  }

  @Test
  void aRevealThatFailsCheckFiveDisqualifiesTheSender() {
    ShareComplaint complaint = garbleShareFromOneToTwo();
    ShareReveal honest = guardians.get(0).reveal(2);
    ShareReveal wrong = new ShareReveal(1, 2, honest.share().add(Scalar.ONE));
    assertFails(check(transcript(shares, List.of(complaint), List.of(wrong))), "reveal 1→2", "check 5");
  }

  @Test
  void aRevealNobodyAskedForFails() {
    assertFails(check(transcript(shares, List.of(), List.of(guardians.get(0).reveal(3)))), "reveal 1→3",
        "answers no complaint");
  }

  @Test
  void asManyComplaintsAsTheQuorumAgainstOneGuardianFailEvenIfAnswered() {
    List<ShareComplaint> complaints = List.of(new ShareComplaint(2, 1, "wrong MAC"),
        new ShareComplaint(3, 1, "wrong MAC"));
    List<ShareReveal> reveals = List.of(guardians.get(0).reveal(2), guardians.get(0).reveal(3));
    assertFails(check(transcript(shares, complaints, reveals)), "guardian 1", "2 complaints against it");
  }

  @Test
  void aMissingShareFailsNamingThePair() {
    shares.remove(0);
    assertFails(check(transcript(shares, List.of(), List.of())), "share 1→2", "missing");
  }

  @Test
  void aMissingShareReplacedByAnAnsweredComplaintPasses() {
    shares.remove(0);
    VerificationReport.StepOutcome o = check(transcript(shares, List.of(new ShareComplaint(2, 1,
        "no share received")), List.of(guardians.get(0).reveal(2))));
    assertEquals(VerificationReport.Status.PASS, o.status(), o.toString());
  }

  @Test
  void aDuplicateShareFails() {
    shares.add(shares.get(4));
    assertFails(check(transcript(shares, List.of(), List.of())), "share " + shares.get(4).sender() + "→"
        + shares.get(4).recipient(), "more than once");
  }

  @Test
  void aShareWithSenderAndRecipientSwappedFails() {
    EncryptedShare s = shares.get(0);
    shares.set(0, new EncryptedShare(s.recipient(), s.sender(), s.ephemeral(), s.ciphertext(), s.mac()));
    VerificationReport.StepOutcome o = check(transcript(shares, List.of(), List.of()));
    assertFails(o, "share 2→1", "more than once");
    assertFails(o, "share 1→2", "missing");
  }

  @Test
  void aShareToAGuardianOutsideTheElectionFails() {
    EncryptedShare s = shares.get(0);
    shares.add(new EncryptedShare(1, 4, s.ephemeral(), s.ciphertext(), s.mac()));
    assertFails(check(transcript(shares, List.of(), List.of())), "share 1→4", "not a guardian of this election");
  }

  @Test
  void aTranscriptOfAnotherElectionOrCeremonyFails() {
    Digest other = Digest.of(new byte[32]);
    assertFails(check(new CeremonyTranscript(other, config.extendedHash(), shares, List.of(), List.of())),
        "ceremony_transcript.json election_base_hash", "another election");
    assertFails(check(new CeremonyTranscript(config.baseHash(), other, shares, List.of(), List.of())),
        "ceremony_transcript.json extended_hash", "another ceremony");
  }

  @Test
  void anAbsentOrUnreadableTranscriptFailsHere() {
    assertFails(check(TranscriptFile.ABSENT), "ceremony_transcript.json", "missing");
    assertFails(check(new TranscriptFile.Unreadable("$: malformed JSON")), "ceremony_transcript.json",
        "cannot be read");
  }

  @Test
  void aTranscriptThatDoesNotDecodeFailsNamingTheField() {
    var json = CeremonyJson.encode(transcript(shares, List.of(), List.of()));
    var broken = org.evote.crypto.json.JsonText.object(json).add("shares", org.evote.crypto.json.JsonText.array()
        .add(org.evote.crypto.json.JsonText.object(json.getJsonArray("shares").getJsonObject(0))
            .add("ephemeral", "AA"))).build();
    assertFails(check(new TranscriptFile.Present(broken)), "ceremony_transcript.json", "shares[0].ephemeral");
  }
}
