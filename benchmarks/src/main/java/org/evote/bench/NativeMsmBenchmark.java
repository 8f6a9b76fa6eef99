package org.evote.bench;

import java.math.BigInteger;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.math.ec.ECPoint;
import org.evote.crypto.group.internal.Curve;
import org.evote.crypto.group.internal.Msm;
import org.evote.crypto.group.internal.NativeMsm;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One multi-scalar multiplication {@link Msm#sum} of n random points and scalars, native against the pure-Java path
 * in the same run: each benchmark forks its own JVM with {@code -Devote.msm=native} or {@code -Devote.msm=java}.
 * n = 400 is about one 60-selection ballot's batch; 6400 about sixteen ballots batched together.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
public class NativeMsmBenchmark {
  @Param({"400", "6400"})
  int n;

  ECPoint[] points;
  BigInteger[] scalars;

  @Setup
  public void setUp() {
    if ("native".equals(System.getProperty("evote.msm")) && !NativeMsm.loaded()) {
      throw new IllegalStateException("native MSM not loaded: " + NativeMsm.unavailableReason().orElse("?"));
    }
    Random rnd = new Random(14);
    points = new ECPoint[n];
    scalars = new BigInteger[n];
    ECPoint step = Curve.G.multiply(new BigInteger(256, rnd)).normalize();
    ECPoint p = Curve.G.multiply(new BigInteger(256, rnd));
    for (int i = 0; i < n; i++) {
      points[i] = p;
      p = p.add(step);
      scalars[i] = new BigInteger(256, rnd).mod(Curve.ORDER);
    }
    Curve.normalizeAll(points);
  }

  @Benchmark
  @Fork(value = 1, jvmArgsAppend = "-Devote.msm=native")
  public ECPoint nativeMsm() {
    return Msm.sum(points, scalars, n);
  }

  @Benchmark
  @Fork(value = 1, jvmArgsAppend = "-Devote.msm=java")
  public ECPoint javaMsm() {
    return Msm.sum(points, scalars, n);
  }
}
