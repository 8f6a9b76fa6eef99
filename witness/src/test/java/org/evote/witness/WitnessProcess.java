package org.evote.witness;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code witness serve} as a separate operating-system process (on this JVM's class path), so a test can kill it
 * with SIGKILL mid-run.
 */
final class WitnessProcess implements AutoCloseable {
  private final Process process;
  final WitnessClient client;

  private WitnessProcess(Process process, WitnessClient client) {
    this.process = process;
    this.client = client;
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** Starts {@code serve} and waits until it answers. */
  static WitnessProcess start(WitnessDir dir, Path passphraseFile, List<TestLog> logs, Path output) throws Exception {
    int port = freePort();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
        WitnessMain.class.getName(), "serve", "--data", dir.dir().toString(), "--port", String.valueOf(port),
        "--passphrase-file", passphraseFile.toString(), "--plain-http"));
    for (TestLog l : logs) {
      cmd.add("--log");
      cmd.add(l.vkey().encoded());
    }
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
    WitnessClient client = new WitnessClient(URI.create("http://127.0.0.1:" + port));
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IllegalStateException("witness exited: " + Files.readString(output));
      }
      try {
        client.get("/" + "0".repeat(64) + "/checkpoint");
        return new WitnessProcess(p, client);
      } catch (IOException e) {
        // not up yet
      }
      Thread.sleep(100);
    }
    p.destroyForcibly();
    throw new IllegalStateException("witness did not start: " + Files.readString(output));
  }

  /** SIGKILL: no shutdown hook, no flush, nothing. */
  void kill9() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** SIGTERM (the shutdown hook closes the witness), SIGKILL after 30 s. */
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
