package org.evote.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.evote.crypto.keystore.TlsIdentity;
import org.evote.server.BoardHost;
import org.evote.server.testing.Console;
import org.evote.server.testing.TestBoard;
import org.evote.tally.TallyTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The tally tool reads an HTTPS board only by its pinned certificate ({@code --tls-fingerprint}). */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class TallyToolTlsTest {
  @TempDir
  Path temp;

  @Test
  void fetchAndNotice_pinTheBoardsCertificate() throws Exception {
    try (TestBoard t = new TestBoard(Files.createDirectories(temp.resolve("board")), "manifest-small.json")) {
      t.stop();
      t.start(BoardHost.Witnesses.NONE, BoardHost.Transport.HTTPS);
      String pin = t.tlsFingerprint().hex();
      Console fetched = Console.run(TallyTool::run, "fetch", "--server", t.base.toString(), "--tls-fingerprint", pin,
          "--out", temp.resolve("closed").toString(), "--wait", "30");
      assertEquals(0, fetched.code(), fetched.printed());
      assertTrue(Files.isRegularFile(temp.resolve("closed/board.json")));

      Console unpinned = Console.run(TallyTool::run, "fetch", "--server", t.base.toString(), "--out",
          temp.resolve("unpinned").toString(), "--wait", "5");
      assertTrue(unpinned.code() != 0, unpinned.printed());
      assertTrue(unpinned.err().contains("tls_fingerprint") || unpinned.err().contains("--tls-fingerprint"),
          unpinned.printed());

      String other = TlsIdentity.selfSigned(java.util.List.of("127.0.0.1"), t.random, java.time.Instant.now())
          .fingerprint().hex();
      Console wrong = Console.run(TallyTool::run, "fetch", "--server", t.base.toString(), "--tls-fingerprint",
          other, "--out", temp.resolve("wrong").toString(), "--wait", "5");
      assertEquals(1, wrong.code(), wrong.printed());
      assertTrue(wrong.err().contains("not the pinned " + other) && wrong.err().contains(pin), wrong.printed());
      assertFalse(Files.exists(temp.resolve("wrong/board.json")));

      Console notice = Console.run(TallyTool::run, "notice", "--server", t.base.toString(), "--tls-fingerprint",
          pin, "--out", temp.resolve("notice.json").toString());
      assertEquals(0, notice.code(), notice.printed());
      Console badPin = Console.run(TallyTool::run, "notice", "--server", t.base.toString(), "--tls-fingerprint",
          "xyz", "--out", temp.resolve("notice2.json").toString());
      assertEquals(2, badPin.code(), badPin.printed());
      assertTrue(badPin.err().contains("--tls-fingerprint"), badPin.printed());
    }
  }
}
