package org.evote.crypto.proof;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.math.ec.ECPoint;
import org.evote.crypto.elgamal.ElectionPublicKey;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.P256;
import org.evote.crypto.group.Scalar;
import org.evote.crypto.group.internal.Curve;
import org.evote.crypto.group.internal.Msm;
import org.evote.crypto.group.internal.Points;

/**
 * Decides {@link Equation}s (protocol §4.5). {@link #direct} checks each one as it arrives; {@link #batch} forms a
 * random linear combination Σ ρ_e·E_e with independent 128-bit weights ρ_e from the verifier's SecureRandom and
 * checks it with one multi-scalar multiplication. Package-private: callers outside use a proof's {@code verify} or a
 * {@link BatchVerifier}, which read the verdict for them.
 */
abstract class EquationChecker {
  private static final BigInteger HALF_Q = P256.Q.shiftRight(1);

  private EquationChecker() {}

  /** Requires that the equation holds. */
  abstract void require(Equation e);

  /** True if every required equation holds. */
  abstract boolean holds();

  /** A checker that evaluates each equation as it is required. */
  static EquationChecker direct() {
    return new Direct();
  }

  /** A checker that batches all equations into one check. */
  static EquationChecker batch(SecureRandom random) {
    return new Batch(random);
  }

  static ECPoint fixedPart(Scalar g, Map<ElectionPublicKey, Scalar> k) {
    ECPoint sum = g.isZero() ? Curve.infinity() : Points.gPow(g);
    for (Map.Entry<ElectionPublicKey, Scalar> e : k.entrySet()) {
      if (!e.getValue().isZero()) {
        sum = sum.add(Points.table(e.getKey().element()).multiply(e.getValue().toBigInteger()));
      }
    }
    return sum;
  }

  /** Σ s_i·P_i with each coefficient above q/2 replaced by q − s_i on −P_i, so short negative weights stay short. */
  static ECPoint combine(Element[] points, BigInteger[] scalars, int n) {
    ECPoint[] ps = new ECPoint[n];
    BigInteger[] ks = new BigInteger[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      BigInteger s = scalars[i];
      if (s.signum() == 0) {
        continue;
      }
      ECPoint p = Points.raw(points[i]);
      if (p.isInfinity()) {
        continue;
      }
      if (s.compareTo(HALF_Q) > 0) {
        s = P256.Q.subtract(s);
        p = p.negate();
      }
      ps[m] = p;
      ks[m] = s;
      m++;
    }
    return Msm.sum(ps, ks, m);
  }

  private static final class Direct extends EquationChecker {
    private boolean ok = true;

    @Override
    void require(Equation e) {
      if (!ok) {
        return;
      }
      List<Element> points = e.points();
      List<Scalar> scalars = e.scalars();
      int n = points.size();
      Element[] ps = points.toArray(new Element[n]);
      BigInteger[] ks = new BigInteger[n];
      for (int i = 0; i < n; i++) {
        ks[i] = scalars.get(i).toBigInteger();
      }
      Map<ElectionPublicKey, Scalar> k = e.key() == null ? Map.of() : Map.of(e.key(), e.kCoefficient());
      ECPoint sum = combine(ps, ks, n).add(fixedPart(e.gCoefficient(), k));
      ok = sum.isInfinity();
    }

    @Override
    boolean holds() {
      return ok;
    }
  }

  /**
   * The random linear combination. Weights are drawn from the SecureRandom {@link #WEIGHTS_PER_DRAW} at a time
   * (the same independent uniform 128-bit values, fewer calls); the coefficients of G and of each K and each point
   * are summed as integers and reduced mod q once, in {@link #holds}.
   */
  private static final class Batch extends EquationChecker {
    private static final int WEIGHT_BYTES = 16;
    private static final int WEIGHTS_PER_DRAW = 64;

    private final SecureRandom random;
    private final byte[] pool = new byte[WEIGHT_BYTES * WEIGHTS_PER_DRAW];
    private int used = pool.length;
    private BigInteger g = BigInteger.ZERO;
    private final Map<ElectionPublicKey, BigInteger> k = new HashMap<>(2);
    private final WeightedTerms terms = new WeightedTerms();

    Batch(SecureRandom random) {
      this.random = random;
    }

    /** ρ uniform in [1, 2^128]. */
    private BigInteger weight() {
      if (used == pool.length) {
        random.nextBytes(pool);
        used = 0;
      }
      BigInteger rho = new BigInteger(1, pool, used, WEIGHT_BYTES).add(BigInteger.ONE);
      used += WEIGHT_BYTES;
      return rho;
    }

    @Override
    void require(Equation e) {
      BigInteger r = weight();
      if (!e.gCoefficient().isZero()) {
        g = g.add(r.multiply(e.gCoefficient().toBigInteger()));
      }
      if (e.key() != null) {
        k.merge(e.key(), r.multiply(e.kCoefficient().toBigInteger()), BigInteger::add);
      }
      List<Element> ps = e.points();
      List<Scalar> ss = e.scalars();
      for (int i = 0; i < ps.size(); i++) {
        terms.add(ps.get(i), r, ss.get(i));
      }
    }

    @Override
    boolean holds() {
      int n = terms.size();
      Element[] ps = new Element[n];
      BigInteger[] ks = new BigInteger[n];
      for (int i = 0; i < n; i++) {
        ps[i] = terms.point(i);
        ks[i] = terms.reducedScalar(i, P256.Q);
      }
      Map<ElectionPublicKey, Scalar> keys = new HashMap<>(2);
      k.forEach((key, sum) -> keys.put(key, Scalar.reduce(sum)));
      return combine(ps, ks, n).add(fixedPart(Scalar.reduce(g), keys)).isInfinity();
    }
  }
}
