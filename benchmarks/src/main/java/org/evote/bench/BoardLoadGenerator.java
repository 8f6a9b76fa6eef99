package org.evote.bench;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.evote.board.client.BoardAdmin;
import org.evote.board.client.BoardClient;
import org.evote.board.client.BoardException;
import org.evote.board.client.BoardRefusedException;
import org.evote.crypto.verify.ElectionChecks;
import org.evote.crypto.ballot.BallotEncryptor;
import org.evote.crypto.ballot.BallotSeed;
import org.evote.crypto.ballot.ConfirmationCodes;
import org.evote.crypto.ballot.EncryptedBallot;
import org.evote.crypto.ballot.PlaintextBallot;
import org.evote.crypto.ballot.RandomBallots;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.json.SignedSubmission;
import org.evote.crypto.json.Submissions;
import org.evote.crypto.keystore.AdminCredentials;

/**
 * Load generator for the ballot server (docs/performance.md): registers K fresh kiosks with an administrator
 * credential, encrypts B ballots per kiosk beforehand (so the client does not compete with the server for the
 * CPU while measuring), then K threads post them as fast as the board accepts them, each kiosk in chain order.
 * Reports accepted ballots per second and latency percentiles. Talks only to the address it is given, through
 * board-client. Given the server's process id (board-load.sh passes it), it also reports the server's CPU time
 * (user + system, all its threads) per accepted ballot, read before and after each phase through
 * {@link ProcessHandle.Info#totalCpuDuration} — on Linux the {@code utime + stime} of {@code /proc/PID/stat} — so
 * the generator's own CPU is not counted.
 *
 * <p>Usage: BoardLoadGenerator SERVER_URL ELECTION_JSON ADMIN_CREDENTIALS ADMIN_PASSPHRASE_FILE [KIOSKS=16]
 * [BALLOTS_PER_KIOSK=40] [SERVER_PID]
 */
public final class BoardLoadGenerator {
  private BoardLoadGenerator() {}

  public static void main(String[] args) throws Exception {
    URI server = URI.create(args[0]);
    ElectionConfig config = ElectionChecks.accept(JsonText.readObject(Path.of(args[1])));
    AdminCredentials credentials = AdminCredentials.read(Path.of(args[2]),
        org.evote.crypto.keystore.SecretFiles.passphrase(Path.of(args[3]), "administrator passphrase",
        "the fourth argument"));
    int kiosks = args.length > 4 ? Integer.parseInt(args[4]) : 16;
    int perKiosk = args.length > 5 ? Integer.parseInt(args[5]) : 40;
    java.util.Optional<ProcessHandle> serverProcess = args.length > 6 ? ProcessHandle.of(Long.parseLong(args[6]))
        : java.util.Optional.empty();
    SecureRandom random = new SecureRandom();
    BoardClient board = BoardClient.create(server, Duration.ofSeconds(120));
    BoardAdmin admin = board.admin(credentials, random);
    String run = Long.toString(System.currentTimeMillis(), 36);

    List<List<SignedSubmission>> bodies = new ArrayList<>();
    BallotEncryptor encryptor = new BallotEncryptor(config);
    int selections = 0;
    for (int k = 0; k < kiosks; k++) {
      String kioskId = "load-" + run + "-" + k;
      Ed25519.PrivateKey key = Ed25519.PrivateKey.generate(random);
      try {
        admin.registerKiosk(kioskId, key.publicKey());
      } catch (BoardException e) {
        throw new IllegalStateException("cannot register kiosk: " + e.getMessage(), e);
      }
      Digest chain = ConfirmationCodes.chainStart(config.extendedHash(), kioskId);
      List<SignedSubmission> mine = new ArrayList<>();
      long time = System.currentTimeMillis() / 1000 - 5;
      for (int b = 0; b < perKiosk; b++) {
        PlaintextBallot p = randomBallot(config, kioskId + "-" + b, random);
        EncryptedBallot e = encryptor.encrypt(p, BallotSeed.random(random), kioskId, time, chain);
        chain = e.confirmationCode();
        selections = e.contests().stream().mapToInt(c -> c.selections().size()).sum();
        mine.add(SignedSubmission.of(config.extendedHash(), Submissions.cast(config.extendedHash(), "r" + b, e,
            key)));
      }
      bodies.add(mine);
    }
    System.out.printf("prepared %d kiosks x %d ballots of %d selections%n", kiosks, perKiosk, selections);

    // Baseline in the same run: the same bodies under a wrong election hash, refused from the header before the
    // body is looked at, so the figure shows what HTTP costs on this machine without any JSON or cryptography.
    Digest zero = Digest.decode("00".repeat(32), "zero");
    AtomicInteger baseline = new AtomicInteger();
    List<Thread> baseThreads = new ArrayList<>();
    long baseStart = System.nanoTime();
    Duration baseCpu = cpu(serverProcess);
    for (int k = 0; k < kiosks; k++) {
      SignedSubmission first = bodies.get(k).get(0);
      SignedSubmission body = new SignedSubmission(zero, first.kind(), first.kioskId(), first.body(),
          first.signature());
      Thread t = new Thread(() -> {
        for (int i = 0; i < perKiosk; i++) {
          try {
            board.cast(body);
          } catch (BoardRefusedException expected) {
            // wrong_election: the refusal is the answer measured
          } catch (Exception e) {
            return;
          }
          baseline.incrementAndGet();
        }
      });
      t.start();
      baseThreads.add(t);
    }
    for (Thread t : baseThreads) {
      t.join();
    }
    System.out.printf("baseline (refused by the election header, no JSON or cryptography): %.1f requests/s%s%n",
        baseline.get() / ((System.nanoTime() - baseStart) / 1e9), cpuPer(serverProcess, baseCpu, baseline.get(),
            "request"));
    System.out.println("posting…");

    long[] latencies = new long[kiosks * perKiosk];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    long start = System.nanoTime();
    Duration startCpu = cpu(serverProcess);
    for (int k = 0; k < kiosks; k++) {
      List<SignedSubmission> mine = bodies.get(k);
      Thread t = new Thread(() -> {
        for (SignedSubmission body : mine) {
          long t0 = System.nanoTime();
          try {
            board.cast(body);
          } catch (BoardRefusedException e) {
            failures.incrementAndGet();
            System.err.println("refused: " + e.error());
            return;
          } catch (Exception e) {
            failures.incrementAndGet();
            return;
          }
          latencies[next.getAndIncrement()] = System.nanoTime() - t0;
        }
      });
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    int n = next.get();
    String serverCpu = cpuPer(serverProcess, startCpu, n, "accepted ballot");
    if (n == 0) {
      System.out.println("no ballot was accepted; failures " + failures.get());
      System.exit(1);
    }
    long[] done = Arrays.copyOf(latencies, n);
    Arrays.sort(done);
    System.out.printf("accepted %d ballots in %.2f s: %.1f ballots/s; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms;"
        + " failures %d%n", n, seconds, n / seconds, pct(done, 0.50), pct(done, 0.99), done[n - 1] / 1e6,
        failures.get());
    if (!serverCpu.isEmpty()) {
      System.out.println(serverCpu.replaceFirst("^; ", ""));
    }
  }

  /** The server's CPU time so far (user + system), or zero if it cannot be read. */
  static Duration cpu(java.util.Optional<ProcessHandle> server) {
    return server.flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO);
  }

  /** "; server CPU x ms per what (y s in all)" since {@code before}, or empty without a server process to read. */
  static String cpuPer(java.util.Optional<ProcessHandle> server, Duration before, int count, String what) {
    if (server.isEmpty() || server.get().info().totalCpuDuration().isEmpty() || count == 0) {
      return "";
    }
    double ms = (cpu(server).minus(before).toNanos()) / 1e6;
    return String.format("; server CPU %.2f ms per %s (%.1f s in all)", ms / count, what, ms / 1000);
  }

  static double pct(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
  }

  /** A random valid ballot of the manifest's first style. */
  static PlaintextBallot randomBallot(ElectionConfig config, String id, SecureRandom random) {
    return RandomBallots.forStyle(config.manifest(), id, config.manifest().ballotStyles().get(0).id(), random);
  }
}
