package org.evote.bench;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.evote.crypto.ballot.BallotEncryptor;
import org.evote.crypto.ballot.BallotSeed;
import org.evote.crypto.ballot.ConfirmationCodes;
import org.evote.crypto.ballot.EncryptedBallot;
import org.evote.crypto.ballot.PlaintextBallot;
import org.evote.crypto.ceremony.KeyCeremony;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.election.ElectionHashes;
import org.evote.crypto.json.ManifestJson;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.verify.BallotVerifier;
import org.evote.crypto.verify.VerificationResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Batch verification across ballots (protocol §4.5): decoded 60-selection ballots of {@link BallotBenchmark}'s
 * manifest verified together ({@link BallotVerifier#verifyAll}, one combination of all their proofs) against the
 * same ballots verified one at a time ({@link BallotVerifier#verify}) — the baseline, in the same run. Every figure
 * is per ballot ({@code @OperationsPerInvocation}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class BatchBenchmark {
  BallotVerifier verifier;
  List<EncryptedBallot> ballots64;
  List<EncryptedBallot> ballots16;

  @Setup
  public void setUp() {
    SecureRandom random = new SecureRandom();
    Manifest manifest = ManifestJson.decode(BallotBenchmark.manifestJson());
    var outcome = KeyCeremony.run(ElectionHashes.baseHash(manifest, 3, 2), 3, 2, random);
    ElectionConfig config = new ElectionConfig(manifest, 3, 2, outcome.records());
    BallotEncryptor encryptor = new BallotEncryptor(config);
    verifier = new BallotVerifier(config, random);
    ballots64 = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      Map<String, List<String>> choices = new LinkedHashMap<>();
      for (int c = 0; c < BallotBenchmark.CONTESTS; c++) {
        choices.put("contest-" + c, List.of("sel-" + c + "-" + ((c + i) % BallotBenchmark.SELECTIONS)));
      }
      ballots64.add(encryptor.encrypt(new PlaintextBallot("ballot-" + i, "all", choices), BallotSeed.random(random),
          "kiosk-1", 1_800_000_000L, ConfirmationCodes.chainStart(config.extendedHash(), "kiosk-1")));
    }
    ballots16 = ballots64.subList(0, 16);
    if (!verifier.verifyAll(ballots64).stream().allMatch(VerificationResult::isValid)) {
      throw new IllegalStateException("benchmark ballots do not verify");
    }
  }

  /** 16 ballots in one combination, per ballot. */
  @Benchmark
  @OperationsPerInvocation(16)
  public List<VerificationResult> together16() {
    return verifier.verifyAll(ballots16);
  }

  /** Baseline: the same 16 ballots one at a time, per ballot. */
  @Benchmark
  @OperationsPerInvocation(16)
  public void oneAtATime16(Blackhole bh) {
    for (EncryptedBallot b : ballots16) {
      bh.consume(verifier.verify(b));
    }
  }

  /** 64 ballots in one combination (the record verifier's combination size), per ballot. */
  @Benchmark
  @OperationsPerInvocation(64)
  public List<VerificationResult> together64() {
    return verifier.verifyAll(ballots64);
  }

  /** Baseline: the same 64 ballots one at a time, per ballot. */
  @Benchmark
  @OperationsPerInvocation(64)
  public void oneAtATime64(Blackhole bh) {
    for (EncryptedBallot b : ballots64) {
      bh.consume(verifier.verify(b));
    }
  }
}
