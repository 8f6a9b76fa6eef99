package org.evote.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import org.evote.board.client.BoardClient;
import org.evote.crypto.json.JsonText;
import org.evote.server.store.DataDir;
import org.evote.server.testing.Console;
import org.evote.server.testing.TestBoard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Practice boards: {@code init --practice} marks the data directory; the board then says {@code "practice": true}
 * in {@code GET /api/status} and {@code GET /api/election} (and after a restart); a real board says false.
 */
class PracticeBoardTest {
  @TempDir
  Path temp;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  JsonObject get(URI base, String path) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve(path)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return JsonText.parseObject(r.body());
  }

  Console init(Path data, boolean practice) throws Exception {
    Path electionFile = temp.resolve("election.json");
    if (!Files.exists(electionFile)) {
      TestBoard.writeElection(electionFile, "manifest-small.json", new SecureRandom());
    }
    Path pass = Files.writeString(temp.resolve("pass"), new String(TestBoard.passphrase()));
    Path adminPass = Files.writeString(temp.resolve("admin.pass"), new String(TestBoard.adminPassphrase()));
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("init", "--election",
        electionFile.toString(), "--data", data.toString(), "--board-passphrase-file", pass.toString(),
        "--admin-passphrase-file", adminPass.toString()));
    if (practice) {
      args.add("--practice");
    }
    return Console.run(BallotServer::run, args.toArray(String[]::new));
  }

  @Test
  void initPractice_marksTheBoard_whichSaysSoInItsStatusAndElection_acrossRestarts() throws Exception {
    Path data = temp.resolve("practice");
    Console c = init(data, true);
    assertEquals(0, c.code(), c.printed());
    assertTrue(c.out().contains("Practice board"), c.out());
    DataDir dir = new DataDir(data);
    assertTrue(dir.isPractice());
    for (int run = 0; run < 2; run++) {
      try (BoardHost host = BoardHost.start(dir, TestBoard::passphrase, BoardHost.Transport.PLAIN_HTTP,
          "127.0.0.1", 0, 0, BoardHost.Witnesses.NONE, new SecureRandom())) {
        URI base = host.loopbackUri();
        assertTrue(get(base, "/api/status").getBoolean("practice"), "run " + run);
        assertTrue(get(base, "/api/election").getBoolean("practice"), "run " + run);
        assertTrue(BoardClient.create(base, Duration.ofSeconds(5)).status().practice());
      }
    }
  }

  @Test
  void aRealBoardSaysItIsNotPractice() throws Exception {
    Path data = temp.resolve("real");
    Console c = init(data, false);
    assertEquals(0, c.code(), c.printed());
    DataDir dir = new DataDir(data);
    assertFalse(dir.isPractice());
    try (BoardHost host = BoardHost.start(dir, TestBoard::passphrase, BoardHost.Transport.PLAIN_HTTP, "127.0.0.1",
        0, 0, BoardHost.Witnesses.NONE, new SecureRandom())) {
      URI base = host.loopbackUri();
      assertFalse(get(base, "/api/status").getBoolean("practice"));
      assertFalse(get(base, "/api/election").getBoolean("practice"));
      assertFalse(BoardClient.create(base, Duration.ofSeconds(5)).status().practice());
    }
  }
}
