package org.evote.system;

import io.javalin.Javalin;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import org.evote.crypto.ceremony.KeyCeremony;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.election.ElectionHashes;
import org.evote.crypto.json.ElectionJson;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.json.ManifestJson;
import org.evote.crypto.keystore.AdminCredentials;
import org.evote.crypto.keystore.KioskCredentials;
import org.evote.crypto.manifest.Manifest;
import org.evote.server.board.BoardLoader;
import org.evote.server.board.BoardService;
import org.evote.server.board.BoardSetup;
import org.evote.server.board.SubmissionChecker;
import org.evote.server.http.BulletinBoardApp;
import org.evote.server.store.BoardStore;
import org.evote.server.store.DataDir;

/** A real bulletin board on a fixed loopback port that tests can stop and start again (a network cut). */
final class LiveBoard implements AutoCloseable {
  static final char[] PASSPHRASE = "system test passphrase".toCharArray();
  final SecureRandom random = new SecureRandom();
  final ElectionConfig config;
  final DataDir data;
  final AdminCredentials admin;
  final int port;
  BoardService board;
  Javalin app;

  LiveBoard(Path dir, String manifestFile) throws Exception {
    this(dir, ceremony(dir, manifestFile));
  }

  /** A board for an election.json made elsewhere (the tally tool's ceremony). */
  LiveBoard(Path dir, Path electionFile) throws Exception {
    config = ElectionJson.decodeChecked(JsonText.readObject(electionFile));
    data = new DataDir(dir.resolve("board"));
    admin = BoardSetup.init(data, JsonText.readObject(electionFile), PASSPHRASE.clone(), random, Clock.systemUTC());
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    start();
  }

  static Path testdata(String file) {
    Path d = Path.of("").toAbsolutePath();
    while (d != null && !Files.isDirectory(d.resolve("shared/testdata"))) {
      d = d.getParent();
    }
    return d.resolve("shared/testdata/electionguard/" + file);
  }

  private static Path ceremony(Path dir, String manifestFile) throws Exception {
    Manifest manifest = ManifestJson.decode(JsonText.readObject(testdata(manifestFile)));
    java.security.SecureRandom random = new java.security.SecureRandom();
    KeyCeremony.Outcome ceremony = KeyCeremony.run(ElectionHashes.baseHash(manifest, 3, 2), 3, 2, random);
    Path electionFile = dir.resolve("election.json");
    JsonText.write(electionFile, ElectionJson.encode(new ElectionConfig(manifest, 3, 2, ceremony.records())));
    return electionFile;
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + port);
  }

  void start() throws Exception {
    board = BoardLoader.load(data.election(), BoardStore.open(data.database()), data.boardKey(PASSPHRASE.clone()),
        Clock.systemUTC());
    app = BulletinBoardApp.create(board, new SubmissionChecker(config, random, board)).start("127.0.0.1",
        port);
  }

  void stop() {
    if (app != null) {
      app.stop();
      app = null;
    }
    if (board != null) {
      board.close();
      board = null;
    }
  }

  /** Registers a kiosk through the administrator API and returns its credentials. */
  KioskCredentials registerKiosk(String id) throws Exception {
    KioskCredentials c = KioskCredentials.generate(id, config.extendedHash(), random);
    board.registerKiosk(id, c.key().publicKey()).get();
    return c;
  }

  void openPolls() throws Exception {
    board.openPolls().get();
  }

  @Override
  public void close() {
    stop();
  }
}
