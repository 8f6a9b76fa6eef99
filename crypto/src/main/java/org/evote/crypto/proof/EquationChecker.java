package org.evote.crypto.proof;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
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
  static ECPoint combine(List<Element> points, List<BigInteger> scalars) {
    int n = points.size();
    ECPoint[] ps = new ECPoint[n];
    BigInteger[] ks = new BigInteger[n];
    BigInteger half = P256.Q.shiftRight(1);
    int m = 0;
    for (int i = 0; i < n; i++) {
      BigInteger s = scalars.get(i);
      if (s.signum() == 0) {
        continue;
      }
      ECPoint p = Points.raw(points.get(i));
      if (p.isInfinity()) {
        continue;
      }
      if (s.compareTo(half) > 0) {
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
      List<BigInteger> ks = new ArrayList<>(e.scalars().size());
      for (Scalar s : e.scalars()) {
        ks.add(s.toBigInteger());
      }
      Map<ElectionPublicKey, Scalar> k = e.key() == null ? Map.of() : Map.of(e.key(), e.kCoefficient());
      ECPoint sum = combine(e.points(), ks).add(fixedPart(e.gCoefficient(), k));
      ok = sum.isInfinity();
    }

    @Override
    boolean holds() {
      return ok;
    }
  }

  private static final class Batch extends EquationChecker {
    private final SecureRandom random;
    private Scalar g = Scalar.ZERO;
    private final Map<ElectionPublicKey, Scalar> k = new HashMap<>(2);
    private final Map<Element, BigInteger> terms = new IdentityHashMap<>();

    Batch(SecureRandom random) {
      this.random = random;
    }

    @Override
    void require(Equation e) {
      Scalar rho = Scalar.of(new BigInteger(128, random).add(BigInteger.ONE));
      g = g.add(rho.multiply(e.gCoefficient()));
      if (e.key() != null) {
        k.merge(e.key(), rho.multiply(e.kCoefficient()), Scalar::add);
      }
      List<Element> ps = e.points();
      List<Scalar> ss = e.scalars();
      BigInteger r = rho.toBigInteger();
      for (int i = 0; i < ps.size(); i++) {
        BigInteger add = r.multiply(ss.get(i).toBigInteger());
        terms.merge(ps.get(i), add, (a, b) -> a.add(b));
      }
    }

    @Override
    boolean holds() {
      List<Element> ps = new ArrayList<>(terms.size());
      List<BigInteger> ks = new ArrayList<>(terms.size());
      for (Map.Entry<Element, BigInteger> t : terms.entrySet()) {
        ps.add(t.getKey());
        ks.add(t.getValue().mod(P256.Q));
      }
      return combine(ps, ks).add(fixedPart(g, k)).isInfinity();
    }
  }
}
