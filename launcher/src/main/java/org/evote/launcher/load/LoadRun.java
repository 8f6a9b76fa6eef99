package org.evote.launcher.load;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.keystore.KioskCredentials;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.record.RecordFiles;
import org.evote.crypto.verify.VerificationReport;
import org.evote.kiosk.robot.RobotVoter;
import org.evote.launcher.election.BoardAudit;
import org.evote.launcher.election.LocalBoard;
import org.evote.tally.service.CeremonyService;

/**
 * The board under load: J robot kiosks vote as fast as they can for a fixed time against one ballot
 * server on loopback; then every ballot the kiosks hold a receipt for must be on the exported board exactly once,
 * and the board must verify. Reports throughput and the voter-visible latency from "cast" to receipt.
 */
public final class LoadRun {
  /** The figures of one run. */
  public record Figures(int kiosks, double seconds, long ballots, long pendingAtEnd, double ballotsPerSecond,
      double p50Millis, double p99Millis, double maxMillis, double encryptP50Millis, Baseline baseline,
      List<String> problems, boolean boardVerifies) {
    public Figures {
      problems = List.copyOf(problems);
    }

    public boolean succeeded() {
      return problems.isEmpty() && boardVerifies;
    }
  }

  /** One kiosk voting alone on the same board just before the load, as this machine's reference in the same run. */
  public record Baseline(double seconds, long ballots, double ballotsPerSecond, double p50Millis,
      double encryptP50Millis) {}

  private final Manifest manifest;
  private final int kiosks;
  private final Duration duration;
  private final Duration baselineDuration;
  private final double challengeRate;
  private final Path out;
  private final SecureRandom random;
  private final PrintStream log;

  /** {@code baseline}: how long one kiosk votes alone first, as the reference measured in the same run. */
  public LoadRun(Manifest manifest, int kiosks, Duration duration, Duration baseline, double challengeRate, Path out,
      SecureRandom random, PrintStream log) {
    if (kiosks < 1 || duration.isNegative() || duration.isZero() || baseline.isNegative() || baseline.isZero()) {
      throw new IllegalArgumentException("need at least one kiosk and positive durations");
    }
    this.manifest = manifest;
    this.kiosks = kiosks;
    this.duration = duration;
    this.baselineDuration = baseline;
    this.challengeRate = challengeRate;
    this.out = out;
    this.random = random;
    this.log = log;
  }

  public Figures run() throws Exception {
    Files.createDirectories(out);
    List<char[]> pass = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      pass.add(("load test guardian " + i).toCharArray());
    }
    ElectionConfig config = new CeremonyService(random).run(manifest, 3, 2, pass, out.resolve("guardians"), true);
    Path electionFile = out.resolve("guardians").resolve("election.json");
    try (LocalBoard board = LocalBoard.create(out.resolve("board"), electionFile,
        "load test board".toCharArray(), random)) {
      board.start("127.0.0.1", 0);
      KioskCredentials alone = board.registerKiosk("L-00");
      List<KioskCredentials> creds = new ArrayList<>();
      for (int i = 1; i <= kiosks; i++) {
        creds.add(board.registerKiosk(String.format("L-%02d", i)));
      }
      board.openPolls();
      List<RobotVoter.Entry> voted = new ArrayList<>();
      Baseline baseline;
      log.printf("baseline: 1 robot kiosk voting alone for %d s ...%n", baselineDuration.toSeconds());
      try (var robot = new org.evote.launcher.election.RobotKiosks(config, board.uri(), List.of(alone),
          out.resolve("kiosks"), challengeRate, random)) {
        long start = System.nanoTime();
        List<RobotVoter.Entry> v = robot.voteFor(baselineDuration);
        double s = (System.nanoTime() - start) / 1e9;
        if (!robot.awaitUploads(Duration.ofMinutes(1)) || robot.refused() > 0) {
          throw new IllegalStateException("the baseline kiosk's ballots did not all reach the board: "
              + robot.pending() + " queued, " + robot.refused() + " refused");
        }
        voted.addAll(v);
        baseline = new Baseline(s, v.size(), v.size() / s, percentile(sorted(v, RobotVoter.Entry::receiptNanos),
            0.5), percentile(sorted(v, RobotVoter.Entry::encryptNanos), 0.5));
      }
      log.printf("%d robot kiosks voting for %d s against %s ...%n", kiosks, duration.toSeconds(), board.uri());
      List<RobotVoter.Entry> loaded;
      long pendingAtEnd;
      long refused;
      long stillQueued;
      double seconds;
      Path boardFile = out.resolve("board.json");
      try (var robots = new org.evote.launcher.election.RobotKiosks(config, board.uri(), creds,
          out.resolve("kiosks"), challengeRate, random)) {
        long start = System.nanoTime();
        loaded = robots.voteFor(duration);
        voted.addAll(loaded);
        seconds = (System.nanoTime() - start) / 1e9;
        pendingAtEnd = robots.pending();
        boolean uploaded = robots.awaitUploads(Duration.ofMinutes(2));
        refused = robots.refused();
        stillQueued = uploaded ? 0 : robots.pending();
        board.download(boardFile.getParent(), java.util.Optional.empty(), Duration.ofMinutes(1));
      }
      List<String> problems = new ArrayList<>();
      if (stillQueued > 0) {
        problems.add(stillQueued + " ballots still queued in the kiosks two minutes after voting ended");
      }
      if (refused > 0) {
        problems.add("the board refused " + refused + " ballots");
      }
      problems.addAll(BoardAudit.problems(BoardAudit.ballots(boardFile), voted));
      log.printf("verifying the board (%d ballots) ...%n", voted.size());
      VerificationReport report = RecordFiles.verify(electionFile, boardFile, null, random,
          Runtime.getRuntime().availableProcessors(), n -> { });
      long[] latencies = sorted(loaded, RobotVoter.Entry::receiptNanos);
      return new Figures(kiosks, seconds, loaded.size(), pendingAtEnd, loaded.size() / seconds,
          percentile(latencies, 0.50), percentile(latencies, 0.99), percentile(latencies, 1.0),
          percentile(sorted(loaded, RobotVoter.Entry::encryptNanos), 0.50), baseline, problems, report.isValid());
    }
  }

  private static long[] sorted(List<RobotVoter.Entry> entries, java.util.function.ToLongFunction<RobotVoter.Entry> f) {
    return entries.stream().mapToLong(f).sorted().toArray();
  }

  static double percentile(long[] sortedNanos, double q) {
    if (sortedNanos.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(q * sortedNanos.length) - 1;
    return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, i))] / 1e6;
  }
}
