package org.evote.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.hash.DomainTags;
import org.evote.crypto.hash.Hasher;
import org.evote.crypto.keystore.KioskCredentials;
import org.evote.crypto.note.Ed25519NoteSigner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What {@code ./evote kiosk} says when it cannot start (run in-process): one line naming the file or the board and
 * the reason, exit code 2, never a stack trace.
 */
class KioskStartupErrorsTest {
  static final String PASSPHRASE = "kiosk start-up test passphrase";
  static final Digest ELECTION = Hasher.tagged(DomainTags.JSON_OBJECT).string("election").digest();
  @TempDir
  static Path dir;
  static Path credentials;
  static Path rightPassphrase;
  static Path wrongPassphrase;
  static Path pin;

  @BeforeAll
  static void files() throws Exception {
    SecureRandom random = new SecureRandom();
    credentials = dir.resolve("k1.credentials");
    KioskCredentials.generate("K1", ELECTION, org.evote.crypto.board.Ed25519.PrivateKey.generate(random)
        .publicKey(), Ed25519NoteSigner.generate("board.example/" + ELECTION.toHex(), random).verifierKey(),
        random).write(credentials, PASSPHRASE.toCharArray(), random);
    rightPassphrase = Files.writeString(dir.resolve("right.txt"), PASSPHRASE + "\n");
    wrongPassphrase = Files.writeString(dir.resolve("wrong.txt"), "not the kiosk passphrase\n");
    pin = Files.writeString(dir.resolve("pin.txt"), "2468\n");
  }

  record Run(int exit, String err) {
    List<String> lines() {
      return err.lines().toList();
    }
  }

  static Run run(String... args) {
    StringWriter err = new StringWriter();
    StringWriter out = new StringWriter();
    CommandLine cmd = KioskMain.command();
    cmd.setErr(new PrintWriter(err, true));
    cmd.setOut(new PrintWriter(out, true));
    int exit = cmd.execute(args);
    return new Run(exit, err.toString());
  }

  static String[] args(String server, Path creds, Path passphrase) {
    List<String> a = new ArrayList<>(List.of("--server", server, "--credentials", creds.toString(),
        "--election-hash", ELECTION.toHex(), "--passphrase-file", passphrase.toString(), "--pin-file",
        pin.toString(), "--data", dir.resolve("data").toString(), "--windowed"));
    return a.toArray(String[]::new);
  }

  static void oneLine(Run r) {
    assertEquals(2, r.exit(), r.err());
    assertEquals(1, r.lines().size(), "one line: " + r.err());
    assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), "no stack trace: " + r.err());
    assertFalse(r.err().contains("null"), r.err());
  }

  @Test
  void aMissingCredentialsFileIsNamedWithItsOption() {
    Path missing = dir.resolve("no-such.credentials");
    Run r = run(args("http://127.0.0.1:9", missing, rightPassphrase));
    oneLine(r);
    assertEquals("error: the kiosk credentials file " + missing + " does not exist (--credentials)",
        r.lines().get(0));
  }

  @Test
  void aMissingPassphraseFileIsNamedWithItsOption() {
    Path missing = dir.resolve("no-such-passphrase.txt");
    Run r = run(args("http://127.0.0.1:9", credentials, missing));
    oneLine(r);
    assertEquals("error: the passphrase file " + missing + " does not exist (--passphrase-file)", r.lines().get(0));
  }

  @Test
  void aWrongPassphraseSaysWhichFileDoesNotOpenWhich() {
    Run r = run(args("http://127.0.0.1:9", credentials, wrongPassphrase));
    oneLine(r);
    assertEquals("error: the passphrase in " + wrongPassphrase + " does not open the kiosk credentials "
        + credentials + " (or the file was altered)", r.lines().get(0));
  }

  @Test
  void anUnreachableBoardIsNamedWithTheReason() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    String server = "http://127.0.0.1:" + port;
    Run r = run(args(server, credentials, rightPassphrase));
    oneLine(r);
    assertTrue(r.lines().get(0).startsWith("error: the board at " + server + " cannot be reached: connection "
        + "refused"), r.err());
  }
}
