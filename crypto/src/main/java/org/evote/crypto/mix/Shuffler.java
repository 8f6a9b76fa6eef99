package org.evote.crypto.mix;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.math.ec.ECPoint;
import org.evote.crypto.elgamal.Ciphertext;
import org.evote.crypto.elgamal.ElectionPublicKey;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.SecretScalar;
import org.evote.crypto.group.internal.Curve;
import org.evote.crypto.group.internal.FixedBaseBatch;
import org.evote.crypto.group.internal.FixedBaseTable;
import org.evote.crypto.group.internal.Points;

/**
 * Re-encrypts and permutes a list (protocol §13.2): output row i is input row ψ(i) with every ciphertext (α, β)
 * replaced by (α + r̃·G, β + r̃·K), ψ uniformly random and every r̃ fresh from {@code random}.
 */
public final class Shuffler {
  private final ElectionPublicKey key;

  public Shuffler(ElectionPublicKey key) {
    if (key == null) {
      throw new IllegalArgumentException("the shuffler needs the election key");
    }
    this.key = key;
  }

  /** The shuffled list and its secret witness. */
  public record Shuffled(List<MixRow> output, ShuffleWitness witness) {
    @Override
    public String toString() {
      return "Shuffled[" + output.size() + " rows, witness redacted]";
    }
  }

  /** Shuffles {@code input} (N ≥ 1 rows of one width). */
  public Shuffled shuffle(List<MixRow> input, SecureRandom random) {
    return shuffle(input, random, 1);
  }

  /** As {@link #shuffle(List, SecureRandom)}, the re-encryptions computed on {@code threads} threads. */
  public Shuffled shuffle(List<MixRow> input, SecureRandom random, int threads) {
    int n = input.size();
    if (n < 1) {
      throw new IllegalArgumentException("a shuffle needs N ≥ 1 rows");
    }
    int w = input.get(0).width();
    for (MixRow r : input) {
      if (r.width() != w) {
        throw new IllegalArgumentException("every row of a shuffle has width " + w);
      }
    }
    int[] psi = new int[n];
    for (int i = 0; i < n; i++) {
      psi[i] = i;
    }
    for (int i = n - 1; i > 0; i--) { // Fisher–Yates: uniform ψ
      int k = random.nextInt(i + 1);
      int t = psi[i];
      psi[i] = psi[k];
      psi[k] = t;
    }
    SecretScalar[][] nonces = new SecretScalar[n][w];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < w; j++) {
        nonces[i][j] = SecretScalar.random(random);
      }
    }
    ShuffleWitness witness = new ShuffleWitness(psi, nonces);
    Arrays.fill(psi, 0);
    return new Shuffled(apply(key, input, witness, threads), witness);
  }

  /** The output list of {@code witness} applied to {@code input} (also the known-answer seam of the vectors). */
  static List<MixRow> apply(ElectionPublicKey key, List<MixRow> input, ShuffleWitness witness, int threads) {
    int n = input.size();
    if (witness.size() != n) {
      throw new IllegalArgumentException("the witness has " + witness.size() + " rows, the list " + n);
    }
    int w = input.get(0).width();
    FixedBaseTable g = Points.table(Element.G);
    FixedBaseTable k = Points.table(key.element());
    MixRow[] out = new MixRow[n];
    Parallel.run(threads, n, (from, to) -> {
      FixedBaseBatch batch = new FixedBaseBatch();
      for (int i = from; i < to; i++) {
        for (int j = 0; j < w; j++) {
          java.math.BigInteger r = witness.nonce(i, j).revealSecret().toBigInteger(); // fed to point arithmetic
          batch.multiply(g, r);
          batch.multiply(k, r);
        }
      }
      batch.run();
      ECPoint[] sums = new ECPoint[2 * w * (to - from)];
      int at = 0;
      for (int i = from; i < to; i++) {
        List<Ciphertext> src = input.get(witness.source(i)).ciphertexts();
        for (int j = 0; j < w; j++) {
          sums[at] = Points.raw(src.get(j).alpha()).add(batch.result(at));
          sums[at + 1] = Points.raw(src.get(j).beta()).add(batch.result(at + 1));
          at += 2;
        }
      }
      Curve.normalizeAll(sums);
      at = 0;
      for (int i = from; i < to; i++) {
        List<Ciphertext> row = new ArrayList<>(w);
        for (int j = 0; j < w; j++) {
          row.add(new Ciphertext(Points.element(sums[at]), Points.element(sums[at + 1])));
          at += 2;
        }
        out[i] = new MixRow(row);
      }
    });
    return List.of(out);
  }
}
