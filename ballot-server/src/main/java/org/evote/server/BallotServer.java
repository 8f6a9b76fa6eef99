package org.evote.server;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.keystore.EncryptedKeyFile;
import org.evote.server.board.BoardService;
import org.evote.server.board.BoardSetup;
import org.evote.server.board.TamperedBoardException;
import org.evote.crypto.keystore.KioskCredentials;
import org.evote.crypto.keystore.SecretFiles;
import org.evote.crypto.keystore.TlsIdentity;
import org.evote.server.store.BoardStore;
import org.evote.server.store.DataDir;
import org.evote.server.store.RawBoardExport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The ballot server's command line: create a board, serve it, manage kiosks, and administer a running board. */
@Command(name = "./evote server", mixinStandardHelpOptions = true, version = "evote server 0.1.0",
    description = "The election's public bulletin board.",
    subcommands = {BallotServer.Init.class, BallotServer.Serve.class, BallotServer.Kiosk.class,
        AdminCommand.class, BallotServer.Export.class})
public final class BallotServer {
  public static void main(String[] args) {
    int code = run(args);
    if (code != Integer.MIN_VALUE) {
      System.exit(code);
    }
  }

  /** Runs a command and returns its exit code ({@code serve} blocks until stopped). */
  public static int run(String... args) {
    CommandLine cl = new CommandLine(new BallotServer());
    cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getErr().println("error: " + describe(e));
      return 1;
    });
    return cl.execute(args);
  }

  static String describe(Exception e) {
    if (e instanceof InvalidFieldException f) {
      return f.getMessage();
    }
    if (e instanceof EncryptedKeyFile.WrongPassphraseException) {
      return e.getMessage();
    }
    if (e instanceof java.nio.file.NoSuchFileException n) {
      return n.getReason() != null ? n.getReason() : "no such file: " + n.getFile();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /**
   * Why {@code data}, given with {@code --data}, holds no board ({@code board.sqlite}), as one sentence for the
   * operator; empty if it holds one. Checked before any passphrase is asked.
   */
  static java.util.Optional<String> noBoardIn(Path data) {
    if (!java.nio.file.Files.exists(data)) {
      return java.util.Optional.of("--data: the directory " + data + " does not exist (create a board there with "
          + "./evote server init --election election.json --data " + data + ")");
    }
    if (!java.nio.file.Files.isDirectory(data)) {
      return java.util.Optional.of("--data: " + data + " is a file, not a data directory");
    }
    if (!new DataDir(data).exists()) {
      return java.util.Optional.of("--data: " + data + " holds no board (no " + data.resolve("board.sqlite")
          + "; create one with ./evote server init)");
    }
    return java.util.Optional.empty();
  }

  /** {@link #noBoardIn}, printed as an error: true if the command must stop (exit 2). */
  static boolean refuseWithoutBoard(Path data) {
    java.util.Optional<String> why = noBoardIn(data);
    why.ifPresent(w -> System.err.println("error: " + w));
    return why.isPresent();
  }

  static final class BoardPassphrase {
    @Option(names = "--board-passphrase-file", description = "file whose first line is the board key's passphrase "
        + "(default: ask on the console)")
    Path file;

    char[] read() throws IOException {
      return SecretFiles.passphrase(file, "board key passphrase", "--board-passphrase-file");
    }
  }

  @Command(name = "init", mixinStandardHelpOptions = true,
      description = "Create a board for an election: database, board signing key and administrator credential.")
  static final class Init implements Callable<Integer> {
    @Option(names = "--election", required = true, description = "election.json from the key ceremony")
    Path election;

    @Option(names = "--data", required = true, description = "data directory to create")
    Path data;

    @Option(names = "--board-name", description = "the board's public name, the first part of its checkpoint "
        + "origin <name>/<hex H_E>: the host name observers will reach it at, e.g. board.example.org "
        + "(default: this machine's host name)")
    String boardName;

    @CommandLine.Mixin
    TlsOptions tlsOptions;

    @CommandLine.Mixin
    BoardPassphrase passphrase;

    @Option(names = "--admin-passphrase-file", description = "first line: the passphrase sealing the first "
        + "administrator credential's key (default: ask on the console)")
    Path adminPassphrase;

    @Option(names = "--practice", description = "a practice board, for training and demonstrations: its ballots "
        + "are never counted, and kiosks and the observer page say PRACTICE on every screen (kept in the data "
        + "directory)")
    boolean practice;

    @Override
    public Integer call() throws Exception {
      String name = boardName == null ? defaultBoardName() : boardName;
      try {
        new org.evote.crypto.board.BoardOrigin(name, org.evote.crypto.hash.Digest.ZERO);
      } catch (InvalidFieldException e) {
        System.err.println("error: --board-name: " + e.reason());
        return 2;
      }
      SecureRandom random = new SecureRandom();
      TlsIdentity tls;
      try {
        tls = tlsOptions.identity(random);
      } catch (InvalidFieldException e) {
        System.err.println("error: " + e.getMessage());
        return 2;
      }
      if (tls == null) {
        System.err.println("error: --tls-cert and --tls-key go together, and without --tls-name");
        return 2;
      }
      if (!java.nio.file.Files.isRegularFile(election)) {
        System.err.println("error: --election: no such file " + election);
        return 2;
      }
      DataDir dir = new DataDir(data);
      if (dir.exists()) {
        System.err.println("error: --data: " + data + " already holds a board (" + dir.database() + ")");
        return 2;
      }
      char[] board = passphrase.read();
      char[] admin = SecretFiles.passphrase(adminPassphrase, "administrator credential passphrase",
          "--admin-passphrase-file");
      if (admin.length < 8) {
        System.err.println("error: the administrator credential's passphrase needs at least 8 characters");
        return 2;
      }
      BoardSetup.Created created = BoardSetup.init(dir, JsonText.readObject(election), name, tls, board, admin,
          random, Clock.systemUTC(), practice);
      System.out.println((practice ? "Practice board (its ballots are never counted) created in "
          : "Board created in ") + data.toAbsolutePath());
      System.out.println("Administrator credential: " + dir.adminCredentialsFile().toAbsolutePath()
          + " (its key sealed under the administrator passphrase; keep it safe; " + created.admin().name() + ")");
      System.out.println("Checkpoint key (give it to the witnesses and publish it; every checkpoint of this board "
          + "is signed with it, and its name is the checkpoint origin):");
      System.out.println("  " + created.checkpointKey().encoded());
      System.out.println("TLS certificate " + dir.tlsCertificateFile().toAbsolutePath() + ", fingerprint (SHA-256; "
          + "in every kiosk and administrator credential, and --tls-fingerprint for the tally tool):");
      System.out.println("  " + tls.fingerprint().hex());
      return 0;
    }

    private static String defaultBoardName() {
      try {
        String host = java.net.InetAddress.getLocalHost().getHostName();
        new org.evote.crypto.board.BoardOrigin(host, org.evote.crypto.hash.Digest.ZERO);
        return host;
      } catch (IOException | InvalidFieldException e) {
        return BoardSetup.DEFAULT_BOARD_NAME;
      }
    }
  }

  @Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the board over HTTPS (or, on "
      + "loopback only, plain HTTP with --plain-http).")
  static final class Serve implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "data directory")
    Path data;

    @Option(names = "--port", defaultValue = "8080", description = "TCP port (default: ${DEFAULT-VALUE}; 0 = any)")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
        description = "address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for kiosks on the network)")
    String host;

    @Option(names = "--plain-http", description = "serve plain HTTP instead of HTTPS: only on a loopback --host "
        + "(a demo or a test on this machine); refused with any other")
    boolean plainHttp;

    @Option(names = "--max-database-mb", description = "refuse new ballots (503) once the database file reaches "
        + "this size, as on a full disk; its write-ahead log comes on top (default: no limit but the disk's)")
    Long maxDatabaseMb;

    @Option(names = "--witness", paramLabel = "URL=VKEY", description = "a witness to submit every checkpoint to "
        + "(c2sp.org/tlog-witness): its URL prefix and the one cosignature verifier key of it listed in the election "
        + "notice (ML-DSA-44 recommended, Ed25519 accepted); repeatable, each witness once")
    java.util.List<String> witnesses = new java.util.ArrayList<>();

    @Option(names = "--witness-tls", paramLabel = "NAME=FINGERPRINT", description = "pin the TLS certificate of the "
        + "witness named NAME (its key name), which an https:// --witness URL needs: SHA-256 of its DER, printed by "
        + "witness init; repeatable")
    java.util.List<String> witnessTls = new java.util.ArrayList<>();

    @Option(names = "--witness-quorum", paramLabel = "K", description = "how many witnesses must cosign a "
        + "checkpoint for receipts to carry it (0 to the number of witnesses; default: all of them)")
    Integer witnessQuorum;

    @CommandLine.Mixin
    BoardPassphrase passphrase;

    @Override
    public Integer call() throws Exception {
      java.util.List<org.evote.crypto.notice.ElectionNotice.Witness> ws = new java.util.ArrayList<>();
      for (String w : witnesses) {
        try {
          // The parser of the election notice's witnesses: the board accepts exactly the witnesses it can list.
          ws.add(org.evote.crypto.notice.ElectionNotice.Witness.parse(w, "--witness"));
        } catch (InvalidFieldException e) {
          System.err.println("error: --witness " + w + ": " + e.reason());
          return 2;
        }
      }
      int all = BoardHost.Witnesses.allOf(ws);
      if (all != ws.size()) {
        System.err.println("error: --witness: a witness is given once, with one of its keys (each key name once)");
        return 2;
      }
      int quorum = witnessQuorum == null ? all : witnessQuorum;
      if (quorum < 0 || quorum > all) {
        System.err.println("error: --witness-quorum is between 0 and the number of witnesses (" + all + ")");
        return 2;
      }
      if (maxDatabaseMb != null && (maxDatabaseMb < 1 || maxDatabaseMb > (1L << 30))) {
        System.err.println("error: --max-database-mb is between 1 and 2^30");
        return 2;
      }
      long maxDatabaseBytes = maxDatabaseMb == null ? 0 : Math.multiplyExact(maxDatabaseMb, 1L << 20);
      BoardHost.Witnesses witnessSet;
      try {
        witnessSet = new BoardHost.Witnesses(ws, quorum, Duration.ofSeconds(10), WitnessTls.parse(witnessTls));
        for (var w : ws) {
          // The witness client's rules, checked before anything opens: an https:// witness needs its pin.
          org.evote.board.client.PinnedTls.client(w.url(), witnessSet.tlsOf(w), Duration.ofSeconds(10));
        }
      } catch (InvalidFieldException | IllegalArgumentException e) {
        System.err.println("error: --witness-tls: " + e.getMessage());
        return 2;
      }
      BoardHost.Transport transport = plainHttp ? BoardHost.Transport.PLAIN_HTTP : BoardHost.Transport.HTTPS;
      try {
        BoardHost.requireAllowed(transport, host);
      } catch (IllegalArgumentException e) {
        System.err.println("error: --plain-http --host " + host + ": " + e.getMessage());
        return 2;
      }
      if (refuseWithoutBoard(data)) { // before the passphrase is asked
        return 2;
      }
      BoardHost started;
      try {
        started = BoardHost.start(new DataDir(data), passphrase::read, transport, host, port, maxDatabaseBytes,
            witnessSet, new SecureRandom());
      } catch (org.evote.server.board.BoardBehindException e) {
        System.err.println("refusing to serve: " + e.getMessage());
        return 4;
      } catch (TamperedBoardException e) {
        System.err.println("refusing to serve: " + e.getMessage());
        return 3;
      }
      try (BoardHost served = started) {
        System.out.println("Serving the board of " + served.board().config().manifest().electionScopeId()
            + " at " + (plainHttp ? "http" : "https") + "://" + host + ":" + served.port() + "/"
            + served.tlsFingerprint().map(f -> " (TLS certificate fingerprint " + f.hex() + ")").orElse(""));
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

  @Command(name = "kiosk", mixinStandardHelpOptions = true, description = "Register or revoke kiosks (offline).",
      subcommands = {Kiosk.Add.class, Kiosk.Revoke.class})
  static final class Kiosk {
    @Command(name = "add", mixinStandardHelpOptions = true,
        description = "Register a kiosk: make its key pair, post its public key, write its credential file.")
    static final class Add implements Callable<Integer> {
      @Option(names = "--data", required = true, description = "data directory (the server must be stopped)")
      Path data;

      @Option(names = "--name", required = true, description = "kiosk id, e.g. K1")
      String name;

      @Option(names = "--out", required = true, description = "credential file to write")
      Path out;

      @Option(names = "--kiosk-passphrase-file", description = "first line: passphrase sealing the kiosk's key "
          + "(default: ask on the console)")
      Path kioskPassphrase;

      @CommandLine.Mixin
      BoardPassphrase passphrase;

      @Override
      public Integer call() throws Exception {
        if (!org.evote.crypto.manifest.Ids.isValid(name)) {
          System.err.println("error: a kiosk id is 1-256 printable ASCII characters without spaces");
          return 2;
        }
        if (refuseWithoutBoard(data)) {
          return 2;
        }
        char[] kioskPass = SecretFiles.passphrase(kioskPassphrase, "kiosk credential passphrase",
            "--kiosk-passphrase-file");
        if (kioskPass.length < KioskCredentials.MIN_PASSPHRASE) {
          System.err.println("error: a kiosk credential passphrase needs at least "
              + KioskCredentials.MIN_PASSPHRASE + " characters (the poll worker PIN is set apart, on the kiosk)");
          return 2;
        }
        DataDir dir = new DataDir(data);
        SecureRandom random = new SecureRandom();
        try (DataDir.Lock lock = dir.lock(); BoardService board = BoardHost.open(dir, passphrase.read(), 0)) {
          KioskCredentials credentials = KioskCredentials.generate(name, board.config().extendedHash(),
              board.boardPublicKey(), board.checkpointKey(), dir.tlsFingerprint(), random);
          // The credential file exists before the kiosk is on the board: a failure here registers nothing.
          credentials.write(out, kioskPass, random);
          var entry = board.registerKiosk(name, credentials.key().publicKey()).get();
          System.out.println("Kiosk " + name + " registered at board entry " + entry.sequence() + "; credential "
              + "file " + out.toAbsolutePath());
          return 0;
        } catch (java.util.concurrent.ExecutionException e) {
          System.err.println("error: " + e.getCause().getMessage());
          return 1;
        }
      }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a kiosk.")
    static final class Revoke implements Callable<Integer> {
      @Option(names = "--data", required = true, description = "data directory (the server must be stopped)")
      Path data;

      @Option(names = "--name", required = true, description = "kiosk id")
      String name;

      @Option(names = "--reason", defaultValue = "revoked by an administrator", description = "reason posted")
      String reason;

      @CommandLine.Mixin
      BoardPassphrase passphrase;

      @Override
      public Integer call() throws Exception {
        if (refuseWithoutBoard(data)) {
          return 2;
        }
        DataDir dir = new DataDir(data);
        try (DataDir.Lock lock = dir.lock(); BoardService board = BoardHost.open(dir, passphrase.read(), 0)) {
          var entry = board.revokeKiosk(name, reason).get();
          System.out.println("Kiosk " + name + " revoked at board entry " + entry.sequence());
          return 0;
        } catch (java.util.concurrent.ExecutionException e) {
          System.err.println("error: " + e.getCause().getMessage());
          return 1;
        }
      }
    }
  }

  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "Write the board as stored in a data directory to a board file, without checking it (the "
          + "server must be stopped). For examining a board the server refuses: ./evote tally verify names the entry.")
  static final class Export implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "data directory") Path data;

    @Option(names = "--out", required = true, description = "board file to write (board.json)") Path out;

    @Override
    public Integer call() throws Exception {
      if (refuseWithoutBoard(data)) {
        return 2;
      }
      DataDir dir = new DataDir(data);
      try (DataDir.Lock lock = dir.lock(); BoardStore store = BoardStore.open(dir.database())) {
        RawBoardExport.Written w = RawBoardExport.write(store, out.toAbsolutePath());
        System.out.println(w.entries() + " entries and " + w.heads() + " signed heads written to "
            + out.toAbsolutePath() + " as stored, unchecked: verify them with ./evote tally verify");
        return 0;
      }
    }
  }
}
