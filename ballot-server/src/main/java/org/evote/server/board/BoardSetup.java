package org.evote.server.board;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.evote.crypto.verify.ElectionChecks;
import org.evote.crypto.board.BoardEntry;
import org.evote.crypto.board.BoardOrigin;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.board.EntryPayload;
import org.evote.crypto.board.MerkleTree;
import org.evote.crypto.board.SignedHead;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.json.BoardJson;
import org.evote.crypto.json.CanonicalJson;
import org.evote.crypto.json.ElectionJson;
import org.evote.crypto.keystore.AdminCredentials;
import org.evote.crypto.keystore.TlsIdentity;
import org.evote.crypto.note.Ed25519NoteSigner;
import org.evote.crypto.note.VerifierKey;
import org.evote.server.store.BoardStore;
import org.evote.server.store.CheckpointFile;
import org.evote.server.store.CosignatureStore;
import org.evote.server.store.DataDir;
import org.evote.server.store.WriteTransaction;

/**
 * Creates a new board (the {@code init} command): the election file, a fresh board signing key, checkpoint key
 * (§9.8) and TLS identity sealed under the operator's passphrase, the database with entry 0 "election published"
 * and its signed head, and the first administrator credential (with the TLS certificate's fingerprint).
 */
public final class BoardSetup {
  /** The board name used when none is given: the tests' and the launcher's loopback boards. */
  public static final String DEFAULT_BOARD_NAME = "localhost";

  private BoardSetup() {}

  /** What {@link #init} made that the operator is told about. */
  public record Created(AdminCredentials admin, VerifierKey checkpointKey) {}

  /** The names a board's self-signed TLS certificate carries when none are given: this machine's loopback. */
  public static final List<String> DEFAULT_TLS_NAMES = List.of("localhost", "127.0.0.1", "::1");

  /**
   * {@link #init(DataDir, JsonObject, String, char[], char[], SecureRandom, Clock)} under
   * {@link #DEFAULT_BOARD_NAME}.
   */
  public static AdminCredentials init(DataDir data, JsonObject electionJson, char[] passphrase,
      char[] adminPassphrase, SecureRandom random, Clock clock) throws IOException {
    return init(data, electionJson, DEFAULT_BOARD_NAME, passphrase, adminPassphrase, random, clock).admin();
  }

  /**
   * Creates the board named {@code boardName} (the first part of its checkpoint origin, {@link BoardOrigin}) for the
   * election in {@code electionJson}, its keys sealed under {@code passphrase}, with a first administrator whose
   * key is registered on the board and sealed under {@code adminPassphrase} in its credential file, and a
   * self-signed TLS certificate for {@link #DEFAULT_TLS_NAMES}.
   */
  public static Created init(DataDir data, JsonObject electionJson, String boardName, char[] passphrase,
      char[] adminPassphrase, SecureRandom random, Clock clock) throws IOException {
    return init(data, electionJson, boardName, TlsIdentity.selfSigned(DEFAULT_TLS_NAMES, random, clock.instant()),
        passphrase, adminPassphrase, random, clock);
  }

  /**
   * As above, serving HTTPS with {@code tls} (sealed under the board's passphrase); its fingerprint goes into the
   * administrator credential, and into every kiosk credential {@code kiosk add} writes.
   */
  public static Created init(DataDir data, JsonObject electionJson, String boardName, TlsIdentity tls,
      char[] passphrase, char[] adminPassphrase, SecureRandom random, Clock clock) throws IOException {
    return init(data, electionJson, boardName, tls, passphrase, adminPassphrase, random, clock, false);
  }

  /**
   * As above; with {@code practice} the board is a practice board ({@link DataDir#practiceFile()}): its status and
   * election say {@code "practice": true}. The marker is written before the database, so a board is never
   * created real when it was asked for as practice.
   */
  public static Created init(DataDir data, JsonObject electionJson, String boardName, TlsIdentity tls,
      char[] passphrase, char[] adminPassphrase, SecureRandom random, Clock clock, boolean practice)
      throws IOException {
    ElectionConfig config = ElectionChecks.accept(electionJson);
    BoardOrigin origin = new BoardOrigin(boardName, config.extendedHash());
    if (data.exists()) {
      throw new IOException("a board already exists in " + data.dir());
    }
    if (adminPassphrase.length < 8) {
      throw new IllegalArgumentException("the administrator credential's passphrase needs at least 8 characters");
    }
    try (DataDir.Lock lock = data.lock()) {
      Ed25519.PrivateKey boardKey = Ed25519.PrivateKey.generate(random);
      JsonObject canonicalElection = ElectionJson.encode(config);
      Ed25519NoteSigner checkpointKey = Ed25519NoteSigner.generate(origin.origin(), random);
      data.writeElectionAndKey(canonicalElection, boardKey, passphrase, random);
      data.writeCheckpointKey(checkpointKey, passphrase, random);
      data.writeTlsIdentity(tls, passphrase, random);
      data.markPractice(practice);
      AdminCredentials admin = AdminCredentials.generate("admin", config.extendedHash(), random)
          .withTlsFingerprint(tls.fingerprint());
      try (BoardStore store = BoardStore.create(data.database())) {
        long now = clock.millis() / 1000;
        String payload = BoardJson.payloadText(new EntryPayload.ElectionPublished(config.extendedHash(),
            CanonicalJson.write(canonicalElection), boardKey.publicKey(), checkpointKey.verifierKey()));
        BoardEntry first = BoardEntry.append(config.extendedHash(), null, EntryKind.ELECTION_PUBLISHED, now,
            payload);
        WriteTransaction tx = store.writeTransaction();
        tx.begin();
        tx.insertEntry(first);
        org.evote.crypto.hash.Digest root = MerkleTree.of(List.of(first.entryHash())).root();
        tx.insertHead(SignedHead.sign(config.extendedHash(), 1, first.entryHash(), root, now, boardKey));
        tx.insertAdministrator(admin.name(), admin.publicKey().hex());
        tx.commit();
        CosignatureStore.create(data.cosignatureDatabase());
        new CheckpointFile(data.checkpointFile()).write(checkpointKey.signNote(origin.checkpoint(1, root).text()));
      }
      admin.write(data.adminCredentialsFile(), adminPassphrase, random);
      return new Created(admin, checkpointKey.verifierKey());
    }
  }
}
