package org.evote.bench;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.evote.crypto.elgamal.Ciphertext;
import org.evote.crypto.elgamal.ElectionPublicKey;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.Scalar;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.mix.MixRow;
import org.evote.crypto.mix.ShuffleProof;
import org.evote.crypto.mix.ShuffleProver;
import org.evote.crypto.mix.ShuffleStatement;
import org.evote.crypto.mix.ShuffleVerifier;
import org.evote.crypto.mix.Shuffler;
import org.evote.crypto.proof.ProofCheck;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The proof of shuffle (protocol §13.2–§13.4) on N = 1,000 rows of w = 8 ciphertexts: shuffle + prove, and verify
 * (batched: one random linear combination), each figure per ciphertext ({@code @OperationsPerInvocation} = N·w),
 * with {@code threads} worker threads inside the operation (the benchmark itself runs on one JMH thread).
 * Quick run: {@code java -jar benchmarks/target/benchmarks.jar ShuffleBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@Threads(1)
public class ShuffleBenchmark {
  static final int N = 1000;
  static final int W = 8;

  @Param({"2"})
  public int threads;

  SecureRandom random;
  ElectionPublicKey key;
  Digest extendedHash;
  List<MixRow> input;
  ShuffleStatement statement;
  ShuffleProof proof;

  @Setup
  public void setUp() {
    random = new SecureRandom();
    key = new ElectionPublicKey(Element.gPow(Scalar.random(random)));
    byte[] h = new byte[32];
    random.nextBytes(h);
    extendedHash = Digest.of(h);
    input = new ArrayList<>(N);
    for (int i = 0; i < N; i++) {
      List<Ciphertext> row = new ArrayList<>(W);
      for (int j = 0; j < W; j++) {
        Scalar r = Scalar.random(random);
        row.add(new Ciphertext(Element.gPow(r), key.multiply(r).add(Element.gPow(Scalar.of(j + 1)))));
      }
      input.add(new MixRow(row));
    }
    Shuffler.Shuffled s = new Shuffler(key).shuffle(input, random, threads);
    statement = new ShuffleStatement(extendedHash, key, "mayor", 1, 1, input, s.output());
    proof = ShuffleProver.prove(statement, s.witness(), random, threads);
    if (!ShuffleVerifier.verify(statement, proof, random, threads).isValid()) {
      throw new IllegalStateException("the benchmark's proof of shuffle does not verify");
    }
  }

  /** Shuffle N × w ciphertexts and prove it, per ciphertext. */
  @Benchmark
  @OperationsPerInvocation(N * W)
  public ShuffleProof shuffleAndProve() {
    Shuffler.Shuffled s = new Shuffler(key).shuffle(input, random, threads);
    ShuffleStatement st = new ShuffleStatement(extendedHash, key, "mayor", 1, 1, input, s.output());
    ShuffleProof p = ShuffleProver.prove(st, s.witness(), random, threads);
    s.witness().destroy();
    return p;
  }

  /** Verify the proof of a shuffle of N × w ciphertexts (batched), per ciphertext. */
  @Benchmark
  @OperationsPerInvocation(N * W)
  public ProofCheck verify() {
    return ShuffleVerifier.verify(statement, proof, random, threads);
  }
}
