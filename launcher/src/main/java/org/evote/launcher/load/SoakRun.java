package org.evote.launcher.load;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.keystore.KioskCredentials;
import org.evote.crypto.manifest.Manifest;
import org.evote.kiosk.robot.RobotVoter;
import org.evote.kiosk.service.KioskStore;
import org.evote.launcher.election.BoardAudit;
import org.evote.launcher.election.LocalBoard;
import org.evote.launcher.election.RobotKiosks;
import org.evote.server.http.BulletinBoardApp;
import org.evote.tally.service.CeremonyService;

/**
 * The soak run (issue 12): the same robot kiosks vote on one board for a quiet phase, then for as long again while
 * slow clients ({@link SlowClients}) and a stream of hostile bodies ({@link HostileBodies}) hit the board. It then
 * checks that every receipt is on the board exactly once, that the kiosks' p99 cast-to-receipt latency under attack
 * is within a factor of the quiet phase's (measured in the same run), and that no honest client saw a 5xx: no kiosk
 * upload failed or was late (a voter would have read "upload pending") and the status observer saw none.
 */
public final class SoakRun {
  /** One phase's figures. */
  public record Phase(String name, double seconds, long ballots, double ballotsPerSecond, double p50Millis,
      double p99Millis, double maxMillis, long uploadsPending, Reads status) {}

  /** What the honest status observer saw during a phase: its reads' latency, and answers that were 5xx or none. */
  public record Reads(int reads, double p99Millis, double maxMillis, int serverErrors, int failures) {}

  /** The whole run: both phases, the attackers' counts, and the failed checks (none: it passed). */
  public record Figures(Phase quiet, Phase attack, long slowOpened, long slowCutOff, long hostileSent,
      Map<String, Map<String, Long>> hostileAnswers, List<String> problems) {
    public Figures {
      hostileAnswers = Map.copyOf(hostileAnswers);
      problems = List.copyOf(problems);
    }

    public boolean succeeded() {
      return problems.isEmpty();
    }
  }

  /** How each phase runs and what it is held to. */
  public record Settings(int kiosks, Duration phase, Duration warmup, int slowClients, double hostilePerSecond,
      double p99Factor, double challengeRate) {
    public Settings {
      if (kiosks < 1 || phase.isNegative() || phase.isZero() || warmup.isNegative() || slowClients < 0
          || hostilePerSecond <= 0 || p99Factor < 1) {
        throw new IllegalArgumentException("need a kiosk, a positive phase, a hostile rate above 0 and a p99 factor "
            + "of at least 1");
      }
    }
  }

  private final Manifest manifest;
  private final Settings settings;
  private final Path out;
  private final SecureRandom random;
  private final PrintStream log;

  public SoakRun(Manifest manifest, Settings settings, Path out, SecureRandom random, PrintStream log) {
    this.manifest = manifest;
    this.settings = settings;
    this.out = out;
    this.random = random;
    this.log = log;
  }

  public Figures run() throws Exception {
    Files.createDirectories(out);
    List<char[]> pass = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      pass.add(("soak guardian " + i).toCharArray());
    }
    ElectionConfig config = new CeremonyService(random).run(manifest, 3, 2, pass, out.resolve("guardians"), true);
    Path electionFile = out.resolve("guardians").resolve("election.json");
    try (LocalBoard board = LocalBoard.create(out.resolve("board"), electionFile, "soak board".toCharArray(),
        random)) {
      board.start("127.0.0.1", 0);
      List<KioskCredentials> creds = new ArrayList<>();
      for (int i = 1; i <= settings.kiosks(); i++) {
        creds.add(board.registerKiosk(String.format("S-%02d", i)));
      }
      board.openPolls();
      List<RobotVoter.Entry> voted = new ArrayList<>();
      List<String> problems = new ArrayList<>();
      Phase quiet;
      Phase attack;
      long slowOpened;
      long slowCut;
      long hostileSent;
      Map<String, Map<String, Long>> hostile;
      long refused;
      try (RobotKiosks robots = new RobotKiosks(config, board.uri(), creds, out.resolve("kiosks"),
          settings.challengeRate(), random)) {
        if (!settings.warmup().isZero()) {
          log.printf("warm-up: %d robot kiosks for %d s ...%n", settings.kiosks(), settings.warmup().toSeconds());
          voted.addAll(robots.voteFor(settings.warmup()));
          drain(robots, problems, "warm-up");
        }
        log.printf("quiet: %d robot kiosks voting for %d s ...%n", settings.kiosks(), settings.phase().toSeconds());
        quiet = phase("quiet", robots, board, voted);
        drain(robots, problems, "quiet phase");
        HostileBodies bodies = HostileBodies.fromSample(sampleCast(robots), BulletinBoardApp.MAX_BODY_BYTES);
        log.printf("attack: the same kiosks for %d s, with %d slow clients and %.0f hostile bodies/s ...%n",
            settings.phase().toSeconds(), settings.slowClients(), settings.hostilePerSecond());
        SlowClients slow = new SlowClients(board.uri(), settings.slowClients(), 2_000);
        HostileStream stream = new HostileStream(board.uri(), bodies, settings.hostilePerSecond());
        try {
          slow.start();
          stream.start();
          Thread.sleep(1_000); // the slow clients connect before the clock starts
          attack = phase("attack", robots, board, voted);
        } finally {
          stream.close();
          slow.close();
        }
        slowOpened = slow.opened();
        slowCut = slow.cutOff();
        hostileSent = stream.sent();
        hostile = stream.answers();
        drain(robots, problems, "attack phase");
        refused = robots.refused();
      }
      Path boardFile = out.resolve("board.json");
      board.download(boardFile.getParent(), java.util.Optional.empty(), Duration.ofMinutes(1));
      if (refused > 0) {
        problems.add("the board refused " + refused + " honest ballots");
      }
      problems.addAll(BoardAudit.problems(BoardAudit.ballots(boardFile), voted));
      check(quiet, attack, problems);
      return new Figures(quiet, attack, slowOpened, slowCut, hostileSent, hostile, problems);
    }
  }

  private Phase phase(String name, RobotKiosks robots, LocalBoard board, List<RobotVoter.Entry> voted)
      throws InterruptedException {
    List<RobotVoter.Entry> entries;
    double seconds;
    try (StatusProbe probe = new StatusProbe(board.uri())) {
      long start = System.nanoTime();
      entries = robots.voteFor(settings.phase());
      seconds = (System.nanoTime() - start) / 1e9;
      voted.addAll(entries);
      long[] latencies = entries.stream().mapToLong(RobotVoter.Entry::receiptNanos).sorted().toArray();
      long pending = entries.stream().filter(e -> e.receipt().uploadPending()).count();
      return new Phase(name, seconds, entries.size(), entries.size() / seconds, LoadRun.percentile(latencies, 0.5),
          LoadRun.percentile(latencies, 0.99), LoadRun.percentile(latencies, 1.0), pending, probe.seen());
    }
  }

  private void check(Phase quiet, Phase attack, List<String> problems) {
    if (quiet.ballots() == 0 || attack.ballots() == 0) {
      problems.add("a phase had no ballots (quiet " + quiet.ballots() + ", attack " + attack.ballots() + ")");
    } else if (attack.p99Millis() > settings.p99Factor() * quiet.p99Millis()) {
      problems.add(String.format("p99 under attack %.0f ms is over %.1f× the quiet run's %.0f ms", attack.p99Millis(),
          settings.p99Factor(), quiet.p99Millis()));
    }
    for (Phase p : List.of(quiet, attack)) {
      if (p.uploadsPending() > 0) {
        problems.add(p.name() + ": " + p.uploadsPending() + " honest uploads failed or were late (5xx, no answer or "
            + "over " + RobotKiosks.REQUEST_TIMEOUT.toSeconds() + " s): voters read \"upload pending\"");
      }
      if (p.status().serverErrors() > 0 || p.status().failures() > 0) {
        problems.add(p.name() + ": the status observer saw " + p.status().serverErrors() + " 5xx and "
            + p.status().failures() + " failed reads");
      }
    }
  }

  private static void drain(RobotKiosks robots, List<String> problems, String after) throws InterruptedException {
    if (!robots.awaitUploads(Duration.ofMinutes(2))) {
      problems.add(robots.pending() + " ballots still queued two minutes after the " + after);
    }
  }

  /** An honest cast submission the board accepted, as its kiosk sent it: the model of every hostile body. */
  private static String sampleCast(RobotKiosks robots) {
    for (RobotKiosks.Kiosk k : robots.kiosks()) {
      for (KioskStore.Outgoing o : k.store().all()) {
        if (o.kind() == EntryKind.BALLOT_CAST && o.status() == KioskStore.Status.UPLOADED) {
          return o.body();
        }
      }
    }
    throw new IllegalStateException("no cast ballot reached the board in the quiet phase");
  }
}
