package org.evote.server.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.evote.board.client.PinnedTls;
import org.evote.crypto.keystore.TlsFingerprint;

/**
 * {@code ballot-server serve} as a separate operating-system process (on this JVM's class path), so a test can kill
 * it with SIGKILL: the server's own tests and the system tests.
 */
public final class ServerProcess implements AutoCloseable {
  private final Process process;
  public final URI base;

  private ServerProcess(Process process, URI base) {
    this.process = process;
    this.base = base;
  }

  /** A loopback port free at this moment, for a server that must come back on the same port. */
  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** Starts {@code serve} on the data directory and waits until it answers. */
  public static ServerProcess start(Path data, Path passphraseFile, int port, Path log) throws Exception {
    return start(data, passphraseFile, port, log, List.of());
  }

  /**
   * As {@link #start(Path, Path, int, Path)}, with more {@code serve} options (e.g. {@code --witness URL=VKEY}):
   * plain HTTP on loopback ({@code --plain-http}).
   */
  public static ServerProcess start(Path data, Path passphraseFile, int port, Path log, List<String> options)
      throws Exception {
    List<String> plain = new java.util.ArrayList<>(options);
    plain.add("--plain-http");
    return start(data, passphraseFile, port, log, plain, Optional.empty());
  }

  /** Starts {@code serve} over HTTPS (its default) and waits until it answers to a client pinning {@code tls}. */
  public static ServerProcess startHttps(Path data, Path passphraseFile, int port, Path log, TlsFingerprint tls,
      List<String> options) throws Exception {
    return start(data, passphraseFile, port, log, options, Optional.of(tls));
  }

  private static ServerProcess start(Path data, Path passphraseFile, int port, Path log, List<String> options,
      Optional<TlsFingerprint> tls) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
        "org.evote.server.BallotServer", "serve", "--data", data.toString(), "--port", String.valueOf(port),
        "--board-passphrase-file", passphraseFile.toString()));
    cmd.addAll(options);
    Process p = new ProcessBuilder(cmd)
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    URI base = URI.create((tls.isPresent() ? "https" : "http") + "://127.0.0.1:" + port);
    HttpClient http = PinnedTls.client(base, tls, Duration.ofSeconds(2));
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IllegalStateException("server exited: " + Files.readString(log));
      }
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/status"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return new ServerProcess(p, base);
        }
      } catch (IOException e) {
        // not up yet
      }
      Thread.sleep(100);
    }
    p.destroyForcibly();
    throw new IllegalStateException("server did not start: " + Files.readString(log));
  }

  /** SIGKILL: no shutdown hook, no flush, nothing. */
  public void kill9() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** SIGTERM (the server's shutdown hook closes the board), SIGKILL after 30 s. */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
