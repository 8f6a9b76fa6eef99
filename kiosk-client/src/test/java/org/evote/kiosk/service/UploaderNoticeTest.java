package org.evote.kiosk.service;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import org.evote.board.client.BoardClient;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.keystore.KioskCredentials;
import org.evote.crypto.notice.ElectionNotice;
import org.evote.crypto.testing.TestElection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kiosk takes an election notice only if it names the election and both board keys pinned in its credentials. */
class UploaderNoticeTest {
  static final SecureRandom RANDOM = new SecureRandom();
  @TempDir
  Path temp;

  @Test
  void aNoticeOfAnotherElectionOrOtherBoardKeys_isRefused_theRightOneTaken() {
    TestElection e = new TestElection(TestElection.manifest("manifest-small.json"), 3, 2, RANDOM);
    KioskCredentials creds = KioskCredentials.generate("K1", e.config.extendedHash(), e.boardKey.publicKey(),
        e.polling.checkpointKey.verifierKey(), RANDOM);
    ElectionNotice right = e.notice();
    ElectionNotice otherElection = new TestElection(TestElection.manifest("manifest-small.json"), 3, 2, RANDOM)
        .notice();
    ElectionNotice otherBoardKey = new ElectionNotice(right.extendedHash(),
        Ed25519.PrivateKey.generate(RANDOM).publicKey(), right.checkpointKey(), right.witnesses(),
        right.witnessQuorum(), right.kiosks());
    BoardClient board = BoardClient.create(URI.create("http://127.0.0.1:9"), Duration.ofSeconds(1));
    try (KioskStore store = KioskStore.open(temp.resolve("k.sqlite"), "K1",
        org.evote.crypto.ballot.ConfirmationCodes.chainStart(e.config.extendedHash(), "K1"))) {
      for (ElectionNotice wrong : new ElectionNotice[] {otherElection, otherBoardKey}) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> new Uploader(store, board,
            creds, Duration.ofSeconds(1), Optional.of(wrong)));
        assertTrue(x.getMessage().contains("notice"), x.getMessage());
      }
      new Uploader(store, board, creds, Duration.ofSeconds(1), Optional.of(right)).close();
    }
  }
}
