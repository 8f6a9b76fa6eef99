package org.evote.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.json.ManifestJson;
import org.evote.crypto.keystore.KioskCredentials;
import org.evote.launcher.election.LocalBoard;
import org.evote.tally.service.CeremonyService;

/**
 * A polling site for fault tests: the tally tool's key ceremony, a ballot server's data directory with registered
 * kiosks and open polls, served in this process on a loopback port (stop it to serve it from another process).
 */
final class Site implements AutoCloseable {
  static final String BOARD_PASSPHRASE = "fault test board passphrase";
  final SecureRandom random = new SecureRandom();
  final Path dir;
  final Path electionFile;
  final Path boardPassFile;
  final ElectionConfig config;
  final LocalBoard board;
  final List<KioskCredentials> kiosks = new ArrayList<>();

  Site(Path dir, String manifest, int kiosks) throws Exception {
    this.dir = dir;
    List<char[]> pass = List.of("g1 fault test".toCharArray(), "g2 fault test".toCharArray(),
        "g3 fault test".toCharArray());
    config = new CeremonyService(random).run(ManifestJson.decode(JsonText.readObject(LiveBoard.testdata(manifest))),
        3, 2, pass, dir.resolve("guardians"), true);
    electionFile = dir.resolve("guardians/election.json");
    boardPassFile = dir.resolve("board.pass");
    Files.writeString(boardPassFile, BOARD_PASSPHRASE + "\n");
    board = LocalBoard.create(dir.resolve("board"), electionFile, BOARD_PASSPHRASE.toCharArray(), random);
    board.start("127.0.0.1", 0);
    for (int i = 1; i <= kiosks; i++) {
      this.kiosks.add(board.registerKiosk(String.format("K-%02d", i)));
    }
    board.openPolls();
  }

  Path dataDir() {
    return board.data().dir();
  }

  @Override
  public void close() {
    board.close();
  }
}
