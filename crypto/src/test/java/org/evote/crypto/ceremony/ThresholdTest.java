package org.evote.crypto.ceremony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.evote.crypto.decrypt.DecryptionShare;
import org.evote.crypto.decrypt.Decryptor;
import org.evote.crypto.decrypt.ElectionResult;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.election.ElectionHashes;
import org.evote.crypto.group.Element;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.tally.TallyAccumulator;
import org.evote.crypto.testing.TestElection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ThresholdTest {
  static final SecureRandom RANDOM = new SecureRandom();
  static TestElection election;

  @BeforeAll
  static void setUp() throws Exception {
    election = new TestElection(TestElection.manifest("manifest-minimal.json"), 5, 3, RANDOM);
    election.registerKiosk("k");
    election.openPolls();
    for (int i = 0; i < 7; i++) {
      election.vote("k", election.randomPlaintext("b" + i, election.manifest.ballotStyles().get(0).id()), false);
    }
  }

  static List<List<Integer>> subsets(int n, int k) {
    List<List<Integer>> out = new ArrayList<>();
    for (int mask = 0; mask < (1 << n); mask++) {
      if (Integer.bitCount(mask) == k) {
        List<Integer> s = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          if ((mask & (1 << i)) != 0) {
            s.add(i + 1);
          }
        }
        out.add(s);
      }
    }
    return out;
  }

  @Test
  void everyQuorumOfThreeOfFiveDecryptsTheSameResult() throws Exception {
    var tally = tally();
    Decryptor d = new Decryptor(election.config);
    List<DecryptionShare> all = new ArrayList<>();
    for (GuardianKey k : election.keys) {
      all.add(d.partialDecrypt(k, tally, RANDOM));
    }
    ElectionResult first = null;
    List<List<Integer>> quorums = subsets(5, 3);
    assertEquals(10, quorums.size());
    for (List<Integer> q : quorums) {
      ElectionResult r = d.combine(tally, q.stream().map(i -> all.get(i - 1)).toList(), 0);
      if (first == null) {
        first = r;
      }
      assertEquals(first, r, "quorum " + q);
    }
    for (var c : election.manifest.contests()) {
      for (var s : c.selections()) {
        long truth = election.castPlaintexts.stream().filter(p -> p.vote(c.id(), s.id()) == 1).count();
        assertEquals(truth, first.count(c.id(), s.id()).orElseThrow());
      }
    }
    // All five together also work.
    assertEquals(first, d.combine(tally, all, 0));
  }

  @Test
  void twoOfFiveGuardiansCannotDecrypt() throws Exception {
    var tally = tally();
    Decryptor d = new Decryptor(election.config);
    for (List<Integer> pair : subsets(5, 2)) {
      List<DecryptionShare> shares = pair.stream().map(i -> d.partialDecrypt(election.keys.get(i - 1), tally,
          RANDOM)).toList();
      Decryptor.DecryptionException e = assertThrows(Decryptor.DecryptionException.class,
          () -> d.combine(tally, shares, 0));
      assertTrue(e.getMessage().contains("at least 3"), e.getMessage());
    }
  }

  @Test
  void interpolatingWithTooFewSharesGivesNoCount() {
    // Even bypassing the count check, k − 1 shares interpolate to the wrong key: no count is found.
    var tally = tally();
    var sel = tally.contests().get(0).selections().get(0);
    Element wrong = sel.ciphertext().alpha().multiply(election.keys.get(0).share());
    Element t = sel.ciphertext().beta().subtract(wrong);
    assertTrue(org.evote.crypto.decrypt.DiscreteLog.solve(t, 7).isEmpty());
  }

  @Test
  void verificationKeysMatchTheGuardiansShares() {
    for (GuardianKey k : election.keys) {
      assertEquals(election.config.verificationKey(k.index()), k.verificationKey());
    }
  }

  static org.evote.crypto.tally.EncryptedTally tally() {
    TallyAccumulator acc = new TallyAccumulator(election.manifest);
    for (var e : election.board.entries()) {
      var p = org.evote.crypto.json.BoardJson.decodePayload(e);
      if (p instanceof org.evote.crypto.board.EntryPayload.BallotCast c) {
        acc.add(c.ballot());
      }
    }
    return acc.result();
  }

  @Test
  void aBadShareIsDetectedNamedAndResolvedByAPublicReveal() {
    Manifest m = TestElection.manifest("manifest-minimal.json");
    Digest hb = ElectionHashes.baseHash(m, 3, 2);
    List<GuardianCeremony> gs = new ArrayList<>();
    List<GuardianRecord> records = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      gs.add(GuardianCeremony.start(hb, i, 3, 2, RANDOM));
      records.add(gs.get(i - 1).record());
    }
    EncryptedShare good = gs.get(0).sharesFor(records, RANDOM).get(0);
    assertEquals(2, good.recipient());
    // Guardian 1 sends guardian 2 a share with a flipped ciphertext byte.
    byte[] c = good.ciphertext().toBytes();
    c[0] ^= 1;
    EncryptedShare tampered = new EncryptedShare(1, 2, good.ephemeral(), Digest.of(c), good.mac());
    Optional<ShareComplaint> complaint = gs.get(1).receive(tampered, records.get(0));
    assertTrue(complaint.isPresent());
    assertEquals(1, complaint.get().accused());
    assertTrue(complaint.get().reason().contains("MAC"), complaint.get().reason());
    // A share encrypted correctly but for a value that does not match the commitments.
    GuardianPolynomial liar = GuardianPolynomial.generate(1, 2, RANDOM);
    EncryptedShare wrongValue = ShareEncryption.encrypt(hb, liar, records.get(0), records.get(1), RANDOM);
    Optional<ShareComplaint> c2 = gs.get(1).receive(wrongValue, records.get(0));
    assertTrue(c2.isPresent());
    assertFalse(gs.get(1).missingShares().isEmpty());
    // The accused reveals the share publicly; anyone checks it against the commitments.
    ShareReveal reveal = gs.get(0).reveal(2);
    assertTrue(reveal.matches(records.get(0)));
    assertTrue(gs.get(1).acceptReveal(reveal, records.get(0)));
    ShareReveal forged = new ShareReveal(1, 2, reveal.share().add(org.evote.crypto.group.Scalar.ONE));
    assertFalse(forged.matches(records.get(0)));
    // Guardian 2 completes once it also has guardian 3's share.
    for (EncryptedShare s : gs.get(2).sharesFor(records, RANDOM)) {
      if (s.recipient() == 2) {
        assertTrue(gs.get(1).receive(s, records.get(2)).isEmpty());
      }
    }
    assertTrue(gs.get(1).missingShares().isEmpty());
    GuardianKey key = gs.get(1).finish();
    ElectionConfig config = new ElectionConfig(m, 3, 2, records);
    assertEquals(config.verificationKey(2), key.verificationKey());
  }

  @Test
  void aShareMeantForAnotherGuardianOrFromAnImpostorFailsAuthentication() {
    Manifest m = TestElection.manifest("manifest-minimal.json");
    Digest hb = ElectionHashes.baseHash(m, 3, 2);
    GuardianCeremony g1 = GuardianCeremony.start(hb, 1, 3, 2, RANDOM);
    GuardianCeremony g2 = GuardianCeremony.start(hb, 2, 3, 2, RANDOM);
    GuardianCeremony impostor = GuardianCeremony.start(hb, 3, 3, 2, RANDOM);
    GuardianCeremony g3 = GuardianCeremony.start(hb, 3, 3, 2, RANDOM);
    List<GuardianRecord> records = List.of(g1.record(), g2.record(), g3.record());
    // The impostor (not holding guardian 3's key) sends guardian 2 a share claiming to be guardian 3.
    EncryptedShare fake = ShareEncryption.encrypt(hb, impostor.polynomial(), impostor.record(), g2.record(), RANDOM);
    assertTrue(g2.receive(fake, g3.record()).isPresent());
    assertEquals(3, records.size());
  }

  @Test
  void keyCeremonyRejectsImpossibleQuorums() {
    Digest hb = ElectionHashes.baseHash(TestElection.manifest("manifest-minimal.json"), 3, 2);
    assertThrows(IllegalArgumentException.class, () -> KeyCeremony.run(hb, 3, 4, RANDOM));
    assertThrows(IllegalArgumentException.class, () -> KeyCeremony.run(hb, 3, 0, RANDOM));
    assertEquals(1, KeyCeremony.run(hb, 1, 1, RANDOM).keys().size());
  }
}
