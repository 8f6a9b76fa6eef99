package org.evote.witness;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.keystore.EncryptedKeyFile;
import org.evote.crypto.keystore.SecretFiles;
import org.evote.crypto.note.VerifierKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The witness's command line: make a witness, and serve it (docs/api.md, "Witness"; protocol §9.9). */
@Command(name = "./evote witness", mixinStandardHelpOptions = true, version = "evote witness 0.1.0",
    description = "A transparency-log witness (c2sp.org/tlog-witness) that an observer runs on their own machine: "
        + "it checks every new checkpoint of the boards it trusts against the last one it cosigned, and cosigns "
        + "it only if the board only ever appended.",
    subcommands = {WitnessMain.Init.class, WitnessMain.Serve.class})
public final class WitnessMain {
  public static void main(String[] args) {
    int code = run(args);
    if (code != Integer.MIN_VALUE) {
      System.exit(code);
    }
  }

  /** Runs a command and returns its exit code ({@code serve} blocks until stopped). */
  public static int run(String... args) {
    CommandLine cl = new CommandLine(new WitnessMain());
    cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getErr().println("error: " + describe(e));
      return 1;
    });
    return cl.execute(args);
  }

  static String describe(Exception e) {
    if (e instanceof java.nio.file.NoSuchFileException n) {
      return "no such file: " + n.getFile();
    }
    if (e instanceof InvalidFieldException || e instanceof EncryptedKeyFile.WrongPassphraseException) {
      return e.getMessage();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  static final class Passphrase {
    @Option(names = "--passphrase-file", description = "file whose first line is the passphrase sealing the "
        + "witness's keys (default: ask on the console)")
    Path file;

    char[] read() throws IOException {
      return SecretFiles.passphrase(file, "witness key passphrase", "--passphrase-file");
    }
  }

  @Command(name = "init", mixinStandardHelpOptions = true,
      description = "Make a witness: its Ed25519 and ML-DSA-44 cosigning keys (sealed under a passphrase) and its "
          + "database, in a new directory; prints its verifier keys.")
  static final class Init implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "data directory to create (must not exist, or be empty)")
    Path data;

    @Option(names = "--name", required = true, description = "the witness's name, a URL without scheme, e.g. "
        + "witness.example.org/w1 (the key name of its cosignatures)")
    String name;

    @Option(names = "--tls-name", paramLabel = "NAME", description = "a DNS name or IP address the witness's "
        + "self-signed TLS certificate names (repeatable; default: localhost, 127.0.0.1 and ::1); boards pin the "
        + "certificate itself")
    List<String> tlsNames = new java.util.ArrayList<>();

    @CommandLine.Mixin
    Passphrase passphrase;

    @Override
    public Integer call() throws Exception {
      WitnessName witnessName;
      try {
        witnessName = new WitnessName(name);
      } catch (InvalidFieldException e) {
        System.err.println("error: --" + e.getMessage());
        return 2;
      }
      List<VerifierKey> vkeys;
      try {
        vkeys = WitnessHost.init(new WitnessDir(data), witnessName,
            tlsNames.isEmpty() ? WitnessHost.DEFAULT_TLS_NAMES : tlsNames, passphrase.read(), new SecureRandom());
      } catch (InvalidFieldException e) {
        if (!e.field().equals("tls_name")) {
          throw e;
        }
        System.err.println("error: --tls-name: " + e.reason());
        return 2;
      }
      System.out.println("Witness " + witnessName + " created in " + data.toAbsolutePath() + ".");
      System.out.println("Its verifier keys (c2sp.org/signed-note vkeys; Ed25519 cosignatures, type 0x04, then "
          + "ML-DSA-44, type 0x06).");
      System.out.println("Give both to the election officials, who list them in the election notice and pass them "
          + "to the board with --witness URL=VKEY:");
      for (VerifierKey k : vkeys) {
        System.out.println(k.encoded());
      }
      System.out.println("Its TLS certificate fingerprint (SHA-256; the board pins it with --witness-tls "
          + witnessName + "=<fingerprint>):");
      System.out.println(WitnessHost.tlsFingerprint(new WitnessDir(data)).hex());
      return 0;
    }
  }

  @Command(name = "serve", mixinStandardHelpOptions = true,
      description = "Serve the witness's API over HTTPS (POST /add-checkpoint, GET /<hex SHA-256 of origin>/checkpoint); "
          + "plain HTTP only on loopback with --plain-http.")
  static final class Serve implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "data directory made by witness init")
    Path data;

    @Option(names = "--port", defaultValue = "8090", description = "TCP port (default: ${DEFAULT-VALUE}; 0 = any)")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
        description = "address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for boards on the network)")
    String host;

    @Option(names = "--plain-http", description = "serve plain HTTP instead of HTTPS: only on a loopback --host; "
        + "refused with any other")
    boolean plainHttp;

    @Option(names = "--log", required = true, paramLabel = "VKEY", description = "verifier key of a log to "
        + "witness: the board's checkpoint key (type 0x01, printed by ./evote server init and served as "
        + "checkpoint_key in GET /api/election); its key name is the log's origin. Repeatable.")
    List<String> logs;

    @CommandLine.Mixin
    Passphrase passphrase;

    @Override
    public Integer call() throws Exception {
      TrustedLogs trusted;
      try {
        trusted = TrustedLogs.parse(logs);
      } catch (InvalidFieldException e) {
        System.err.println("error: --" + e.getMessage());
        return 2;
      }
      if (port < 0 || port > 65535) {
        System.err.println("error: --port is between 0 and 65535");
        return 2;
      }
      if (plainHttp && !org.evote.crypto.keystore.Loopback.isLoopback(host)) {
        System.err.println("error: --plain-http --host " + host + ": plain HTTP is served only on loopback "
            + "(127.0.0.1, ::1 or localhost); over a network the witness speaks HTTPS");
        return 2;
      }
      WitnessHost.Transport transport = plainHttp ? WitnessHost.Transport.PLAIN_HTTP : WitnessHost.Transport.HTTPS;
      try (WitnessHost served = WitnessHost.start(new WitnessDir(data), passphrase::read, transport, trusted, host,
          port, new SecureRandom(), Clock.systemUTC())) {
        System.out.println("Witness " + served.witness().verifierKeys().get(0).name() + " serving at "
            + (plainHttp ? "http" : "https") + "://" + host + ":" + served.port() + "/ for "
            + String.join(", ", trusted.byOrigin().keySet())
            + (plainHttp ? "" : " (TLS certificate fingerprint " + WitnessHost.tlsFingerprint(new WitnessDir(data))
            .hex() + ")"));
        System.out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          served.close();
          stopped.countDown();
        }));
        stopped.await();
        return 0;
      }
    }
  }
}
