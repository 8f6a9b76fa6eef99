package org.evote.launcher;

import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.json.ManifestJson;
import org.evote.kiosk.KioskMain;
import org.evote.launcher.election.LocalBoard;
import org.evote.launcher.election.LocalWitness;
import org.evote.launcher.election.MockElection;
import org.evote.launcher.load.LoadRun;
import org.evote.launcher.load.Soak;
import org.evote.launcher.load.SoakRun;
import org.evote.server.BallotServer;
import org.evote.tally.TallyTool;
import org.evote.witness.WitnessMain;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code evote} command: every program from one jar ({@code server}, {@code kiosk}, {@code tally},
 * {@code witness} take exactly the arguments of {@code ballot-server}, {@code kiosk-client}, {@code tally-tool} and
 * {@code witness}), the mock election
 * ({@code demo}) and the board's load test ({@code load}).
 */
@Command(name = "./evote", mixinStandardHelpOptions = true, version = "evote 0.1.0",
    description = "End-to-end verifiable voting: every program of the project from one jar.",
    commandListHeading = "%nCommands (./evote COMMAND --help for each):%n",
    subcommands = {Evote.Demo.class, Evote.Server.class, Evote.Kiosk.class, Evote.Tally.class, Evote.Witness.class,
        Evote.Load.class})
public final class Evote {
  public static void main(String[] args) {
    if (args.length > 0) {
      String[] rest = Arrays.copyOfRange(args, 1, args.length);
      switch (args[0]) {
        case "server" -> {
          BallotServer.main(rest);
          return;
        }
        case "kiosk" -> {
          KioskMain.main(rest);
          return;
        }
        case "tally" -> {
          TallyTool.main(rest);
          return;
        }
        case "witness" -> {
          WitnessMain.main(rest);
          return;
        }
        default -> { }
      }
    }
    // In the demo and the load test, the programs' logs (every ballot accepted, the kiosks' retries) would drown
    // the report: warnings only, unless asked for.
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    int code = run(args);
    if (code != Integer.MIN_VALUE) {
      System.exit(code);
    }
  }

  /**
   * The programs {@link #main} hands the rest of the command line to before anything is parsed here; listed as
   * commands so {@code ./evote --help} and the "Did you mean" hints show them once, by the names a person types.
   */
  @Command(name = "server", description = "the ballot server (bulletin board): init, serve, kiosk, admin, export")
  static final class Server implements Callable<Integer> {
    @CommandLine.Unmatched
    java.util.List<String> args = new java.util.ArrayList<>();

    @Override
    public Integer call() {
      return BallotServer.run(args.toArray(String[]::new));
    }
  }

  @Command(name = "kiosk", description = "the polling-place voting kiosk")
  static final class Kiosk implements Callable<Integer> {
    @CommandLine.Unmatched
    java.util.List<String> args = new java.util.ArrayList<>();

    @Override
    public Integer call() {
      KioskMain.main(args.toArray(String[]::new));
      return 0;
    }
  }

  @Command(name = "tally", description = "the officials' tool: ceremony, verify, tally, publish, gui, ...")
  static final class Tally implements Callable<Integer> {
    @CommandLine.Unmatched
    java.util.List<String> args = new java.util.ArrayList<>();

    @Override
    public Integer call() {
      return TallyTool.run(args.toArray(String[]::new));
    }
  }

  @Command(name = "witness", description = "an observer's witness of the board's checkpoints: init, serve")
  static final class Witness implements Callable<Integer> {
    @CommandLine.Unmatched
    java.util.List<String> args = new java.util.ArrayList<>();

    @Override
    public Integer call() {
      return WitnessMain.run(args.toArray(String[]::new));
    }
  }

  /** Runs {@code demo} or {@code load} and returns the exit code; {@link Integer#MIN_VALUE} means keep running. */
  public static int run(String... args) {
    CommandLine cl = new CommandLine(new Evote());
    cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getErr().println("error: " + (e instanceof java.nio.file.NoSuchFileException n
          ? (n.getReason() != null ? n.getReason() : "no such file " + n.getFile())
          : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
      return 1;
    });
    return cl.execute(args);
  }

  @Command(name = "demo", mixinStandardHelpOptions = true,
      description = "a whole mock election here: real server, robot kiosks, tally",
      footerHeading = "%n",
      footer = "Runs a complete mock election on this machine: key ceremony, a ballot server on an embedded SQLite "
          + "board with two witnesses cosigning its checkpoints (quorum 2), the election notice, robot kiosks "
          + "casting and challenging ballots, polls closed, the tally by a quorum of guardians, the record with its "
          + "cosigned final checkpoint verified in full against the notice, and the result printed beside the "
          + "robots' plaintext truth.")
  static final class Demo implements Callable<Integer> {
    @Option(names = "--manifest", description = "ElectionGuard 1.0 manifest (default: the embedded county general "
        + "election)")
    Path manifest;

    @Option(names = "--guardians", defaultValue = "3", description = "guardians (default: ${DEFAULT-VALUE})")
    int guardians;

    @Option(names = "--quorum", defaultValue = "2", description = "guardians needed to decrypt (default: "
        + "${DEFAULT-VALUE})")
    int quorum;

    @Option(names = "--kiosks", defaultValue = "4", description = "robot kiosks (default: ${DEFAULT-VALUE})")
    int kiosks;

    @Option(names = "--ballots", defaultValue = "300", description = "ballots in all (default: ${DEFAULT-VALUE})")
    int ballots;

    @Option(names = "--challenge-rate", defaultValue = "0.1", description = "fraction of ballots challenged "
        + "(default: ${DEFAULT-VALUE})")
    double challengeRate;

    @Option(names = "--out", description = "folder for the record, the guardians' key files, the board and the "
        + "robots' logs; must not exist, be empty, or hold a demo that did not finish (started again there) "
        + "(default: evote-demo-<date-time>)")
    Path out;

    @Option(names = "--port", defaultValue = "0", description = "the server's port on 127.0.0.1 (default: any "
        + "free port)")
    int port;

    @Option(names = "--keep-serving", description = "leave the server and its two witnesses up afterwards, until "
        + "Ctrl+C, to look up receipts in a browser and read the cosigned checkpoints; also opens a practice board "
        + "(polls open) to vote on in a real kiosk window")
    boolean keepServing;

    @Override
    public Integer call() throws Exception {
      PrintStream log = System.out;
      Path dir = out != null ? out : Path.of("evote-demo-" + LocalDateTime.now().format(
          DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
      MockElection.Settings settings = new MockElection.Settings(Optional.ofNullable(manifest), guardians, quorum,
          kiosks, ballots, challengeRate, dir, port);
      MockElection election = new MockElection(settings, new SecureRandom(), log);
      boolean serving = false;
      try {
        MockElection.Outcome outcome = election.run();
        var board = election.board();
        Path d = dir.toAbsolutePath().normalize();
        log.printf("%nThe election record is in %s%n", outcome.record());
        log.printf("  re-verify it:  ./evote tally verify --record %s --notice %s%n", outcome.record(),
            outcome.notice());
        log.printf("  results:       %s (and result.csv, result.html; result.<language>.txt, .html in the "
            + "manifest's other languages)%n", outcome.record().resolve("result.txt"));
        if (!keepServing) {
          log.printf("The server and the witnesses have stopped. To open the observer page and look up receipts, "
              + "serve the board again:%n  ./evote server serve --plain-http --data %s --board-passphrase-file %s%n  then open "
              + "http://127.0.0.1:8080/ and type a tracking code from %s%n", d.resolve("board"),
              d.resolve("board.pass"), d.resolve("robots"));
          return outcome.succeeded() ? 0 : 1;
        }
        LocalBoard practice = election.openPracticeBoard();
        log.printf("%nThe server keeps serving the election's board at %s, and its witnesses keep serving (Ctrl+C "
            + "stops them all).%n", board.uri());
        log.printf("  observer page:  %s/  (type a tracking code from %s)%n", board.uri(), d.resolve("robots"));
        log.printf("  checkpoint:     %s/checkpoint%n", board.uri());
        String origin = board.checkpointKey().name();
        for (LocalWitness w : election.witnesses()) {
          log.printf("  witness %s serving %s; its latest cosigned checkpoint of the board: %s%n", w.name(), w.uri(),
              w.monitoringUri(origin));
        }
        log.printf("%nIts polls are closed. To vote in a real kiosk window, a practice board for the same election is "
            + "open at %s:%n", practice.uri());
        log.printf("  ./evote kiosk --windowed --server %s --credentials %s --passphrase-file %s --pin-file %s "
            + "--election-hash %s --data %s%n", practice.uri(),
            d.resolve("kiosks/" + MockElection.DESK_KIOSK + ".credentials"),
            d.resolve("kiosks/" + MockElection.DESK_KIOSK + ".pass"),
            d.resolve("kiosks/" + MockElection.DESK_KIOSK + ".pin"), board.config().extendedHash().toHex(),
            d.resolve("kiosks/" + MockElection.DESK_KIOSK));
        log.printf("  (the poll worker PIN, in %s, opens the poll workers' screen: Ctrl+Shift+Q)%n",
            d.resolve("kiosks/" + MockElection.DESK_KIOSK + ".pin"));
        log.printf("  then check your tracking code on its observer page %s/ (its ballots are not part of the "
            + "election above)%n", practice.uri());
        log.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          election.close();
          stopped.countDown();
        }));
        serving = true; // from here the shutdown hook closes the boards
        stopped.await();
        return outcome.succeeded() ? 0 : 1;
      } finally {
        if (!serving) {
          election.close();
        }
      }
    }
  }

  @Command(name = "load", mixinStandardHelpOptions = true,
      description = "robot kiosks voting at full speed against one server for a while",
      footerHeading = "%n",
      footer = "Robot kiosks vote as fast as they can for a while against one ballot server on loopback; then "
          + "every receipt is looked for on the board (no loss, no duplicate) and the board is verified. Prints throughput and latency.")
  static final class Load implements Callable<Integer> {
    @Option(names = "--manifest", description = "manifest (default: the embedded county general election)")
    Path manifest;

    @Option(names = "--kiosks", defaultValue = "32", description = "robot kiosks (default: ${DEFAULT-VALUE})")
    int kiosks;

    @Option(names = "--seconds", defaultValue = "60", description = "how long they vote (default: "
        + "${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--baseline-seconds", defaultValue = "10", description = "how long one kiosk votes alone "
        + "first, as the reference measured in the same run (default: ${DEFAULT-VALUE})")
    int baselineSeconds;

    @Option(names = "--challenge-rate", defaultValue = "0.1", description = "default: ${DEFAULT-VALUE}")
    double challengeRate;

    @Option(names = "--out", required = true, description = "folder for the board and the kiosks' outboxes")
    Path out;

    @Option(names = "--soak", description = "the soak run instead: the kiosks vote --seconds quietly, then "
        + "--seconds again under attack by --slow-clients and --hostile-per-second; checks every receipt once, p99 "
        + "under attack within --p99-factor of the quiet one, no 5xx to an honest client (docs/performance.md)")
    boolean soak;

    @Option(names = "--warmup-seconds", defaultValue = "10", description = "soak: the kiosks vote this long first, "
        + "unmeasured (default: ${DEFAULT-VALUE})")
    int warmupSeconds;

    @Option(names = "--slow-clients", defaultValue = "200", description = "soak: connections sending a body one "
        + "byte every 2 s (default: ${DEFAULT-VALUE})")
    int slowClients;

    @Option(names = "--hostile-per-second", defaultValue = "20", description = "soak: hostile requests per second "
        + "(default: ${DEFAULT-VALUE})")
    double hostilePerSecond;

    @Option(names = "--p99-factor", defaultValue = "2", description = "soak: the largest allowed ratio of p99 under "
        + "attack to quiet p99 (default: ${DEFAULT-VALUE})")
    double p99Factor;

    @Override
    public Integer call() throws Exception {
      var m = ManifestJson.decode(JsonText.parseObject(MockElection.manifestText(Optional.ofNullable(manifest))));
      if (soak) {
        return Soak.report(new SoakRun(m, new SoakRun.Settings(kiosks, Duration.ofSeconds(seconds),
            Duration.ofSeconds(warmupSeconds), slowClients, hostilePerSecond, p99Factor, challengeRate), out,
            new SecureRandom(), System.out).run(), System.out);
      }
      LoadRun.Figures f = new LoadRun(m, kiosks, Duration.ofSeconds(seconds), Duration.ofSeconds(baselineSeconds), challengeRate, out,
          new SecureRandom(), System.out).run();
      LoadRun.Baseline b = f.baseline();
      System.out.printf("baseline, 1 kiosk alone for %.1f s: %d ballots, %.1f ballots/s, cast-to-receipt p50 %.0f ms, "
          + "encryption p50 %.0f ms%n", b.seconds(), b.ballots(), b.ballotsPerSecond(), b.p50Millis(),
          b.encryptP50Millis());
      System.out.printf("kiosks %d, %.1f s: %d ballots (%d waiting in outboxes at the end), %.1f ballots/s%n"
          + "cast-to-receipt latency: p50 %.0f ms, p99 %.0f ms, max %.0f ms; encryption p50 %.0f ms%n"
          + "every receipt on the board exactly once: %s; board verifies: %s%n", f.kiosks(), f.seconds(),
          f.ballots(), f.pendingAtEnd(), f.ballotsPerSecond(), f.p50Millis(), f.p99Millis(), f.maxMillis(),
          f.encryptP50Millis(), f.problems().isEmpty() ? "yes" : "NO " + f.problems(), f.boardVerifies() ? "yes"
              : "NO");
      return f.succeeded() ? 0 : 1;
    }
  }
}
