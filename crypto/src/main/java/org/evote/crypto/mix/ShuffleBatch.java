package org.evote.crypto.mix;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.math.ec.ECPoint;
import org.evote.crypto.elgamal.Ciphertext;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.P256;
import org.evote.crypto.group.Scalar;
import org.evote.crypto.group.internal.Msm;
import org.evote.crypto.group.internal.Points;

/**
 * The equations of §13.4 as one random linear combination Σ ρ_E·E = O, with the coefficient of every point written
 * out: the statement's ciphertexts appear only in the equations (4α) and (4β), so their terms are summed over chunks
 * of {@value #CHUNK} rows, each its own multi-scalar multiplication (in parallel, and without a second copy of the
 * whole list in memory); the proof's points and the generators are one more.
 */
final class ShuffleBatch {
  private static final BigInteger Q = P256.Q;
  private static final BigInteger HALF_Q = Q.shiftRight(1);
  private static final int CHUNK = 1024;
  private static final int WEIGHT_BYTES = 16;

  private ShuffleBatch() {}

  /** True if the combination of all equations is the identity (all equations hold, except with prob. 2^−128). */
  static boolean holds(ShuffleStatement st, ShuffleProof proof, Generators.ShuffleGenerators gens, Scalar[] u,
      Scalar challenge, SecureRandom random, int threads) {
    int n = st.size();
    int w = st.width();
    byte[] pool = new byte[WEIGHT_BYTES * (3 + 2 * w + n)];
    random.nextBytes(pool);
    BigInteger[] rho = new BigInteger[3 + 2 * w + n]; // ρ_1, ρ_2, ρ_3, ρ_{4,j}^α, ρ_{4,j}^β, ρ̂_i: uniform in [1, 2^128]
    for (int e = 0; e < rho.length; e++) {
      rho[e] = new BigInteger(1, pool, WEIGHT_BYTES * e, WEIGHT_BYTES).add(BigInteger.ONE);
    }
    BigInteger r1 = rho[0];
    BigInteger r2 = rho[1];
    BigInteger r3 = rho[2];
    BigInteger[] ra = Arrays.copyOfRange(rho, 3, 3 + w);
    BigInteger[] rb = Arrays.copyOfRange(rho, 3 + w, 3 + 2 * w);
    BigInteger[] rh = Arrays.copyOfRange(rho, 3 + 2 * w, rho.length);
    BigInteger c = challenge.toBigInteger();
    BigInteger[] cu = new BigInteger[n];
    BigInteger[] sP = new BigInteger[n];
    BigInteger uProd = BigInteger.ONE;
    for (int i = 0; i < n; i++) {
      cu[i] = c.multiply(u[i].toBigInteger()).mod(Q);
      sP[i] = proof.sPrime().get(i).toBigInteger();
      uProd = uProd.multiply(u[i].toBigInteger()).mod(Q);
    }

    // G and K: ρ_1·s_1 + ρ_2·s_2 + ρ_3·s_3 − Σ_j ρ_{4,j}^α·s_{4,j} + Σ_i ρ̂_i·ŝ_i, and −Σ_j ρ_{4,j}^β·s_{4,j}.
    BigInteger g = r1.multiply(proof.s1().toBigInteger()).add(r2.multiply(proof.s2().toBigInteger()))
        .add(r3.multiply(proof.s3().toBigInteger()));
    BigInteger k = BigInteger.ZERO;
    for (int j = 0; j < w; j++) {
      BigInteger s4 = proof.s4().get(j).toBigInteger();
      g = g.subtract(ra[j].multiply(s4));
      k = k.subtract(rb[j].multiply(s4));
    }
    for (int i = 0; i < n; i++) {
      g = g.add(rh[i].multiply(proof.sHat().get(i).toBigInteger()));
    }

    // The proof's points and the generators.
    int m = 4 * n + 2 * w + 4;
    ECPoint[] ps = new ECPoint[m];
    BigInteger[] ks = new BigInteger[m];
    Terms t = new Terms(ps, ks);
    t.add(gens.h(), rh[0].multiply(sP[0]).subtract(r2.multiply(c).multiply(uProd)));
    List<Element> chain = proof.chain();
    for (int i = 0; i < n; i++) {
      t.add(gens.hs().get(i), r3.multiply(sP[i]).subtract(r1.multiply(c)));
      t.add(proof.permutationCommitments().get(i), r1.multiply(c).add(r3.multiply(cu[i])));
      BigInteger link = rh[i].multiply(c);
      link = link.add(i + 1 < n ? rh[i + 1].multiply(sP[i + 1]) : r2.multiply(c));
      t.add(chain.get(i), link);
      t.add(proof.tHat().get(i), rh[i].negate());
    }
    t.add(proof.t1(), r1.negate());
    t.add(proof.t2(), r2.negate());
    t.add(proof.t3(), r3.negate());
    for (int j = 0; j < w; j++) {
      t.add(proof.t4Alpha().get(j), ra[j].negate());
      t.add(proof.t4Beta().get(j), rb[j].negate());
    }
    ECPoint fixed = Msm.sum(ps, ks, t.size);
    BigInteger gr = g.mod(Q);
    if (gr.signum() != 0) {
      fixed = fixed.add(Points.gPow(Scalar.of(gr)));
    }
    BigInteger kr = k.mod(Q);
    if (kr.signum() != 0) {
      fixed = fixed.add(Points.table(st.jointKey().element()).multiply(kr));
    }

    // The lists, in chunks of rows: α_{i,j}: ρ_{4,j}^α·c·u_i, β_{i,j}: ρ_{4,j}^β·c·u_i, α̃_{i,j}: ρ_{4,j}^α·s'_i,
    // β̃_{i,j}: ρ_{4,j}^β·s'_i.
    int chunks = (n + CHUNK - 1) / CHUNK;
    ECPoint[] partial = new ECPoint[chunks];
    Parallel.run(threads, chunks, (from, to) -> {
      for (int ch = from; ch < to; ch++) {
        int a = ch * CHUNK;
        int b = Math.min(n, a + CHUNK);
        ECPoint[] pp = new ECPoint[4 * w * (b - a)];
        BigInteger[] kk = new BigInteger[pp.length];
        Terms rows = new Terms(pp, kk);
        for (int i = a; i < b; i++) {
          List<Ciphertext> in = st.input().get(i).ciphertexts();
          List<Ciphertext> out = st.output().get(i).ciphertexts();
          for (int j = 0; j < w; j++) {
            rows.add(in.get(j).alpha(), ra[j].multiply(cu[i]));
            rows.add(in.get(j).beta(), rb[j].multiply(cu[i]));
            rows.add(out.get(j).alpha(), ra[j].multiply(sP[i]));
            rows.add(out.get(j).beta(), rb[j].multiply(sP[i]));
          }
        }
        partial[ch] = Msm.sum(pp, kk, rows.size);
      }
    });
    ECPoint sum = fixed;
    for (ECPoint p : partial) {
      sum = sum.add(p);
    }
    return sum.isInfinity();
  }

  /** Terms s·P with s reduced mod q, zero terms and the identity dropped, s > q/2 written as (q − s)·(−P). */
  private static final class Terms {
    final ECPoint[] ps;
    final BigInteger[] ks;
    int size;

    Terms(ECPoint[] ps, BigInteger[] ks) {
      this.ps = ps;
      this.ks = ks;
    }

    void add(Element e, BigInteger s) {
      BigInteger r = s.mod(Q);
      ECPoint p = Points.raw(e);
      if (r.signum() == 0 || p.isInfinity()) {
        return;
      }
      if (r.compareTo(HALF_Q) > 0) {
        r = Q.subtract(r);
        p = p.negate();
      }
      ps[size] = p;
      ks[size] = r;
      size++;
    }
  }
}
