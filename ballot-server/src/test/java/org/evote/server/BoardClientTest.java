package org.evote.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.evote.board.client.AdminEntry;
import org.evote.board.client.BoardAdmin;
import org.evote.board.client.BoardClient;
import org.evote.board.client.BoardElection;
import org.evote.board.client.BoardPage;
import org.evote.board.client.BoardReceipt;
import org.evote.board.client.BoardRefusedException;
import org.evote.board.client.BoardStatus;
import org.evote.board.client.BoardUnavailableException;
import org.evote.board.client.EntryInclusion;
import org.evote.board.client.ErrorCodes;
import org.evote.crypto.board.ConsistencyProof;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.board.EntryPayload;
import org.evote.crypto.board.MerkleTree;
import org.evote.crypto.board.SignedHead;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.keystore.AdminCredentials;
import org.evote.server.testing.TestBoard;
import org.evote.server.testing.TestKiosk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The board-client module against a real board on a random loopback port: every call, typed answers, errors. */
class BoardClientTest {
  @TempDir
  Path temp;

  @Test
  void everyCallOfTheClient_worksAgainstTheRealBoard() throws Exception {
    try (TestBoard t = new TestBoard(temp, "manifest-small.json")) {
      BoardClient client = BoardClient.create(t.base, Duration.ofSeconds(30));
      BoardAdmin admin = client.admin(t.admin);

      BoardElection election = client.election();
      assertEquals(t.config.extendedHash(), election.config().extendedHash());
      assertEquals(t.board.boardPublicKey(), election.boardPublicKey());
      assertEquals(t.data.checkpointVerifierKey(), election.checkpointKey());
      org.evote.crypto.note.SignedNote checkpoint = client.checkpoint().orElseThrow();
      assertTrue(checkpoint.verify(List.of(election.checkpointKey())).verified());
      assertEquals(client.head().orElseThrow().merkleRoot(),
          org.evote.crypto.note.Checkpoint.parse(checkpoint.text()).rootHash());
      BoardStatus before = client.status();
      assertEquals(BoardStatus.Polls.NOT_OPENED, before.polls());
      assertTrue(before.acceptingBallots());

      TestKiosk kiosk = new TestKiosk("kiosk-c", t.config, t.random);
      AdminEntry registered = admin.registerKiosk(kiosk.id, kiosk.key.publicKey());
      assertEquals(EntryKind.KIOSK_REGISTERED, registered.kind());
      assertEquals(ErrorCodes.KIOSK_EXISTS, assertThrows(BoardRefusedException.class,
          () -> admin.registerKiosk(kiosk.id, kiosk.key.publicKey())).code());

      TestKiosk.Submission early = kiosk.next(t.randomBallot("ballot-early"), false);
      BoardRefusedException closed = assertThrows(BoardRefusedException.class, () -> client.cast(early.body()));
      assertEquals(ErrorCodes.POLLS_NOT_OPEN, closed.code());
      assertEquals(409, closed.status());
      assertEquals(EntryKind.POLLS_OPENED, admin.openPolls().kind());

      kiosk.setChain(early.ballot().previousCode());
      TestKiosk.Submission cast = kiosk.next(t.randomBallot("ballot-1"), false);
      BoardReceipt receipt = client.submit(EntryKind.BALLOT_CAST, cast.body());
      assertEquals(cast.ballot().ballotId(), receipt.ballotId());
      assertEquals(EntryKind.BALLOT_CAST, receipt.kind());
      assertEquals(cast.ballot().trackingCode(), receipt.trackingCode());
      assertTrue(receipt.signedHead().signatureValid(t.config.extendedHash(), election.boardPublicKey()));
      assertTrue(receipt.inclusionProof().verifies(receipt.entryHash(), receipt.signedHead().merkleRoot()));
      assertEquals(receipt.sequence(), client.submit(EntryKind.BALLOT_CAST, cast.body()).sequence(),
          "an identical retry returns the original receipt");

      TestKiosk.Submission challenged = kiosk.next(t.randomBallot("ballot-2"), true);
      assertEquals(EntryKind.BALLOT_CHALLENGED, client.challenge(challenged.body()).kind());
      assertEquals(ErrorCodes.MALFORMED_JSON, assertThrows(BoardRefusedException.class,
          () -> client.cast("{not json")).code());

      BoardReceipt found = client.receipt(cast.ballot().trackingCode().toLowerCase()).orElseThrow();
      assertEquals(receipt.sequence(), found.sequence());
      assertEquals(Optional.empty(), client.receipt("0000-0000-0000-0000"));
      assertEquals(ErrorCodes.INVALID_CODE, assertThrows(BoardRefusedException.class,
          () -> client.receipt("nope")).code());

      SignedHead head = client.head().orElseThrow();
      assertTrue(head.signatureValid(t.config.extendedHash(), election.boardPublicKey()));
      BoardStatus open = client.status();
      assertEquals(BoardStatus.Polls.OPEN, open.polls());
      assertEquals(1, open.castBallots());
      assertEquals(1, open.challengedBallots());
      assertEquals(head.size(), open.entries());

      BoardPage page = client.entries(0, 2);
      assertEquals(2, page.entries().size());
      assertEquals(2, page.next().getAsLong());
      assertEquals(head.size(), page.size());
      EntryInclusion inclusion = client.inclusionProof(receipt.sequence());
      assertEquals(receipt.entryHash(), inclusion.entryHash());
      assertTrue(inclusion.proof().verifies(inclusion.entryHash(), head.merkleRoot()));
      assertEquals(receipt.signedHead().size(), client.inclusionProof(receipt.sequence(),
          receipt.signedHead().size()).proof().size());
      ConsistencyProof consistency = client.consistencyProof(receipt.signedHead().size(), head.size());
      assertTrue(MerkleTree.verifyConsistency(consistency.first(), consistency.second(),
          receipt.signedHead().merkleRoot(), head.merkleRoot(), consistency.path()));
      assertEquals(ErrorCodes.INVALID_PARAMETER, assertThrows(BoardRefusedException.class,
          () -> client.consistencyProof(head.size() + 1, head.size() + 2)).code());

      assertEquals(EntryKind.KIOSK_REVOKED, admin.revokeKiosk(kiosk.id, Optional.of("test")).kind());
      assertEquals(ErrorCodes.KIOSK_REVOKED, assertThrows(BoardRefusedException.class,
          () -> admin.revokeKiosk(kiosk.id)).code());
      assertEquals(EntryKind.POLLS_CLOSED, admin.closePolls().kind());
      EntryPayload.TallyPublished tally = new EntryPayload.TallyPublished(Digest.of(new byte[32]),
          Digest.of(new byte[32]), Digest.of(new byte[32]));
      assertEquals(EntryKind.TALLY_PUBLISHED, admin.publishTally(tally).kind());
      assertEquals(ErrorCodes.TALLY_PUBLISHED, assertThrows(BoardRefusedException.class,
          () -> admin.publishTally(tally)).code());

      Path exported = client.export(temp.resolve("export/board.json"));
      assertEquals(client.status().entries(), JsonText.readObject(exported).getJsonArray("entries").size());

      BoardAdmin stranger = client.admin(AdminCredentials.generate("stranger", t.random));
      assertEquals(ErrorCodes.FORBIDDEN, assertThrows(BoardRefusedException.class, stranger::openPolls).code());

      t.stop();
      BoardUnavailableException down = assertThrows(BoardUnavailableException.class, client::status);
      assertTrue(down.noAnswer());
      assertTrue(down.retryable());
      assertFalse(down.error().isPresent());
    }
  }
}
