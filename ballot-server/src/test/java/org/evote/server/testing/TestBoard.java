package org.evote.server.testing;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import org.evote.board.client.ApiPaths;
import org.evote.crypto.json.SignedSubmission;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.evote.board.client.AdminRequestSigner;
import org.evote.crypto.ballot.PlaintextBallot;
import org.evote.crypto.ballot.RandomBallots;
import org.evote.crypto.ceremony.KeyCeremony;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.election.ElectionHashes;
import org.evote.crypto.json.ElectionJson;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.testing.TestElection;
import org.evote.server.BoardHost;
import org.evote.server.board.BoardService;
import org.evote.server.board.BoardSetup;
import org.evote.crypto.keystore.AdminCredentials;
import org.evote.server.store.DataDir;

/** A real board on a random loopback port, with an election made by a real key ceremony. */
public final class TestBoard implements AutoCloseable {
  private static final String PASSPHRASE = "board passphrase for tests";
  private static final String ADMIN_PASSPHRASE = "administrator passphrase for tests";
  public final SecureRandom random = new SecureRandom();
  public final Path dir;
  public final DataDir data;
  public final ElectionConfig config;
  public final AdminCredentials admin;
  public final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  /** The board while it serves ({@link #start} to {@link #stop}). */
  public BoardService board;
  public URI base;
  private BoardHost host;

  public TestBoard(Path dir, String manifestFile) throws Exception {
    this(dir, manifestFile, false);
  }

  /** With {@code practice}, a practice board ({@code init --practice}). */
  public TestBoard(Path dir, String manifestFile, boolean practice) throws Exception {
    this.dir = dir;
    Path electionFile = dir.resolve("election.json");
    this.config = writeElection(electionFile, manifestFile, random);
    this.data = new DataDir(dir.resolve("data"));
    this.admin = BoardSetup.init(data, JsonText.readObject(electionFile), BoardSetup.DEFAULT_BOARD_NAME,
        org.evote.crypto.keystore.TlsIdentity.selfSigned(BoardSetup.DEFAULT_TLS_NAMES, random,
            Clock.systemUTC().instant()), passphrase(), adminPassphrase(), random, Clock.systemUTC(), practice).admin();
    start();
  }

  /** The board key's passphrase (a fresh array each time: callers may wipe it). */
  public static char[] passphrase() {
    return PASSPHRASE.toCharArray();
  }

  /** The passphrase of the administrator credential in {@code data/admin.credentials} (a fresh array each time). */
  public static char[] adminPassphrase() {
    return ADMIN_PASSPHRASE.toCharArray();
  }

  /** Signs administrator requests with {@link #admin}, at the system clock's time. */
  public AdminRequestSigner adminSigner() {
    return new AdminRequestSigner(admin, random, Clock.systemUTC());
  }

  /**
   * An election on the test manifest {@code manifestFile} from a real key ceremony (3 guardians, quorum 2), written
   * to {@code electionFile} as the tally tool's ceremony writes it, with the ceremony's transcript beside it.
   */
  public static ElectionConfig writeElection(Path electionFile, String manifestFile, SecureRandom random)
      throws IOException {
    Manifest manifest = TestElection.manifest(manifestFile);
    KeyCeremony.Outcome ceremony = KeyCeremony.run(ElectionHashes.baseHash(manifest, 3, 2), 3, 2, random);
    ElectionConfig config = new ElectionConfig(manifest, 3, 2, ceremony.records());
    JsonText.write(electionFile, ElectionJson.encode(config));
    org.evote.crypto.record.RecordWriter.writeTranscript(electionFile.toAbsolutePath().getParent(),
        ceremony.transcript(config.extendedHash()));
    return config;
  }

  /** Serves the board ({@link BoardHost}: lock, full start-up check) on a random loopback port. */
  public void start() throws Exception {
    start(BoardHost.Witnesses.NONE);
  }

  /** Serves the board on a random loopback port, submitting its checkpoints to {@code witnesses}. */
  public void start(BoardHost.Witnesses witnesses) throws Exception {
    start(witnesses, BoardHost.Transport.PLAIN_HTTP);
  }

  /** As above, over {@code transport} ({@link #base} is {@code https://} for HTTPS). */
  public void start(BoardHost.Witnesses witnesses, BoardHost.Transport transport) throws Exception {
    host = BoardHost.start(data, TestBoard::passphrase, transport, "127.0.0.1", 0, 0, witnesses, random);
    board = host.board();
    base = host.loopbackUri();
  }

  /** The fingerprint of the TLS certificate {@code init} made for the board (what its credentials pin). */
  public org.evote.crypto.keystore.TlsFingerprint tlsFingerprint() throws IOException {
    return data.tlsFingerprint().orElseThrow();
  }

  public void stop() {
    if (host != null) {
      host.close();
      host = null;
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

  /** POST as the administrator: the request signed with {@link #admin}'s key (docs/api.md, "Administrators"). */
  public HttpResponse<String> adminPost(String path, String body) throws Exception {
    URI uri = base.resolve(path);
    byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
    adminSigner().headers("POST", AdminRequestSigner.target(uri), bytes).forEach(b::header);
    return send(b);
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

  /** Posts a signed submission to its kind's endpoint, with the submission headers (docs/api.md). */
  public HttpResponse<String> submit(SignedSubmission s) throws Exception {
    return post(ApiPaths.submission(s.kind()), s);
  }

  /** Posts a signed submission to {@code path}, whatever its kind (for tests of the wrong endpoint). */
  public HttpResponse<String> post(String path, SignedSubmission s) throws Exception {
    return send(request(base.resolve(path), s));
  }

  /** The request posting {@code s} to {@code uri}: its body with the submission headers (docs/api.md). */
  public static HttpRequest.Builder request(URI uri, SignedSubmission s) {
    return HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
        .header(ApiPaths.ELECTION_HEADER, s.electionHash().toHex()).header(ApiPaths.KIOSK_HEADER, s.kioskId())
        .header(ApiPaths.SIGNATURE_HEADER, s.signature().hex())
        .POST(HttpRequest.BodyPublishers.ofByteArray(s.bodyBytes()));
  }

  /** The request posting {@code s} to its kind's endpoint on the board at {@code base}. */
  public static HttpRequest.Builder request(URI base, TestKiosk.Submission s) {
    return request(base.resolve(ApiPaths.submission(s.kind())), s.signed());
  }

  /** Posts a test kiosk's prepared submission to {@code path}. */
  public HttpResponse<String> post(String path, TestKiosk.Submission s) throws Exception {
    return post(path, s.signed());
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

  /** A random valid plaintext of a random style ({@link RandomBallots#any}). */
  public PlaintextBallot randomBallot(String id) {
    return RandomBallots.any(config.manifest(), id, random);
  }

  @Override
  public void close() {
    stop();
  }
}
