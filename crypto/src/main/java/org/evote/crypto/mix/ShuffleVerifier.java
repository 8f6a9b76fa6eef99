package org.evote.crypto.mix;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.Scalar;
import org.evote.crypto.proof.ProofCheck;

/**
 * Checks a proof of shuffle against its statement (protocol §13.4, step V21). The challenges are recomputed from
 * the statement and the proof's commitments (strong Fiat–Shamir, §13.3), never taken from the proof.
 * {@link #verify(ShuffleStatement, ShuffleProof)} checks each equation on its own (no randomness needed);
 * {@link #verify(ShuffleStatement, ShuffleProof, SecureRandom, int)} checks them all as one random linear combination
 * with 128-bit weights from the verifier's SecureRandom ({@link ShuffleBatch}), and only if that fails
 * checks each on its own to name the first that fails.
 */
public final class ShuffleVerifier {
  private ShuffleVerifier() {}

  /** Valid, or Invalid naming the first equation that fails. */
  public static ProofCheck verify(ShuffleStatement statement, ShuffleProof proof) {
    ProofCheck shape = shape(statement, proof);
    if (!shape.isValid()) {
      return shape;
    }
    return direct(statement, proof, 1, Generators.forShuffle(statement.extendedHash(), statement.size()));
  }

  /** As {@link #verify(ShuffleStatement, ShuffleProof)}, batched with weights from {@code random}, on threads. */
  public static ProofCheck verify(ShuffleStatement statement, ShuffleProof proof, SecureRandom random, int threads) {
    ProofCheck shape = shape(statement, proof);
    if (!shape.isValid()) {
      return shape;
    }
    return verify(statement, proof, random, threads,
        Generators.forShuffle(statement.extendedHash(), statement.size(), threads));
  }

  /**
   * As {@link #verify(ShuffleStatement, ShuffleProof, SecureRandom, int)} with the generators already computed by
   * {@link Generators#forShuffle} for the statement's H_E (at least N of them), so that the mixes of one list in a
   * cascade share them. h and h_N are recomputed and compared, which catches generators of another election or
   * too few of them.
   */
  public static ProofCheck verify(ShuffleStatement statement, ShuffleProof proof, SecureRandom random, int threads,
      Generators.ShuffleGenerators generators) {
    ProofCheck shape = shape(statement, proof);
    if (!shape.isValid()) {
      return shape;
    }
    int n = statement.size();
    if (generators.hs().size() < n || !generators.h().equals(Generators.generator(statement.extendedHash(), 0))
        || !generators.hs().get(n - 1).equals(Generators.generator(statement.extendedHash(), n))) {
      throw new IllegalArgumentException("the generators are not those of this election and list (§13.1)");
    }
    Generators.ShuffleGenerators gens = Generators.prefix(generators, n);
    Scalar[] u = ShuffleHashes.challenges(statement, proof.permutationCommitments());
    Scalar c = challenge(statement, proof);
    if (ShuffleBatch.holds(statement, proof, gens, u, c, random, threads)) {
      return ProofCheck.VALID;
    }
    return direct(statement, proof, threads, gens);
  }

  private static ProofCheck direct(ShuffleStatement statement, ShuffleProof proof, int threads,
      Generators.ShuffleGenerators gens) {
    Scalar[] u = ShuffleHashes.challenges(statement, proof.permutationCommitments());
    Scalar c = challenge(statement, proof);
    String[] failed = new String[1];
    ShuffleEquations.describe(statement, proof, gens, u, c, new ShuffleEquations.Sink() {
      private Combination one;
      private String name;

      @Override
      public void begin(String n) {
        name = n;
        one = new Combination();
      }

      @Override
      public void g(BigInteger s) {
        one.g(s);
      }

      @Override
      public void k(BigInteger s) {
        one.k(s);
      }

      @Override
      public void term(Element p, BigInteger s) {
        one.term(p, s);
      }

      @Override
      public boolean end() {
        if (one.isIdentity(statement.jointKey(), threads)) {
          return true;
        }
        failed[0] = name;
        return false;
      }
    });
    return failed[0] == null ? ProofCheck.VALID
        : ProofCheck.invalid("the proof of shuffle's equation for " + failed[0] + " does not hold");
  }

  private static Scalar challenge(ShuffleStatement st, ShuffleProof p) {
    return ShuffleHashes.challenge(st, p.permutationCommitments(), p.chain(), p.t1(), p.t2(), p.t3(), p.t4Alpha(),
        p.t4Beta(), p.tHat());
  }

  /** The proof's N and w must be the statement's. */
  private static ProofCheck shape(ShuffleStatement st, ShuffleProof p) {
    if (p.size() != st.size()) {
      return ProofCheck.invalid("the proof of shuffle is for " + p.size() + " rows, the lists have " + st.size());
    }
    if (p.width() != st.width()) {
      return ProofCheck.invalid("the proof of shuffle is for rows of width " + p.width() + ", the lists have width "
          + st.width());
    }
    return ProofCheck.VALID;
  }
}
