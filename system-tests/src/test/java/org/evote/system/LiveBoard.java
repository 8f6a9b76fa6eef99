package org.evote.system;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.keystore.KioskCredentials;
import org.evote.crypto.testing.TestData;
import org.evote.launcher.election.LocalBoard;
import org.evote.server.testing.ServerProcess;
import org.evote.server.testing.TestBoard;
import org.evote.server.store.DataDir;

/** A real bulletin board on a fixed loopback port that tests can stop and start again (a network cut). */
final class LiveBoard implements AutoCloseable {
  static final char[] PASSPHRASE = "system test passphrase".toCharArray();
  final SecureRandom random = new SecureRandom();
  final ElectionConfig config;
  final DataDir data;
  final int port;
  private final LocalBoard board;

  LiveBoard(Path dir, String manifestFile) throws Exception {
    this(dir, ceremony(dir, manifestFile));
  }

  /** A board for an election.json made elsewhere (the tally tool's ceremony). */
  LiveBoard(Path dir, Path electionFile) throws Exception {
    board = LocalBoard.create(dir.resolve("board"), electionFile, PASSPHRASE, random);
    config = board.config();
    data = board.data();
    port = ServerProcess.freePort();
    start();
  }

  static Path testdata(String file) {
    return TestData.path("electionguard/" + file);
  }

  private static Path ceremony(Path dir, String manifestFile) throws Exception {
    Path electionFile = dir.resolve("election.json");
    TestBoard.writeElection(electionFile, manifestFile, new SecureRandom());
    return electionFile;
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** Serves the board (again) on its port, after the full start-up check. */
  void start() throws Exception {
    board.start("127.0.0.1", port);
  }

  /** Stops serving: to the kiosks, the board is unreachable. */
  void stop() {
    board.stop();
  }

  /** From the next {@link #start}, submits its checkpoints to these witnesses. */
  void witnessedBy(org.evote.server.BoardHost.Witnesses witnesses) {
    board.witnessedBy(witnesses);
  }

  /** The board's checkpoint key (§9.8). */
  org.evote.crypto.note.VerifierKey checkpointKey() throws java.io.IOException {
    return board.checkpointKey();
  }

  /** Registers a kiosk and returns its credentials. */
  KioskCredentials registerKiosk(String id) throws Exception {
    return board.registerKiosk(id);
  }

  void openPolls() throws Exception {
    board.openPolls();
  }

  void closePolls() throws Exception {
    board.closePolls();
  }

  @Override
  public void close() {
    board.close();
  }
}
