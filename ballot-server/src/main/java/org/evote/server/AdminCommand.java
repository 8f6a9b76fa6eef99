package org.evote.server;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.evote.board.client.AdminEntry;
import org.evote.board.client.BoardAdmin;
import org.evote.board.client.BoardClient;
import org.evote.board.client.BoardException;
import org.evote.crypto.keystore.AdminCredentials;
import org.evote.crypto.keystore.SecretFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ballot-server admin}: administers a running board over HTTP, every request signed with the administrator
 * credential's key (docs/api.md, "Administrators").
 */
@Command(name = "admin", mixinStandardHelpOptions = true,
    description = "Administer a running board over HTTP with an administrator credential (signed requests).")
final class AdminCommand implements Callable<Integer> {
  @Parameters(index = "0", description = "open-polls | close-polls | revoke-kiosk")
  String action;

  @Option(names = "--server", required = true, description = "board URL, e.g. http://127.0.0.1:8080")
  URI server;

  @Option(names = "--credentials", required = true, description = "administrator credential file")
  Path credentials;

  @Option(names = "--admin-passphrase-file", description = "first line: the passphrase sealing the administrator "
      + "credential's key (default: ask on the console)")
  Path adminPassphrase;

  @Option(names = "--kiosk", description = "revoke-kiosk: the kiosk id")
  String kiosk;

  @Option(names = "--reason", description = "revoke-kiosk: the reason posted (default: the board's)")
  String reason;

  @Override
  public Integer call() throws Exception {
    if (!action.equals("open-polls") && !action.equals("close-polls") && !action.equals("revoke-kiosk")) {
      System.err.println("error: unknown action " + action + " (open-polls, close-polls, revoke-kiosk)");
      return 2;
    }
    if (action.equals("revoke-kiosk") && (kiosk == null || kiosk.isEmpty())) {
      System.err.println("error: revoke-kiosk needs --kiosk ID");
      return 2;
    }
    AdminCredentials admin = AdminCredentials.read(credentials,
        SecretFiles.passphrase(adminPassphrase, "administrator credential passphrase",
            "--admin-passphrase-file"));
    BoardAdmin board = BoardClient.create(server, admin.tlsFingerprint(), Duration.ofSeconds(60)).admin(admin,
        new SecureRandom());
    try {
      AdminEntry e = switch (action) {
        case "open-polls" -> board.openPolls();
        case "close-polls" -> board.closePolls();
        default -> board.revokeKiosk(kiosk, Optional.ofNullable(reason));
      };
      System.out.println(action + ": recorded on the board as entry " + e.sequence() + " ("
          + e.kind().wireName() + ", hash " + e.entryHash().toHex() + ")");
      return 0;
    } catch (BoardException e) {
      System.err.println("error: " + e.getMessage());
      return 1;
    }
  }
}
