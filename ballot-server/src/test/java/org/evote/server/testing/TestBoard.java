package org.evote.server.testing;

import io.javalin.Javalin;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.evote.crypto.ballot.PlaintextBallot;
import org.evote.crypto.ceremony.KeyCeremony;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.election.ElectionHashes;
import org.evote.crypto.json.ElectionJson;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.json.ManifestJson;
import org.evote.crypto.manifest.ContestDescription;
import org.evote.crypto.manifest.Manifest;
import org.evote.server.board.BoardLoader;
import org.evote.server.board.BoardService;
import org.evote.server.board.BoardSetup;
import org.evote.server.board.SubmissionChecker;
import org.evote.crypto.keystore.AdminCredentials;
import org.evote.server.http.BulletinBoardApp;
import org.evote.server.store.BoardStore;
import org.evote.server.store.DataDir;

/** A real board on a random loopback port, with an election made by a real key ceremony. */
public final class TestBoard implements AutoCloseable {
  private static final String PASSPHRASE = "board passphrase for tests";
  public final SecureRandom random = new SecureRandom();
  public final Path dir;
  public final DataDir data;
  public final ElectionConfig config;
  public final AdminCredentials admin;
  public final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  public BoardService board;
  public Javalin app;
  public URI base;

  public TestBoard(Path dir, String manifestFile) throws Exception {
    this.dir = dir;
    Manifest manifest = manifest(manifestFile);
    KeyCeremony.Outcome ceremony = KeyCeremony.run(ElectionHashes.baseHash(manifest, 3, 2), 3, 2, random);
    this.config = new ElectionConfig(manifest, 3, 2, ceremony.records());
    Path electionFile = dir.resolve("election.json");
    JsonText.write(electionFile, ElectionJson.encode(config));
    this.data = new DataDir(dir.resolve("data"));
    this.admin = BoardSetup.init(data, JsonText.readObject(electionFile), passphrase(), random,
        Clock.systemUTC());
    start();
  }

  /** The board key's passphrase (a fresh array each time: callers may wipe it). */
  public static char[] passphrase() {
    return PASSPHRASE.toCharArray();
  }

  public static Manifest manifest(String file) throws IOException {
    Path d = Path.of("").toAbsolutePath();
    while (d != null && !Files.isDirectory(d.resolve("shared/testdata"))) {
      d = d.getParent();
    }
    if (d == null) {
      throw new IllegalStateException("shared/testdata not found");
    }
    return ManifestJson.decode(JsonText.readObject(d.resolve("shared/testdata/electionguard/" + file)));
  }

  /** Opens the board (with its integrity check) and serves it on a random loopback port. */
  public void start() throws Exception {
    board = BoardLoader.load(data.election(), BoardStore.open(data.database()), data.boardKey(passphrase()),
        Clock.systemUTC());
    app = BulletinBoardApp.create(board, new SubmissionChecker(config, random, board)).start("127.0.0.1", 0);
    base = URI.create("http://127.0.0.1:" + app.port());
  }

  public void stop() {
    if (app != null) {
      app.stop();
      app = null;
    }
    if (board != null) {
      board.close();
      board = null;
    }
  }

  public TestKiosk registerKiosk(String id) throws Exception {
    TestKiosk k = new TestKiosk(id, config, random);
    HttpResponse<String> r = adminPost("/api/admin/kiosks", "{\"kiosk_id\":\"" + id + "\",\"public_key\":\""
        + k.key.publicKey().hex() + "\"}");
    if (r.statusCode() != 200) {
      throw new IllegalStateException(r.body());
    }
    return k;
  }

  public HttpResponse<String> adminPost(String path, String body) throws Exception {
    return send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + admin.token())
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** POST with an arbitrary Authorization header and no body. */
  public HttpResponse<String> send(String path, String authorization) throws Exception {
    return send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", authorization)
        .POST(HttpRequest.BodyPublishers.noBody()));
  }

  public HttpResponse<String> post(String path, String body) throws Exception {
    return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    return http.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
  }

  public static JsonObject json(HttpResponse<String> r) {
    return JsonText.parseObject(r.body());
  }

  /** A random valid plaintext for a style of the manifest. */
  public PlaintextBallot randomBallot(String id) {
    var styles = config.manifest().ballotStyles();
    String style = styles.get(random.nextInt(styles.size())).id();
    Map<String, List<String>> choices = new LinkedHashMap<>();
    for (ContestDescription c : config.manifest().contestsFor(style)) {
      List<String> ids = new ArrayList<>(c.selections().stream().map(s -> s.id()).toList());
      java.util.Collections.shuffle(ids, random);
      choices.put(c.id(), ids.subList(0, random.nextInt(c.votesAllowed() + 1)));
    }
    return new PlaintextBallot(id, style, choices);
  }

  @Override
  public void close() {
    stop();
  }
}
