package org.evote.crypto.mix;

import java.math.BigInteger;
import java.util.List;
import org.evote.crypto.elgamal.Ciphertext;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.P256;
import org.evote.crypto.group.Scalar;

/**
 * The verification equations of a proof of shuffle (protocol §13.4), each of the form
 * g·G + k·K + Σ s·P = O, described once and handed to a {@link Sink} that either checks each on its own or
 * combines them all with random weights.
 */
final class ShuffleEquations {
  private static final BigInteger Q = P256.Q;
  private static final BigInteger MINUS_ONE = Q.subtract(BigInteger.ONE);

  /** Receives the equations in order. */
  interface Sink {
    /** Starts the equation called {@code name}. */
    void begin(String name);

    void g(BigInteger s);

    void k(BigInteger s);

    void term(Element p, BigInteger s);

    /** Ends the current equation; false stops the description (a direct check found it false). */
    boolean end();
  }

  private ShuffleEquations() {}

  /**
   * Describes every equation of §13.4 for {@code proof} against {@code st} with generators {@code gens},
   * challenges u and challenge c. Returns false if the sink stopped early.
   */
  static boolean describe(ShuffleStatement st, ShuffleProof proof, Generators.ShuffleGenerators gens, Scalar[] u,
      Scalar challenge, Sink sink) {
    int n = st.size();
    int w = st.width();
    BigInteger c = challenge.toBigInteger();
    BigInteger negC = Q.subtract(c).mod(Q);
    BigInteger[] cu = new BigInteger[n];
    BigInteger uProd = BigInteger.ONE;
    for (int i = 0; i < n; i++) {
      cu[i] = c.multiply(u[i].toBigInteger()).mod(Q);
      uProd = uProd.multiply(u[i].toBigInteger()).mod(Q);
    }
    List<Element> cs = proof.permutationCommitments();
    List<Element> chain = proof.chain();
    BigInteger[] sP = new BigInteger[n];
    for (int i = 0; i < n; i++) {
      sP[i] = proof.sPrime().get(i).toBigInteger();
    }

    // (1) c·(Σ c_i − Σ h_i) + s_1·G − t_1 = O
    sink.begin("t_1 (the permutation commitment's sum)");
    for (int i = 0; i < n; i++) {
      sink.term(cs.get(i), c);
      sink.term(gens.hs().get(i), negC);
    }
    sink.g(proof.s1().toBigInteger());
    sink.term(proof.t1(), MINUS_ONE);
    if (!sink.end()) {
      return false;
    }
    // (2) c·(ĉ_N − (Π u_i)·h) + s_2·G − t_2 = O
    sink.begin("t_2 (the commitment chain's end)");
    sink.term(chain.get(n - 1), c);
    sink.term(gens.h(), Q.subtract(c.multiply(uProd).mod(Q)).mod(Q));
    sink.g(proof.s2().toBigInteger());
    sink.term(proof.t2(), MINUS_ONE);
    if (!sink.end()) {
      return false;
    }
    // (3) c·Σ u_i·c_i + s_3·G + Σ s'_i·h_i − t_3 = O
    sink.begin("t_3 (the permutation commitment's weighted sum)");
    for (int i = 0; i < n; i++) {
      sink.term(cs.get(i), cu[i]);
      sink.term(gens.hs().get(i), sP[i]);
    }
    sink.g(proof.s3().toBigInteger());
    sink.term(proof.t3(), MINUS_ONE);
    if (!sink.end()) {
      return false;
    }
    // (4) for each j: c·Σ u_i·α_{i,j} − s_{4,j}·G + Σ s'_i·α̃_{i,j} − t_{4,j}^α = O, and the same for β with K.
    for (int j = 0; j < w; j++) {
      BigInteger negS4 = Q.subtract(proof.s4().get(j).toBigInteger()).mod(Q);
      for (int side = 0; side < 2; side++) {
        sink.begin("t_4 (the re-encryption of ciphertext " + (j + 1) + ", " + (side == 0 ? "α" : "β") + ")");
        for (int i = 0; i < n; i++) {
          Ciphertext in = st.input().get(i).ciphertexts().get(j);
          Ciphertext out = st.output().get(i).ciphertexts().get(j);
          sink.term(side == 0 ? in.alpha() : in.beta(), cu[i]);
          sink.term(side == 0 ? out.alpha() : out.beta(), sP[i]);
        }
        if (side == 0) {
          sink.g(negS4);
          sink.term(proof.t4Alpha().get(j), MINUS_ONE);
        } else {
          sink.k(negS4);
          sink.term(proof.t4Beta().get(j), MINUS_ONE);
        }
        if (!sink.end()) {
          return false;
        }
      }
    }
    // (5) for each i: c·ĉ_i + ŝ_i·G + s'_i·ĉ_{i−1} − t̂_i = O, ĉ_0 = h
    for (int i = 0; i < n; i++) {
      sink.begin("t̂_" + (i + 1) + " (link " + (i + 1) + " of the commitment chain)");
      sink.term(chain.get(i), c);
      sink.g(proof.sHat().get(i).toBigInteger());
      sink.term(i == 0 ? gens.h() : chain.get(i - 1), sP[i]);
      sink.term(proof.tHat().get(i), MINUS_ONE);
      if (!sink.end()) {
        return false;
      }
    }
    return true;
  }
}
