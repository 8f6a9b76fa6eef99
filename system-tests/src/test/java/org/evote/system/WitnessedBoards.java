package org.evote.system;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.stream.Stream;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.note.SignedNote;

/** What the witness tests do to boards: read them over HTTP, copy and cut their data directories, and wait. */
final class WitnessedBoards {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private WitnessedBoards() {}

  /** Posts a test kiosk's signed submission to {@code path}, with its headers (docs/api.md). */
  static HttpResponse<String> post(URI base, String path, org.evote.server.testing.TestKiosk.Submission s)
      throws IOException, InterruptedException {
    return HTTP.send(org.evote.server.testing.TestBoard.request(base.resolve(path), s.signed())
        .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> get(URI base, String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The board's {@code GET /checkpoint}: its latest checkpoint with the cosignatures collected. */
  static SignedNote checkpoint(URI base) throws IOException, InterruptedException {
    return SignedNote.parse(get(base, "/checkpoint").body());
  }

  static JsonObject status(URI base) throws IOException, InterruptedException {
    return JsonText.parseObject(get(base, "/api/status").body());
  }

  static boolean quorumCoversLatest(URI base) throws IOException, InterruptedException {
    return status(base).getBoolean("quorum_covers_latest");
  }

  /** Copies a stopped board's data directory (a backup, or a second board with the same keys). */
  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** Cuts a stopped board's database back to its first {@code size} entries, heads included. */
  static void cutTail(Path database, long size) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
        Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM ballots WHERE seq >= " + size);
      s.executeUpdate("DELETE FROM entries WHERE seq >= " + size);
      s.executeUpdate("DELETE FROM heads WHERE size > " + size);
    }
  }

  /** The board's own records of what it vouched for, apart from its database (protocol §9.8). */
  private static final String[] RECORDS = {"checkpoint.txt", "cosignatures.sqlite", "cosignatures.sqlite-wal",
      "cosignatures.sqlite-shm"};

  /**
   * Copies the stopped board's checkpoint file and cosignature database into {@code to}, as a backup of its data
   * directory taken now would hold them.
   */
  static Path backUpRecords(Path dataDir, Path to) throws IOException {
    Files.createDirectories(to);
    for (String name : RECORDS) {
      if (Files.exists(dataDir.resolve(name))) {
        Files.copy(dataDir.resolve(name), to.resolve(name));
      }
    }
    return to;
  }

  /** Puts back the records {@link #backUpRecords} copied: the stopped board is restored to that older copy. */
  static void restoreRecords(Path backup, Path dataDir) throws IOException {
    for (String name : RECORDS) {
      Files.deleteIfExists(dataDir.resolve(name));
      if (Files.exists(backup.resolve(name))) {
        Files.copy(backup.resolve(name), dataDir.resolve(name));
      }
    }
  }

  @FunctionalInterface
  interface Check {
    boolean ok() throws Exception;
  }

  /** Polls {@code c} until it holds, for at most 60 s. */
  static void await(String what, Check c) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!c.ok()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 60 s: " + what);
      }
      Thread.sleep(50);
    }
  }
}
