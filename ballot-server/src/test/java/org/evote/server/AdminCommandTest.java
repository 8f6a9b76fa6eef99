package org.evote.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.evote.server.testing.Console;
import org.evote.server.testing.TestBoard;
import org.evote.server.testing.TestKiosk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ballot-server admin}: signed administrator requests to a running board, from the credential file. */
class AdminCommandTest {
  @TempDir
  Path temp;

  @Test
  void admin_opensAndClosesThePollsAndRevokesAKiosk() throws Exception {
    try (TestBoard t = new TestBoard(temp, "manifest-small.json")) {
      TestKiosk k = t.registerKiosk("K1");
      Path pass = Files.writeString(temp.resolve("admin.pass"), new String(TestBoard.adminPassphrase()));
      String[] common = {"--server", t.base.toString(), "--credentials", t.data.adminCredentialsFile().toString(),
          "--admin-passphrase-file", pass.toString()};
      Console open = Console.run(BallotServer::run, concat(new String[] {"admin", "open-polls"}, common));
      assertEquals(0, open.code(), open.printed());
      assertTrue(open.out().contains("polls_opened"), open.printed());
      Console revoke = Console.run(BallotServer::run, concat(new String[] {"admin", "revoke-kiosk", "--kiosk", k.id,
          "--reason", "stolen"}, common));
      assertEquals(0, revoke.code(), revoke.printed());
      assertTrue(revoke.out().contains("kiosk_revoked"), revoke.printed());
      Console unknown = Console.run(BallotServer::run, concat(new String[] {"admin", "revoke-kiosk", "--kiosk",
          "K-none"}, common));
      assertEquals(1, unknown.code(), unknown.printed());
      assertTrue(unknown.err().contains("K-none"), unknown.printed());
      Console noKiosk = Console.run(BallotServer::run, concat(new String[] {"admin", "revoke-kiosk"}, common));
      assertEquals(2, noKiosk.code(), noKiosk.printed());
      Console close = Console.run(BallotServer::run, concat(new String[] {"admin", "close-polls"}, common));
      assertEquals(0, close.code(), close.printed());

      Path wrong = Files.writeString(temp.resolve("wrong.pass"), "not the passphrase");
      Console refused = Console.run(BallotServer::run, "admin", "open-polls", "--server", t.base.toString(),
          "--credentials", t.data.adminCredentialsFile().toString(), "--admin-passphrase-file", wrong.toString());
      assertEquals(1, refused.code(), refused.printed());
      assertTrue(refused.err().contains("passphrase"), refused.printed());
    }
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
