package org.evote.crypto.mix;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import org.bouncycastle.math.ec.ECPoint;
import org.evote.crypto.elgamal.ElectionPublicKey;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.P256;
import org.evote.crypto.group.internal.Curve;
import org.evote.crypto.group.internal.Msm;
import org.evote.crypto.group.internal.Points;

/**
 * A sum g·G + k·K + Σ s_P·P over public points and scalars, with the coefficient of each distinct element object
 * kept as an unreduced integer until {@link #isIdentity}, which evaluates it with one multi-scalar multiplication
 * (split over threads). Verifier-side only: public data (protocol §13.4).
 */
final class Combination {
  private static final BigInteger Q = P256.Q;
  private static final BigInteger HALF_Q = Q.shiftRight(1);

  private final Map<Element, Integer> index = new IdentityHashMap<>();
  private Element[] points = new Element[64];
  private BigInteger[] sums = new BigInteger[64];
  private int size;
  private BigInteger g = BigInteger.ZERO;
  private BigInteger k = BigInteger.ZERO;

  void g(BigInteger s) {
    g = g.add(s);
  }

  void k(BigInteger s) {
    k = k.add(s);
  }

  void term(Element p, BigInteger s) {
    Integer i = index.get(p);
    if (i == null) {
      if (size == points.length) {
        points = Arrays.copyOf(points, 2 * size);
        sums = Arrays.copyOf(sums, 2 * size);
      }
      index.put(p, size);
      points[size] = p;
      sums[size] = s;
      size++;
    } else {
      sums[i] = sums[i].add(s);
    }
  }

  /** True if the sum is the identity. */
  boolean isIdentity(ElectionPublicKey key, int threads) {
    ECPoint[] ps = new ECPoint[size];
    BigInteger[] ks = new BigInteger[size];
    int m = 0;
    for (int i = 0; i < size; i++) {
      BigInteger s = sums[i].mod(Q);
      ECPoint p = Points.raw(points[i]);
      if (s.signum() == 0 || p.isInfinity()) {
        continue;
      }
      if (s.compareTo(HALF_Q) > 0) { // short negative weights stay short
        s = Q.subtract(s);
        p = p.negate();
      }
      ps[m] = p;
      ks[m] = s;
      m++;
    }
    int count = m;
    int parts = Math.max(1, Math.min(threads, count / 256));
    ECPoint[] partial = new ECPoint[parts];
    Parallel.run(parts, parts, (from, to) -> {
      for (int t = from; t < to; t++) {
        int a = (int) ((long) count * t / parts);
        int b = (int) ((long) count * (t + 1) / parts);
        ECPoint[] pp = Arrays.copyOfRange(ps, a, b);
        BigInteger[] kk = Arrays.copyOfRange(ks, a, b);
        partial[t] = Msm.sum(pp, kk, b - a);
      }
    });
    ECPoint sum = Curve.infinity();
    for (ECPoint p : partial) {
      sum = sum.add(p);
    }
    BigInteger gr = g.mod(Q);
    if (gr.signum() != 0) {
      sum = sum.add(Points.gPow(org.evote.crypto.group.Scalar.of(gr)));
    }
    BigInteger kr = k.mod(Q);
    if (kr.signum() != 0) {
      sum = sum.add(Points.table(key.element()).multiply(kr));
    }
    return sum.isInfinity();
  }
}
