package org.evote.launcher.election;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.evote.board.client.BoardClient;
import org.evote.crypto.ballot.ConfirmationCodes;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.keystore.KioskCredentials;
import org.evote.kiosk.robot.RobotVoter;
import org.evote.kiosk.service.BallotCaster;
import org.evote.kiosk.service.KioskStore;
import org.evote.kiosk.service.Uploader;

/**
 * Robot kiosks voting at the same time: each is the kiosk's own code path (encrypt, sign, store in its SQLite
 * outbox, upload in chain order, wait for the board's receipt) with a {@link RobotVoter} in place of the voter,
 * on its own thread. The robots keep the plaintext truth so the tally can be checked against it.
 */
public final class RobotKiosks implements AutoCloseable {
  /** One robot kiosk. */
  public static final class Kiosk {
    private final String id;
    private final KioskStore store;
    private final Uploader uploader;
    private final RobotVoter voter;

    Kiosk(String id, KioskStore store, Uploader uploader, RobotVoter voter) {
      this.id = id;
      this.store = store;
      this.uploader = uploader;
      this.voter = voter;
    }

    public String id() {
      return id;
    }

    public KioskStore store() {
      return store;
    }

    public RobotVoter voter() {
      return voter;
    }

    /** What the poll workers would see: ballots waiting, whether the board answers, the last problem. */
    public Uploader.Status uploadStatus() {
      return uploader.status();
    }
  }

  private final List<Kiosk> kiosks = new ArrayList<>();
  private final org.evote.crypto.manifest.Manifest manifest;

  /** The kiosk's own limit on one request to the board (as {@code kiosk-client --robot} uses). */
  public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  /** Opens one robot kiosk per credential, each with its outbox in {@code dir/<kiosk id>/}. */
  public RobotKiosks(ElectionConfig config, URI board, List<KioskCredentials> credentials, Path dir,
      double challengeRate, SecureRandom random) throws IOException {
    this(config, board, credentials, dir, challengeRate, random, REQUEST_TIMEOUT);
  }

  /** As above, with another limit on each request (a network that swallows requests is found out sooner). */
  public RobotKiosks(ElectionConfig config, URI board, List<KioskCredentials> credentials, Path dir,
      double challengeRate, SecureRandom random, Duration requestTimeout) throws IOException {
    this.manifest = config.manifest();
    try {
      for (KioskCredentials c : credentials) {
        Path kioskDir = Files.createDirectories(dir.resolve(c.kioskId()));
        KioskStore store = KioskStore.open(kioskDir.resolve("kiosk.sqlite"), c.kioskId(),
            ConfirmationCodes.chainStart(config.extendedHash(), c.kioskId()));
        Uploader uploader = new Uploader(store, BoardClient.create(board, c.tlsFingerprint(), requestTimeout),
            c);
        kiosks.add(new Kiosk(c.kioskId(), store, uploader, new RobotVoter(new BallotCaster(config, c, store, uploader,
            random, Clock.systemUTC(), board, requestTimeout), random, challengeRate)));
        uploader.start();
      }
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  public List<Kiosk> kiosks() {
    return List.copyOf(kiosks);
  }

  /** Votes {@code ballots} ballots in all, shared out as evenly as possible, all kiosks at once. */
  public List<RobotVoter.Entry> vote(int ballots) throws InterruptedException {
    List<Callable<List<RobotVoter.Entry>>> jobs = new ArrayList<>();
    for (int i = 0; i < kiosks.size(); i++) {
      RobotVoter voter = kiosks.get(i).voter;
      int share = ballots / kiosks.size() + (i < ballots % kiosks.size() ? 1 : 0);
      jobs.add(() -> voter.vote(share));
    }
    return runAll(jobs);
  }

  /** Every kiosk votes one ballot after another for {@code duration}. */
  public List<RobotVoter.Entry> voteFor(Duration duration) throws InterruptedException {
    long deadline = System.nanoTime() + duration.toNanos();
    List<Callable<List<RobotVoter.Entry>>> jobs = new ArrayList<>();
    for (Kiosk k : kiosks) {
      jobs.add(() -> k.voter.voteUntil(deadline));
    }
    return runAll(jobs);
  }

  private List<RobotVoter.Entry> runAll(List<Callable<List<RobotVoter.Entry>>> jobs) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(jobs.size(), r -> {
      Thread t = new Thread(r, "robot-kiosk");
      t.setDaemon(true);
      return t;
    });
    try {
      List<RobotVoter.Entry> all = new ArrayList<>();
      for (Future<List<RobotVoter.Entry>> f : pool.invokeAll(jobs)) {
        try {
          all.addAll(f.get());
        } catch (ExecutionException e) {
          throw new IllegalStateException("a robot kiosk failed: " + e.getCause(), e.getCause());
        }
      }
      return all;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Ballots still waiting in the kiosks' outboxes. */
  public long pending() {
    return kiosks.stream().mapToLong(k -> k.store.pendingCount()).sum();
  }

  /** Waits until every outbox is empty (true) or the timeout passes (false), asking the uploaders to retry now. */
  public boolean awaitUploads(Duration timeout) throws InterruptedException {
    return Uploader.awaitEmpty(kiosks.stream().map(k -> k.uploader).toList(), timeout, Duration.ofMillis(100));
  }

  /** Outbox items the board refused (a correct kiosk has none). */
  public long refused() {
    return kiosks.stream().flatMap(k -> k.store.all().stream())
        .filter(o -> o.status() == KioskStore.Status.REFUSED).count();
  }

  /** Writes each robot's log (every ballot's choices, cast or challenged, tracking code) to {@code dir/<id>.json}. */
  public void writeLogs(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (Kiosk k : kiosks) {
      k.voter.writeLog(dir.resolve(k.id + ".json"));
    }
  }

  /**
   * The plaintext truth of the homomorphically counted contests: for each contest that is not ranked, how many cast
   * ballots marked each selection (ranked contests are checked by {@code MixedTruth}).
   */
  public Map<String, Map<String, Long>> truth() {
    Map<String, Map<String, Long>> truth = new TreeMap<>();
    for (Kiosk k : kiosks) {
      for (RobotVoter.Entry e : k.voter.log()) {
        if (!e.receipt().challenged()) {
          e.choices().forEach((contest, selections) -> {
            if (manifest.contest(contest).map(c -> !c.isRanked()).orElse(true)) {
              selections.forEach(s -> truth.computeIfAbsent(contest, c -> new TreeMap<>()).merge(s, 1L, Long::sum));
            }
          });
        }
      }
    }
    return truth;
  }

  /** All ballots voted, every kiosk's in its order. */
  public List<RobotVoter.Entry> entries() {
    List<RobotVoter.Entry> all = new ArrayList<>();
    kiosks.forEach(k -> all.addAll(k.voter.log()));
    return all;
  }

  @Override
  public void close() {
    for (Kiosk k : kiosks) {
      k.uploader.close();
      k.store.close();
    }
  }
}
