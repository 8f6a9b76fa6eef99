package org.evote.bench;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.evote.crypto.group.internal.Curve;
import org.evote.crypto.group.internal.Msm;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-thread cost of the Java multi-scalar multiplication ({@link Msm#sum}) as batch verification produces it:
 * random affine points with scalars half of 128 bits (the weights on proof commitments) and half full-size (the
 * merged weights on ciphertexts), at n = 400 (one 60-selection ballot) and n = 6400 (a batch of 16 ballots), with
 * Bouncy Castle's {@link ECAlgorithms#sumOfMultiplies} at n = 400 as the same-run baseline (docs/performance.md).
 * Where {@code Msm.sum} can dispatch to a native implementation, run with {@code -jvmArgs -Devote.msm=java} to
 * measure the Java path.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 6, time = 2)
@Fork(1)
@Threads(1)
public class MsmBenchmark {
  static final int SMALL = 400;
  static final int LARGE = 6400;

  ECPoint[] points;
  BigInteger[] scalars;
  ECPoint[] small;
  BigInteger[] smallScalars;

  @Setup
  public void setUp() {
    Random random = new Random(14); // public benchmark data, not key material
    BigInteger q = Curve.ORDER;
    points = new ECPoint[LARGE];
    scalars = new BigInteger[LARGE];
    ECPoint step = Curve.G.multiply(new BigInteger(250, random));
    ECPoint p = Curve.G.multiply(new BigInteger(250, random));
    for (int i = 0; i < LARGE; i++) {
      p = p.add(step);
      points[i] = p;
      scalars[i] = i % 2 == 0 ? new BigInteger(128, random) : new BigInteger(256, random).mod(q);
    }
    Curve.normalizeAll(points);
    small = Arrays.copyOf(points, SMALL);
    smallScalars = Arrays.copyOf(scalars, SMALL);
  }

  /** The Java MSM on one ballot's worth of terms. */
  @Benchmark
  public ECPoint javaMsm400() {
    return Msm.sum(points, scalars, SMALL);
  }

  /** The Java MSM on sixteen ballots' worth of terms (batching across ballots). */
  @Benchmark
  public ECPoint javaMsm6400() {
    return Msm.sum(points, scalars, LARGE);
  }

  /** Baseline: Bouncy Castle's interleaved wNAF multi-scalar multiplication on the same 400 terms. */
  @Benchmark
  public ECPoint baselineBouncyCastleSumOfMultiplies400() {
    return ECAlgorithms.sumOfMultiplies(small, smallScalars).normalize();
  }
}
