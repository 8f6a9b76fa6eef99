package org.evote.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.evote.board.client.HeadCheck;
import org.evote.board.client.ReceiptCheck;
import org.evote.crypto.ballot.BallotSeed;
import org.evote.crypto.ballot.ConfirmationCodes;
import org.evote.crypto.ballot.EncryptedBallot;
import org.evote.crypto.board.BoardEntry;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.board.EntryPayload;
import org.evote.crypto.board.SignedHead;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.hash.DomainTags;
import org.evote.crypto.hash.Hasher;
import org.evote.crypto.json.BoardJson;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.json.Submissions;
import org.evote.crypto.testing.TestElection;
import org.evote.kiosk.service.KioskStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KioskStoreTest {
  static final SecureRandom RANDOM = new SecureRandom();
  @TempDir
  Path temp;

  static Digest d(String s) {
    return Hasher.tagged(DomainTags.JSON_OBJECT).string(s).digest();
  }

  @Test
  void aRefusedBallotStaysRefusedWithItsReason_acrossARestart() {
    Digest start = d("start");
    try (KioskStore s = KioskStore.open(temp.resolve("r.sqlite"), "K1", start)) {
      long a = s.enqueue("r1", EntryKind.BALLOT_CAST, "K1-000001", "AAAA-AAAA-AAAA-AAAA", start, d("c1"), 100, "{}",
          100);
      long b = s.enqueue("r2", EntryKind.BALLOT_CAST, "K1-000002", "BBBB-BBBB-BBBB-BBBB", d("c1"), d("c2"), 101,
          "{}", 101);
      s.enqueue("r3", EntryKind.BALLOT_CAST, "K1-000003", "CCCC-CCCC-CCCC-CCCC", d("c2"), d("c3"), 102, "{}", 102);
      s.markRefused(a, "future_ballot", "dated after the board's time", Optional.of("{\"sequence\":9}"));
      s.markRefused(b, "chain_broken", "does not continue", Optional.empty());
      assertEquals(2, s.refusedCount());
      assertEquals(102, s.chain().lastTime());
      s.markRefused(s.nextPending().orElseThrow().id(), "future_ballot", "later", Optional.empty());
      assertEquals(0, s.chain().lastTime(), "a refused ballot's time is not the chain's");
      assertEquals(d("c3"), s.chain().lastCode(), "its code still is");
    }
    try (KioskStore s = KioskStore.open(temp.resolve("r.sqlite"), "K1", start)) {
      List<org.evote.kiosk.service.RefusedBallot> refused = s.refused().subList(0, 2);
      assertEquals(List.of(
          new org.evote.kiosk.service.RefusedBallot("K1-000001", "AAAA-AAAA-AAAA-AAAA", EntryKind.BALLOT_CAST,
              "future_ballot", "dated after the board's time", true, Optional.of(9L)),
          new org.evote.kiosk.service.RefusedBallot("K1-000002", "BBBB-BBBB-BBBB-BBBB", EntryKind.BALLOT_CAST,
              "chain_broken", "does not continue", false, Optional.empty())), refused);
      assertEquals(3, s.refused().size());
      assertTrue(s.uploaded().isEmpty());
    }
  }

  @Test
  void theOutboxAndTheChainAdvanceTogetherAndSurviveReopening() {
    Digest start = d("start");
    try (KioskStore s = KioskStore.open(temp.resolve("k.sqlite"), "K1", start)) {
      assertEquals(1, s.takeNumber());
      assertEquals(2, s.takeNumber());
      s.enqueue("r1", EntryKind.BALLOT_CAST, "K1-1", "AAAA-AAAA-AAAA-AAAA", start, d("c1"), 100, "{}", 100);
      assertThrows(IllegalStateException.class, () -> s.enqueue("r2", EntryKind.BALLOT_CAST, "K1-2",
          "BBBB-BBBB-BBBB-BBBB", start, d("c2"), 101, "{}", 101), "a ballot prepared against an old chain head");
      assertEquals(1, s.all().size());
    }
    try (KioskStore s = KioskStore.open(temp.resolve("k.sqlite"), "K1", start)) {
      assertEquals(d("c1"), s.chain().lastCode());
      assertEquals(3, s.takeNumber());
      assertEquals(1, s.pendingCount());
    }
    assertThrows(IllegalStateException.class, () -> KioskStore.open(temp.resolve("k.sqlite"), "K2", start));
  }

  /** A ballot cast on an in-memory board with a real board key, and the receipt such a board signs for it. */
  record Signed(TestElection election, EncryptedBallot ballot, String body, String receipt, SignedHead head) {
    static Signed cast() {
      TestElection e = new TestElection(TestElection.manifest("manifest-small.json"), 3, 2, RANDOM);
      e.registerKiosk("K1");
      e.openPolls();
      String style = e.manifest.ballotStyles().get(0).id();
      EncryptedBallot b = e.polling.encrypt("K1", e.randomPlaintext("K1-000001", style), BallotSeed.random(RANDOM));
      EntryPayload.BallotCast payload = Submissions.cast(e.config.extendedHash(), "K1-000001", b,
          e.polling.kioskKey("K1"));
      String body = JsonText.object(BoardJson.encodePayload(payload))
          .add("election_hash", e.config.extendedHash().toHex()).build().toString();
      BoardEntry entry = e.polling.post(payload);
      e.signHead();
      SignedHead head = e.board.heads().get(e.board.heads().size() - 1);
      JsonObject receipt = JsonText.object().add("ballot_id", b.ballotId()).add("kind", "ballot_cast")
          .add("confirmation_code", b.confirmationCode().toHex()).add("tracking_code", b.trackingCode())
          .add("sequence", entry.sequence()).add("entry_hash", entry.entryHash().toHex())
          .add("previous_hash", entry.previousHash().toHex()).add("timestamp", entry.timestamp())
          .add("signed_head", BoardJson.encode(head))
          .add("inclusion_proof", BoardJson.encode(e.board.tree().proveInclusion(entry.sequence(), head.size())))
          .add("checkpoint", e.polling.checkpoint(head.size(), List.of()).format())
          .build();
      return new Signed(e, b, body, receipt.toString(), head);
    }

    Digest extendedHash() {
      return election.config.extendedHash();
    }
  }

  @Test
  void aBallotIsMarkedUploadedOnlyWithACheckedReceiptAndHead_andBothAreKept() {
    Signed s = Signed.cast();
    ReceiptCheck.Valid valid = assertInstanceOf(ReceiptCheck.Valid.class,
        new ReceiptCheck(s.extendedHash(), s.election().boardKey.publicKey(),
            s.election().polling.checkpointKey.verifierKey()).check(EntryKind.BALLOT_CAST, s.body(),
            s.receipt()));
    Path file = temp.resolve("k.sqlite");
    Digest start = ConfirmationCodes.chainStart(s.extendedHash(), "K1");
    long id;
    try (KioskStore store = KioskStore.open(file, "K1", start)) {
      assertTrue(store.keptHead().isEmpty());
      id = store.enqueue("K1-000001", EntryKind.BALLOT_CAST, "K1-000001", s.ballot().trackingCode(),
          s.ballot().previousCode(), s.ballot().confirmationCode(), s.ballot().timestamp(), s.body(), 100);
      HeadCheck.Consistent head = assertInstanceOf(HeadCheck.Consistent.class,
          new HeadCheck(s.extendedHash(), s.election().boardKey.publicKey()).check(store.keptHead(),
              valid.receipt().signedHead(), HeadCheck.Shown.ANY, Optional.empty()));
      store.markUploaded(id, valid, head);
      assertEquals(0, store.pendingCount());
      assertEquals(List.of(id), store.uploaded().stream().map(KioskStore.Outgoing::id).toList());
    }
    try (KioskStore store = KioskStore.open(file, "K1", start)) {
      assertEquals(s.head(), store.keptHead().orElseThrow(), "the kept head survives reopening");
      assertEquals(JsonText.parseObject(s.receipt()), JsonText.parseObject(store.byId(id).orElseThrow().receipt()
          .orElseThrow()), "the receipt as the board sent it");

      store.requeue(id, "BALLOT_LOST", "the board no longer has it", 200);
      KioskStore.Outgoing again = store.nextPending().orElseThrow();
      assertEquals(id, again.id());
      assertEquals(s.body(), again.body(), "the very same signed request is posted again");
      assertTrue(again.receipt().isEmpty());
      KioskStore.AlarmRecord alarm = store.alarms().get(0);
      assertEquals("audit", alarm.kind());
      assertEquals(Optional.of("K1-000001"), alarm.ballotId());
      assertEquals(JsonText.parseObject(s.receipt()), JsonText.parseObject(alarm.evidence()),
          "the lost receipt is kept as evidence");
      assertThrows(IllegalStateException.class, () -> store.requeue(id, "BALLOT_LOST", "again", 201),
          "only an uploaded ballot is put back");
      assertEquals(s.head(), store.keptHead().orElseThrow(), "the kept head is not rolled back with it");
    }
  }
}
