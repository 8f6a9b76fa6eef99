package org.evote.system;

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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.evote.crypto.note.AddCheckpointRequest;
import org.evote.crypto.note.Checkpoint;
import org.evote.crypto.note.SignedNote;
import org.evote.crypto.note.VerifierKey;
import org.evote.server.BoardHost;
import org.evote.server.testing.ServerProcess;
import org.evote.witness.TrustedLogs;
import org.evote.witness.WitnessDir;
import org.evote.witness.WitnessHost;
import org.evote.witness.WitnessName;
import org.evote.witness.WitnessStore;

/**
 * A real witness ({@code witness init} and {@code witness serve}, module witness) on a fixed loopback port, so it
 * can be stopped (down) and served again at the same address the boards were told: in this process
 * ({@link #start}), or as {@code witness serve} in a separate operating-system process ({@link #startProcess}) that
 * can be killed with SIGKILL.
 */
final class LiveWitness implements AutoCloseable {
  static final String PASSPHRASE = "live witness passphrase";
  /** The board's requests to a witness time out fast in the tests (a stopped witness refuses at once anyway). */
  static final Duration TIMEOUT = Duration.ofSeconds(5);
  private final SecureRandom random;
  final WitnessDir dir;
  final String name;
  /** Its verifier keys: Ed25519 first, then ML-DSA-44. */
  final List<VerifierKey> vkeys;
  final int port;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private List<VerifierKey> logs = List.of();
  private WitnessHost host;
  private Process process;
  private boolean https;

  private LiveWitness(WitnessDir dir, String name, List<VerifierKey> vkeys, int port, SecureRandom random) {
    this.dir = dir;
    this.name = name;
    this.vkeys = vkeys;
    this.port = port;
    this.random = random;
  }

  /** Makes a witness named {@code name} in {@code dir} (not serving yet). */
  static LiveWitness init(Path dir, String name, SecureRandom random) throws IOException {
    WitnessDir d = new WitnessDir(dir);
    List<VerifierKey> vkeys = WitnessHost.init(d, new WitnessName(name), PASSPHRASE.toCharArray(), random);
    return new LiveWitness(d, name, vkeys, ServerProcess.freePort(), random);
  }

  /** Serves it, following the boards whose checkpoint keys are {@code logs}. */
  LiveWitness serve(VerifierKey... logs) throws Exception {
    return follow(logs).start();
  }

  /** Follows the boards whose checkpoint keys are {@code logs} (from its next start on). */
  LiveWitness follow(VerifierKey... logs) {
    this.logs = List.of(logs);
    return this;
  }

  /** Serves it (again) on its port, following the same boards. */
  LiveWitness start() throws Exception {
    host = WitnessHost.start(dir, PASSPHRASE::toCharArray,
        TrustedLogs.parse(logs.stream().map(VerifierKey::encoded).toList()), "127.0.0.1", port, random,
        Clock.systemUTC());
    https = false;
    return this;
  }

  /** Serves it over HTTPS with its own certificate ({@code witness serve} without --plain-http). */
  LiveWitness serveHttps(VerifierKey... logs) throws Exception {
    follow(logs);
    host = WitnessHost.start(dir, PASSPHRASE::toCharArray, WitnessHost.Transport.HTTPS,
        TrustedLogs.parse(this.logs.stream().map(VerifierKey::encoded).toList()), "127.0.0.1", port, random,
        Clock.systemUTC());
    https = true;
    return this;
  }

  /** A client of it: plain, or pinning its certificate while it serves HTTPS. */
  private HttpClient client() throws IOException {
    return https ? org.evote.board.client.PinnedTls.client(uri(), Optional.of(tlsFingerprint()), TIMEOUT) : http;
  }

  /** The fingerprint of its TLS certificate (what {@code witness init} printed). */
  org.evote.crypto.keystore.TlsFingerprint tlsFingerprint() throws IOException {
    return WitnessHost.tlsFingerprint(dir);
  }

  /** Serves it (again) on its port as {@code witness serve} in another JVM, its output appended to {@code output}. */
  LiveWitness startProcess(Path output) throws Exception {
    Path pass = dir.dir().resolveSibling(dir.dir().getFileName() + ".pass");
    Files.writeString(pass, PASSPHRASE + "\n");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
        org.evote.witness.WitnessMain.class.getName(), "serve", "--data", dir.dir().toString(), "--port",
        String.valueOf(port), "--passphrase-file", pass.toString(), "--plain-http"));
    for (VerifierKey l : logs) {
      cmd.add("--log");
      cmd.add(l.encoded());
    }
    process = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the witness exited: " + Files.readString(output));
      }
      try {
        latest("up?");
        return this;
      } catch (IOException e) {
        // not up yet
      }
      Thread.sleep(50);
    }
    process.destroyForcibly().waitFor();
    throw new IllegalStateException("the witness did not start: " + Files.readString(output));
  }

  /** SIGKILL to the witness's process: no shutdown hook, nothing flushed. */
  void kill9() throws InterruptedException {
    process.destroyForcibly().waitFor();
    process = null;
  }

  /** Stops serving: to the boards, the witness is down. */
  void stop() {
    if (host != null) {
      host.close();
      host = null;
    }
    if (process != null) {
      process.destroy();
      try {
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      process = null;
    }
  }

  URI uri() {
    return URI.create((https ? "https" : "http") + "://127.0.0.1:" + port);
  }

  /** The witness as a board is told it ({@code serve --witness URL=VKEY}, with the Ed25519 key). */
  org.evote.crypto.notice.ElectionNotice.Witness asBoardSees() {
    return new org.evote.crypto.notice.ElectionNotice.Witness(uri(), vkeys.get(0));
  }

  /** {@code witnesses}, {@code quorum} of them needed. */
  static BoardHost.Witnesses quorum(int quorum, LiveWitness... witnesses) {
    return new BoardHost.Witnesses(Arrays.stream(witnesses).map(LiveWitness::asBoardSees).toList(), quorum,
        TIMEOUT);
  }

  /** {@code --witness URL=VKEY} as the command line takes it. */
  String option() {
    return uri() + "=" + vkeys.get(0).encoded();
  }

  /** The checkpoint it serves to monitors for {@code origin} (c2sp.org/tlog-witness), if it cosigned one. */
  Optional<SignedNote> latest(String origin) throws IOException, InterruptedException {
    HttpResponse<byte[]> r = client().send(HttpRequest.newBuilder(uri().resolve("/" + WitnessStore.originHash(origin)
        + "/checkpoint")).timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() == 404) {
      return Optional.empty();
    }
    if (r.statusCode() != 200) {
      throw new IOException("the witness answered " + r.statusCode());
    }
    return Optional.of(SignedNote.parse(r.body()));
  }

  /** The size of the checkpoint it last cosigned for {@code origin} (0: none). */
  long size(String origin) throws IOException, InterruptedException {
    return latest(origin).map(n -> Checkpoint.parse(n.text()).size()).orElse(0L);
  }

  /** {@code POST /add-checkpoint} as anyone may send it. */
  HttpResponse<String> addCheckpoint(AddCheckpointRequest request) throws IOException, InterruptedException {
    return client().send(HttpRequest.newBuilder(uri().resolve("/add-checkpoint")).timeout(TIMEOUT)
        .POST(HttpRequest.BodyPublishers.ofByteArray(request.body())).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** How many refused checkpoints of {@code origin} it keeps as evidence (read from its database, as its owner). */
  int evidence(String origin) {
    if (!Files.exists(dir.database())) {
      return 0;
    }
    try (WitnessStore store = WitnessStore.open(dir.database())) {
      return store.evidenceCount(origin);
    }
  }

  @Override
  public void close() {
    stop();
  }
}
