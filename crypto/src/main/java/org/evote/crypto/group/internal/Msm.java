package org.evote.crypto.group.internal;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Multi-scalar multiplication Σ k_i·P_i, the core of batch verification (protocol §4.5). Small sums use Bouncy
 * Castle's interleaved wNAF; larger ones Pippenger's bucket method ({@link FastMsm}), whose cost per point falls as the sum grows.
 * Where the native library is loaded ({@link NativeMsm}, {@code -Devote.msm}), sums go to it instead.
 *
 * <p>{@link #sum} is for public data only: none of its paths is constant-time, and it may use the native code. Its
 * callers are verifiers — the proof equations of {@code proof.EquationChecker} and {@code mix.ShuffleBatch}
 * (published points, public scalars and the verifier's own random weights) and
 * {@code ceremony.Polynomials.evaluateInExponent} over published commitments (§7). A sum with secret scalars (the
 * shuffle prover's nonces ω′_i, §13.3) uses {@link #sumWithSecretScalars}, which never leaves Java (protocol §1.5:
 * native code never sees a secret); it is not constant-time either, which §13.3 states.
 */
public final class Msm {
  private static final int PIPPENGER_THRESHOLD = 24;

  private Msm() {}

  /** Σ ks[i]·ps[i] over public data; scalars must be in [0, 2^256). Points are best passed normalized (affine). */
  public static ECPoint sum(ECPoint[] ps, BigInteger[] ks, int n) {
    if (NativeMsm.use(n)) {
      return NativeMsm.sum(ps, ks, n); // native14: public data only, see NativeMsm
    }
    return javaSum(ps, ks, n);
  }

  /** Σ ks[i]·ps[i] where the scalars are secret: the same sum, always in Java, never the native library. */
  public static ECPoint sumWithSecretScalars(ECPoint[] ps, BigInteger[] ks, int n) {
    return javaSum(ps, ks, n);
  }

  private static ECPoint javaSum(ECPoint[] ps, BigInteger[] ks, int n) {
    if (n == 0) {
      return Curve.CURVE.getInfinity();
    }
    if (n < PIPPENGER_THRESHOLD) {
      ECPoint[] p = new ECPoint[n];
      BigInteger[] k = new BigInteger[n];
      System.arraycopy(ps, 0, p, 0, n);
      System.arraycopy(ks, 0, k, 0, n);
      return ECAlgorithms.sumOfMultiplies(p, k);
    }
    return FastMsm.sum(ps, ks, n);
  }
}
