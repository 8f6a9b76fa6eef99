package org.evote.crypto.mix;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.math.ec.ECPoint;
import org.evote.crypto.elgamal.Ciphertext;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.P256;
import org.evote.crypto.group.Scalar;
import org.evote.crypto.group.internal.Curve;
import org.evote.crypto.group.internal.FixedBaseBatch;
import org.evote.crypto.group.internal.FixedBaseTable;
import org.evote.crypto.group.internal.Msm;
import org.evote.crypto.group.internal.Points;

/**
 * The proof of shuffle (protocol §13.3): Terelius–Wikström, as the pseudo-code of Haenni, Locher, Koenig and Dubuis
 * (FC 2017) gives it for CHVote, on P-256 and for rows of w ciphertexts, made non-interactive by strong Fiat–Shamir
 * over the whole {@link ShuffleStatement}, with commitment generators from {@link Generators}.
 *
 * <p>Security note: the prover's multiplications by its nonces are not constant-time (fixed-base tables and the
 * bucket method index memory by the scalar), the trade-off §1.5 records for guardians: a mixer runs offline on its
 * own machine with no untrusted code beside it.
 */
public final class ShuffleProver {
  private static final BigInteger Q = P256.Q;

  private ShuffleProver() {}

  /** Proves {@code statement} with its witness; every nonce fresh from {@code random}. */
  public static ShuffleProof prove(ShuffleStatement statement, ShuffleWitness witness, SecureRandom random) {
    return prove(statement, witness, random, 1);
  }

  /** As {@link #prove(ShuffleStatement, ShuffleWitness, SecureRandom)} on {@code threads} threads. */
  public static ShuffleProof prove(ShuffleStatement statement, ShuffleWitness witness, SecureRandom random,
      int threads) {
    ShuffleNonces nonces = ShuffleNonces.random(statement.size(), statement.width(), random);
    try {
      return prove(statement, witness, nonces, threads);
    } finally {
      nonces.destroy();
    }
  }

  /**
   * As {@link #prove(ShuffleStatement, ShuffleWitness, SecureRandom, int)} with the generators of §13.1 already
   * computed ({@link Generators#forShuffle}, at least N of them): a cascade's mixes of one list share them.
   */
  public static ShuffleProof prove(ShuffleStatement statement, ShuffleWitness witness, SecureRandom random,
      int threads, Generators.ShuffleGenerators generators) {
    ShuffleNonces nonces = ShuffleNonces.random(statement.size(), statement.width(), random);
    try {
      return prove(statement, witness, nonces, threads, generators);
    } finally {
      nonces.destroy();
    }
  }

  /** The known-answer seam: the same proof with the nonces given (test vectors only; package-private). */
  static ShuffleProof prove(ShuffleStatement st, ShuffleWitness witness, ShuffleNonces nonces, int threads) {
    return prove(st, witness, nonces, threads, Generators.forShuffle(st.extendedHash(), st.size(), threads));
  }

  private static ShuffleProof prove(ShuffleStatement st, ShuffleWitness witness, ShuffleNonces nonces, int threads,
      Generators.ShuffleGenerators all) {
    int n = st.size();
    int w = st.width();
    if (witness.size() != n || nonces.size() != n || nonces.width() != w) {
      throw new IllegalArgumentException("witness and nonces must match the statement's N and w");
    }
    Generators.ShuffleGenerators gens = Generators.prefix(all, n);
    FixedBaseTable gT = Points.table(Element.G);
    FixedBaseTable hT = new FixedBaseTable(Points.raw(gens.h()));

    // Permutation commitment: c_ψ(i) = r_ψ(i)·G + h_i.
    BigInteger[] r = secrets(nonces.r);
    ECPoint[] cs = new ECPoint[n];
    int[] psi = new int[n];
    for (int i = 0; i < n; i++) {
      psi[i] = witness.source(i);
    }
    Parallel.run(threads, n, (from, to) -> {
      FixedBaseBatch b = new FixedBaseBatch();
      for (int i = from; i < to; i++) {
        b.multiply(gT, r[psi[i]]);
      }
      b.run();
      for (int i = from; i < to; i++) {
        cs[psi[i]] = b.result(i - from).add(Points.raw(gens.hs().get(i)));
      }
    });
    List<Element> commitments = elements(cs);

    Scalar[] u = ShuffleHashes.challenges(st, commitments);
    BigInteger[] uP = new BigInteger[n]; // u'_i = u_ψ(i)
    for (int i = 0; i < n; i++) {
      uP[i] = u[psi[i]].toBigInteger();
    }
    // Commitment chain ĉ_i = r̂_i·G + u'_i·ĉ_{i−1}, ĉ_0 = h, i.e. ĉ_i = x_i·G + y_i·h with x_i = r̂_i + u'_i·x_{i−1},
    // y_i = u'_i·y_{i−1} (x_0 = 0, y_0 = 1); t̂_i = ω̂_i·G + ω'_i·ĉ_{i−1} = (ω̂_i + ω'_i·x_{i−1})·G + ω'_i·y_{i−1}·h.
    BigInteger[] rHat = secrets(nonces.rHat);
    BigInteger[] omHat = secrets(nonces.omegaHat);
    BigInteger[] omP = secrets(nonces.omegaPrime);
    BigInteger[] x = new BigInteger[n + 1];
    BigInteger[] y = new BigInteger[n + 1];
    x[0] = BigInteger.ZERO;
    y[0] = BigInteger.ONE;
    for (int i = 1; i <= n; i++) {
      x[i] = rHat[i - 1].add(uP[i - 1].multiply(x[i - 1])).mod(Q);
      y[i] = uP[i - 1].multiply(y[i - 1]).mod(Q);
    }
    ECPoint[] chainP = new ECPoint[n];
    ECPoint[] tHatP = new ECPoint[n];
    Parallel.run(threads, n, (from, to) -> {
      // The G parts in one batch over G's wide table; the h parts with h's 12-bit table, which is built per proof
      // (h's wide table would cost more to build than it saves on 2N multiplications).
      FixedBaseBatch b = new FixedBaseBatch();
      for (int i = from; i < to; i++) {
        b.multiply(gT, x[i + 1]);
        b.multiply(gT, omHat[i].add(omP[i].multiply(x[i])).mod(Q));
      }
      b.run();
      for (int i = from; i < to; i++) {
        chainP[i] = b.result(2 * (i - from)).add(hT.multiply(y[i + 1]));
        tHatP[i] = b.result(2 * (i - from) + 1).add(hT.multiply(omP[i].multiply(y[i]).mod(Q)));
      }
    });
    List<Element> chain = elements(chainP);
    List<Element> tHat = elements(tHatP);

    // t_1 = ω_1·G, t_2 = ω_2·G, t_3 = ω_3·G + Σ ω'_i·h_i,
    // t_{4,j}^α = −ω_{4,j}·G + Σ ω'_i·α̃_{i,j}, t_{4,j}^β = −ω_{4,j}·K + Σ ω'_i·β̃_{i,j}.
    ECPoint[] hs = new ECPoint[n];
    for (int i = 0; i < n; i++) {
      hs[i] = Points.raw(gens.hs().get(i));
    }
    BigInteger[] om4 = secrets(nonces.omega4);
    FixedBaseTable kT = Points.table(st.jointKey().element());
    ECPoint[] ts = new ECPoint[3 + 2 * w];
    List<Runnable> jobs = new ArrayList<>();
    jobs.add(() -> ts[2] = Msm.sumWithSecretScalars(hs, omP, n).add(gT.multiply(nonces.omega3.revealSecret().toBigInteger())));
    for (int j = 0; j < w; j++) {
      int jj = j;
      jobs.add(() -> {
        ECPoint[] a = new ECPoint[n];
        ECPoint[] bb = new ECPoint[n];
        for (int i = 0; i < n; i++) {
          Ciphertext ct = st.output().get(i).ciphertexts().get(jj);
          a[i] = Points.raw(ct.alpha());
          bb[i] = Points.raw(ct.beta());
        }
        BigInteger neg = Q.subtract(om4[jj]).mod(Q);
        ts[3 + 2 * jj] = Msm.sumWithSecretScalars(a, omP, n).add(gT.multiply(neg));
        ts[4 + 2 * jj] = Msm.sumWithSecretScalars(bb, omP, n).add(kT.multiply(neg));
      });
    }
    Parallel.tasks(threads, jobs);
    ts[0] = gT.multiply(nonces.omega1.revealSecret().toBigInteger());
    ts[1] = gT.multiply(nonces.omega2.revealSecret().toBigInteger());
    List<Element> tList = elements(ts);
    List<Element> t4a = new ArrayList<>(w);
    List<Element> t4b = new ArrayList<>(w);
    for (int j = 0; j < w; j++) {
      t4a.add(tList.get(3 + 2 * j));
      t4b.add(tList.get(4 + 2 * j));
    }
    Scalar c = ShuffleHashes.challenge(st, commitments, chain, tList.get(0), tList.get(1), tList.get(2), t4a, t4b,
        tHat);
    BigInteger cb = c.toBigInteger();

    // Responses (responses s = ω − c·secret, as in the pseudo-code).
    BigInteger rBar = BigInteger.ZERO;
    BigInteger rTilde = BigInteger.ZERO;
    for (int k = 0; k < n; k++) {
      rBar = rBar.add(r[k]);
      rTilde = rTilde.add(r[k].multiply(u[k].toBigInteger()));
    }
    BigInteger rHatSum = x[n]; // Σ r̂_i·v_i with v_i = Π_{k>i} u'_k, which is x_N
    Scalar s1 = response(nonces.omega1.revealSecret().toBigInteger(), cb, rBar);
    Scalar s2 = response(nonces.omega2.revealSecret().toBigInteger(), cb, rHatSum);
    Scalar s3 = response(nonces.omega3.revealSecret().toBigInteger(), cb, rTilde);
    List<Scalar> s4 = new ArrayList<>(w);
    for (int j = 0; j < w; j++) {
      BigInteger rr = BigInteger.ZERO;
      for (int i = 0; i < n; i++) {
        rr = rr.add(witness.nonce(i, j).revealSecret().toBigInteger().multiply(uP[i]));
      }
      s4.add(response(om4[j], cb, rr));
    }
    List<Scalar> sHat = new ArrayList<>(n);
    List<Scalar> sPrime = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      sHat.add(response(omHat[i], cb, rHat[i]));
      sPrime.add(response(omP[i], cb, uP[i]));
    }
    Arrays.fill(psi, 0);
    return new ShuffleProof(commitments, chain, tList.get(0), tList.get(1), tList.get(2), t4a, t4b, tHat, s1, s2,
        s3, s4, sHat, sPrime);
  }

  /** ω − c·secret mod q. */
  private static Scalar response(BigInteger omega, BigInteger c, BigInteger secret) {
    return Scalar.reduce(omega.subtract(c.multiply(secret)));
  }

  private static BigInteger[] secrets(org.evote.crypto.group.SecretScalar[] s) {
    BigInteger[] out = new BigInteger[s.length];
    for (int i = 0; i < s.length; i++) {
      out[i] = s[i].revealSecret().toBigInteger(); // fed to point arithmetic and masked into responses
    }
    return out;
  }

  private static List<Element> elements(ECPoint[] ps) {
    Curve.normalizeAll(ps);
    Element[] out = new Element[ps.length];
    for (int i = 0; i < ps.length; i++) {
      out[i] = Points.element(ps[i]);
    }
    return List.of(out);
  }
}
