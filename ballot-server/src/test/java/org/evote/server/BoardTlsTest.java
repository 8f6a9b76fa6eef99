package org.evote.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.evote.board.client.BoardClient;
import org.evote.board.client.BoardStatus;
import org.evote.board.client.BoardUnavailableException;
import org.evote.board.client.ReceiptCheck;
import org.evote.crypto.ballot.RandomBallots;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.keystore.AdminCredentials;
import org.evote.crypto.keystore.KioskCredentials;
import org.evote.crypto.keystore.TlsFingerprint;
import org.evote.crypto.keystore.TlsIdentity;
import org.evote.server.store.DataDir;
import org.evote.server.testing.Console;
import org.evote.server.testing.ServerProcess;
import org.evote.server.testing.TestBoard;
import org.evote.server.testing.TestKiosk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The board speaks HTTPS itself (docs/api.md, "Transport"): clients pin its certificate's fingerprint, which
 * {@code init} puts into every credential; a look-alike with another certificate is refused before any request;
 * plain HTTP only on loopback.
 */
class BoardTlsTest {
  static final Duration T = Duration.ofSeconds(30);

  @TempDir
  Path temp;

  static TestBoard httpsBoard(Path dir) throws Exception {
    TestBoard t = new TestBoard(Files.createDirectories(dir), "manifest-small.json");
    t.stop();
    t.start(BoardHost.Witnesses.NONE, BoardHost.Transport.HTTPS);
    return t;
  }

  @Test
  void aKioskLikeClientPinningTheCertificate_castsOverHttps_andItsReceiptVerifies() throws Exception {
    try (TestBoard t = httpsBoard(temp)) {
      assertEquals("https", t.base.getScheme());
      TlsFingerprint pin = t.tlsFingerprint();
      assertEquals(Optional.of(pin), t.admin.tlsFingerprint(), "init put the fingerprint in the admin credential");
      BoardClient client = BoardClient.create(t.base, Optional.of(pin), T);
      TestKiosk kiosk = new TestKiosk("K1", t.config, t.random);
      client.admin(t.admin, t.random).registerKiosk(kiosk.id, kiosk.key.publicKey());
      client.admin(t.admin, t.random).openPolls();
      TestKiosk.Submission cast = kiosk.next(t.randomBallot("ballot-1"), false);
      String answer = client.submitForReceipt(cast.signed());
      ReceiptCheck check = new ReceiptCheck(t.config.extendedHash(), t.board.boardPublicKey(),
          t.board.checkpointKey());
      assertInstanceOf(ReceiptCheck.Valid.class, check.check(cast.signed(), answer));
      assertEquals(1, client.status().castBallots());

      BoardClient plain = BoardClient.create(URI.create("http://127.0.0.1:" + t.base.getPort()), Duration.ofSeconds(5));
      assertThrows(BoardUnavailableException.class, plain::status, "the board has no plain-HTTP listener");
    }
  }

  @Test
  void aWrongPin_isRefusedInTheHandshake_namingBothFingerprints_andNoRequestReachesTheBoard() throws Exception {
    try (TestBoard t = httpsBoard(temp)) {
      TlsFingerprint wrong = TlsIdentity.selfSigned(List.of("localhost", "127.0.0.1"), t.random, Instant.now())
          .fingerprint();
      BoardClient impostorPinned = BoardClient.create(t.base, Optional.of(wrong), Duration.ofSeconds(5));
      BoardUnavailableException e = assertThrows(BoardUnavailableException.class,
          () -> impostorPinned.admin(t.admin, t.random).openPolls());
      assertTrue(e.wrongCertificate(), e.getMessage());
      assertTrue(e.getMessage().contains(wrong.hex()) && e.getMessage().contains(t.tlsFingerprint().hex()),
          e.getMessage());
      assertEquals(BoardStatus.Polls.NOT_OPENED,
          BoardClient.create(t.base, Optional.of(t.tlsFingerprint()), T).status().polls(),
          "the administrator's request was never sent");
    }
  }

  @Test
  void aLookAlikeBoardWithTheSameNamesButAnotherCertificate_isRefused() throws Exception {
    try (TestBoard real = httpsBoard(temp.resolve("real")); TestBoard lookAlike = httpsBoard(temp.resolve("fake"))) {
      // Both certificates name localhost and 127.0.0.1: a host name check would pass; the pin does not.
      BoardClient kiosk = BoardClient.create(lookAlike.base, Optional.of(real.tlsFingerprint()), T);
      BoardUnavailableException e = assertThrows(BoardUnavailableException.class, kiosk::election);
      assertTrue(e.wrongCertificate());
      assertTrue(e.getMessage().contains("not the pinned " + real.tlsFingerprint().hex()), e.getMessage());
      assertTrue(e.getMessage().contains(lookAlike.tlsFingerprint().hex()), e.getMessage());
    }
  }

  @Test
  void thePinReplacesTheHostNameCheck_aCertificateNamingAnotherHostIsAcceptedByItsPin() throws Exception {
    try (TestBoard t = new TestBoard(temp, "manifest-small.json")) {
      t.stop();
      TlsIdentity elsewhere = TlsIdentity.selfSigned(List.of("board.county.example"), t.random, Instant.now());
      t.data.writeTlsIdentity(elsewhere, TestBoard.passphrase(), t.random);
      t.start(BoardHost.Witnesses.NONE, BoardHost.Transport.HTTPS);
      assertEquals(elsewhere.fingerprint(), t.tlsFingerprint());
      // Reached as 127.0.0.1, which the certificate does not name: accepted by the pin alone.
      assertEquals(t.config.extendedHash(), BoardClient.create(t.base, Optional.of(elsewhere.fingerprint()), T)
          .election().config().extendedHash());
    }
  }

  @Test
  void plainHttp_isRefusedOnANetworkAddress() throws Exception {
    try (TestBoard t = new TestBoard(temp, "manifest-small.json")) {
      t.stop();
      Path pass = Files.writeString(temp.resolve("pass"), new String(TestBoard.passphrase()));
      Console serve = Console.run(BallotServer::run, "serve", "--data", t.data.dir().toString(), "--plain-http",
          "--host", "0.0.0.0", "--port", "0", "--board-passphrase-file", pass.toString());
      assertEquals(2, serve.code(), serve.printed());
      assertTrue(serve.err().contains("--plain-http") && serve.err().contains("loopback"), serve.printed());
      assertThrows(IllegalArgumentException.class, () -> BoardHost.start(t.data, TestBoard::passphrase,
          BoardHost.Transport.PLAIN_HTTP, "192.0.2.1", 0, 0, BoardHost.Witnesses.NONE, new SecureRandom()));
      t.start(); // the refusal took no lock
      assertEquals("http", t.base.getScheme());
    }
  }

  @Test
  void initKioskAddServeAdminAndCast_overHttps_endToEnd() throws Exception {
    SecureRandom random = new SecureRandom();
    Path electionFile = temp.resolve("election.json");
    ElectionConfig config = TestBoard.writeElection(electionFile, "manifest-small.json", random);
    Path pass = Files.writeString(temp.resolve("pass"), new String(TestBoard.passphrase()));
    Path kioskPass = Files.writeString(temp.resolve("kpass"), "kiosk passphrase for tests");
    Path adminPass = Files.writeString(temp.resolve("apass"), new String(TestBoard.adminPassphrase()));
    Path data = temp.resolve("data");
    Console init = Console.run(BallotServer::run, "init", "--election", electionFile.toString(), "--data",
        data.toString(), "--board-name", "board.county.example", "--tls-name", "board.county.example",
        "--tls-name", "127.0.0.1", "--board-passphrase-file", pass.toString(), "--admin-passphrase-file",
        adminPass.toString());
    assertEquals(0, init.code(), init.printed());
    DataDir dir = new DataDir(data);
    TlsFingerprint pin = dir.tlsFingerprint().orElseThrow();
    assertTrue(init.out().contains(pin.hex()), init.printed());
    assertFalse(Files.readString(dir.tlsKeyFile()).contains("PRIVATE KEY"), "the TLS key is sealed at rest");
    assertTrue(Files.readString(dir.tlsCertificateFile()).startsWith("-----BEGIN CERTIFICATE-----"));
    assertEquals(Optional.of(pin), AdminCredentials.read(dir.adminCredentialsFile(),
        TestBoard.adminPassphrase()).tlsFingerprint());
    Path k1 = temp.resolve("k1.credentials");
    Console add = Console.run(BallotServer::run, "kiosk", "add", "--data", data.toString(), "--name", "K1",
        "--out", k1.toString(), "--kiosk-passphrase-file", kioskPass.toString(), "--board-passphrase-file",
        pass.toString());
    assertEquals(0, add.code(), add.printed());
    KioskCredentials creds = KioskCredentials.read(k1, Files.readString(kioskPass).toCharArray());
    assertEquals(Optional.of(pin), creds.tlsFingerprint());

    Path log = temp.resolve("serve.log");
    try (ServerProcess server = ServerProcess.startHttps(data, pass, ServerProcess.freePort(), log, pin,
        List.of())) {
      assertEquals("https", server.base.getScheme());
      Console open = Console.run(BallotServer::run, "admin", "open-polls", "--server", server.base.toString(),
          "--credentials", dir.adminCredentialsFile().toString(), "--admin-passphrase-file", adminPass.toString());
      assertEquals(0, open.code(), open.printed());
      BoardClient kiosk = BoardClient.create(server.base, creds.tlsFingerprint(), T);
      TestKiosk k = new TestKiosk("K1", creds.key(), config, random);
      TestKiosk.Submission cast = k.next(RandomBallots.any(config.manifest(), "ballot-1", random), false);
      String answer = kiosk.submitForReceipt(cast.signed());
      ReceiptCheck.Valid v = assertInstanceOf(ReceiptCheck.Valid.class, new ReceiptCheck(config.extendedHash(),
          creds.boardKey(), creds.checkpointKey()).check(cast.signed(), answer));
      assertEquals(cast.ballot().ballotId(), v.receipt().ballotId());
      assertTrue(Files.readString(log).contains("https://") && Files.readString(log).contains(pin.hex()),
          Files.readString(log));
    }
  }

  @Test
  void init_takesACertificateAndKeyFromPem_andRefusesMixedOrMismatchedOptions() throws Exception {
    SecureRandom random = new SecureRandom();
    Path electionFile = temp.resolve("election.json");
    TestBoard.writeElection(electionFile, "manifest-small.json", random);
    Path pass = Files.writeString(temp.resolve("pass"), new String(TestBoard.passphrase()));
    Path adminPass = Files.writeString(temp.resolve("apass"), new String(TestBoard.adminPassphrase()));
    TlsIdentity mine = TlsIdentity.selfSigned(List.of("board.county.example"), random, Instant.now());
    TlsIdentity other = TlsIdentity.selfSigned(List.of("board.county.example"), random, Instant.now());
    Path cert = Files.writeString(temp.resolve("cert.pem"), mine.certificatePem());
    Path key = Files.writeString(temp.resolve("key.pem"), pem(mine));
    Path otherKey = Files.writeString(temp.resolve("other-key.pem"), pem(other));

    Console mixed = Console.run(BallotServer::run, "init", "--election", electionFile.toString(), "--data",
        temp.resolve("mixed").toString(), "--tls-cert", cert.toString(), "--tls-key", key.toString(), "--tls-name",
        "x.example", "--board-passphrase-file", pass.toString(),
        "--admin-passphrase-file", adminPass.toString());
    assertEquals(2, mixed.code(), mixed.printed());
    Console mismatched = Console.run(BallotServer::run, "init", "--election", electionFile.toString(), "--data",
        temp.resolve("mismatched").toString(), "--tls-cert", cert.toString(), "--tls-key", otherKey.toString(),
        "--board-passphrase-file", pass.toString(),
        "--admin-passphrase-file", adminPass.toString());
    assertEquals(2, mismatched.code(), mismatched.printed());
    assertTrue(mismatched.err().contains("not the private key of the certificate"), mismatched.printed());
    assertFalse(Files.exists(temp.resolve("mismatched")), "nothing made");
    Console badName = Console.run(BallotServer::run, "init", "--election", electionFile.toString(), "--data",
        temp.resolve("badname").toString(), "--tls-name", "not a host", "--board-passphrase-file", pass.toString(),
        "--admin-passphrase-file", adminPass.toString());
    assertEquals(2, badName.code(), badName.printed());
    assertTrue(badName.err().contains("tls_name"), badName.printed());

    Console init = Console.run(BallotServer::run, "init", "--election", electionFile.toString(), "--data",
        temp.resolve("data").toString(), "--tls-cert", cert.toString(), "--tls-key", key.toString(),
        "--board-passphrase-file", pass.toString(),
        "--admin-passphrase-file", adminPass.toString());
    assertEquals(0, init.code(), init.printed());
    DataDir dir = new DataDir(temp.resolve("data"));
    assertEquals(Optional.of(mine.fingerprint()), dir.tlsFingerprint());
    assertEquals(mine.privateKey(), dir.tlsIdentity(TestBoard.passphrase()).privateKey());
    assertTrue(init.out().contains(mine.fingerprint().hex()), init.printed());
  }

  private static String pem(TlsIdentity id) {
    return "-----BEGIN PRIVATE KEY-----\n" + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'})
        .encodeToString(id.privateKey().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
  }
}
